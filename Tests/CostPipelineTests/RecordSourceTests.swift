import CostIngest
import CostModel
import Foundation
import Testing

/// Several record sources feed one dataset, in order, through one builder.
@Suite("RecordSource")
struct RecordSourceTests {
    /// A source of rows held in memory: what a new source (JSON files, PostgreSQL) plugs in as.
    struct Rows: RecordSource {
        let name: String
        let rows: [RawRecord]
        func read(into builder: inout DatasetBuilder, progress: (@Sendable (String) -> Void)?) throws {
            for (i, row) in rows.enumerated() { builder.add(row, source: "\(name) row \(i + 1)") }
        }
    }

    /// A source whose file check fails.
    struct Broken: RecordSource {
        var name: String { "broken" }
        func validate() throws { throw IngestError("broken is not readable") }
        func read(into builder: inout DatasetBuilder, progress: (@Sendable (String) -> Void)?) throws {
            Issue.record("a source that failed validation must not be read")
        }
    }

    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/samples/benchmarks.db").path

    static func row(_ run: String, cost: Double) -> RawRecord {
        RawRecord(runID: run, timestamp: "2026-11-02T10:00:00", cloudProvider: "aws", instanceType: "g5.xlarge",
                  region: "us-east-1", durationSeconds: 3600, costUSD: cost)
    }

    @Test func theDatabaseAndAnotherSourceFeedOneDataset() throws {
        let catalog = try CatalogLoader.bundled()
        let alone = try BenchmarksDatabase.read(path: Self.sample, catalog: catalog, config: Config())
        let extra = Rows(name: "memory", rows: [Self.row("m-1", cost: 1.25), Self.row("m-2", cost: 2.5),
                                                RawRecord(runID: "m-3", timestamp: "not a time", costUSD: 1)])
        let both = try RecordSources.dataset(from: [SQLiteRecordSource(path: Self.sample), extra],
                                             catalog: catalog, config: Config())
        #expect(both.quality.sources == [Self.sample, "memory"])
        #expect(both.quality.read == alone.quality.read + 3)
        #expect(both.records.count == alone.records.count + 2)
        #expect(both.quality.rejected[.invalidTimestamp, default: 0] == alone.quality.rejected[.invalidTimestamp, default: 0] + 1)
        let spendAlone = alone.records.reduce(0) { $0 + $1.cost }
        let spendBoth = both.records.reduce(0) { $0 + $1.cost }
        #expect(abs(spendBoth - spendAlone - 3.75) < 1e-9)
    }

    @Test func everySourceIsCheckedBeforeAnyIsRead() throws {
        let error = #expect(throws: IngestError.self) {
            try RecordSources.dataset(from: [Rows(name: "first", rows: [Self.row("a", cost: 1)]), Broken()],
                                      catalog: try CatalogLoader.bundled(), config: Config())
        }
        #expect(error?.message == "broken is not readable")
    }
}
