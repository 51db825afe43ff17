import CostModel
import Foundation
import Testing

@testable import CostIngest

/// Reading `benchmarks.db`: clear errors, lenient values, Python-style rows.
@Suite struct BenchmarksDatabaseTests {
    typealias F = IngestFixtures

    private func read(_ path: String, config: Config = Config()) throws -> Dataset {
        try BenchmarksDatabase.read(path: path, catalog: F.catalog, config: config)
    }

    private func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch let e as IngestError { return e.message } catch { return "unexpected \(error)" }
        return nil
    }

    @Test func missingFileSaysWhatToDoAndCreatesNothing() {
        let folder = F.scratchFolder()
        let path = folder.appendingPathComponent("benchmarks.db").path
        #expect(message { _ = try read(path) } ==
                "database not found: \(path) — run `costreport demo` to create a sample, or pass --db PATH")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func notASQLiteFile() throws {
        let folder = F.scratchFolder()
        let path = folder.appendingPathComponent("benchmarks.db").path
        try Data("run_id,timestamp\n1,2026-11-02\n".utf8).write(to: URL(fileURLWithPath: path))
        let m = try #require(message { _ = try read(path) })
        #expect(m.contains(path) && m.contains("not a SQLite database"))
        #expect(message { _ = try read(folder.path) }?.contains("is a folder") == true)
    }

    @Test func noBenchmarksTable() throws {
        let path = try F.database([], schema: "CREATE TABLE results (id INTEGER, run_id TEXT)")
        let m = try #require(message { _ = try read(path) })
        #expect(m.contains(path) && m.contains("no `benchmarks` table") && m.contains("results"))
    }

    @Test func requiredColumnMissing() throws {
        let path = try F.database([], schema: "CREATE TABLE benchmarks (id INTEGER PRIMARY KEY, run_id TEXT, cost_usd REAL)")
        let m = try #require(message { _ = try read(path) })
        #expect(m.contains(path) && m.contains("`timestamp`"))
    }

    @Test func optionalColumnsMayBeAbsent() throws {
        let path = try F.database([["run_id": .text("r1"), "timestamp": .text("2026-11-02T10:00:00")]],
                                  schema: "CREATE TABLE benchmarks (id INTEGER PRIMARY KEY, run_id TEXT NOT NULL, timestamp TEXT NOT NULL)")
        let dataset = try read(path)
        // No duration and no cost: nothing to estimate from, so it is rejected, not lost.
        #expect(dataset.quality.read == 1)
        #expect(dataset.quality.rejected == [.missingCost: 1])
    }

    @Test func pythonStyleRowsAreRead() throws {
        let path = try F.database([
            F.pythonRow(run: "r1", timestamp: "2026-11-02T22:15:03.123456"),
            F.pythonRow(run: "r1", timestamp: "2026-11-02T22:15:03"),
            F.pythonRow(run: "r2", timestamp: "2026-11-03T01:02:03", provider: "GCP", instance: "a2-highgpu-1g", region: "europe-west4-b",
                        cost: 4.03),
        ])
        let dataset = try read(path)
        #expect(dataset.records.count == 3)
        #expect(dataset.quality.read == 3)
        #expect(dataset.quality.sources == [path])
        // Sorted by instant: the row without microseconds comes first.
        #expect(dataset.records[0].instant + 0.123456 == dataset.records[1].instant)
        let gcp = dataset.records[2]
        #expect(dataset.text(gcp.region) == "europe-west4")
        #expect(gcp.onDemandRate == 4.03)
        #expect(dataset.text(gcp.developer) == "alice")
    }

    @Test func valuesWithTheWrongStorageClassAreReadLeniently() throws {
        var row = F.pythonRow(run: "r1")
        row["duration_seconds"] = .text(" 3600 ")          // numeric text in a REAL column
        row["cost_usd"] = .text("1.006")
        row["tests_passed"] = .text("7")
        row["tests_failed"] = .real(2)
        row["run_id"] = .integer(42)                        // a number in a TEXT column
        var epoch = F.pythonRow(run: "r2")
        epoch["timestamp"] = .integer(1_793_657_703)        // epoch seconds stored as a number
        var epochText = F.pythonRow(run: "r3")
        epochText["timestamp"] = .text("1793657703")
        var notANumber = F.pythonRow(run: "r4")
        notANumber["cost_usd"] = .text("NaN")
        var wordCost = F.pythonRow(run: "r5")
        wordCost["duration_seconds"] = .text("about an hour")
        var emptyCost = F.pythonRow(run: "r6")
        emptyCost["cost_usd"] = .text("")                  // empty = missing, so estimated
        let dataset = try read(try F.database([row, epoch, epochText, notANumber, wordCost, emptyCost]))
        #expect(dataset.quality.rejected == [.invalidCost: 1, .invalidDuration: 1])
        let byRun = Dictionary(uniqueKeysWithValues: dataset.records.map { (dataset.text($0.run), $0) })
        #expect(byRun["42"]?.hours == 1 && byRun["42"]?.cost == 1.006)
        #expect(byRun["42"]?.testsPassed == 7 && byRun["42"]?.testsFailed == 2)
        #expect(byRun["r2"]?.instant == 1_793_657_703)
        #expect(byRun["r3"]?.instant == 1_793_657_703)
        #expect(byRun["r6"]?.flags.contains(.costEstimated) == true)
    }

    @Test func nullsEverywhereButTheRequiredColumns() throws {
        let path = try F.database([["run_id": .text("r"), "timestamp": .text("2026-11-02T10:00:00"),
                                    "duration_seconds": .real(60), "cost_usd": .real(0.5)]])
        let dataset = try read(path)
        let r = try #require(dataset.records.first)
        #expect(dataset.text(r.provider) == "unknown")
        #expect(r.instanceType == StringTable.none)
        #expect(r.market == .unknown)
        #expect(r.testsPassed == 0)
    }

    @Test func progressIsReported() throws {
        let path = try F.database([F.pythonRow()])
        let lines = ReadProgressLog()
        _ = try BenchmarksDatabase.read(path: path, catalog: F.catalog, config: Config()) { lines.append($0) }
        #expect(lines.all.first == "reading \(path)")
        #expect(lines.all.last == "read 1 row from benchmarks.db")
    }
}

/// Collects progress lines from a `@Sendable` callback.
private final class ReadProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
