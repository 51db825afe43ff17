import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest

// Spec §1 "one run, one source": the database is read first, then the files; a record whose run was
// seen in an earlier source (the database, or another file) is `duplicate_run`; records of one run
// within one source all count; a record without run_id is its own run and never a duplicate.
//
// Database (3 rows): db-1 1.006; dup-1 0.50 and dup-1 0.50 (two records of one run: both count) → 2.006.
// Folder (7 records, path order):
//   daily/2026-11-02/dup.json          dup-1 0.50   → duplicate_run (the database has dup-1)
//   daily/2026-11-02/flat-a.json       f-1   2.00
//   daily/2026-11-02/lines.jsonl       jl 0.10, jl 0.10 (one run, one file: both count)
//   daily/2026-11-02/no-run-a.json     (no run_id) 0.30
//   daily/2026-11-02/no-run-b.json     (no run_id) 0.30, the same content: its own run again
//   weekly/2026-W45/flat-a.json        f-1   2.00   → duplicate_run (the same file synced twice)
//   → 5 accepted: 2.00 + 0.10 + 0.10 + 0.30 + 0.30 = 2.80; 2 duplicate_run.
// Together: 10 read, 8 accepted, spend 4.806. The folder alone: dup-1 is not a duplicate → 3.30.
@Suite struct OneRunOneSourceTests {
    typealias F = IngestFixtures

    static func flat(_ run: String?, cost: Double, seconds: Int = 1800) -> String {
        let id = run.map { "\"run_id\": \"\($0)\",\n  " } ?? ""
        return """
            {
              \(id)"timestamp": "2026-11-02T22:15:03.123456",
              "cloud_provider": "aws",
              "instance_type": "g5.xlarge",
              "region": "us-east-1",
              "duration_seconds": \(seconds),
              "cost_usd": \(cost),
              "metadata": {
                "developer": "alice"
              }
            }
            """
    }

    static var files: [String: String] {
        [
            "daily/2026-11-02/dup.json": flat("dup-1", cost: 0.5),
            "daily/2026-11-02/flat-a.json": flat("f-1", cost: 2.0, seconds: 3600),
            "weekly/2026-W45/flat-a.json": flat("f-1", cost: 2.0, seconds: 3600),
            "daily/2026-11-02/lines.jsonl": """
                {"run_id": "jl", "timestamp": "2026-11-02T08:00:00", "instance_type": "g5.xlarge", "duration_seconds": 600, "cost_usd": 0.1}
                {"run_id": "jl", "timestamp": "2026-11-02T08:10:00", "instance_type": "g5.xlarge", "duration_seconds": 600, "cost_usd": 0.1}
                """,
            "daily/2026-11-02/no-run-a.json": flat(nil, cost: 0.3),
            "daily/2026-11-02/no-run-b.json": flat(nil, cost: 0.3),
        ]
    }

    static func database() throws -> String {
        try F.database([
            F.pythonRow(id: 1, run: "db-1", cost: 1.006),
            F.pythonRow(id: 2, run: "dup-1", duration: 1800, cost: 0.5),
            F.pythonRow(id: 3, run: "dup-1", duration: 1800, cost: 0.5),
        ])
    }

    @Test func aRunInTheDatabaseAndInAFileAndAFileSyncedTwiceCountOnce() throws {
        let db = try Self.database()
        let folder = try ResultFixtures.folder(Self.files)
        let d = try RecordSources.dataset(from: [SQLiteRecordSource(path: db), ResultFilesSource(folder: folder)],
                                          catalog: F.catalog, config: Config())
        #expect(d.quality.read == 10 && d.records.count == 8)
        #expect(d.quality.rejected == [.duplicateRun: 2])
        #expect(Set(d.quality.rejectedSamples.map(\.source)) == [
            "\(folder)/daily/2026-11-02/dup.json", "\(folder)/weekly/2026-W45/flat-a.json",
        ])
        #expect(abs(ResultFixtures.spend(d) - 4.806) < 1e-9)
        #expect(d.records.filter { d.text($0.run) == "dup-1" }.count == 2)   // both database records of dup-1
        #expect(d.records.filter { d.text($0.run) == "f-1" }.count == 1)
        #expect(d.records.filter { d.text($0.run) == "jl" }.count == 2)
        #expect(d.records.filter { d.text($0.run).hasPrefix("(no run_id)") }.count == 2)

        // Per source: what each gave, in the order read.
        #expect(d.quality.bySource.map(\.name) == [db, folder])
        let (fromDB, fromFiles) = (d.quality.bySource[0], d.quality.bySource[1])
        #expect(fromDB.read == 3 && fromDB.accepted == 3 && fromDB.rejected.isEmpty && fromDB.filesRead == 0)
        #expect(fromFiles.read == 7 && fromFiles.accepted == 5 && fromFiles.rejected == [.duplicateRun: 2])
        #expect(fromFiles.filesRead == 6 && d.quality.filesRead == 6 && d.quality.unreadableFiles.isEmpty)

        // Each source alone, to the cent.
        let dbAlone = try BenchmarksDatabase.read(path: db, catalog: F.catalog, config: Config())
        #expect(abs(ResultFixtures.spend(dbAlone) - 2.006) < 1e-9)
        let filesAlone = try ResultFixtures.read(folder)
        #expect(filesAlone.quality.rejected == [.duplicateRun: 1] && filesAlone.records.count == 6)
        #expect(abs(ResultFixtures.spend(filesAlone) - 3.30) < 1e-9)
    }

    /// The order decides which copy counts: files first, then the database, sets the database's rows aside.
    @Test func theEarlierSourceWins() throws {
        let db = try Self.database()
        let folder = try ResultFixtures.folder(["a.json": Self.flat("dup-1", cost: 0.75)])
        let d = try RecordSources.dataset(from: [ResultFilesSource(folder: folder), SQLiteRecordSource(path: db)],
                                          catalog: F.catalog, config: Config())
        #expect(d.quality.rejected == [.duplicateRun: 2])
        #expect(abs(ResultFixtures.spend(d) - (0.75 + 1.006)) < 1e-9)
        #expect(d.quality.bySource[1].rejected == [.duplicateRun: 2])
    }

    /// Run attribution folds what is left: the duplicates never reach it.
    @Test func runModeSeesEachRunOnce() throws {
        var config = Config()
        config.costAttribution = .run
        let d = try RecordSources.dataset(from: [SQLiteRecordSource(path: try Self.database()),
                                                 ResultFilesSource(folder: try ResultFixtures.folder(Self.files))],
                                          catalog: F.catalog, config: config)
        // Runs: db-1, dup-1 (0.50, the costliest of two equal), f-1, jl (0.10), two without run_id.
        #expect(d.records.count == 6)
        #expect(abs(ResultFixtures.spend(d) - (1.006 + 0.5 + 2.0 + 0.1 + 0.3 + 0.3)) < 1e-9)
    }
}
