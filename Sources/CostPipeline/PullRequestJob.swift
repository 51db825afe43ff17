import CostAnalysis
import CostIngest
import CostModel
import CostRender

/// `costreport pr`: what one pull request's (or branch's) runs cost, as a PR comment, a job
/// summary or JSON.
public struct PullRequestJob: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case markdown
        case githubSummary = "github-summary"
        case json
    }

    public var inputs: InputSettings
    public var selector: PullRequestSelector
    public var base: String
    public var siteURL: String?
    public var format: Format
    /// Print nothing when the PR's spend is below this many USD.
    public var onlyIfOver: Double?
    /// Print nothing when no change reaches this fraction (0.1 = 10 %).
    public var onlyIfChange: Double?
    /// `--run-url`: run ids link to the CI.
    public var runURL: RunURL?
    /// `--fail-if-over` (USD), `--fail-if-change` (a fraction, 0.2 = 20 %) and
    /// `--fail-if-failed-spend` (USD): thresholds that make the command exit 1 (the comment is
    /// printed anyway; `PullRequestGate`).
    public var failIfOver: Double?
    public var failIfChange: Double?
    public var failIfFailedSpend: Double?
    /// `--commit SHA`: only that commit's runs (a short SHA matches as a prefix).
    public var commit: String?

    public init(inputs: InputSettings, selector: PullRequestSelector, base: String = "main", siteURL: String? = nil,
                format: Format = .markdown, onlyIfOver: Double? = nil, onlyIfChange: Double? = nil, runURL: RunURL? = nil) {
        self.inputs = inputs; self.selector = selector; self.base = base; self.siteURL = siteURL
        self.format = format; self.onlyIfOver = onlyIfOver; self.onlyIfChange = onlyIfChange; self.runURL = runURL
    }

    public enum Outcome: Sendable, Equatable {
        /// The text to print, and the `--fail-if-*` thresholds the PR crossed (one stderr line each).
        case printed(String, crossed: [String] = [])
        /// Nothing to print, and why (one line for stderr).
        case quiet(String)
    }

    /// The --only-if flags given, for messages.
    var quietFlags: [String] {
        (onlyIfOver == nil ? [] : ["--only-if-over"]) + (onlyIfChange == nil ? [] : ["--only-if-change"])
    }

    public func run(progress: ProgressLines) throws -> Outcome {
        let loaded = try LoadInputs(inputs).run(progress: progress)
        let renderer = format == .json ? nil
            : try Step.loadInputs.run(file: loaded.assets.userDirectory) { try PullRequestRenderer(assets: loaded.assets) }
        let wording = try Step.loadInputs.run(file: loaded.assets.userDirectory) { try ReportWording(assets: loaded.assets) }
        let dataset = try IngestRecords().run(loaded, progress: progress)
        let analysis = try Analyse().run(loaded, dataset)
        let analysed = analysis.analyzer.pullRequest(selector, base: base, asOf: analysis.asOf, siteURL: siteURL, commit: commit)
        let report = try Step.render.run { try wording.worded(analysed) }
        guard report.hasRuns else {
            let what = "no runs for \(selector)\(commit.map { " at commit \($0)" } ?? "") in \(loaded.sourceNames) up to \(report.asOf)"
            if !quietFlags.isEmpty {
                return .quiet("\(what): nothing printed (\(quietFlags.joined(separator: ", ")))")
            }
            throw PipelineError(step: .analyse, file: loaded.sourceNames, message:
                "\(what) — PR keys are matched after normalisation (#123, pr-123 and 123 are all 123); `costreport report --format json` lists the keys under breakdowns.pr, and --branch NAME selects by branch")
        }
        let gate = PullRequestGate(maxSpend: failIfOver, maxChange: failIfChange, maxFailedSpend: failIfFailedSpend)
        let crossed = gate.crossings(report).map { PullRequestGateText.line($0, selector: selector, base: base) }
        // A crossed --fail-if-* gate always speaks: --only-if-* must never silence a failing check.
        if crossed.isEmpty, let reason = report.quietReason(minSpend: onlyIfOver, minChange: onlyIfChange) {
            return .quiet("\(PullRequestGateText.quiet(reason, selector: selector, base: base)): nothing printed")
        }
        let text = try Step.render.run {
            switch (format, renderer) {
            case (.markdown, let renderer?): return try renderer.markdown(for: report, kind: .comment, runURL: runURL)
            case (.githubSummary, let renderer?): return try renderer.markdown(for: report, kind: .jobSummary, runURL: runURL)
            default: return String(decoding: try report.jsonData(), as: UTF8.self) + "\n"
            }
        }
        return .printed(text, crossed: crossed)
    }
}

extension PullRequestSelector {
    /// `#123`, `pr-123` and `123` → `123` (spec §12), as the records' PR keys are normalised;
    /// nil for empty text.
    public static func normalisedKey(_ raw: String) -> String? { PullRequestKey.normalise(raw) }
}
