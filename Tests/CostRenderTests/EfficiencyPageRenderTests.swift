import CostAnalysis
import CostModel
import CostTestSupport
import Foundation
import Testing
@testable import CostRender

/// Issue 12 parts 3–5 as people read them: the efficiency page (a reviewed golden file), an
/// instance type's best and lowest benchmarks, the right-size note and the PR's table.
@Suite struct EfficiencyPageRenderTests {
    static let rows = EfficiencySectionTests.rows

    static func page(_ rows: [EfficiencyRow] = rows) -> EfficiencyPage {
        EfficiencyPage(asOf: "2026-11-27", from: "2026-09-07", through: "2026-11-27", weeks: 12, rows: rows)
    }

    func render(_ page: EfficiencyPage) async throws -> String {
        let renderer = try await ReportRenderer(templatesDirectory: ReportRendererTests.templates)
        let shell = PageShell(title: "Performance per dollar", root: "", asOf: page.asOf, isEfficiency: true)
        let anchors = SitePaths.efficiencyAnchors(page.rows.map(\.benchmark))
        return try renderer.efficiencyPage(page, anchors: anchors, instanceHref: {
            $0 == "g5.xlarge" ? "instance-types/g5.xlarge.html" : nil
        }, shell: shell)
    }

    @Test func thePageMatchesItsGolden() async throws {
        let html = try await render(Self.page())
        // Every body cell carries its column's header as data-label (phones stack rows with it).
        #expect(html.contains(#"<td class="num" data-label="Per dollar">1,251</td>"#))
        let plain = html.replacing(try Regex(#" data-label="[^"]*""#), with: "")
        // One chart per benchmark measured on two or more instance types, the best highlighted.
        #expect(html.components(separatedBy: "<svg ").count - 1 == 1)
        #expect(html.contains(#"<section class="value-benchmark" id="bench-flash_attention""#))
        #expect(html.contains(#"role="img" aria-labelledby="value-bench-flash_attention-title value-bench-flash_attention-desc""#))
        #expect(html.contains(#"<rect class="best""#) && html.contains(#"<rect class="other""#))
        // The table carries the chart's figures; instance types link to their pages when they have one.
        #expect(plain.contains(#"<th scope="row"><a href="instance-types/g5.xlarge.html">g5.xlarge</a></th>"#))
        #expect(plain.contains(#"<th scope="row">p4d.24xlarge</th><td>aws</td><td class="num">2</td><td class="num">41,000</td><td class="num">–</td><td class="num">$32.77</td><td class="num">1,251</td><td>37.4% less</td>"#))
        // Data never becomes markup; the header marks this page.
        #expect(html.contains("matmul|&lt;b&gt;") && !html.contains("matmul|<b>"))
        #expect(html.contains(#"href="efficiency.html" aria-current="page">Performance per dollar</a>"#))
        assertSnapshot(html, named: "efficiency-page.html")
    }

    @Test func anEmptyPageSaysWhy() async throws {
        let html = try await render(Self.page([]))
        #expect(html.contains("No performance samples from 2026-09-07 to 2026-11-27"))
        #expect(!html.contains("<svg"))
    }

    @Test func anInstanceTypePageLinksItsBestAndLowestBenchmarks() async throws {
        var page = DimensionPage(dimension: .instanceType, key: "g5.xlarge", trend: [], month: "2026-11", monthSpend: 10,
                                 monthTotal: 100, monthShare: 0.1, runsSince: "2026-11-02", topRuns: [])
        page.bestValueFor = ["flash_attention", "fused_gelu"]
        page.lowestValueFor = ["matmul|<b>"]
        let renderer = try await ReportRenderer(templatesDirectory: ReportRendererTests.templates)
        let anchors = SitePaths.efficiencyAnchors(["flash_attention", "fused_gelu", "matmul|<b>"])
        let markdown = try renderer.dimensionMarkdown(page, asOf: "2026-11-27", root: "../", efficiencyAnchors: anchors)
        let html = try MarkdownHTML.render(markdown)
        #expect(html.contains(#"<strong>Best value</strong> for <a href="../efficiency.html#bench-flash_attention">flash_attention</a>, <a href="../efficiency.html#bench-fused_gelu">fused_gelu</a>."#))
        #expect(html.contains(#"<strong>Lowest value</strong> for <a href="../efficiency.html#\#(anchors["matmul|<b>"]!)">matmul|&lt;b&gt;</a>."#))
        page.bestValueFor = []; page.lowestValueFor = []
        #expect(!(try renderer.dimensionMarkdown(page, asOf: "2026-11-27", root: "../")).contains("Performance per dollar"))
    }

    @Test func theRightSizeTableGainsTheBestValueNote() async throws {
        var report = HandMade.report()
        report.rightSizeBestValue = [
            BestValueNote(benchmark: "attn", recommended: "p4d.24xlarge", bestInstanceType: "g5.xlarge", bestProvider: "aws",
                          recommendedRelativeValue: 0.3071, records: 2, spend: 80),
            BestValueNote(benchmark: "gelu", recommended: "p4d.24xlarge", bestInstanceType: "g2-standard-4", bestProvider: "gcp",
                          recommendedRelativeValue: nil, records: 1, spend: 5),
        ]
        let markdown = try await ReportRenderer(templatesDirectory: ReportRendererTests.templates).markdown(for: report)
        let rightSize = try #require(markdown.range(of: "#### Right-size"))
        let note = try #require(markdown.range(of: "**Move to the best-value instance?**"))
        #expect(rightSize.upperBound < note.lowerBound, "the note follows the right-size table")
        #expect(markdown[note.lowerBound...].prefix(while: { _ in true }).contains("not priced and not in any potential"))
        #expect(markdown.contains("| attn | p4d.24xlarge | 30.7% | move to the best-value instance g5.xlarge | 2 | $80.00 |"))
        #expect(markdown.contains("| gelu | p4d.24xlarge | not measured | move to the best-value instance g2-standard-4 | 1 | $5.00 |"))
        #expect(!(try await ReportRenderer(templatesDirectory: ReportRendererTests.templates)
            .markdown(for: HandMade.report())).contains("best-value instance"))
    }

