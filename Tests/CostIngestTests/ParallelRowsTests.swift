import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest

/// Reading on several connections (issue 15 part 4) must give the dataset one connection gives:
/// the same records in the same order, the same ids, rejections, labels and samples, whatever
/// the chunks, the number of readers, the gaps in the rowids and the hostile rows in between.
@Suite("Parallel reading gives exactly the serial dataset")
struct ParallelRowsTests {
    /// 12,000 rows over sparse rowids (so chunks are uneven and some empty), runs that cross chunk
    /// boundaries, metadata that repeats and changes, and a hostile row every so often.
    static func database() throws -> String {
        var rows: [[String: SQLValue]] = []
        var id = 1
        for i in 0..<12_000 {
            id += i % 997 == 0 ? 5_000 : 1   // gaps of several chunks
            let run = "run-\(i / 7)"
            let minute = (i * 37) % 50_000   // out of time order: the builder sorts
            let timestamp = String(format: "2026-%02d-%02dT%02d:%02d:00", 1 + (minute / 4000) % 12, 1 + (minute / 150) % 28,
                                   (minute / 60) % 24, minute % 60)
            let metadata = i % 5 == 0 ? #"{"developer": "dev\#(i % 3)", "branch": "b\#(i / 50)", "pr_number": \#(i % 40), "pytest_args": ["-n", "\#(i % 4)"]}"#
                : #"{"developer": "ci", "branch": "main", "trigger": "nightly", "commit_sha": "c\#(i / 7)"}"#
            var row = IngestFixtures.pythonRow(id: id, run: run, timestamp: timestamp,
                                               instance: ["g5.xlarge", "p4d.24xlarge", "n1-standard-8"][i % 3],
                                               cost: Double(i % 100) / 10, metadata: metadata)
            switch i % 211 {
            case 3: row["timestamp"] = .text("not a time")
            case 5: row["run_id"] = .text("  ")   // blank: a run of its own (the schema forbids NULL)
            case 7: row["cost_usd"] = .text("abc")
            case 11: row["metadata"] = .blob("7B7D")
            case 13: row["metadata"] = .text("[1, 2]")
            case 17: row["benchmark_name"] = .blob("6E616D65006E756C")   // "name\0nul" as a BLOB
            case 19: row["timestamp"] = .integer(1_767_225_600 + i)
            case 23: row["tests_failed"] = .text("2.5")
            case 29: row["metadata"] = .null
            case 31: row["timestamp"] = .blob("323032362D30332D3031")   // "2026-03-01" as a BLOB
            default: break
            }
            rows.append(row)
        }
        return try IngestFixtures.database(rows)
    }

    static func read(_ path: String, _ policy: ParallelRows.Policy) throws -> Dataset {
        var builder = try DatasetBuilder(catalog: IngestFixtures.catalog, config: Config())
        builder.beginSource("benchmarks.db")
        try BenchmarksDatabase.read(path: path, into: &builder, progress: nil, parallel: policy)
        return builder.finish()
    }

    /// Everything a dataset holds, as text, so two datasets compare field by field.
    static func dump(_ d: Dataset) -> [String] {
        d.records.map { r in
            "\(r.instant) \(r.day) \(r.minuteOfDay) \(d.strings[r.run]) \(d.strings[r.provider]) \(d.strings[r.instanceType]) "
                + "\(d.strings[r.region]) \(d.strings[r.benchmark]) \(d.strings[r.developer]) \(d.strings[r.branch]) "
                + "\(d.strings[r.pr]) \(d.strings[r.commit]) \(r.cost) \(String(describing: r.hours)) "
                + "\(String(describing: r.onDemandRate)) \(r.market) \(r.testType) \(r.flags.rawValue) "
                + "\(r.testsPassed) \(r.testsFailed) \(r.testsSkipped)"
        }
        + d.strings.strings
        + d.samples.map { "\($0)" }
        + ["read \(d.quality.read)", "\(d.quality.rejected.sorted { $0.key.rawValue < $1.key.rawValue })",
           "\(d.quality.rejectedSamples)", "invalid counts \(d.quality.invalidTestCounts)"]
        + d.quality.bySource.map { s in
            "\(s.name) \(s.read) \(s.rejected.sorted { $0.key.rawValue < $1.key.rawValue }) \(s.invalidTestCounts) \(s.filesRead)"
        }
    }

    @Test("two, three and four readers give the serial dataset, byte for byte")
    func sameDataset() throws {
        let path = try Self.database()
        let serial = try Self.read(path, .never)
        #expect(serial.records.count > 11_000)
        #expect(serial.quality.rejectedTotal > 100)
        let expected = Self.dump(serial)
        for readers in [2, 3, 4] {
            let parallel = try Self.read(path, ParallelRows.Policy(minimumRows: 0, readers: readers))
            Self.compare(Self.dump(parallel), expected, "\(readers) readers")
        }
    }

    /// Says where two dumps part (a whole dump would be megabytes of output).
    static func compare(_ got: [String], _ expected: [String], _ what: String) {
        #expect(got.count == expected.count, "\(what): \(got.count) lines, expected \(expected.count)")
        if let i = (0..<min(got.count, expected.count)).first(where: { got[$0] != expected[$0] }) {
            Issue.record("\(what): line \(i) differs:\n\(got[i])\n\(expected[i])")
        }
    }

