import CostIngest
import CostModel
import Foundation
import Testing
@testable import CostAnalysis

/// Issue 12 parts 3–5, hand-computed: the efficiency page's 12-week window, the instance-type
/// pages' best and lowest benchmarks, the right-size "move to the best-value instance" note and
/// the pull request's table. Catalog rates: g5.xlarge 1.006, p4d.24xlarge 32.77, p5.48xlarge 98.32.
@Suite struct BestValueTests {
    static func row(_ run: String, _ instance: String, _ benchmark: String, throughput: Double, day: String = "2026-11-02",
                    suite: String = "bench", metadata: String? = nil, cost: Double = 1) -> RawRecord {
        RawRecord(runID: run, timestamp: .text(day + "T10:00:00"), cloudProvider: "aws", instanceType: instance,
                  region: "us-east-1", benchmarkName: benchmark, benchmarkSuite: suite, throughput: throughput,
                  durationSeconds: 3600, costUSD: cost, metadata: metadata)
    }

    static func analyzer(_ rows: [RawRecord]) throws -> Analyzer {
        let catalog = try CatalogLoader.bundled()
        var builder = try DatasetBuilder(catalog: catalog, config: Config())
        for (i, r) in rows.enumerated() { builder.add(r, source: "row \(i)") }
        return Analyzer(dataset: builder.finish(), catalog: catalog, config: Config())
    }

    static let asOf = Day(year: 2026, month: 11, day: 27)

    @Test func theEfficiencyPageCoversTheTwelveWeeksUpToAsOf() throws {
        // The week of 2026-11-27 starts on Monday 2026-11-23; 12 weeks start on 2026-09-07.
        let a = try Self.analyzer([
            Self.row("in", "g5.xlarge", "attn", throughput: 100, day: "2026-09-07"),
            Self.row("before", "g5.xlarge", "attn", throughput: 900, day: "2026-09-06"),
            Self.row("after", "g5.xlarge", "attn", throughput: 900, day: "2026-11-28"),
        ])
        let page = a.efficiencyPage(asOf: Self.asOf)
        #expect(page.from == "2026-09-07" && page.through == "2026-11-27" && page.weeks == 12)
        #expect(page.rows.map(\.samples) == [1] && page.rows.first?.medianThroughput == 100)
        #expect(a.overview(asOf: Self.asOf).efficiency == page, "data.json carries the page's rows")
    }

