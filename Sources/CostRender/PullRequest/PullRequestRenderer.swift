import CostAssets
import CostModel

/// Renders a `PullRequestReport` as the PR comment (`pr.mustache`) or the GitHub job summary
/// (`pr-summary.mustache`), each within its size budget.
///
/// The comment's first line is the hidden marker `<!-- costreport:pr -->`, written by the template
/// (template text, not data), so CI can find the comment again and update it instead of adding one.
/// GitHub keeps HTML comments hidden and `<details>` working; the site's cmark-gfm renderer, which
/// never lets raw HTML through, drops both and keeps the tables.
public struct PullRequestRenderer: Sendable {
    public enum Kind: Sendable {
        /// A PR comment: `pr.mustache`, at most 65,000 characters.
        case comment
        /// `$GITHUB_STEP_SUMMARY`: `pr-summary.mustache`, at most 1 MiB (UTF-8 bytes).
        case jobSummary

        var template: String { self == .comment ? "pr" : "pr-summary" }
        public var budget: TextBudget { self == .comment ? .prComment : .jobSummary }
    }

    public static let requiredTemplates = ["pr", "pr-summary"]

    let templates: TemplateSet

    /// A templates folder that holds every template itself (no built-in fallback).
    public init(templatesDirectory: String) async throws {
        templates = try await TemplateSet(directory: templatesDirectory, required: PullRequestRenderer.requiredTemplates)
    }

    /// The user's templates over the built-in ones (`AssetStore`).
    public init(assets: AssetStore) throws {
        templates = try TemplateSet(assets: assets, required: PullRequestRenderer.requiredTemplates)
    }

    /// The Markdown, cut to fit `kind`'s budget (see `BudgetFit`), ending with one newline.
    /// `runURL`: run ids link to the CI (`--run-url`); nil keeps them plain text.
    public func markdown(for report: PullRequestReport, kind: Kind = .comment, runURL: RunURL? = nil) throws -> String {
        try markdown(for: report, kind: kind, budget: kind.budget, runURL: runURL)
    }

    /// With an explicit budget (tests use small ones).
    public func markdown(for report: PullRequestReport, kind: Kind, budget: TextBudget, runURL: RunURL? = nil) throws -> String {
        try BudgetFit.fit(budget, longest: PullRequestView.longestTable(report)) { cap in
            MarkdownLayout.tidy(try templates.render(kind.template, PullRequestView(report, cap: cap, runURL: runURL)))
        }.text
    }
}
