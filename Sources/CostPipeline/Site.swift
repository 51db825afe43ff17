import CostAnalysis
import CostModel
import CostRender
import CostSite

/// Stage 4 of `build`: every page and download of the site, in memory.
public struct RenderSite: Sendable {
    /// `--site-url`: only the feed uses it.
    public var siteURL: String?
    /// `--run-url`: run ids link to the CI.
    public var runURL: RunURL?

    public init(siteURL: String? = nil, runURL: RunURL? = nil) { self.siteURL = siteURL; self.runURL = runURL }

    public func run(_ analysis: Analysis, wording: ReportWording, renderer: ReportRenderer, progress: ProgressLines) throws -> [SiteFile] {
        try render(prepare(analysis, wording: wording, progress: progress), renderer: renderer, progress: progress)
    }

    /// What the pages show, analysed. It holds no records: `build` lets the dataset go before
    /// rendering, so a million records' memory is not held while the pages pile up (issue 15).
    public struct Prepared: Sendable {
        var site: SiteInput
        var dimensions: DimensionPages
    }

    /// `wording` fills the reports' sentences (`ReportWording`), as every output shows them.
    public func prepare(_ analysis: Analysis, wording: ReportWording, progress: ProgressLines) throws -> Prepared {
        try Step.render.run {
            let analyzer = analysis.analyzer, asOf = analysis.asOf
            let periods = analyzer.periodsWithData(asOf: asOf)
            progress.say("as of \(asOf.iso): \(periods.weeks.count) weeks and \(periods.months.count) months with data")
            let stylesheet = try Self.asset("style.css", analysis.inputs)
            let weeks = periods.weeks.map(\.period), months = periods.months.map(\.period)
            let analysed = try SiteAnalysis.run(analyzer, wording: wording, asOf: asOf, weeks: weeks, months: months)
            var site = SiteInput(overview: analysed.overview, weekReports: analysed.weekReports,
                                 monthReports: analysed.monthReports,
                                 stylesheet: stylesheet, catalog: analysis.inputs.catalog,
                                 config: analysis.inputs.config, publicationLog: analysis.publicationLog)
            site.script = try Self.asset("table.js", analysis.inputs)
            // The dimension pages first: the report pages link their keys to them.
            site.keyStems = SiteExtras.dimensionStems(analysed.dimensions)
            site.runURL = runURL
            return Prepared(site: site, dimensions: analysed.dimensions)
        }
    }

    public func render(_ prepared: Prepared, renderer: ReportRenderer, progress: ProgressLines) throws -> [SiteFile] {
        try Step.render.run {
            var files = try SiteBuilder.files(prepared.site, renderer: renderer, progress: progress.say)
            // data.json, breakdown CSVs, the Atom feed and the dimension pages (SiteExtras.swift).
            progress.say("writing data downloads, the feed and the dimension pages")
            files += try SiteExtras.files(prepared.site, extras: SiteExtrasInput(siteURL: siteURL, dimensions: prepared.dimensions),
                                          renderer: renderer)
            return files
        }
    }

    /// A file the site copies as-is (`style.css`, `table.js`): the templates folder's, else the built-in one.
    static func asset(_ name: String, _ inputs: Inputs) throws -> [UInt8] {
        guard let file = inputs.assets.asset(name) else {
            throw PipelineError(step: .render, file: inputs.assets.userDirectory, message:
                "missing \(name) in \(inputs.assets.describedLookup): add \(name) to the templates folder")
        }
        return Array(file.text.utf8)
    }
}

/// Stage 5 of `build`: publish the files atomically into the output folder.
public struct WriteSite: Sendable {
    public var out: String

    public init(out: String) { self.out = out }

    public func run(_ files: [SiteFile]) throws {
        // The log is one of `files` (the previous weeks plus this one), so no carry-over is
        // needed: the atomic swap publishes it with the pages, and a failed build never
        // reaches the swap, leaving the previous site and its log untouched.
        try Step.write.run(file: out) { try SiteWriter.write(files, to: out) }
    }
}

