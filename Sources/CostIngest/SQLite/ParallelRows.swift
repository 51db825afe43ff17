import CostModel
import Foundation
import GRDB

/// Reads a large `benchmarks` table on several read-only connections at once (issue 15 part 4):
/// the rowids are cut into chunks, each reader thread takes every n-th chunk on its own
/// connection, turns its rows into raw records and parses their timestamps and metadata, and the calling thread
/// feeds the chunks to the builder strictly in rowid order. So the dataset is the one a single
/// connection reads, byte for byte; only the parsing happens on every core.
///
/// One snapshot: the caller's own read transaction is open and holds SQLite's shared lock before
/// any reader starts. In rollback-journal mode (the team's writer) no writer can commit while a
/// shared lock is held, so every reader's transaction sees the same committed rows. An immutable
/// read takes no locks; the caller compares the file's identity after the read (`Opened`), which
/// covers every connection. WAL databases are read on one connection: each WAL reader would get
/// its own snapshot.
///
/// Any failure of a reader (a lock it could not get while a writer waited, say) costs time, not
/// correctness: the calling thread reads that reader's chunks itself, inside its own transaction.
struct ParallelRows {
    /// Rowids per chunk: large enough that a chunk's query costs nothing, small enough that the
    /// chunks in flight stay a few megabytes.
    static let chunkSpan: Int64 = 4_096
    /// Below this many rows one connection is as fast. (Low enough that the 100,000-record
    /// golden test reads in parallel.)
    static let minimumRows = 50_000

    /// When to read in parallel and with how many readers; tests force either way.
    struct Policy: Sendable {
        var minimumRows = ParallelRows.minimumRows
        /// nil: one per core (at most 4), none on a single core.
        var readers: Int?
        static let automatic = Policy()
        static let never = Policy(minimumRows: .max)
    }

    let columns: BenchmarksColumns
    /// Opens one more read-only connection like the caller's (same mode).
    let openConnection: @Sendable () throws -> DatabaseQueue
    let readers: Int

    /// The number of readers worth starting on this machine (nil: read on one connection).
    static func readerCount(rows: Int, policy: Policy = .automatic) -> Int? {
        guard rows >= policy.minimumRows else { return nil }
        if let forced = policy.readers { return max(1, forced) }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return cores > 1 ? min(cores, 4) : nil
    }

    /// How many chunks rowids `first...last` make, when that suits `rows` rows: nil when the
    /// rowids are so sparse (a hostile `id` of 2^63 − 1 beside 1, say) that most chunks would be
    /// empty, or their span does not even fit in 64 bits. Those tables are read on one connection.
    static func chunkCount(first: Int64, last: Int64, rows: Int) -> Int? {
        let (width, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow, width >= 0 else { return nil }
        let chunks = width / chunkSpan + 1
        guard chunks <= Int64(max(1_024, rows / 1_024)) else { return nil }
        return Int(chunks)
    }

    /// Reads rowids `first...last` in `chunks` chunks (`chunkCount`) into `builder` (the caller's
    /// transaction is open on `db`).
    func read(first: Int64, last: Int64, chunks: Int, db: Database, into builder: inout DatasetBuilder,
              feed: inout RowFeed) throws {
        let board = ChunkBoard(chunks: chunks, window: 2 * readers)
        let group = DispatchGroup()
        let selectSQL = columns.rangeSelectSQL
        for r in 0..<readers {
            let open = openConnection, first = first, columns = columns
            // Threads of their own, not Dispatch's pool: its workers are as many as the cores,
            // and with the calling thread waiting on the board, a second reader queued behind the
            // first started only when Dispatch gave up waiting, most of a second later.
            group.enter()
            let thread = Thread {
                Self.runReader(r, readers: readers, chunks: chunks, first: first, last: last, sql: selectSQL,
                               columns: columns, board: board, open: open)
                group.leave()
            }
            thread.name = "costreport.reader.\(r)"
            thread.start()
        }
        // However this ends, the readers stop and are waited for before the connections go.
        defer {
            board.cancel()
            group.wait()
        }
        for c in 0..<chunks {
            let rows: [RawRecord]
            if let batch = board.take(c) {
                rows = batch
            } else {
                // Its reader failed: read the chunk here, in the caller's transaction.
                rows = try Self.chunk(c, of: chunks, first: first, last: last, sql: selectSQL, columns: columns, db: db)
            }
            for raw in rows { feed.add(raw, to: &builder) }
        }
    }

    /// One reader thread: its own connection, chunks r, r + n, r + 2n, … until done or cancelled.
    private static func runReader(_ r: Int, readers: Int, chunks: Int, first: Int64, last: Int64, sql: String,
                                  columns: BenchmarksColumns, board: ChunkBoard,
                                  open: @Sendable () throws -> DatabaseQueue) {
        var c = r
        do {
            let queue = try open()
            try queue.read { db in
                while c < chunks, board.waitForRoom(before: c) {
                    board.put(c, try chunk(c, of: chunks, first: first, last: last, sql: sql, columns: columns, db: db))
                    c += readers
                }
            }
        } catch {
            // The caller reads this reader's remaining chunks itself.
            while c < chunks {
                board.fail(c)
                c += readers
            }
        }
    }

    /// The raw records of chunk `c`, in rowid order, timestamps and metadata already parsed (`RowReader`).
    static func chunk(_ c: Int, of chunks: Int, first: Int64, last: Int64, sql: String, columns: BenchmarksColumns,
                      db: Database) throws -> [RawRecord] {
        // No bound passes `last`, so none can overflow (`chunkCount` checked the span fits).
        let low = first + Int64(c) * chunkSpan
        let high = c == chunks - 1 ? last : low + chunkSpan - 1
        let statement = try db.makeStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: [low, high])
        var batch: [RawRecord] = []
        batch.reserveCapacity(Int(chunkSpan))
        var reader = columns.reader()
        while try rows.next() != nil {
            batch.append(reader.record(statement.sqliteStatement))
        }
        return batch
    }
}

/// The chunks between the reader threads and the calling thread: each slot is written once by
/// its reader and taken once by the caller; a reader waits while it is `window` chunks ahead.
private final class ChunkBoard: @unchecked Sendable {
    private enum Slot { case pending, ready([RawRecord]), failed, taken }
    private var slots: [Slot]
    private var taken = 0
    private var cancelled = false
    private let window: Int
    private let condition = NSCondition()

    init(chunks: Int, window: Int) {
        slots = Array(repeating: .pending, count: chunks)
        self.window = window
    }

    /// false when the read is over (finished, failed or abandoned by the caller).
    func waitForRoom(before c: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && c >= taken + window { condition.wait() }
        return !cancelled
    }

    func put(_ c: Int, _ rows: [RawRecord]) { settle(c, .ready(rows)) }
    func fail(_ c: Int) { settle(c, .failed) }

    private func settle(_ c: Int, _ slot: Slot) {
        condition.lock()
        slots[c] = slot
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for chunk `c`: its rows, or nil when its reader failed.
    func take(_ c: Int) -> [RawRecord]? {
        condition.lock()
        defer { condition.unlock() }
        while case .pending = slots[c] { condition.wait() }
        let slot = slots[c]
        slots[c] = .taken
        taken = c + 1
        condition.broadcast()
        if case .ready(let rows) = slot { return rows }
        return nil
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
