import CostModel
import CostRender
import CostSite

/// `costreport build`: load inputs → ingest → analyse → render the site → write it atomically.
public struct BuildJob: Sendable {
    public var inputs: InputSettings
    public var out: String
    /// `--site-url`, normalised to end with `/`; only the feed uses it.
    public var siteURL: String?

    /// `--run-url`: run ids on the pages link to the CI.
    public var runURL: RunURL?

    public init(inputs: InputSettings, out: String = "site", siteURL: String? = nil, runURL: RunURL? = nil) {
        self.inputs = inputs; self.out = out; self.siteURL = siteURL; self.runURL = runURL
    }

    /// Returns how many files were published.
    @discardableResult
    public func run(progress: ProgressLines) throws -> Int {
        let loaded = try LoadInputs(inputs).run(progress: progress)
        // An unusable output folder fails before any rendering.
        try Step.write.run(file: out) { try SiteWriter.checkOutput(out) }
        // Templates are checked before the records are read: a broken one fails in seconds.
        let renderer = try Step.loadInputs.run(file: loaded.assets.userDirectory) { try ReportRenderer(assets: loaded.assets) }
        let wording = try Step.loadInputs.run(file: loaded.assets.userDirectory) { try ReportWording(assets: loaded.assets) }
        let previousLog = PublicationLogReading.previous(in: out, progress: progress)
        let stage = RenderSite(siteURL: siteURL, runURL: runURL)
        // In a scope of its own: the records and the analyzer are released before the pages are
        // rendered (the prepared site holds only the reports).
        let prepared = try { () throws -> RenderSite.Prepared in
            let dataset = try IngestRecords().run(loaded, progress: progress)
            // Record the as-of week (never the clock): rebuilding the same data gives the same log.
            let analysis = try Analyse(publicationLog: { asOf in
                (previousLog ?? PublicationLog()).recording(week: Period.week(containing: asOf).id)
            }).run(loaded, dataset)
            Self.warnAboutDataAge(analysis, progress: progress)
            return try stage.prepare(analysis, wording: wording, progress: progress)
        }()
        let files = try stage.render(prepared, renderer: renderer, progress: progress)
        try WriteSite(out: out).run(files)
        progress.say("wrote \(files.count) files to \(out)/ — open \(out)/index.html")
        return files.count
    }

    /// Stale or future-dated data is said on stderr, never in the site (whose figures stay
    /// those of the data's as-of date): the same thresholds as `check --max-data-age`.
    static func warnAboutDataAge(_ analysis: Analysis, progress: ProgressLines) {
        guard analysis.inputs.settings.asOf == nil else { return }
        if let future = analysis.futureRecords {
            progress.warn(FreshnessText.futureWarning(count: future.count, latest: future.latest, today: analysis.inputs.today))
        }
        if let freshness = analysis.freshness(maxAge: CheckJob.defaultMaxDataAge), freshness.isStale {
            progress.warn(FreshnessText.staleWarning(freshness))
        }
    }
}
