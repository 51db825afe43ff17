import Foundation
import CostAnalysis
import CostModel

/// The dimension pages and their listing (issue 4 part 3), and the feed's summary sentence.
extension ReportRenderer {
    /// One key's page; `root` leads from the page back to the site root (`../`). `efficiencyAnchors`
    /// (`SitePaths.efficiencyAnchors`) link an instance type's best and worst benchmarks.
    public func dimensionMarkdown(_ page: DimensionPage, asOf: String, root: String,
                                  efficiencyAnchors: [String: String] = [:], runURL: RunURL? = nil) throws -> String {
        MarkdownLayout.tidy(try templates.render("dimension", DimensionView(page, asOf: asOf, root: root,
                                                                            efficiencyAnchors: efficiencyAnchors, runURL: runURL)))
    }

    /// The listing at the site root; `href` gives each key's page (relative to the root).
    public func dimensionListingMarkdown(_ pages: DimensionPages, href: (DimensionPage) -> String) throws -> String {
        MarkdownLayout.tidy(try templates.render("partials/dimension-listing", DimensionListingView(pages, href: href)))
    }

    /// The one sentence a report opens with (the feed entry's summary), as plain text: the
    /// `partials/headline` template, which the reports include.
    public func headline(for report: Report) throws -> String {
        struct Context { let headline: HeadlineView }
        let text = try templates.render("partials/headline", Context(headline: HeadlineView(report)))
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
