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

    public init(inputs: InputSettings, period: Period? = nil, format: Format = .markdown, site: String = "site",
                allowEmpty: Bool = false) {
        self.inputs = inputs; self.period = period; self.format = format; self.site = site; self.allowEmpty = allowEmpty
    }

    /// The text to print (ends with a newline).
    public func run(progress: ProgressLines) throws -> String {
        let loaded = try LoadInputs(inputs).run(progress: progress)
        let renderer = format == .json ? nil
            : try Step.loadInputs.run(file: loaded.assets.userDirectory) { try ReportRenderer(assets: loaded.assets) }
        let log = PublicationLogReading.published(in: site, progress: progress)
        let dataset = try IngestRecords().run(loaded, progress: progress)
        let analysis = try Analyse(publicationLog: { _ in log }).run(loaded, dataset)
        let outside = try PeriodCoverage.check(period, analysis, allowEmpty: allowEmpty, progress: progress)
        let report = analysis.analyzer.report(for: period ?? .week(containing: analysis.asOf), asOf: analysis.asOf)
        if !outside { PeriodCoverage.warnIfEmpty(report, progress: progress) }
        return try Step.render.run {
            guard let renderer else { return String(decoding: try report.jsonData(), as: UTF8.self) + "\n" }
            let markdown = try renderer.markdown(for: report)
            guard format == .html else { return markdown }
            let shell = PageShell(title: "\(report.period.kind.rawValue.capitalized) \(report.period.id)", root: "", asOf: report.asOf)
            return try renderer.page(markdown: markdown, shell: shell)
        }
    }
}
