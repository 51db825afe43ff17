import CostIngest
import Foundation

/// The team's shared store as a record source: the `benchmarks` table of a PostgreSQL server,
/// read in one read-only REPEATABLE READ transaction (one snapshot while runners keep inserting),
/// streamed, each row normalised to what the SQLite reader gives (`PostgresColumns`), so every
/// figure is the same whichever database held the rows.
public struct PostgresRecordSource: RecordSource {
    public let location: PostgresLocation
    public let table: String
    let environment: [String: String]

    /// How messages and the data-quality section name it: the URL without its password, and the table.
    public var name: String {
        table == BenchmarksSchema.defaultTable ? location.display : "\(location.display) table \(table)"
    }

    /// `url` as given to `--db`; `environment` supplies PGPASSWORD, PGPASSFILE, HOME and libpq's other fallbacks.
    public init(url: String, table: String = BenchmarksSchema.defaultTable,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        location = try PostgresLocation.parse(url, environment: environment)
        self.table = table
        self.environment = environment
    }

    /// What can be checked without connecting: the table name and the CA file.
    public func validate() throws {
        guard BenchmarksSchema.isValidTableName(table) else {
            throw IngestError("--table '\(table)' is not a table name costreport can read: use letters, digits and _, optionally after a schema (analytics.benchmarks)")
        }
        if let file = location.rootCertificates, !FileManager.default.isReadableFile(atPath: file) {
            throw IngestError("sslrootcert=\(file) in --db cannot be read — give the PEM file of the CA that signed \(location.host)'s certificate")
        }
    }

    /// `RecordSources.dataset` has validated the source (`validate()`) before this is called.
    public func read(into builder: inout DatasetBuilder, progress: (@Sendable (String) -> Void)?) throws {
        let (password, warning) = PasswordLookup.password(for: location, environment: environment)
        if let warning { progress?("warning: \(warning)") }
        progress?("reading \(name)")
        let reader = PostgresReader(location: location, password: password, table: table)
        let handoff = RecordHandoff<RawRecord>()
        let pending = ReaderThread.start { try await reader.stream(into: handoff) }
        var feed = RowFeed(name: table, progress: progress)
        do {
            while let batch = try handoff.receive() {
                // By index: the subscript lends each record, where for-in would copy it (retaining its strings).
                for i in batch.indices { feed.add(batch[i], to: &builder) }
            }
        } catch {
            handoff.abandon()
            _ = pending.wait()
            throw PostgresFailure.describe(error, location: location, table: table, passwordNote: warning)
        }
        // The reader's own end: the transaction committed and the connection closed.
        if case .failure(let error) = pending.wait() {
            throw PostgresFailure.describe(error, location: location, table: table, passwordNote: warning)
        }
        feed.finish()
    }
}
