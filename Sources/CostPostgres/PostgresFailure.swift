import CostIngest
import PostgresNIO

/// Every way a read of the shared store fails, as one line that names the server and the fix.
/// postgres-nio's own descriptions hide everything (to keep secrets out of logs), so the cases are
/// told apart by code and SQLSTATE; the password is never part of any line.
enum PostgresFailure {
    /// `passwordNote`: why the password file was skipped, when it was (said with a password error).
    static func describe(_ error: any Error, location: PostgresLocation, table: String, passwordNote: String? = nil) -> IngestError {
        let server = "PostgreSQL at \(location.hostAndPort)"
        let user = location.user, database = location.database
        switch error {
        case let failure as PostgresReader.DuringLogin:
            if let psql = failure.error as? PSQLError, closedDuringLogin(psql) {
                return IngestError("\(location.hostAndPort) closed the connection before the login finished — check that it is a PostgreSQL server (not a proxy or another service on that port), and its log")
            }
            return describe(failure.error, location: location, table: table, passwordNote: passwordNote)
        case let error as IngestError:
            return error
        case let problem as PostgresProblem:
            switch problem {
            case .missingTable(let tables):
                let seen = tables.isEmpty ? "it has no tables that \(user) can see" : "tables \(user) can see: \(tables.joined(separator: ", "))"
                return IngestError("\(server): database \(database) has no table `\(table)` (\(seen)) — name it with --table NAME (or `table:` in costreport.yml)")
            case .missingColumn(let column):
                let why = column == "id" ? "costreport reads rows in its order, as the team's bigserial id gives them" : "it is in the team's schema (spec §1)"
                return IngestError("\(server): table `\(table)` in \(database) has no `\(column)` column — \(why); check --table names the benchmarks table")
            case .mayNotRead:
                return permissionDenied(server, table: table, user: user)
            }
        case let error as PSQLError:
            return describe(error, server: server, location: location, table: table, passwordNote: passwordNote)
        default:
            return IngestError("\(server): \(oneLine(String(describing: error))) — check the server's log, then run the command again")
        }
    }

    /// The server's statement_timeout (SQLSTATE 57014) or an administrator ended the read.
    private static func cancelled(_ server: String) -> IngestError {
        IngestError("\(server) cancelled the read (statement_timeout or an administrator) — run the command again, or raise the role's statement_timeout")
    }

    /// The peer ended the connection before PostgreSQL's login answered: closed, or reset.
    private static func closedDuringLogin(_ error: PSQLError) -> Bool {
        switch error.code {
        case .serverClosedConnection, .uncleanShutdown: return true
        case .connectionError:
            guard let io = error.underlying as? IOError else { return false }
            return io.errnoCode == ECONNRESET || io.errnoCode == EPIPE
        default: return false
        }
    }

    private static func permissionDenied(_ server: String, table: String, user: String) -> IngestError {
        // A schema the role may not use hides the table the same way (PostgreSQL says 42501 for both).
        let schema = table.split(separator: ".").count == 2 ? table.split(separator: ".")[0] : nil
        let usage = schema.map { " (and GRANT USAGE ON SCHEMA \($0) TO \(user))" } ?? ""
        return IngestError("\(server): user \(user) may not read table `\(table)` — a role needs only SELECT: GRANT SELECT ON \(table) TO \(user)\(usage)")
    }

