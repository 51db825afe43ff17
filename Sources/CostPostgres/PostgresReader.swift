import CostIngest
import Foundation
import PostgresNIO

/// One read of the table: connect, one read-only REPEATABLE READ transaction (the first query
/// takes the snapshot that the whole read sees, whatever the runners insert meanwhile), the
/// columns' types looked up, every row streamed in `id` order, commit, close.
struct PostgresReader: Sendable {
    let location: PostgresLocation
    let password: String?
    let table: String
    /// Rows per batch handed to the builder.
    static let batchSize = 2048
    /// How long the read waits for a lock another session holds on the table.
    static let lockTimeoutSeconds = 60

    func stream(into handoff: RecordHandoff<RawRecord>) async throws {
        do {
            let connection: PostgresConnection
            do { connection = try await connect() } catch { throw DuringLogin(error: error) }
            do {
                try await read(connection, into: handoff)
                try? await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
            handoff.finish()
        } catch {
            handoff.finish(error: error)
            throw error
        }
    }

    private func read(_ connection: PostgresConnection, into handoff: RecordHandoff<RawRecord>) async throws {
        let logger = Self.logger
        try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
        // A writer's ALTER TABLE or VACUUM FULL would make the read wait for as long as it runs.
        try await connection.query(PostgresQuery(unsafeSQL: "SET LOCAL lock_timeout = '\(Self.lockTimeoutSeconds)s'"), logger: logger)
        let columns = try await PostgresColumns.inspect(table: table, on: connection, logger: logger)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: columns.selectSQL), logger: logger)
        var reader = StoredRowReader()
        var batch: [RawRecord] = []
        batch.reserveCapacity(Self.batchSize)
        var values = [StoredValue](repeating: .null, count: BenchmarksSchema.columns.count)
        var stopped = false
        for try await row in rows {
            var i = 0
            for cell in row {
                values[i] = PostgresColumns.value(cell)
                i += 1
            }
            batch.append(reader.record(values))
            if batch.count == Self.batchSize {
                guard await handoff.send(batch) else { stopped = true; break }
                batch.removeAll(keepingCapacity: true)
            }
        }
        // Stopped: the builder failed, and closing the connection ends the read-only transaction
        // without the rest of the table being sent first.
        if stopped { return }
        if !batch.isEmpty { _ = await handoff.send(batch) }
        try await connection.query("COMMIT", logger: logger)
    }

    private func connect() async throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: password,
            database: location.database, tls: try tls())
        // The TCP connect, TLS and login together (postgres-nio's deadline covers the startup).
        configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
        configuration.options.additionalStartupParameters = [("application_name", "costreport")]
        return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.logger)
    }

    /// libpq's sslmode in postgres-nio's terms. `prefer` and `allow` encrypt when the server
    /// offers it and verify nothing, as libpq's do; `require` encrypts without verifying;
    /// `verify-ca` checks the chain, `verify-full` the chain and the host name, against
    /// `sslrootcert` (else the system's CAs).
    private func tls() throws -> PostgresConnection.Configuration.TLS {
        var settings = TLSConfiguration.makeClientConfiguration()
        switch location.tls {
        case .disable: return .disable
        // libpq: `require` with a root certificate file given verifies the chain, as verify-ca.
        case .require where location.rootCertificates != nil: settings.certificateVerification = .noHostnameVerification
        case .allow, .prefer, .require: settings.certificateVerification = .none
        case .verifyCA: settings.certificateVerification = .noHostnameVerification
        case .verifyFull: settings.certificateVerification = .fullVerification
        }
        if let file = location.rootCertificates { settings.trustRoots = .file(file) }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: settings)
        } catch {
            if let file = location.rootCertificates {
                throw IngestError("sslrootcert=\(file) in --db is not a PEM file of CA certificates — give the CA that signed \(location.host)'s certificate")
            }
            throw IngestError("cannot set up TLS for \(location.hostAndPort) with the system's CA certificates — give the server's CA with sslrootcert=FILE in --db")
        }
        switch location.tls {
        case .allow, .prefer: return .prefer(context)
        default: return .require(context)
        }
    }

    /// A failure before the login finished (told apart in messages: nothing was read yet).
    struct DuringLogin: Error { let error: any Error }

    /// postgres-nio logs at debug and trace only; errors reach the user as one line each, not as logs.
    static let logger: Logger = {
        var logger = Logger(label: "costreport.postgres")
        logger.logLevel = .critical
        return logger
    }()
}
