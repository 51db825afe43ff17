import ArgumentParser
import CostModel
import CostPipeline

/// `costreport report` (named so as not to shadow `CostModel.Report`).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print one report to stdout.",
        discussion: "Examples:\n  costreport report --period 2026-W48 --format markdown\n  costreport report --period 2026-11 --format json")

    @OptionGroup var input: InputOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var templateOptions: TemplateOptions
    @OptionGroup var runURLOptions: RunURLOptions

    @Option(name: .long, help: ArgumentHelp(periodHelp + " Default: the week of the as-of date.", valueName: "period"), transform: Parse.period)
    var period: Period?

    @Option(name: .long, help: "Output format: markdown, json or html.")
    var format: ReportJob.Format = .markdown

    @Option(name: .long, help: ArgumentHelp("The site folder `costreport build` writes: its publication log decides checklist item 8 (read only, never written).", valueName: "dir"))
    var site: String = "site"

    @Option(name: .long, help: ArgumentHelp("Write the report to this file (replaced atomically) instead of stdout.", valueName: "file"))
    var out: String?

    @Flag(name: .long, help: "Print an empty report for a --period outside the data, instead of failing.")
    var allowEmpty = false

    @Option(name: .long, help: ArgumentHelp("With --format html: the published site's address, so the page's links into it are absolute (without it the standalone page has none).", valueName: "url"))
    var siteURL: String?

    func validate() throws {
        if let siteURL { try SiteURLOptions.check(siteURL) }
    }

    func run() async throws {
        let job = ReportJob(inputs: input.settings(templates: templateOptions.templates), period: period,
                            format: format, site: site, allowEmpty: allowEmpty,
                            siteURL: siteURL, runURL: runURLOptions.runURL)
        do {
            if let out { try OutputFile.check(out) }
            let text = try job.run(progress: common.console.progress)
            if let out {
                try OutputFile.write(text, to: out)
                common.console.say("wrote \(out)")
            } else {
                Console.write(text)
            }
        } catch {
            throw Console.fail(error)
        }
    }
}

extension ReportJob.Format: ExpressibleByArgument {}
