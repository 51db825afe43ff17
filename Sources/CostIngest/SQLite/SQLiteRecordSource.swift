/// The team's `benchmarks.db` as a record source (spec §1): opened read-only, streamed with a
/// row cursor, never written.
public struct SQLiteRecordSource: RecordSource {
    public let path: String
    public var name: String { path }

    public init(path: String) { self.path = path }

    public func validate() throws { try BenchmarksDatabase.checkIsSQLiteFile(path) }

    public func read(into builder: inout DatasetBuilder, progress: (@Sendable (String) -> Void)?) throws {
        try BenchmarksDatabase.read(path: path, into: &builder, progress: progress)
    }
}
