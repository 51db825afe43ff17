import CostIngest
import CostModel
import CostRender
import Foundation
import Testing
@testable import CostAnalysis

/// Spec §13, hand-computed: median throughput and latency per benchmark and instance type, value
/// = median throughput / R (the instance's base on-demand price), the best and the relative values.
@Suite struct EfficiencyTests {
    static func row(_ run: String, _ instance: String, _ benchmark: String?, throughput: Double?, latency: Double?,
                    provider: String = "aws", region: String = "us-east-1", day: Int = 2) -> RawRecord {
        RawRecord(runID: run, timestamp: .text("2026-11-0\(day)T10:00:00"), cloudProvider: provider, instanceType: instance,
                  region: region, benchmarkName: benchmark, latencyMs: latency, throughput: throughput,
                  durationSeconds: 3600, costUSD: 1)
    }

    static func report(_ rows: [RawRecord], config: Config = Config()) throws -> Report {
        let catalog = try CatalogLoader.bundled()
        var builder = try DatasetBuilder(catalog: catalog, config: config)
        for (i, r) in rows.enumerated() { builder.add(r, source: "row \(i)") }
        let analyzer = Analyzer(dataset: builder.finish(), catalog: catalog, config: config)
        return analyzer.report(for: .month(containing: Day(year: 2026, month: 11, day: 2)), asOf: Day(year: 2026, month: 11, day: 30))
    }

    static let rows: [RawRecord] = [
        // matmul on g5.xlarge (R 1.006): three samples, odd count → median 200; latency median 2.
        row("a1", "g5.xlarge", "matmul", throughput: 100, latency: 1),
        row("a2", "g5.xlarge", "matmul", throughput: 300, latency: 3),
        row("a3", "g5.xlarge", "matmul", throughput: 200, latency: 2),
        // matmul on p4d.24xlarge (R 32.77, base price, though us-west-2 is listed): even count →
        // median (5000 + 7000) / 2 = 6000; no latency → null. A zero, a negative and a NaN
        // throughput are no samples.
        row("b1", "p4d.24xlarge", "matmul", throughput: 5000, latency: nil, region: "us-west-2"),
        row("b2", "p4d.24xlarge", "matmul", throughput: 7000, latency: 0),
        row("b3", "p4d.24xlarge", "matmul", throughput: 0, latency: 5),
        row("b4", "p4d.24xlarge", "matmul", throughput: -1, latency: 5),
        row("b5", "p4d.24xlarge", "matmul", throughput: .nan, latency: 5),
        // An instance the catalog does not list: excluded.
        row("c1", "x9.mystery", "matmul", throughput: 1e9, latency: 1),
        // gelu: two instances with the same value (a tie): g2-standard-4 (R 0.84) 84 → 100,
        // g5.xlarge (R 1.006) 100.6 → 100; ties go by instance type.
        row("d1", "g2-standard-4", "gelu", throughput: 84, latency: 4, provider: "gcp", region: "us-central1"),
        row("d2", "g5.xlarge", "gelu", throughput: 100.6, latency: 4),
        // No benchmark name: no sample.
        row("e1", "g5.xlarge", nil, throughput: 50, latency: 1),
    ]

    @Test func valuesMediansBestAndRelativeValue() throws {
        let e = try Self.report(Self.rows).efficiency
        #expect(e.map { "\($0.benchmark)/\($0.instanceType)" } == ["gelu/g2-standard-4", "gelu/g5.xlarge",
                                                                  "matmul/g5.xlarge", "matmul/p4d.24xlarge"])
        let gelu = e[0], geluG5 = e[1], g5 = e[2], p4d = e[3]
        #expect(abs(gelu.value - 100) < 1e-9 && abs(geluG5.value - 100) < 1e-9)
        #expect(gelu.best && !geluG5.best && abs(geluG5.relativeValue - 1) < 1e-9)
        #expect(g5.samples == 3 && g5.medianThroughput == 200 && g5.medianLatencyMs == 2 && g5.onDemandRate == 1.006)
        #expect(abs(g5.value - 200 / 1.006) < 1e-9 && g5.best && g5.relativeValue == 1)
        #expect(p4d.samples == 2 && p4d.medianThroughput == 6000 && p4d.medianLatencyMs == nil)
        #expect(p4d.onDemandRate == 32.77 && abs(p4d.value - 6000 / 32.77) < 1e-9 && !p4d.best)
        #expect(abs(p4d.relativeValue - (6000 / 32.77) / (200 / 1.006)) < 1e-12)
    }

    @Test func theJSONCarriesEveryKeyWithNullLatency() throws {
        let object = try JSONSerialization.jsonObject(with: try Self.report(Self.rows).jsonData()) as? [String: Any]
        let rows = try #require(object?["efficiency"] as? [[String: Any]])
        #expect(rows.count == 4)
        #expect(Set(rows[0].keys) == ["benchmark", "instance_type", "provider", "samples", "median_throughput",
                                      "median_latency_ms", "on_demand_rate", "value", "relative_value", "best"])
        #expect(rows[3]["median_latency_ms"] is NSNull)
    }

    @Test func nestedBenchmarksAreSamplesAndRunModeChangesNothing() throws {
        var nested = Self.row("n1", "g5.xlarge", "unit", throughput: nil, latency: nil)
        nested.benchmarkSamples = [RawBenchmarkSample(name: "softmax", throughput: 10, latencyMs: 1),
                                   RawBenchmarkSample(name: "softmax", throughput: 30, latencyMs: nil)]
        var runMode = Config()
        runMode.costAttribution = .run
        for config in [Config(), runMode] {
            let e = try Self.report(Self.rows + [nested], config: config).efficiency
            let softmax = try #require(e.first { $0.benchmark == "softmax" })
            #expect(softmax.samples == 2 && softmax.medianThroughput == 20 && softmax.medianLatencyMs == 1)
            #expect(e.count == 5, "run mode folds records, not samples")
        }
    }
}
