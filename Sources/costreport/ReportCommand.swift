import ArgumentParser
import CostModel
import CostRender
import CostSite
import Foundation

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one report to stdout.",
        discussion: "Examples:\n  costreport report --period 2026-W48 --format markdown\n  costreport report --period 2026-11 --format json")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case markdown, json, html }

    @OptionGroup var input: InputOptions
    @OptionGroup var templateOptions: TemplateOptions

    @Option(name: .long, help: ArgumentHelp("An ISO week (2026-W48), a month (2026-11) or a range (2026-10-01..2026-11-30). Default: the week of the as-of date.", valueName: "period"))
    var period: String?

    @Option(name: .long, help: "Output format: markdown, json or html.")
    var format: OutputFormat = .markdown

    @Option(name: .long, help: ArgumentHelp("The site folder `costreport build` writes: its publication log decides checklist item 8 (read only, never written).", valueName: "dir"))
    var out: String = "site"

    func validate() throws {
        if let period, Period(parsing: period) == nil {
            throw ValidationError("--period '\(period)' is not a period: use 2026-W48, 2026-11 or 2026-10-01..2026-11-30")
        }
    }

    func run() async throws {
        let console = Console(quiet: true)
        do {
            let renderer = format == .json ? nil
                : try await ReportRenderer(templatesDirectory: Pipeline.templatesDirectory(templateOptions.templates))
            let log = PublicationLogReading.published(in: out, console: console)
            let p = try Pipeline.load(input, progress: console, publicationLog: { _ in log })
            let chosen = period.flatMap(Period.init(parsing:)) ?? .week(containing: p.asOf)
            let report = p.analyzer.report(for: chosen, asOf: p.asOf)
            switch format {
            case .json:
                Console.write(String(decoding: try report.jsonData(), as: UTF8.self) + "\n")
            case .markdown:
                Console.write(try renderer!.markdown(for: report))
            case .html:
                let markdown = try renderer!.markdown(for: report)
                let shell = PageShell(title: "\(report.period.kind.rawValue.capitalized) \(report.period.id)", root: "", asOf: report.asOf)
                Console.write(try renderer!.page(markdown: markdown, shell: shell))
            }
        } catch {
            throw Console.fail(error)
        }
    }
}
