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

    // MARK: - WAL databases: no files left behind, and read where the folder cannot be written

    private func files(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// A database the writer closed: in WAL mode, its -wal and -shm are gone with the last
    /// connection. A shared read would create both and leave them; the immutable read creates none.
    @Test func readingAWALDatabaseLeavesTheFolderAsItFoundIt() throws {
        let folder = F.scratchFolder()
        let path = try F.database((1...20).map { F.pythonRow(run: "r\($0)") }, in: folder, wal: true)
        #expect(try files(folder) == ["benchmarks.db"])
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for _ in 1...2 {
            #expect(try read(path).records.count == 20)
            #expect(try files(folder) == ["benchmarks.db"])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// The decision of `BenchmarksDatabase.ReadMode`, case by case.
    @Test func howADatabaseIsOpened() {
        typealias B = BenchmarksDatabase
        for writable in [true, false] {
            for shm in [true, false] {
                // Rollback journal (the team's writer): always the shared read, which creates nothing.
                #expect(B.readMode(walMode: false, walSize: nil, shmExists: shm, folderWritable: writable) == .shared)
                #expect(B.readMode(walMode: false, walSize: 4096, shmExists: shm, folderWritable: writable) == .shared)
                // WAL with nothing in the -wal: the database file holds every commit.
                #expect(B.readMode(walMode: true, walSize: nil, shmExists: shm, folderWritable: writable) == .immutable)
                #expect(B.readMode(walMode: true, walSize: 0, shmExists: shm, folderWritable: writable) == .immutable)
            }
            // WAL with transactions in the -wal: only a shared read sees them, through the -shm.
            #expect(B.readMode(walMode: true, walSize: 8272, shmExists: true, folderWritable: writable) == .shared)
        }
        #expect(B.readMode(walMode: true, walSize: 8272, shmExists: false, folderWritable: true) == .shared)
        #expect(B.readMode(walMode: true, walSize: 8272, shmExists: false, folderWritable: false) == .walNeedsIndex)
    }

    @Test func theImmutableURIEncodesThePath() {
        #expect(BenchmarksDatabase.immutableURI("/data/benchmarks.db") == "file:///data/benchmarks.db?immutable=1")
        #expect(BenchmarksDatabase.immutableURI("/a b/x?y#z%.db") == "file:///a%20b/x%3Fy%23z%25.db?immutable=1")
        #expect(BenchmarksDatabase.immutableURI("/données/é.db") == "file:///donn%C3%A9es/%C3%A9.db?immutable=1")
        #expect(BenchmarksDatabase.sqliteReadsURIs, "this SQLite ignores URIs: WAL databases are read shared")
    }

    /// A path with URI metacharacters is still the same file.
    @Test func aWALDatabaseWhosePathLooksLikeAURIIsRead() throws {
        let folder = F.scratchFolder().appendingPathComponent("a b?c#d%20")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = try F.database([F.pythonRow(run: "r1")], in: folder, wal: true)
        #expect(try read(path).records.count == 1)
        #expect(try files(folder) == ["benchmarks.db"])
    }

    /// SQLite follows a link to the database, so its -wal would be beside the real file: that
    /// is where the reader looks, and nothing is created on either side.
    @Test func aLinkToAWALDatabaseIsReadAndLeavesNothing() throws {
        let real = F.scratchFolder(), other = F.scratchFolder()
        let path = try F.database([F.pythonRow(run: "r1")], in: real, wal: true)
        let link = other.appendingPathComponent("benchmarks.db").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(try read(link).records.count == 1)
        #expect(try files(real) == ["benchmarks.db"])
        #expect(try files(other) == ["benchmarks.db"])
    }

    /// A writer that starts during an immutable read and checkpoints into the database file
    /// (here: when it closes, as a short Python script does) may tear the read: the change is
    /// seen and the database read again, with the writer's row.
    @Test func anImmutableReadThatAWriterChangedIsDoneAgain() throws {
        let folder = F.scratchFolder()
        let path = try F.database((1...5).map { F.pythonRow(run: "r\($0)") }, in: folder, wal: true)
        Thread.sleep(forTimeInterval: 0.02)  // the checkpoint below falls in a later tick of the file clock
        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var all: [String] = []
            var wrote = false
        }
        let lines = Lines()
        var builder = try DatasetBuilder(catalog: F.catalog, config: Config())
        try BenchmarksDatabase.read(path: path, into: &builder) { line in
            lines.lock.lock(); defer { lines.lock.unlock() }
            lines.all.append(line)
            // Inside the first read, after its rows: another process's commit and checkpoint.
            guard line.hasPrefix("read "), !lines.wrote else { return }
            lines.wrote = true
            do {
                let writer = try SQLiteWriterForTests(path: path, wal: true)
                try writer.execute(F.insert(F.pythonRow(run: "late")))
                try writer.close()
            } catch { Issue.record("writer: \(error)") }
        }
        let dataset = builder.finish()
        #expect(dataset.records.count == 6)
        #expect(lines.all == ["reading \(path)", "read 5 rows from benchmarks.db",
                              "\(path) was changed by a writer while it was read; reading it again",
                              "read 6 rows from benchmarks.db"])
        #expect(try files(folder) == ["benchmarks.db"])
    }

    @Test func aSharedReadNeverCountsAsChanged() throws {
        let path = try F.database([F.pythonRow(run: "r1")])
        let opened = try BenchmarksDatabase.open(path)
        #expect(opened.mode == .shared)
        Thread.sleep(forTimeInterval: 0.02)
        _ = utimes(path, nil)
        #expect(!opened.changedSinceOpening())
    }

    @Test func anImmutableOpenSeesATouch() throws {
        let path = try F.database([F.pythonRow(run: "r1")], wal: true)
        let opened = try BenchmarksDatabase.open(path)
        #expect(opened.mode == .immutable)
        #expect(!opened.changedSinceOpening())
        Thread.sleep(forTimeInterval: 0.02)  // past the filesystem clock's tick
        _ = utimes(path, nil)
        #expect(opened.changedSinceOpening())
        #expect(try BenchmarksDatabase.open(path, sharedOnly: true).mode == .shared)
    }

    /// Makes `folder` a place where this process cannot create files, and returns the undo; nil
    /// when that is impossible here. Root ignores permission bits, so after `chmod 555` comes
    /// `chattr +i` (root with CAP_LINUX_IMMUTABLE, on ext4, xfs or btrfs), which root obeys too.
    private func makeUnwritable(_ folder: URL) -> (() -> Void)? {
        chmod(folder.path, 0o555)
        if access(folder.path, W_OK) != 0 { return { chmod(folder.path, 0o755) } }
        let chattr = Process()
        chattr.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        chattr.arguments = ["+i", folder.path]
        chattr.standardError = FileHandle.nullDevice
        if (try? chattr.run()) != nil { chattr.waitUntilExit() }
        let undo = {
            let back = Process()
            back.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            back.arguments = ["-i", folder.path]
            if (try? back.run()) != nil { back.waitUntilExit() }
            chmod(folder.path, 0o755)
        }
        if access(folder.path, W_OK) != 0 && !FileManager.default.createFile(atPath: folder.path + "/probe", contents: nil) {
            return undo
        }
        undo()
        try? FileManager.default.removeItem(atPath: folder.path + "/probe")
        return nil
    }

    /// The reported failure: a WAL database in a folder the reader cannot write ("attempt to
    /// write a readonly database", as the shared read needs to create -wal and -shm). When this
    /// machine cannot make a folder unwritable for this process (neither permissions nor
    /// `chattr`), only `howADatabaseIsOpened` covers it, and this test says so.
    @Test func aWALDatabaseIsReadInAFolderItCannotWrite() throws {
        let folder = F.scratchFolder()
        let path = try F.database((1...20).map { F.pythonRow(run: "r\($0)") }, in: folder, wal: true)
        guard let undo = makeUnwritable(folder) else {
            print("note: cannot make a folder unwritable here; the read-only folder is covered by howADatabaseIsOpened only")
            return
        }
        defer { undo() }
        #expect(try read(path).records.count == 20)
        #expect(try files(folder) == ["benchmarks.db"])
    }

    /// A writer that has its -wal and -shm open (a host writing while a container reads
    /// through a read-only mount): the shared read sees its commits, as SQLite reads an
    /// existing -shm without writing to the folder.
    @Test func aWALDatabaseWithAnActiveWriterIsReadInAFolderItCannotWrite() throws {
        let folder = F.scratchFolder()
        let path = try F.database([F.pythonRow(run: "checkpointed")], in: folder, wal: true)
        let writer = try SQLiteWriterForTests(path: path, wal: true)
        defer { try? writer.close() }
        try writer.execute(F.insert(F.pythonRow(run: "in the wal")))
        guard let undo = makeUnwritable(folder) else { return }
        defer { undo() }
        let dataset = try read(path)
        #expect(Set(dataset.records.map { dataset.text($0.run) }) == ["checkpointed", "in the wal"])
    }

    /// Transactions in a -wal without its -shm (a copy of the two files): an error that says
    /// what to do where the -shm cannot be created, never a read that silently misses them.
    @Test func aWALWithoutItsIndexInAFolderItCannotWriteIsAClearError() throws {
        let source = F.scratchFolder()
        let path = try F.database([F.pythonRow(run: "checkpointed")], in: source, wal: true)
        let writer = try SQLiteWriterForTests(path: path, wal: true)
        defer { try? writer.close() }
        try writer.execute(F.insert(F.pythonRow(run: "in the wal")))
        let copy = F.scratchFolder()
        for name in ["benchmarks.db", "benchmarks.db-wal"] {
            try FileManager.default.copyItem(atPath: source.path + "/" + name, toPath: copy.path + "/" + name)
        }
        let copied = copy.path + "/benchmarks.db"
        if let undo = makeUnwritable(copy) {
            let error = #expect(throws: IngestError.self) { try read(copied) }
            #expect(error?.message.contains("\(copied)-wal holds transactions") == true, "\(String(describing: error))")
            #expect(error?.message.contains("not writable") == true)
            #expect(try files(copy) == ["benchmarks.db", "benchmarks.db-wal"])
            undo()
        }
        // Writable: read shared, with the -wal's transactions (SQLite leaves the -shm it made).
        let dataset = try read(copied)
        #expect(Set(dataset.records.map { dataset.text($0.run) }) == ["checkpointed", "in the wal"])
    }
}
