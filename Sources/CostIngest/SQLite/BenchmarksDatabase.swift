import CostModel
import Foundation
import GRDB

/// Reads the team's `benchmarks.db` (spec §1): the `benchmarks` table written by the Python
/// `BenchmarkDatabase`, opened read-only while that process may be writing to it.
///
/// The reader leaves the folder as it found it, and reads where it cannot write: see
/// `ReadMode` for how a database in WAL mode is opened.
public enum BenchmarksDatabase {
    /// How long a read waits for a writer's lock before giving up (SQLite busy timeout).
    public static let busyTimeout: TimeInterval = 5
    /// Reads of an immutable snapshot that a writer changed meanwhile are redone; the last
    /// attempt is a shared read (with locks), which a writer cannot disturb.
    static let readAttempts = 3

    /// Reads every row of the `benchmarks` table into a dataset of its own (tests and tools that
    /// read one database; the pipeline reads it as a `SQLiteRecordSource` beside other sources).
    public static func read(path: String, table: String = BenchmarksSchema.defaultTable, catalog: Catalog, config: Config,
                            progress: (@Sendable (String) -> Void)? = nil) throws -> Dataset {
        try RecordSources.dataset(from: [SQLiteRecordSource(path: path, table: table)], catalog: catalog, config: config,
                                  progress: progress)
    }

    /// Streams every row of the `benchmarks` table, read-only, with a GRDB row cursor, into `builder`.
    static func read(path: String, table: String = BenchmarksSchema.defaultTable, into builder: inout DatasetBuilder,
                     progress: (@Sendable (String) -> Void)?, parallel: ParallelRows.Policy = .automatic) throws {
        try checkIsSQLiteFile(path)
        progress?("reading \(path)")
        let untouched = builder
        for attempt in 1...readAttempts {
            let opened = try open(path, sharedOnly: attempt == readAttempts)
            do {
                try readRows(opened, path: path, table: table, into: &builder, progress: progress, parallel: parallel)
            } catch _ where opened.changedSinceOpening() {
                // An immutable read that a writer's checkpoint tore: read again, below.
            }
            if !opened.changedSinceOpening() { return }
            builder = untouched
            progress?("\(path) was changed by a writer while it was read; reading it again")
        }
    }

    private static func readRows(_ opened: Opened, path: String, table: String, into builder: inout DatasetBuilder,
                                 progress: (@Sendable (String) -> Void)?, parallel: ParallelRows.Policy) throws {
        let name = (path as NSString).lastPathComponent
        do {
            try opened.queue.read { db in
                let columns = try BenchmarksColumns(db, path: path, table: table)
                let bounds = try Self.rowidBounds(db, table: table)
                let estimate = Self.rowEstimate(bounds, path: path)
                builder.reserveCapacity(for: min(estimate, Self.maximumReservation))
                var feed = RowFeed(name: name, progress: progress)
                // A large table on several connections, when they are sure to see one snapshot.
                // The header said rollback journal when the file was opened; a writer could have
                // switched it to WAL since, so the mode is asked again inside the transaction.
                if opened.sharesSnapshotAcrossConnections, !columns.shadowsRowid, try !Self.isWAL(db),
                   let readers = ParallelRows.readerCount(rows: estimate, policy: parallel), let bounds,
                   let chunks = ParallelRows.chunkCount(first: bounds.first, last: bounds.last, rows: estimate) {
                    let parallel = ParallelRows(columns: columns, openConnection: opened.connect, readers: readers)
                    try parallel.read(first: bounds.first, last: bounds.last, chunks: chunks, db: db, into: &builder,
                                      feed: &feed)
                    feed.finish()
                    return
                }
                // rowid order is the order the writer appended rows: the "source order" tie-break.
                let statement = try db.makeStatement(sql: columns.selectSQL)
                let rows = try Row.fetchCursor(statement)
                var reader = columns.reader()
                // The cursor steps the statement; each row's values are read from it directly.
                while try rows.next() != nil {
                    feed.add(reader.record(statement.sqliteStatement), to: &builder)
                }
                feed.finish()
            }
        } catch let error as IngestError {
            throw error
        } catch let error as DatabaseError {
            throw describe(error, path: path)
        } catch {
            throw IngestError("\(path): \(error)")
        }
    }

