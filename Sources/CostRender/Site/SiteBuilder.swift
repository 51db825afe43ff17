import CostAnalysis
import CostModel

/// Everything one site build needs, already computed: the overview and the report of every
/// week and month that has data (newest first, as in the overview).
public struct SiteInput: Sendable {
    public var overview: SiteOverview
    public var weekReports: [Report]
    public var monthReports: [Report]
    /// The stylesheet from the templates folder, copied as-is.
    public var stylesheet: [UInt8]
    /// The pricing catalog and settings the reports were computed with (the Methodology page).
    public var catalog: Catalog
    public var config: Config
    /// The publication log to publish with the site (this build's week already recorded);
    /// nil writes none.
    public var publicationLog: PublicationLog?
    /// Each dimension page's stem by dimension and key (`SiteExtras.dimensionStems`), so report
    /// tables link their keys; empty: no links.
    public var keyStems: [DimensionKind: [String: String]] = [:]
    /// `table.js` from the templates folder, copied as-is: sortable and filterable tables
    /// (progressive enhancement; every page reads fully without it). Empty: none.
    public var script: [UInt8] = []
    /// `--run-url`: run ids link to the CI; nil: plain text.
    public var runURL: RunURL?

    public init(overview: SiteOverview, weekReports: [Report], monthReports: [Report], stylesheet: [UInt8],
                catalog: Catalog, config: Config, publicationLog: PublicationLog? = nil) {
        self.overview = overview; self.weekReports = weekReports
        self.monthReports = monthReports; self.stylesheet = stylesheet
        self.catalog = catalog; self.config = config; self.publicationLog = publicationLog
    }
}

/// Decides every path of the site and asks the renderer for each page's text.
/// Produces files in memory; `SiteWriter` publishes them atomically.
public enum SiteBuilder {
    public static func files(_ input: SiteInput, renderer: ReportRenderer,
                             progress: (@Sendable (String) -> Void)? = nil) throws -> [SiteFile] {
        let o = input.overview
        let latestWeek = SiteExtras.latestLink(.week, o.weeks), latestMonth = SiteExtras.latestLink(.month, o.months)
        var files: [SiteFile] = []

        let indexShell = PageShell(title: "Cloud test spend", root: "", asOf: o.asOf, isIndex: true,
                                   latestWeek: latestWeek, latestMonth: latestMonth)
        files.append(SiteFile(path: SitePaths.index,
                              text: try renderer.indexPage(o, shell: indexShell)))

        // Site-wide pages at the root, each with its Markdown source beside it.
        let checklist = try renderer.checklistMarkdown(for: o.currentWeek)
        let checklistShell = PageShell(
            title: "Cost-reduction checklist", root: "", asOf: o.asOf,
            breadcrumbs: [PageLink(label: "Overview", href: SitePaths.index), PageLink(label: "Checklist", href: nil)],
            markdownHref: SitePaths.checklistMarkdown, latestWeek: latestWeek, latestMonth: latestMonth, isChecklist: true)
        files.append(SiteFile(path: SitePaths.checklistMarkdown, text: checklist))
        files.append(SiteFile(path: SitePaths.checklist, text: try renderer.page(markdown: checklist, shell: checklistShell)))

        let methodology = try renderer.methodologyMarkdown(catalog: input.catalog, config: input.config)
        let methodologyShell = PageShell(
            title: "Methodology", root: "", asOf: o.asOf,
            breadcrumbs: [PageLink(label: "Overview", href: SitePaths.index), PageLink(label: "Methodology", href: nil)],
            markdownHref: SitePaths.methodologyMarkdown, latestWeek: latestWeek, latestMonth: latestMonth, isMethodology: true)
        files.append(SiteFile(path: SitePaths.methodologyMarkdown, text: methodology))
        files.append(SiteFile(path: SitePaths.methodology, text: try renderer.page(markdown: methodology, shell: methodologyShell)))

        for (label, reports) in [("Week", input.weekReports), ("Month", input.monthReports)] {
            progress?("rendering \(reports.count) \(label.lowercased()) reports")
            // Pages are independent: rendered on every core, appended in the reports' order.
            let pages = try Concurrently.map(reports.count) { i in
                try Self.periodPages(reports, at: i, label: label, input: input, renderer: renderer,
                                     latestWeek: latestWeek, latestMonth: latestMonth)
            }
            for page in pages { files += page }
        }
        files.append(SiteFile(path: SitePaths.stylesheet, bytes: input.stylesheet))
        if !input.script.isEmpty { files.append(SiteFile(path: SitePaths.script, bytes: input.script)) }
        if let log = input.publicationLog {
            files.append(SiteFile(path: SitePaths.publicationLog, bytes: try PublicationLogFormat.encode(log)))
        }
        return files
    }

    /// One period's Markdown and HTML page. Reports are newest first: the previous (older)
    /// period is the next element.
    private static func periodPages(_ reports: [Report], at i: Int, label: String, input: SiteInput,
                                    renderer: ReportRenderer, latestWeek: PageLink?,
                                    latestMonth: PageLink?) throws -> [SiteFile] {
        let report = reports[i], asOf = input.overview.asOf
        let stem = SitePaths.stem(report.period.kind, id: report.period.id)
        let link = { (r: Report) in
            PageLink(label: r.period.id, href: SitePaths.stem(r.period.kind, id: r.period.id) + ".html")
        }
        let shell = PageShell(
            title: "\(label) \(report.period.id)", root: SitePaths.root(from: stem + ".html"), asOf: asOf,
            breadcrumbs: [PageLink(label: "Overview", href: SitePaths.index),
                          PageLink(label: "\(label) \(report.period.id)", href: nil)],
            previous: i + 1 < reports.count ? link(reports[i + 1]) : nil,
            next: i > 0 ? link(reports[i - 1]) : nil,
            markdownHref: stem + ".md", latestWeek: latestWeek, latestMonth: latestMonth)
        let markdown = try renderer.markdown(for: report, links: Self.links(report, stems: input.keyStems, run: input.runURL))
        return [SiteFile(path: stem + ".md", text: markdown),
                SiteFile(path: stem + ".html", text: try renderer.reportPage(report, markdown: markdown, shell: shell))]
    }

    /// A report page's links: its breakdowns' CSVs (written by `SiteExtras.dataFiles`) and the
    /// pages of the keys that have one.
    static func links(_ report: Report, stems: [DimensionKind: [String: String]], run: RunURL?) -> ReportLinks {
        let kind = report.period.kind, id = report.period.id
        let byDimension = Dictionary(uniqueKeysWithValues: DimensionKind.allCases.map { ($0.dimension, stems[$0] ?? [:]) })
        return ReportLinks(root: SitePaths.root(from: SitePaths.stem(kind, id: id) + ".html"),
                           csv: { BreakdownExport.dimensions.contains($0) ? SitePaths.breakdownCSV(kind, id: id, dimension: $0) : nil },
                           key: { dimension, key in byDimension[dimension]?[key].map { $0 + ".html" } }, run: run)
    }
}