    @Test("a reader that cannot open its connection leaves its chunks to the caller")
    func failingReaderFallsBack() throws {
        let path = try Self.database()
        let expected = Self.dump(try Self.read(path, .never))
        let opened = try BenchmarksDatabase.open(path)
        let columns = try opened.queue.read { try BenchmarksColumns($0, path: path) }
        var builder = try DatasetBuilder(catalog: IngestFixtures.catalog, config: Config())
        builder.beginSource("benchmarks.db")
        // Every reader's connection fails to open: the calling thread reads every chunk itself.
        let failing = ParallelRows(columns: columns, openConnection: { throw IngestError("no connection for this reader") },
                                   readers: 2)
        var feed = RowFeed(name: "benchmarks.db", progress: nil)
        try opened.queue.read { db in
            let bounds = try BenchmarksDatabase.rowidBounds(db)!
            let chunks = try #require(ParallelRows.chunkCount(first: bounds.first, last: bounds.last, rows: 12_000))
            #expect(chunks > 2)
            try failing.read(first: bounds.first, last: bounds.last, chunks: chunks, db: db, into: &builder, feed: &feed)
        }
        Self.compare(Self.dump(builder.finish()), expected, "every chunk read by the caller")
    }
}

/// Which databases may be read on several connections: only where every connection is sure to
/// see the same rows (`Opened.sharesSnapshotAcrossConnections`).
@Suite("Parallel reading only where one snapshot is certain")
struct ParallelSnapshotTests {
    @Test("a rollback-journal database can be read in parallel; a WAL database with transactions in its -wal cannot")
    func modes() throws {
        let rollback = try IngestFixtures.database([IngestFixtures.pythonRow()])
        let opened = try BenchmarksDatabase.open(rollback)
        #expect(opened.mode == .shared && !opened.isWAL)
        #expect(opened.sharesSnapshotAcrossConnections)

        // A WAL database whose -wal still holds its rows (a writer that has not checkpointed):
        // each connection would read its own snapshot of the -wal.
        let folder = IngestFixtures.scratchFolder()
        let path = folder.appendingPathComponent("benchmarks.db").path
        let writer = try SQLiteWriterForTests(path: path, wal: true)
        try writer.execute(PythonSchema.benchmarks)
        try writer.execute(IngestFixtures.insert(IngestFixtures.pythonRow()))
        let wal = try BenchmarksDatabase.open(path)   // the writer is still open: its -wal is not empty
        #expect(wal.isWAL && wal.mode == .shared)
        #expect(!wal.sharesSnapshotAcrossConnections)
        try writer.close()
    }

    @Test("rowids at both ends of 64 bits: read on one connection, no overflow, nothing lost")
    func extremeRowids() throws {
        let rows = [Int.min + 1, -5, 1, 2, Int.max].enumerated().map { i, id in
            IngestFixtures.pythonRow(id: id, run: "run-\(i)")
        }
        let path = try IngestFixtures.database(rows)
        #expect(ParallelRows.chunkCount(first: Int64.min + 1, last: Int64.max, rows: 5) == nil)
        #expect(ParallelRows.chunkCount(first: 1, last: Int64.max, rows: 5) == nil)   // sparse: most chunks empty
        #expect(ParallelRows.chunkCount(first: 1, last: 100_000, rows: 100_000) == 25)
        let parallel = try ParallelRowsTests.read(path, ParallelRows.Policy(minimumRows: 0, readers: 2))
        let serial = try ParallelRowsTests.read(path, .never)
        #expect(parallel.records.count == 5)
        ParallelRowsTests.compare(ParallelRowsTests.dump(parallel), ParallelRowsTests.dump(serial), "extreme rowids")
    }

    @Test("a column named rowid hides SQLite's rowid: read on one connection, no row lost")
    func shadowedRowid() throws {
        let schema = PythonSchema.benchmarks.replacingOccurrences(of: "metadata TEXT", with: "metadata TEXT, rowid TEXT")
        let rows = (0..<20).map { i -> [String: SQLValue] in
            var row = IngestFixtures.pythonRow(run: "run-\(i)")
            row["rowid"] = i % 3 == 0 ? .null : .text("r\(i)")
            return row
        }
        let path = try IngestFixtures.database(rows, schema: schema)
        let parallel = try ParallelRowsTests.read(path, ParallelRows.Policy(minimumRows: 0, readers: 2))
        #expect(parallel.records.count == 20)
        ParallelRowsTests.compare(ParallelRowsTests.dump(parallel), ParallelRowsTests.dump(try ParallelRowsTests.read(path, .never)),
                                  "shadowed rowid")
    }

    @Test("below the threshold, or on request, one connection reads")
    func threshold() {
        #expect(ParallelRows.readerCount(rows: 10, policy: .automatic) == nil)
        #expect(ParallelRows.readerCount(rows: 10_000_000, policy: .never) == nil)
        #expect(ParallelRows.readerCount(rows: 0, policy: ParallelRows.Policy(minimumRows: 0, readers: 3)) == 3)
        #expect(ParallelRows.readerCount(rows: 0, policy: ParallelRows.Policy(minimumRows: 0, readers: 0)) == 1)
    }
}
