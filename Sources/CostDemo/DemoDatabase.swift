import CostModel
import Foundation
import GRDB

/// What to generate: `records` rows over the `weeks` ISO weeks that end with the week of
/// `endDate` (the last week stops at `endDate` inclusive), from the pseudo-random `seed`.
public struct DemoOptions: Sendable {
    public var records: Int = 4000
    public var weeks: Int = 13
    public var seed: UInt64 = 42
    public var endDate: Day = Day(year: 2026, month: 11, day: 27)
    public init() {}
}

/// What was written. `firstDay`…`lastDay` is the generated span: the Monday of the first week
/// through `endDate`.
public struct DemoSummary: Sendable {
    public let records: Int
    public let runs: Int
    public let badRows: Int
    public let firstDay: Day
    public let lastDay: Day
}

/// A deterministic, realistic demo `benchmarks.db`, in the exact schema of the team's Python
/// `BenchmarkDatabase`: the same options always give the same rows.
public enum DemoDatabase {
    /// The team's table, verbatim.
    static let createTableSQL = """
        CREATE TABLE benchmarks (id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL,
          timestamp TEXT NOT NULL, cloud_provider TEXT, instance_type TEXT, region TEXT,
          hardware_type TEXT, gpu_model TEXT, benchmark_name TEXT, benchmark_suite TEXT,
          latency_ms REAL, throughput REAL, memory_mb REAL, tests_passed INTEGER,
          tests_failed INTEGER, tests_skipped INTEGER, duration_seconds REAL, cost_usd REAL,
          metadata TEXT)
        """

    /// The team's indexes (created after the bulk insert, which is faster than maintaining them).
    static let createIndexSQL = [
        "CREATE INDEX idx_cloud_provider ON benchmarks(cloud_provider)",
        "CREATE INDEX idx_hardware_type ON benchmarks(hardware_type)",
        "CREATE INDEX idx_benchmark_name ON benchmarks(benchmark_name)",
        "CREATE INDEX idx_timestamp ON benchmarks(timestamp)",
    ]

    /// Writes a new SQLite file at `path` (replacing an existing file atomically: write `path + ".tmp"` then rename), in the team's exact schema.
    public static func write(to path: String, options: DemoOptions, progress: (@Sendable (String) -> Void)? = nil) throws -> DemoSummary {
        guard options.records >= 0 else { throw DemoDatabaseError("records must be 0 or more, got \(options.records)") }
        guard options.weeks >= 1 else { throw DemoDatabaseError("weeks must be 1 or more, got \(options.weeks)") }

        let temporary = path + ".tmp"
        try removeDatabaseFiles(at: temporary)
        var generator = DemoGenerator(options: options)
        do {
            let queue = try DatabaseQueue(path: temporary)
            // No rollback journal for a scratch file: on any failure the file is deleted, never
            // renamed into place, so a rollback is never needed (and a million rows go faster).
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = OFF") }
            let total = options.records
            try queue.write { db in  // one transaction
                try db.execute(sql: createTableSQL)
                var inserter = try DemoInserter(db)
                func report(since before: Int) {
                    guard let progress else { return }
                    for done in stride(from: (before / 100_000 + 1) * 100_000, through: inserter.written, by: 100_000) {
                        progress("demo: \(done)/\(total) records")
                    }
                }
                try generator.generate { row in
                    let before = inserter.written
                    try inserter.add(row)
                    report(since: before)
                }
                let before = inserter.written
                try inserter.finish()
                report(since: before)
                for sql in createIndexSQL { try db.execute(sql: sql) }
            }
            try queue.close()
        } catch {
            try? removeDatabaseFiles(at: temporary)
            throw error
        }

        // Stale journal or WAL files of a replaced database would be replayed onto the new one.
        for suffix in ["-journal", "-wal", "-shm"] { try removeIfPresent(path + suffix) }
        guard rename(temporary, path) == 0 else {
            let code = errno
            throw DemoDatabaseError("cannot rename \(temporary) to \(path): \(String(cString: strerror(code)))")
        }
        return DemoSummary(records: generator.rowCount, runs: generator.runCount, badRows: generator.badRows.count,
                           firstDay: generator.firstDay, lastDay: generator.lastDay)
    }

