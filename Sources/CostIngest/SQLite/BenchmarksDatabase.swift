import CostModel
import Foundation
import GRDB

/// Reads the team's `benchmarks.db` (spec §1): the `benchmarks` table written by the Python
/// `BenchmarkDatabase`, opened read-only while that process may be writing to it.
public enum BenchmarksDatabase {
    /// How long a read waits for a writer's lock before giving up (SQLite busy timeout).
    public static let busyTimeout: TimeInterval = 5
    static let progressEvery = 100_000

    /// Reads every row of the `benchmarks` table into a dataset of its own (tests and tools that
    /// read one database; the pipeline reads it as a `SQLiteRecordSource` beside other sources).
    public static func read(path: String, catalog: Catalog, config: Config,
                            progress: (@Sendable (String) -> Void)? = nil) throws -> Dataset {
        try RecordSources.dataset(from: [SQLiteRecordSource(path: path)], catalog: catalog, config: config,
                                  progress: progress)
    }

    /// Streams every row of the `benchmarks` table, read-only, with a GRDB row cursor, into `builder`.
    static func read(path: String, into builder: inout DatasetBuilder,
                     progress: (@Sendable (String) -> Void)?) throws {
        try checkIsSQLiteFile(path)
        progress?("reading \(path)")
        let name = (path as NSString).lastPathComponent
        let queue = try open(path)
        do {
            try queue.read { db in
                let columns = try BenchmarksColumns(db, path: path)
                // rowid order is the order the writer appended rows: the "source order" tie-break.
                let statement = try db.makeStatement(sql: columns.selectSQL)
                let rows = try Row.fetchCursor(statement)
                var count = 0
                // The cursor steps the statement; each row's values are read from it directly.
                while try rows.next() != nil {
                    let raw = columns.rawRecord(statement.sqliteStatement)
                    builder.add(raw, source: raw.id.map { "\(name) id \($0)" } ?? "\(name) row \(count + 1)")
                    count += 1
                    if count % progressEvery == 0 { progress?("read \(count) rows from \(name)") }
                }
                progress?("read \(count) \(count == 1 ? "row" : "rows") from \(name)")
            }
        } catch let error as IngestError {
            throw error
        } catch let error as DatabaseError {
            throw describe(error, path: path)
        } catch {
            throw IngestError("\(path): \(error)")
        }
    }

    /// Opens read-only: `SQLITE_OPEN_READONLY` never creates the file and refuses every write;
    /// the busy timeout lets a read wait out the Python writer's commits instead of failing.
    private static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "costreport.benchmarks"
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw describe(error, path: path)
        }
    }

    // MARK: - Checking

    /// The first 100 bytes of a database file (its header).
    struct Header {
        let bytes: [UInt8]
        /// Bytes 18 and 19, the file format's write and read versions, are 2 in WAL mode.
        var isWAL: Bool { bytes.count >= 20 && (bytes[18] == 2 || bytes[19] == 2) }
    }

    /// Clear messages before SQLite gets a chance to say something vaguer. The type is
    /// checked with `stat` before anything is opened: opening a FIFO for reading waits for a
    /// writer, forever; a device or folder is no database. Returns the file's header.
    @discardableResult
    static func checkIsSQLiteFile(_ path: String) throws -> Header {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                throw IngestError("database not found: \(path) — run `costreport demo` to create a sample, or pass --db PATH")
            }
            throw IngestError("cannot read \(path): \(String(cString: strerror(code)))")
        }
        try checkIsRegular(info.st_mode, path)
        // O_NONBLOCK: should the path have become a FIFO since the stat, do not wait for a writer.
        let fd = systemOpen(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw IngestError("cannot read \(path): check its permissions")
        }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else {
            throw IngestError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        try checkIsRegular(info.st_mode, path)
        var bytes = [UInt8](repeating: 0, count: 100)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            count += n
        }
        guard count >= 16, bytes[0..<16].elementsEqual("SQLite format 3\0".utf8) else {
            throw IngestError("\(path) is not a SQLite database — pass the team's benchmarks.db with --db PATH")
        }
        return Header(bytes: Array(bytes[0..<count]))
    }

    private static func checkIsRegular(_ mode: mode_t, _ path: String) throws {
        let what: String
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw IngestError("\(path) is a folder, not a database — pass the benchmarks.db file with --db PATH")
        case S_IFIFO: what = "a named pipe (FIFO)"
        case S_IFCHR: what = "a character device"
        case S_IFBLK: what = "a block device"
        case S_IFSOCK: what = "a socket"
        default: what = "not a regular file"
        }
        throw IngestError("\(path) is \(what), not a database file — pass the benchmarks.db file with --db PATH")
    }

    static func describe(_ error: DatabaseError, path: String) -> IngestError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return IngestError("\(path) stayed locked for \(Int(busyTimeout)) s by another process — try again when it has finished writing")
        case .SQLITE_NOTADB:
            return IngestError("\(path) is not a SQLite database — pass the team's benchmarks.db with --db PATH")
        case .SQLITE_CORRUPT:
            return IngestError("\(path) is damaged (SQLite reports corruption) — restore it from a backup")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return IngestError("cannot open \(path): check the file and its folder are readable")
        default:
            let detail = error.message ?? "\(error.resultCode)"
            return IngestError("\(path): SQLite error: \(detail)")
        }
    }
}

// Outside the enum: inside it, `open` and `read` name BenchmarksDatabase's own.
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