    @Test func thePullRequestCommentComparesItsBenchmarks() async throws {
        var report = PullRequestRenderTests.goldenReport()
        report.efficiency = [
            PullRequestEfficiency(benchmark: "attn", instanceType: "p4d.24xlarge", provider: "aws", samples: 3,
                                  relativeValue: 0.3071, bestInstanceType: "g5.xlarge", bestProvider: "aws", instanceTypes: 2),
            PullRequestEfficiency(benchmark: "attn", instanceType: "g5.xlarge", provider: "aws", samples: 1,
                                  relativeValue: 1, bestInstanceType: "g5.xlarge", bestProvider: "aws", instanceTypes: 2),
            PullRequestEfficiency(benchmark: "gelu", instanceType: "g5.xlarge", provider: "aws", samples: 1,
                                  relativeValue: 1, bestInstanceType: "g5.xlarge", bestProvider: "aws", instanceTypes: 1),
            PullRequestEfficiency(benchmark: "odd", instanceType: "x9.mystery", provider: "aws", samples: 1,
                                  relativeValue: nil, bestInstanceType: "g5.xlarge", bestProvider: "aws", instanceTypes: 1),
        ]
        report.efficiencyWindow = DayRange(start: Day(iso: "2026-10-01")!, end: PRData.asOf)
        let markdown = try await PullRequestRenderer(templatesDirectory: PullRequestRenderTests.templates).markdown(for: report)
        #expect(markdown.contains("measured on from 2026-10-01 to 2026-11-27"))
        #expect(markdown.contains("| attn | p4d.24xlarge | 3 | 30.7% | g5.xlarge |"))
        #expect(markdown.contains("| attn | g5.xlarge | 1 | 100.0% | **this one** |"))
        #expect(markdown.contains("| gelu | g5.xlarge | 1 | 100.0% | only g5.xlarge measured |"))
        #expect(markdown.contains("| odd | x9.mystery | 1 | no catalog price | only x9.mystery measured |"))
        #expect(try MarkdownHTML.render(markdown).contains(">Best-value instance type</th>"), "a real GFM table")
        #expect(!(try await PullRequestRenderer(templatesDirectory: PullRequestRenderTests.templates)
            .markdown(for: PullRequestRenderTests.goldenReport())).contains("Performance per dollar"))
    }
}