    /// Whether the database is in WAL mode now (asked inside the read transaction).
    static func isWAL(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() == "wal"
    }

    /// The smallest and largest rowid; nil for an empty table.
    static func rowidBounds(_ db: Database, table name: String = BenchmarksSchema.defaultTable) throws -> (first: Int64, last: Int64)? {
        // Two queries: SQLite answers a lone min() or max() of the rowid from the b-tree's ends, but
        // both in one query scan the whole table.
        let table = BenchmarksSchema.quoted(name)
        guard let first = try Int64.fetchOne(db, sql: "SELECT min(rowid) FROM \(table)"),
              let last = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \(table)"), first <= last else { return nil }
        return (first, last)
    }

    /// About how many rows the table holds, without counting them: the span of its rowids (two
    /// index lookups), bounded by the file's size (a row takes more than 32 bytes), since rowids may
    /// be sparse.
    static func rowEstimate(_ bounds: (first: Int64, last: Int64)?, path: String) -> Int {
        guard let bounds else { return 0 }
        let (width, overflow) = bounds.last.subtractingReportingOverflow(bounds.first)
        var info = stat()
        let bytes = stat(path, &info) == 0 ? Int(info.st_size) : 0
        return overflow ? bytes / 32 : max(0, min(Int(width) + 1, bytes / 32))
    }

    /// Room reserved for the records before reading: enough that a few million grow without being
    /// copied (untouched capacity costs address space, not memory), never so much that the
    /// allocation itself could fail on a small machine.
    static let maximumReservation = 8_000_000

    // MARK: - Opening

    /// How the database is opened, decided before anything is opened from what is in its folder.
    ///
    /// - `shared`: read-only with SQLite's locks (`SQLITE_OPEN_READONLY`), the reader a writer
    ///   knows about. For a rollback-journal database (the team's writer) a reader creates no
    ///   file and needs no write access to the folder. For a WAL database whose `-wal` holds
    ///   transactions, the only way to see them: SQLite reads them through the `-shm` index.
    /// - `immutable`: SQLite's `immutable=1` URI parameter: no locks, no `-wal`, no `-shm`, so
    ///   nothing is created. Used for a WAL database whose `-wal` is missing or empty, where
    ///   the database file holds every committed transaction: a shared read would create
    ///   `-wal` and `-shm` and leave them behind (a read-only connection cannot delete them),
    ///   and fails outright in a folder it cannot write ("attempt to write a readonly
    ///   database"; in a read-only folder no writer can exist, so immutable is exact there).
    ///   In a writable folder a writer could start during the read. Its commits go to a new
    ///   `-wal`, never into the database file, until it checkpoints (at 1000 pages, or when it
    ///   closes), and only a checkpoint could tear an immutable read. So the file's identity
    ///   (device, inode, size, modification and change times) is taken before the read and
    ///   compared after it: if it changed, the rows are dropped and the database read again
    ///   (the last attempt `shared`). A read that finishes unchanged saw exactly the state
    ///   before the writer's first checkpoint, as a shared read would have. The one gap: a
    ///   checkpoint in the same tick of the filesystem's coarse clock (milliseconds) as the
    ///   write that the identity taken before already shows, with no change of size.
    /// - `walNeedsIndex`: a `-wal` with transactions but no `-shm`, in a folder that cannot be
    ///   written: SQLite cannot build the index it needs to read them, and an immutable read
    ///   would silently miss them, so this is an error that says what to do.
    ///
    /// A WAL database whose `-wal` has transactions and no `-shm`, in a writable folder (a
    /// writer killed mid-way, or a copy without its `-shm`), is read `shared`, and SQLite leaves
    /// the `-shm` it creates: removing it while another connection could have opened it meanwhile
    /// would break their locking, which is worse than a stray file.
    enum ReadMode: Equatable { case shared, immutable, walNeedsIndex }

    /// The decision above, from what `folderFacts` found (a pure function, for the tests).
    /// `walSize` is nil when there is no `-wal` file.
    static func readMode(walMode: Bool, walSize: Int64?, shmExists: Bool, folderWritable: Bool) -> ReadMode {
        guard walMode else { return .shared }
        guard let walSize, walSize > 0 else { return .immutable }
        if shmExists || folderWritable { return .shared }
        return .walNeedsIndex
    }

