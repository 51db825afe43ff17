import CostModel
import CostTestSupport
import Foundation
import Testing
@testable import CostRender

/// The report's "Performance per dollar" section, pinned by a reviewed golden file, and its rules:
/// benchmarks on two or more instance types get a table with the best value and how much less each
/// other one gives; the rest are listed on one line; no rows, no section.
@Suite struct EfficiencySectionTests {
    static func row(_ b: String, _ i: String, samples: Int, throughput: Double, latency: Double?, rate: Double,
                    relative: Double, best: Bool) -> EfficiencyRow {
        EfficiencyRow(benchmark: b, instanceType: i, provider: "aws", samples: samples, medianThroughput: throughput,
                      medianLatencyMs: latency, onDemandRate: rate, value: throughput / rate, relativeValue: relative, best: best)
    }

    static let rows = [
        row("flash_attention", "g5.xlarge", samples: 3, throughput: 2_012, latency: 4.25, rate: 1.006, relative: 1, best: true),
        row("flash_attention", "p4d.24xlarge", samples: 2, throughput: 41_000, latency: nil, rate: 32.77,
            relative: (41_000 / 32.77) / 2000, best: false),
        row("fused_gelu", "g5.xlarge", samples: 1, throughput: 12.5, latency: 0.8, rate: 1.006, relative: 1, best: true),
        row("matmul|<b>", "g5.xlarge", samples: 1, throughput: 99, latency: 1, rate: 1.006, relative: 1, best: true),
    ]

    func section(_ rows: [EfficiencyRow]) async throws -> String {
        var report = HandMade.report()
        report.efficiency = rows
        let markdown = try await ReportRenderer(templatesDirectory: ReportRendererTests.templates).markdown(for: report)
        guard let start = markdown.range(of: "## Performance per dollar") else { return "" }
        let rest = markdown[start.lowerBound...]
        let end = rest.dropFirst(3).range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func theSectionMatchesItsGolden() async throws {
        let text = try await section(Self.rows)
        #expect(text.contains("**flash\\_attention**: best value on **g5.xlarge** (median throughput 2,012, latency 4.3 ms)."))
        #expect(text.contains("| p4d.24xlarge | 2 | 41,000 | $32.77 | 1,251 | gives 37.4% less throughput per dollar |"))
        #expect(text.contains("Measured on one instance type only: fused\\_gelu (g5.xlarge), matmul\\|\\<b\\> (g5.xlarge)."))
        #expect(text.contains("on-demand dollar-hour"))
        assertSnapshot(text, named: "efficiency-section.md")
    }

    @Test func noRowsNoSection() async throws {
        #expect(try await section([]).isEmpty)
    }
}