    private static func removeDatabaseFiles(at path: String) throws {
        for suffix in ["", "-journal", "-wal", "-shm"] { try removeIfPresent(path + suffix) }
    }

    private static func removeIfPresent(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    }
}

/// Inserts demo rows with prepared statements reused for every row: `batchSize` rows per INSERT
/// (with a million rows the per-statement cost dominates), the remainder one by one.
struct DemoInserter {
    static let batchSize = 32
    static let columns = 18

    static func insertSQL(rows: Int) -> String {
        let tuple = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return "INSERT INTO benchmarks (run_id, timestamp, cloud_provider, instance_type, region, hardware_type, "
            + "gpu_model, benchmark_name, benchmark_suite, latency_ms, throughput, memory_mb, tests_passed, "
            + "tests_failed, tests_skipped, duration_seconds, cost_usd, metadata) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ", ")
    }

    private let batch: Statement
    private let single: Statement
    private var pending: [DemoRow] = []
    private(set) var written = 0

    init(_ db: Database) throws {
        batch = try db.makeStatement(sql: Self.insertSQL(rows: Self.batchSize))
        single = try db.makeStatement(sql: Self.insertSQL(rows: 1))
        pending.reserveCapacity(Self.batchSize)
    }

    mutating func add(_ row: DemoRow) throws {
        pending.append(row)
        if pending.count == Self.batchSize {
            try execute(batch, pending)
            pending.removeAll(keepingCapacity: true)
        }
    }

    mutating func finish() throws {
        for row in pending { try execute(single, [row]) }
        pending.removeAll()
    }

    /// Binds straight from the rows through GRDB's public `StatementBinding`, rather than building a
    /// `StatementArguments` of boxed values: `setUncheckedArguments` with no values resets the
    /// statement and clears its bindings, the binds fill every parameter, and `execute()` keeps
    /// bindings it considers set.
    private mutating func execute(_ statement: Statement, _ rows: [DemoRow]) throws {
        statement.setUncheckedArguments(StatementArguments())
        let handle = statement.sqliteStatement
        var code: CInt = 0  // SQLITE_OK; any error code makes the OR non-zero
        for (n, row) in rows.enumerated() {
            // Safe: a batch holds at most batchSize (32) rows of 18 columns, so n × columns < 600.
            let i = CInt(truncatingIfNeeded: n * Self.columns)
            code |= row.runID.bind(to: handle, at: i + 1)
            code |= row.timestamp.bind(to: handle, at: i + 2)
            code |= row.provider.bind(to: handle, at: i + 3)
            code |= row.instanceType.bind(to: handle, at: i + 4)
            code |= row.region.bind(to: handle, at: i + 5)
            code |= row.hardware.bind(to: handle, at: i + 6)
            code |= row.gpuModel.bind(to: handle, at: i + 7)
            code |= row.benchmarkName.bind(to: handle, at: i + 8)
            code |= row.suite.bind(to: handle, at: i + 9)
            code |= row.latencyMs.bind(to: handle, at: i + 10)
            code |= row.throughput.bind(to: handle, at: i + 11)
            code |= row.memoryMB.bind(to: handle, at: i + 12)
            code |= row.testsPassed.bind(to: handle, at: i + 13)
            code |= row.testsFailed.bind(to: handle, at: i + 14)
            code |= row.testsSkipped.bind(to: handle, at: i + 15)
            code |= row.durationSeconds.bind(to: handle, at: i + 16)
            code |= row.costUSD.bind(to: handle, at: i + 17)
            code |= row.metadata.bind(to: handle, at: i + 18)
        }
        guard code == 0 else { throw DemoDatabaseError("cannot bind demo rows \(written + 1)...\(written + rows.count)") }
        try statement.execute()
        written += rows.count
    }
}

struct DemoDatabaseError: Error, CustomStringConvertible, LocalizedError {
    let description: String
    init(_ description: String) { self.description = description }
    /// What `localizedDescription` shows: the one line, not Foundation's generic sentence.
    var errorDescription: String? { description }
}