    /// An open database, and whether the file changed since (always false for a shared read).
    struct Opened {
        let queue: DatabaseQueue
        let mode: ReadMode
        let path: String
        let identityBefore: FileIdentity?
        /// The database is in WAL mode (its header says so).
        let isWAL: Bool
        /// Opens another connection the same way (`ParallelRows`' readers).
        let connect: @Sendable () throws -> DatabaseQueue

        /// Whether connections opened one after another see the same rows while `queue` reads:
        /// a rollback-journal database under `queue`'s shared lock (no writer can commit), or an
        /// immutable read (checked by the file's identity afterwards). Not WAL: each connection
        /// would read its own snapshot.
        var sharesSnapshotAcrossConnections: Bool { mode == .immutable || (mode == .shared && !isWAL) }

        func changedSinceOpening() -> Bool {
            mode == .immutable && FileIdentity(path) != identityBefore
        }
    }

    /// Which file, and when it was last written: compared around an immutable read.
    struct FileIdentity: Equatable {
        let device: UInt64, inode: UInt64, size: Int64
        let modified: [Int], changed: [Int]

        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev); inode = UInt64(info.st_ino); size = Int64(info.st_size)
            #if canImport(Darwin)
            modified = [Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec)]
            changed = [Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec)]
            #else
            modified = [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
            changed = [Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)]
            #endif
        }
    }

    /// Opens read-only: `SQLITE_OPEN_READONLY` never creates the database and refuses every
    /// write; the busy timeout lets a read wait out the Python writer's commits instead of
    /// failing. `sharedOnly`: the last attempt, never immutable.
    static func open(_ path: String, sharedOnly: Bool = false) throws -> Opened {
        let header = try checkIsSQLiteFile(path)
        // SQLite resolves links: the -wal and -shm are beside the real file.
        let real = realPath(path)
        let identity = FileIdentity(real)  // before looking at the -wal: see ReadMode
        let walSize = fileSize(real + "-wal")
        let folder = (real as NSString).deletingLastPathComponent
        var mode = readMode(walMode: header.isWAL, walSize: walSize, shmExists: fileSize(real + "-shm") != nil,
                            folderWritable: access(folder.isEmpty ? "." : folder, W_OK) == 0)
        if mode == .walNeedsIndex {
            throw IngestError("\(path) is in WAL mode and \(path)-wal holds transactions, but there is no \(path)-shm "
                + "and its folder is not writable, so SQLite cannot read them — copy the database with its -wal "
                + "to a writable folder, or open it once where its folder is writable")
        }
        // A URI is how immutable is asked for; SQLite reads `file:` names as URIs only when
        // built with SQLITE_USE_URI (Debian's and Apple's are; GRDB's named in-memory databases
        // rely on it too). Without it, the shared read.
        if mode == .immutable && (sharedOnly || !sqliteReadsURIs) { mode = .shared }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "costreport.benchmarks"
        do {
            let location = mode == .immutable ? immutableURI(real) : path
            let queue = try DatabaseQueue(path: location, configuration: configuration)
            let settings = configuration
            return Opened(queue: queue, mode: mode, path: real, identityBefore: identity, isWAL: header.isWAL,
                          connect: { try DatabaseQueue(path: location, configuration: settings) })
        } catch let error as DatabaseError {
            throw describe(error, path: path)
        }
    }

    /// Whether the linked SQLite was built with SQLITE_USE_URI (asked once, of an in-memory database).
    static let sqliteReadsURIs: Bool = {
        (try? DatabaseQueue().read { try Bool.fetchOne($0, sql: "SELECT sqlite_compileoption_used('USE_URI')") }) == true
    }()

    /// `file:///abs/path?immutable=1`, the path percent-encoded (a `?` or `#` in it is a name).
    static func immutableURI(_ absolutePath: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/".utf8)
        var encoded = ""
        for byte in absolutePath.utf8 {
            if allowed.contains(byte) { encoded.append(Character(Unicode.Scalar(byte))) }
            else { encoded += String(format: "%%%02X", byte) }
        }
        return "file://" + encoded + "?immutable=1"
    }

    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else {
            return URL(fileURLWithPath: path).standardizedFileURL.path
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The size of a regular file (following links), nil when there is none.
    private static func fileSize(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
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
