import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest

/// Spec §13 for the database: a sample per accepted row with a benchmark name and a throughput > 0;
/// a latency that is 0 (the writer's "never set"), negative or missing is absent; rejected rows give none.
@Suite struct PerformanceSampleTests {
    typealias F = IngestFixtures

    @Test func databaseRowsGiveSamplesBySection13() throws {
        func row(_ id: Int, latency: SQLValue, throughput: SQLValue, name: SQLValue = .text("bench"),
                 instance: String = "g5.xlarge", timestamp: String = "2026-11-02T10:00:00") -> [String: SQLValue] {
            var r = F.pythonRow(id: id, run: "run-\(id)", timestamp: timestamp, instance: instance)
            r["latency_ms"] = latency; r["throughput"] = throughput; r["benchmark_name"] = name
            return r
        }
        let path = try F.database([
            row(1, latency: .real(1.5), throughput: .real(1000)),
            row(2, latency: .real(2.0), throughput: .real(0)),                       // 0: never set
            row(3, latency: .real(2.0), throughput: .null),
            row(4, latency: .real(0), throughput: .real(800), instance: "p4d.24xlarge"),
            row(5, latency: .real(-1), throughput: .text("600")),                    // numeric text is a number
            row(6, latency: .real(1.0), throughput: .real(.nan)),
            row(7, latency: .real(1.0), throughput: .real(-5)),
            row(8, latency: .real(1.0), throughput: .real(700), name: .null),        // no benchmark name
            row(9, latency: .real(1.0), throughput: .real(900), timestamp: "garbage"), // rejected row
            row(10, latency: .null, throughput: .real(400), timestamp: "2026-11-03T23:30:00"),
        ])
        let d = try BenchmarksDatabase.read(path: path, catalog: F.catalog, config: Config())
        #expect(d.records.count == 9)
        let samples = d.samples.map { (d.text($0.benchmark), d.text($0.instanceType), $0.throughput, $0.latencyMs) }
        #expect(samples.count == 4)
        #expect(samples[0] == ("bench", "g5.xlarge", 1000, 1.5))
        #expect(samples[1] == ("bench", "p4d.24xlarge", 800, nil))
        #expect(samples[2] == ("bench", "g5.xlarge", 600, nil))
        #expect(samples[3] == ("bench", "g5.xlarge", 400, nil))
        #expect(d.samples[3].day == Day(year: 2026, month: 11, day: 3) && d.text(d.samples[0].provider) == "aws")
    }

    /// Samples do not depend on cost attribution: run mode folds records, never samples.
    @Test func runModeKeepsEverySample() throws {
        let path = try F.database([F.pythonRow(id: 1, run: "r"), F.pythonRow(id: 2, run: "r"), F.pythonRow(id: 3, run: "r")])
        var config = Config()
        config.costAttribution = .run
        let d = try BenchmarksDatabase.read(path: path, catalog: F.catalog, config: config)
        #expect(d.records.count == 1 && d.samples.count == 3)
    }

    @Test func theSampleDatabaseGivesOneSamplePerAcceptedRowWithAThroughput() throws {
        let d = try BenchmarksDatabase.read(path: F.samples.appendingPathComponent("benchmarks.db").path,
                                            catalog: F.catalog, config: Config())
        // 400 rows, 399 with a name and throughput > 0; the 10 rejected rows all have one.
        #expect(d.samples.count == 389)
        #expect(d.samples.allSatisfy { $0.throughput > 0 && ($0.latencyMs ?? 1) > 0 })
    }
}
