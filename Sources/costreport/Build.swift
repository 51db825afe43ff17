import ArgumentParser
import CostAnalysis
import CostModel
import CostRender
import CostSite
import Foundation

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static site: index, every week and month with data, as HTML and Markdown.",
        discussion: "The site is written to a temporary folder and swapped in at the end: a failed build leaves the previous site untouched.")

    @OptionGroup var input: InputOptions
    @OptionGroup var templateOptions: TemplateOptions
    @OptionGroup var siteURLOptions: SiteURLOptions

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String = "site"

    @Flag(name: .shortAndLong, help: "No progress lines on stderr.")
    var quiet = false

    func run() async throws {
        let console = Console(quiet: quiet)
        do {
            // Templates first: a broken template fails before the database is read.
            let templatesDir = Pipeline.templatesDirectory(templateOptions.templates)
            let renderer = try await ReportRenderer(templatesDirectory: templatesDir)
            let stylesheet = try Stylesheet.read(from: templatesDir)
            let previousLog = PublicationLogReading.previous(in: out, console: console)
            // Record the as-of week (never the clock): rebuilding the same data gives the same log.
            let p = try Pipeline.load(input, progress: console, publicationLog: { asOf in
                (previousLog ?? PublicationLog()).recording(week: Period.week(containing: asOf).id)
            })
            let periods = p.analyzer.periodsWithData(asOf: p.asOf)
            console.say("as of \(p.asOf.iso): \(periods.weeks.count) weeks and \(periods.months.count) months with data")
            let weekReports = periods.weeks.map { p.analyzer.report(for: Period(parsing: $0.id)!, asOf: p.asOf) }
            let monthReports = periods.months.map { p.analyzer.report(for: Period(parsing: $0.id)!, asOf: p.asOf) }
            let site = SiteInput(overview: p.analyzer.overview(asOf: p.asOf), weekReports: weekReports,
                                 monthReports: monthReports, stylesheet: stylesheet,
                                 catalog: p.catalog, config: p.config, publicationLog: p.publicationLog)
            var files = try SiteBuilder.files(site, renderer: renderer, progress: { console.say($0) })
            // data.json, breakdown CSVs, the Atom feed and the dimension pages (SiteExtras.swift).
            console.say("writing data downloads, the feed and the dimension pages")
            files += try SiteExtras.files(site, extras: SiteExtrasInput(siteURL: siteURLOptions.normalized,
                                                                         dimensions: p.analyzer.dimensionPages(asOf: p.asOf)),
                                          renderer: renderer)
            // The log is one of `files` (the previous weeks plus this one), so no carry-over is
            // needed: the atomic swap publishes it with the pages, and a failed build never
            // reaches the swap, leaving the previous site and its log untouched.
            try SiteWriter.write(files, to: out)
            console.say("wrote \(files.count) files to \(out)/ — open \(out)/index.html")
        } catch {
            throw Console.fail(error)
        }
    }
}

/// Reading the publication log (checklist item 8) of an existing site.
enum PublicationLogReading {
    /// The log in the site folder `out`, nil when there is none. A log that cannot be read is a
    /// warning, not an error: it feeds one checklist item, and refusing to build would hold back
    /// every cost report over a bookkeeping file whose only fix would be deleting it by hand.
    /// The warning names the file (restore it from a backup before the next build to keep its
    /// weeks); the build then starts a new log with its own week.
    static func previous(in out: String, console: Console) -> PublicationLog? {
        do {
            return try PublicationLogFile.read(siteDirectory: out)
        } catch {
            console.warn("\(error); starting a new publication log with this build's week, so earlier weeks no longer count for checklist item 8")
            return nil
        }
    }

    /// For `report` and `check`: the published log, read only; an unreadable one is ignored with a warning.
    static func published(in out: String, console: Console) -> PublicationLog? {
        do {
            return try PublicationLogFile.read(siteDirectory: out)
        } catch {
            console.warn("\(error); ignored, so checklist item 8 counts no publication")
            return nil
        }
    }
}

enum Stylesheet {
    static func read(from templatesDir: String) throws -> [UInt8] {
        let path = templatesDir + "/style.css"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("missing stylesheet \(path): copy style.css from the repository's Templates/ into \(templatesDir)")
        }
        return Array(data)
    }
}
