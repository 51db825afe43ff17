import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest

/// The generator never writes to the team's database and reads it while the Python process writes.
@Suite struct ReadOnlyTests {
    typealias F = IngestFixtures

    private func read(_ path: String) throws -> Dataset {
        try BenchmarksDatabase.read(path: path, catalog: F.catalog, config: Config())
    }

    @Test func fileBytesAndFolderAreUnchangedAfterARead() throws {
        let folder = F.scratchFolder()
        let path = try F.database((1...20).map { F.pythonRow(run: "r\($0)") }, in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let dataset = try read(path)
        #expect(dataset.records.count == 20)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == filesBefore)
    }

    @Test func readsWhileAnotherConnectionHoldsAnOpenWriteTransaction() throws {
        let path = try F.database([F.pythonRow(run: "committed")])
        let writer = try SQLiteWriterForTests(path: path)
        try writer.execute("BEGIN IMMEDIATE")
        try writer.execute(F.insert(F.pythonRow(run: "uncommitted")))
        // A RESERVED lock lets readers in: the read sees the committed row only, without waiting.
        let dataset = try read(path)
        #expect(dataset.records.map { dataset.text($0.run) } == ["committed"])
        try writer.execute("COMMIT")
        try writer.close()
    }

    @Test func waitsOutAnExclusiveLockWithinTheBusyTimeout() throws {
        let path = try F.database([F.pythonRow(run: "first")])
        let writer = try SQLiteWriterForTests(path: path)
        try writer.execute("BEGIN EXCLUSIVE")   // what the writer holds while it commits
        try writer.execute(F.insert(F.pythonRow(run: "second")))
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { try? writer.execute("COMMIT") }
        let start = Date()
        let dataset = try read(path)
        #expect(Date().timeIntervalSince(start) >= 0.3)
        #expect(Date().timeIntervalSince(start) < BenchmarksDatabase.busyTimeout)
        #expect(Set(dataset.records.map { dataset.text($0.run) }) == ["first", "second"])
        try writer.close()
    }

    @Test func readsAWALDatabaseDuringAWrite() throws {
        let path = try F.database([F.pythonRow(run: "committed")], wal: true)
        let writer = try SQLiteWriterForTests(path: path, wal: true)
        try writer.execute("BEGIN IMMEDIATE")
        try writer.execute(F.insert(F.pythonRow(run: "uncommitted")))
        let dataset = try read(path)
        #expect(dataset.records.map { dataset.text($0.run) } == ["committed"])
        try writer.execute("COMMIT")
        let after = try read(path)
        #expect(after.records.count == 2)
        try writer.close()
    }
}