    private static func describe(_ error: PSQLError, server: String, location: PostgresLocation, table: String,
                                 passwordNote: String?) -> IngestError {
        let user = location.user
        let note = passwordNote.map { "; note: \($0)" } ?? ""
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = oneLine(error.serverInfo?[.message] ?? "no message")
            switch state {
            case "28P01":
                return IngestError("\(server) refused the password for user \(user) — check PGPASSWORD, or the line for this server in ~/.pgpass (host:port:database:user:password)\(note)")
            case "28000":
                return IngestError("\(server) refused user \(user): \(message) — check the user in --db, and that the server's pg_hba.conf lets it in from here")
            case "3D000":
                return IngestError("\(server) has no database \(location.database) — check the name after the host in --db (postgresql://USER@HOST/DBNAME)")
            case "42P01":
                return IngestError("\(server): database \(location.database) has no table `\(table)` — name it with --table NAME")
            case "42703":
                return IngestError("\(server): table `\(table)` lacks a column: \(message) — check --table names the benchmarks table")
            case "42501":
                return permissionDenied(server, table: table, user: user)
            case "57P03":
                return IngestError("\(server) is starting up or shutting down — try again in a moment")
            case "53300":
                return IngestError("\(server) has no free connection slot: \(message) — try again, or raise max_connections")
            case "55P03":
                return IngestError("\(server): table `\(table)` stayed locked by another session (ALTER TABLE, VACUUM FULL) for \(PostgresReader.lockTimeoutSeconds) s — run the command again when it has finished")
            case "57014":
                return cancelled(server)
            case "25006", "25P02", "40001":
                return IngestError("\(server): the read transaction failed: \(message) — run the command again")
            default:
                return IngestError("\(server): \(message) (SQLSTATE \(state.isEmpty ? "unknown" : state))")
            }
        case .authMechanismRequiresPassword:
            return IngestError("\(server) wants a password for user \(user) — set PGPASSWORD, or add a line to ~/.pgpass (host:port:database:user:password, chmod 600); keep it out of --db, which shell history keeps\(note)")
        case .unsupportedAuthMechanism:
            return IngestError("\(server) asks for an authentication method costreport does not support — use password or scram-sha-256 authentication for user \(user)")
        case .sslUnsupported:
            return IngestError("\(server) does not offer TLS, and sslmode=\(location.tls.rawValue) requires it — turn ssl on at the server, or use sslmode=prefer")
        case .connectionError:
            return connectionFailure(error.underlying, server: server, location: location)
        case .serverClosedConnection, .uncleanShutdown:
            return IngestError("\(server) closed the connection during the read — check the server's log, then run the command again")
        case .queryCancelled:
            return cancelled(server)
        case .saslError:
            return IngestError("\(server): the password exchange with user \(user) failed — check the password (PGPASSWORD, ~/.pgpass) and the server's log\(note)")
        case .receivedUnencryptedDataAfterSSLRequest, .failedToAddSSLHandler:
            return tlsFailure("the server's answer to the TLS request was not TLS", server: server, location: location)
        default:
            // postgres-nio's debug description of the rest names the request and its source file,
            // not the fix: the code is what a reader can look up.
            return IngestError("\(server): the connection failed (\(error.code)) — check the server's log, then run the command again")
        }
    }

    private static func connectionFailure(_ underlying: (any Error)?, server: String, location: PostgresLocation) -> IngestError {
        let host = location.hostAndPort
        switch underlying {
        case let error as ChannelError:
            if case .connectTimeout = error {
                return IngestError("cannot reach PostgreSQL at \(host): no answer within \(location.connectTimeout) s — check the host, the port and the firewall (connect_timeout=\(location.connectTimeout) in --db)")
            }
            return IngestError("cannot reach PostgreSQL at \(host): \(error) — check the host and port in --db")
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty {
                return IngestError("cannot reach PostgreSQL at \(host): the host name \(location.host) does not resolve — check the host in --db")
            }
            let reasons = Set(error.connectionErrors.map { reason($0.error) }).sorted().joined(separator: "; ")
            return IngestError("cannot reach PostgreSQL at \(host): \(reasons) — check that the server runs and listens on that port, and the host in --db")
        case let error as IOError:
            return IngestError("cannot reach PostgreSQL at \(host): \(reason(error)) — check the host and port in --db")
        case let error as NIOSSLError:
            return tlsFailure("\(error)", server: server, location: location)
        case let error as NIOSSLExtraError:
            return tlsFailure("\(error)", server: server, location: location)
        case let error?:
            return IngestError("cannot reach PostgreSQL at \(host): \(oneLine(String(describing: error))) — check the host and port in --db")
        case nil:
            return IngestError("cannot reach PostgreSQL at \(host) — check the host and port in --db")
        }
    }

    private static func tlsFailure(_ detail: String, server: String, location: PostgresLocation) -> IngestError {
        let fix = location.tls == .verifyFull || location.tls == .verifyCA
            ? "give the CA that signed the server's certificate with sslrootcert=FILE, and for verify-full connect by the name the certificate holds"
            : "check the server's TLS settings"
        return IngestError("\(server): TLS failed (\(oneLine(detail))) — \(fix)")
    }

    private static func reason(_ error: any Error) -> String {
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ENETUNREACH: return "network unreachable"
            case EHOSTUNREACH: return "host unreachable"
            case ETIMEDOUT: return "timed out"
            case ECONNRESET: return "connection reset"
            default: return oneLine(io.description)
            }
        }
        return oneLine(String(describing: error))
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
