/// The team's `benchmarks.db` as a record source (spec §1): opened read-only, streamed with a
/// row cursor, never written.
public struct SQLiteRecordSource: RecordSource {
    public let path: String
    /// The table of records (`--table`, `table:` in the config).
    public let table: String
    public var name: String { path }

    public init(path: String, table: String = BenchmarksSchema.defaultTable) { self.path = path; self.table = table }

    public func validate() throws {
        guard BenchmarksSchema.isValidTableName(table), !table.contains(".") else {
            throw IngestError("--table '\(table)' is not a table name costreport can read from \(path): use letters, digits and _ (a SQLite database has no schemas)")
        }
        try BenchmarksDatabase.checkIsSQLiteFile(path)
    }

    /// `RecordSources.dataset` has validated the source (`validate()`) before this is called.
    public func read(into builder: inout DatasetBuilder, progress: (@Sendable (String) -> Void)?) throws {
        try BenchmarksDatabase.read(path: path, table: table, into: &builder, progress: progress)
    }
}