/// Reading the publication log (checklist item 8) of an existing site.
enum PublicationLogReading {
    /// The log in the site folder `out`, nil when there is none. A log that cannot be read is a
    /// warning, not an error: it feeds one checklist item, and refusing to build would hold back
    /// every cost report over a bookkeeping file whose only fix would be deleting it by hand.
    /// The warning names the file (restore it from a backup before the next build to keep its
    /// weeks); the build then starts a new log with its own week.
    static func previous(in out: String, progress: ProgressLines) -> PublicationLog? {
        do {
            return try PublicationLogFile.read(siteDirectory: out)
        } catch {
            progress.warn("\(error); starting a new publication log with this build's week, so earlier weeks no longer count for checklist item 8")
            return nil
        }
    }

    /// For `report` and `check`: the published log, read only; an unreadable one is ignored with a warning.
    static func published(in out: String, progress: ProgressLines) -> PublicationLog? {
        do {
            return try PublicationLogFile.read(siteDirectory: out)
        } catch {
            progress.warn("\(error); ignored, so checklist item 8 counts no publication")
            return nil
        }
    }
}

/// `--out FILE` of the commands that print one text (report, pr): replaced atomically.
public enum OutputFile {
    /// Before any work: the file's folder exists and is writable.
    public static func check(_ path: String) throws {
        try Step.loadInputs.run(file: path) { try AtomicFile.checkWritable(path) }
    }

    public static func write(_ text: String, to path: String) throws {
        try Step.write.run(file: path) { try AtomicFile.write(path) { sink in try sink(text) } }
    }
}

/// Everything the site's pages show, analysed on every core: each period's report, the
/// dimension pages and the efficiency page are independent of one another. Results are put
/// together in a fixed order, so the site is the same as a serial build's, byte for byte.
struct SiteAnalysis {
    let weekReports: [Report]
    let monthReports: [Report]
    let overview: SiteOverview
    let dimensions: DimensionPages

    private enum Piece: Sendable {
        case report(Period)
        case dimensions
        case efficiency
    }

    private enum Result: Sendable {
        case report(Report)
        case dimensions(DimensionPages)
        case efficiency(EfficiencyPage)
    }

    /// Each period's report is worded (`ReportWording`) as soon as it is analysed, in the same
    /// pass, so the as-of week and month the overview shows are worded once, with the others.
    static func run(_ analyzer: Analyzer, wording: ReportWording, asOf: Day, weeks: [Period], months: [Period]) throws -> SiteAnalysis {
        // The index shows the as-of week and month: the site's own reports when they have data.
        let currentWeek = Period.week(containing: asOf), currentMonth = Period.month(containing: asOf)
        var extraPeriods: [Period] = []
        if !weeks.contains(currentWeek) { extraPeriods.append(currentWeek) }
        if !months.contains(currentMonth) { extraPeriods.append(currentMonth) }
        // The longest pieces first, so neither core is left with a long one at the end.
        let pieces: [Piece] = [.dimensions, .efficiency] + (months + extraPeriods + weeks).map(Piece.report)
        let worded = { @Sendable (p: Period) in try wording.worded(analyzer.report(for: p, asOf: asOf)) }
        let results = try Concurrently.map(pieces.count) { i -> Result in
            switch pieces[i] {
            case .report(let period): return .report(try worded(period))
            case .dimensions: return .dimensions(analyzer.dimensionPages(asOf: asOf))
            case .efficiency: return .efficiency(analyzer.efficiencyPage(asOf: asOf))
            }
        }
        var reports: [Period: Report] = [:]
        var dimensions: DimensionPages?
        var efficiency: EfficiencyPage?
        for (piece, result) in zip(pieces, results) {
            switch (piece, result) {
            case (.report(let period), .report(let report)): reports[period] = report
            case (_, .dimensions(let pages)): dimensions = pages
            case (_, .efficiency(let page)): efficiency = page
            default: break
            }
        }
        // Every piece was computed above; the fallbacks only satisfy the compiler.
        let report = { (p: Period) in try reports[p] ?? worded(p) }
        let overview = analyzer.overview(asOf: asOf, currentWeek: try report(currentWeek), currentMonth: try report(currentMonth),
                                         efficiency: efficiency ?? analyzer.efficiencyPage(asOf: asOf))
        return SiteAnalysis(weekReports: try weeks.map(report), monthReports: try months.map(report), overview: overview,
                            dimensions: dimensions ?? analyzer.dimensionPages(asOf: asOf))
    }
}
