import GRDB

/// A writable SQLite connection for the tests: they build databases in the team's exact schema
/// and play the Python writer holding locks, without importing GRDB themselves. Test support
/// only, never linked into the tool (CostIngest only reads; the demo's writer, in CostDemo,
/// writes generated rows and cannot hold a transaction open between calls).
public final class SQLiteWriterForTests: @unchecked Sendable {
    private let queue: DatabaseQueue

    /// Creates (or opens) the database at `path`; `wal` switches it to write-ahead logging.
    public init(path: String, wal: Bool = false) throws {
        var configuration = Configuration()
        // The tests open a transaction in one call and commit it in another, as a long writer does.
        configuration.allowsUnsafeTransactions = true
        if wal { configuration.journalMode = .wal }
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Runs SQL text (one or more statements) outside any implicit transaction.
    public func execute(_ sql: String) throws {
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
    }

    public func close() throws { try queue.close() }
}