    @Test func instanceTypePagesListWhereTheyAreBestAndLowest() throws {
        // attn: g5 100/1.006 ≈ 99.4 (best), p4d 1000/32.77 ≈ 30.5, p5 2000/98.32 ≈ 20.3 (lowest).
        // gelu: p4d 10000/32.77 ≈ 305 (best), g5 10/1.006 ≈ 9.9 (lowest). solo: one instance only.
        let a = try Self.analyzer([
            Self.row("1", "g5.xlarge", "attn", throughput: 100), Self.row("2", "p4d.24xlarge", "attn", throughput: 1000),
            Self.row("3", "p5.48xlarge", "attn", throughput: 2000), Self.row("4", "p4d.24xlarge", "gelu", throughput: 10_000),
            Self.row("5", "g5.xlarge", "gelu", throughput: 10), Self.row("6", "p5.48xlarge", "solo", throughput: 5),
        ])
        let pages = Dictionary(uniqueKeysWithValues: a.dimensionPages(asOf: Self.asOf).pages(.instanceType).map { ($0.key, $0) })
        #expect(pages["g5.xlarge"]?.bestValueFor == ["attn"] && pages["g5.xlarge"]?.lowestValueFor == ["gelu"])
        #expect(pages["p4d.24xlarge"]?.bestValueFor == ["gelu"] && pages["p4d.24xlarge"]?.lowestValueFor == [])
        #expect(pages["p5.48xlarge"]?.bestValueFor == [] && pages["p5.48xlarge"]?.lowestValueFor == ["attn"],
                "a benchmark measured on one instance type is nobody's best or worst")
        #expect(a.dimensionPages(asOf: Self.asOf).pages(.provider).allSatisfy { $0.bestValueFor.isEmpty && $0.lowestValueFor.isEmpty })
    }

    @Test func rightSizeNotesWhereTheBestValueIsNotTheRecommendation() throws {
        // Integration runs on p5.48xlarge are oversized: right-size recommends p4d.24xlarge (aws).
        // attn's best value is g5.xlarge (99.4 against p4d's 30.5: share 30.5 / 99.4); gelu's best
        // is p4d itself (no note); solo has one instance type (no note).
        let a = try Self.analyzer([
            Self.row("1", "p5.48xlarge", "attn", throughput: 2000, suite: "integration", cost: 50),
            Self.row("2", "p5.48xlarge", "attn", throughput: 2000, suite: "integration", cost: 30),
            Self.row("3", "g5.xlarge", "attn", throughput: 100), Self.row("4", "p4d.24xlarge", "attn", throughput: 1000),
            Self.row("5", "p5.48xlarge", "gelu", throughput: 10, suite: "integration"),
            Self.row("6", "p4d.24xlarge", "gelu", throughput: 10_000),
            Self.row("7", "p5.48xlarge", "solo", throughput: 5, suite: "integration"),
        ])
        let notes = a.report(for: .month(containing: Self.asOf), asOf: Self.asOf).rightSizeBestValue
        #expect(notes.count == 1)
        let n = try #require(notes.first)
        #expect(n.benchmark == "attn" && n.recommended == "p4d.24xlarge" && n.bestInstanceType == "g5.xlarge")
        #expect(n.records == 2 && n.spend == 80)
        let share = (1000 / 32.77) / (100 / 1.006)
        #expect(abs((n.recommendedRelativeValue ?? 0) - share) < 1e-12)
    }

    @Test func aRecommendationNeverMeasuredHasNoShare() throws {
        let a = try Self.analyzer([
            Self.row("1", "p5.48xlarge", "attn", throughput: 2000, suite: "integration"),
            Self.row("2", "g5.xlarge", "attn", throughput: 100),
        ])
        let n = try #require(a.report(for: .month(containing: Self.asOf), asOf: Self.asOf).rightSizeBestValue.first)
        #expect(n.recommended == "p4d.24xlarge" && n.bestInstanceType == "g5.xlarge" && n.recommendedRelativeValue == nil)
        let json = try JSONSerialization.jsonObject(with: try a.report(for: .month(containing: Self.asOf), asOf: Self.asOf).jsonData())
        let note = try #require(((json as? [String: Any])?["right_size_best_value"] as? [[String: Any]])?.first)
        #expect(note["recommended_relative_value"] is NSNull)
    }

    @Test func aPullRequestsBenchmarksAgainstTheFleet() throws {
        let pr = #"{"branch":"feature/x","pr_number":7}"#
        // The fleet (main) measured attn on g5.xlarge and p4d.24xlarge; the PR ran it on p4d, and
        // ran gelu (measured nowhere else) on g5 on 2026-10-01, before the 28-day base window.
        let a = try Self.analyzer([
            Self.row("m1", "g5.xlarge", "attn", throughput: 100, day: "2026-11-20", metadata: #"{"branch":"main"}"#),
            Self.row("m2", "p4d.24xlarge", "attn", throughput: 1000, day: "2026-11-20", metadata: #"{"branch":"main"}"#),
            Self.row("p1", "p4d.24xlarge", "attn", throughput: 1000, day: "2026-11-21", metadata: pr),
            Self.row("p2", "g5.xlarge", "gelu", throughput: 10, day: "2026-10-01", metadata: pr),
        ])
        for selector in [PullRequestSelector(kind: .pr, value: "7"), PullRequestSelector(kind: .branch, value: "feature/x")] {
            let r = a.pullRequest(selector, base: "main", asOf: Self.asOf)
            #expect(r.efficiency.map { "\($0.benchmark)/\($0.instanceType)/\($0.samples)" } == ["attn/p4d.24xlarge/1", "gelu/g5.xlarge/1"])
            let attn = r.efficiency[0], gelu = r.efficiency[1]
            #expect(attn.bestInstanceType == "g5.xlarge" && attn.instanceTypes == 2)
            #expect(abs((attn.relativeValue ?? 0) - (1000 / 32.77) / (100 / 1.006)) < 1e-12)
            #expect(gelu.instanceTypes == 1 && gelu.relativeValue == 1 && gelu.bestInstanceType == "g5.xlarge")
            // The PR first ran on 10-01: its base window is the 28 days before (09-03 … 09-30), and
            // the fleet's measurements run from there through as-of.
            #expect(r.efficiencyWindow?.start == "2026-09-03" && r.efficiencyWindow?.end == "2026-11-27",
                    "the window starts with the base window, before the PR's first sample")
        }
        #expect(a.pullRequest(PullRequestSelector(kind: .pr, value: "8"), base: "main", asOf: Self.asOf).efficiency.isEmpty)
    }
}
