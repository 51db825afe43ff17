import CostModel
import CostRender

/// `costreport report`: one period's report as Markdown, JSON or an HTML page.
public struct ReportJob: Sendable {
    public enum Format: String, Sendable, CaseIterable { case markdown, json, html }

    public var inputs: InputSettings
    /// Nil: the week of the as-of date.
    public var period: Period?
    public var format: Format
    /// The site folder whose publication log decides checklist item 8 (read only).
    public var site: String
    /// `--allow-empty`: a `--period` outside the data gives an empty report, not an error.
    public var allowEmpty: Bool
    /// `--site-url`: the published site, so a standalone HTML page's links are absolute (without
    /// it the page has none).
    public var siteURL: String?
    /// `--run-url`: run ids link to the CI.
    public var runURL: RunURL?

    public init(inputs: InputSettings, period: Period? = nil, format: Format = .markdown, site: String = "site",
                allowEmpty: Bool = false, siteURL: String? = nil, runURL: RunURL? = nil) {
        self.inputs = inputs; self.period = period; self.format = format; self.site = site; self.allowEmpty = allowEmpty
        self.siteURL = siteURL; self.runURL = runURL
    }

    /// The text to print (ends with a newline).
    public func run(progress: ProgressLines) throws -> String {
        let loaded = try LoadInputs(inputs).run(progress: progress)
        let renderer = format == .json ? nil
            : try Step.loadInputs.run(file: loaded.assets.userDirectory) { try ReportRenderer(assets: loaded.assets) }
        let wording = try Step.loadInputs.run(file: loaded.assets.userDirectory) { try ReportWording(assets: loaded.assets) }
        let log = PublicationLogReading.published(in: site, progress: progress)
        let dataset = try IngestRecords().run(loaded, progress: progress)
        let analysis = try Analyse(publicationLog: { _ in log }).run(loaded, dataset)
        let outside = try PeriodCoverage.check(period, analysis, allowEmpty: allowEmpty, progress: progress)
        let analysed = analysis.analyzer.report(for: period ?? .week(containing: analysis.asOf), asOf: analysis.asOf)
        let report = try Step.render.run { try wording.worded(analysed) }
        if !outside { PeriodCoverage.warnIfEmpty(report, progress: progress) }
        return try Step.render.run {
            guard let renderer else { return String(decoding: try report.jsonData(), as: UTF8.self) + "\n" }
            let markdown = try renderer.markdown(for: report, links: .runs(runURL))
            guard format == .html else { return markdown }
            return try renderer.page(markdown: markdown, shell: standaloneShell(report, loaded))
        }
    }

    /// Issue 13 part 5: a page to mail or paste. Its styles are inline and it runs no script; with
    /// `--site-url` its header, breadcrumbs and Markdown-source link point into the site,
    /// absolutely; without, it has no link that could point nowhere.
    func standaloneShell(_ report: Report, _ loaded: Inputs) throws -> PageShell {
        let css = String(decoding: try RenderSite.asset("style.css", loaded), as: UTF8.self)
        let title = "\(report.period.kind.rawValue.capitalized) \(report.period.id)"
        guard let siteURL else { return PageShell(title: title, root: "", asOf: report.asOf, inlineStylesheet: css) }
        let onSite = report.period.kind != .range  // weeks and months with data have a page
        let stem = SitePaths.stem(report.period.kind, id: report.period.id)
        return PageShell(title: title, root: SiteExtras.normalizedSiteURL(siteURL), asOf: report.asOf,
                         breadcrumbs: [PageLink(label: "Overview", href: SitePaths.index), PageLink(label: title, href: nil)],
                         markdownHref: onSite ? stem + ".md" : nil, inlineStylesheet: css)
    }
}
