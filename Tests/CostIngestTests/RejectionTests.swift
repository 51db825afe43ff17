import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest

/// Spec §12: one reason per record, checked in a fixed order, and every rejected row counted.
@Suite struct RejectionTests {
    typealias F = IngestFixtures

    @Test func eachReason() throws {
        let dataset = try F.build([
            F.raw(timestamp: "yesterday"),
            F.raw(timestamp: nil),
            F.raw(duration: .nan),
            F.raw(duration: .infinity),
            F.raw(duration: -60),
            F.raw(cost: .nan),
            F.raw(cost: -.infinity),
            F.raw(cost: -0.5),
            F.raw(duration: nil, cost: nil),               // nothing to estimate from
            F.raw(instance: "x9.mystery", cost: nil),      // no rate to estimate with
            F.raw(),                                       // the one good row
        ])
        #expect(dataset.quality.rejected == [
            .invalidTimestamp: 2, .invalidDuration: 2, .negativeDuration: 1,
            .invalidCost: 2, .negativeCost: 1, .missingCost: 2,
        ])
        #expect(dataset.records.count == 1)
        #expect(dataset.quality.read == 11)
        #expect(dataset.quality.rejectedSamples.first == RejectedRecord(source: "test #1", reason: .invalidTimestamp))
    }

    @Test func theFirstReasonInSpecOrderWins() throws {
        let dataset = try F.build([
            F.raw(timestamp: "bad", duration: -1, cost: -1),     // timestamp before duration and cost
            F.raw(duration: .nan, cost: -1),                     // duration before cost
            F.raw(duration: -1, cost: .nan),                     // negative duration before invalid cost
            F.raw(duration: nil, cost: -1),                      // negative cost before missing cost
        ])
        #expect(dataset.quality.rejected == [.invalidTimestamp: 1, .invalidDuration: 1, .negativeDuration: 1, .negativeCost: 1])
    }

    @Test func samplesAreCappedButCountsAreNot() throws {
        let dataset = try F.build(Array(repeating: F.raw(timestamp: "bad"), count: 50))
        #expect(dataset.quality.rejected[.invalidTimestamp] == 50)
        #expect(dataset.quality.rejectedSamples.count == DatasetBuilder.rejectedSampleLimit)
        #expect(dataset.quality.read == 50)
    }
}

/// Absurd values are rejected where they enter (issue 11): a cost above $10M, a duration above a
/// year, a timestamp outside the years 1970–2200 — each counted, none crashing what follows.
@Suite struct AbsurdValueTests {
    typealias F = IngestFixtures

    @Test func absurdCostsDurationsAndDatesAreCountedRejections() throws {
        let dataset = try F.build([
            F.raw(cost: 9.2e16),
            F.raw(cost: 10_000_000.01),
            F.raw(duration: 1e22),
            F.raw(duration: 366 * 86_400 + 1),
            F.raw(timestamp: "0000-01-01T00:00:00"),
            F.raw(timestamp: "9999-12-31T23:59:59-12:00"),
            F.raw(timestamp: "1969-12-31T23:59:59Z"),
            F.raw(timestamp: "2201-01-01T00:00:00"),
            F.raw(timestamp: .epochSeconds(1e300)),
            F.raw(timestamp: .epochSeconds(-1e18)),
            F.raw(cost: 10_000_000),                        // exactly the bound: accepted
            F.raw(duration: 366 * 86_400),                  // a leap year: accepted
            F.raw(timestamp: "2200-12-31T23:59:59"),        // the last second of 2200: accepted
            F.raw(timestamp: "1970-01-01T00:00:00"),        // the first second of 1970: accepted
        ])
        #expect(dataset.quality.rejected == [.invalidCost: 2, .invalidDuration: 2, .invalidTimestamp: 6])
        #expect(dataset.records.count == 4)
        #expect(dataset.records.allSatisfy { $0.cost <= 10_000_000 && ($0.hours ?? 0) <= 366 * 24 })
    }
}

/// Text and numbers kept whole (issue 11, spec §12).
@Suite struct KeptWholeTests {
    typealias F = IngestFixtures

    @Test func aNULBecomesTheReplacementCharacterAndNamesStayApart() throws {
        var a = F.raw(run: "r1", benchmark: "abc\u{0}<script>")
        a.benchmarkSuite = "abc"
        let b = F.raw(run: "r2", benchmark: "abc")
        let dataset = try F.build([a, b])
        let names = Set(dataset.records.map { dataset.strings[$0.benchmark] })
        #expect(names == ["abc\u{FFFD}<script>", "abc"])
    }

    @Test func testCountsFollowSection12() throws {
        func raw(_ passed: Int?) -> RawRecord {
            var r = F.raw(); r.testsPassed = passed; return r
        }
        let dataset = try F.build([raw(5), raw(nil), raw(0), raw(1 << 53), raw(-1), raw((1 << 53) + 1),
                                   raw(RawRecord.invalidCount), raw(3_000_000_000)])
        #expect(dataset.records.map(\.testsPassed) == [5, 0, 0, 1 << 53, 0, 0, 0, 3_000_000_000])
        #expect(dataset.quality.invalidTestCounts == 3)
        #expect(dataset.records.count == 8, "an invalid count never rejects the record")
    }

    @Test func aBooleanIsNotAPRNumber() throws {
        let dataset = try F.build([F.raw(run: "r1", metadata: "{\"pr\": true, \"developer\": false}"),
                                   F.raw(run: "r2", metadata: "{\"pr_number\": 12}")])
        let prs = dataset.records.map { $0.pr == StringTable.none ? "-" : dataset.strings[$0.pr] }
        #expect(prs == ["-", "12"])
        #expect(dataset.strings[dataset.records[0].developer] == "(unattributed)")
    }
}

/// The SQLite reader reads TEXT with its length: a NUL no longer cuts the value (issue 11).
@Suite struct SQLiteWholeTextTests {
    @Test func aNULInATextColumnIsKeptAsTheReplacementCharacter() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nul-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("benchmarks.db").path
        let writer = try SQLiteWriterForTests(path: path)
        try writer.execute(PythonSchema.benchmarks)
        for (i, name) in ["'abc' || char(0) || '<script>'", "'abc'"].enumerated() {
            try writer.execute("""
                INSERT INTO benchmarks (run_id, timestamp, cloud_provider, instance_type, region, benchmark_name,
                  duration_seconds, cost_usd, metadata)
                VALUES ('r\(i)', '2026-11-02T10:00:00', 'aws', 'g5.xlarge', 'us-east-1', \(name), 3600, 1.0, '{}')
                """)
        }
        try writer.close()
        let dataset = try BenchmarksDatabase.read(path: path, catalog: try CatalogLoader.bundled(), config: Config())
        #expect(Set(dataset.records.map { dataset.strings[$0.benchmark] }) == ["abc\u{FFFD}<script>", "abc"])
    }
}
