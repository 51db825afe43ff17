import CostIngest
import Foundation

/// Where the shared store is: a `postgresql://` (or `postgres://`) URL in libpq's form, the one
/// RDS and Cloud SQL print, with libpq's environment variables as fallbacks.
///
///     postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?sslmode=…&sslrootcert=…&connect_timeout=…]
///
/// The password is kept apart and never shown: `display` (used in every message and in the
/// report's data-quality section) has none, and no error quotes the URL as typed.
public struct PostgresLocation: Sendable, Equatable {
    /// libpq's `sslmode` values (the default is libpq's, `prefer`).
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var user: String
    /// The password the URL carries; PGPASSWORD and ~/.pgpass are asked only when it has none.
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode
    /// `sslrootcert`: the CA certificates (PEM) that verify-ca and verify-full trust; nil: the system's.
    public var rootCertificates: String?
    /// `connect_timeout`, seconds: the TCP connect, TLS and login together.
    public var connectTimeout: Int

    public static let defaultPort = 5432
    public static let defaultConnectTimeout = 10

    /// `postgresql://user@host:port/db`: how messages name the store (no password).
    public var display: String { "postgresql://\(user)@\(hostAndPort)/\(database)" }
    /// `host:port`, an IPv6 address in brackets.
    public var hostAndPort: String { (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }

    /// Whether `--db` names a PostgreSQL store rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    static let parameters = ["sslmode", "sslrootcert", "connect_timeout", "application_name"]

    /// Parses the URL; `environment` supplies libpq's fallbacks (PGUSER, PGPORT, PGDATABASE,
    /// PGSSLMODE, PGSSLROOTCERT, PGCONNECT_TIMEOUT; USER for the user name, as libpq takes the login's).
    public static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresLocation {
        guard let schemeEnd = text.range(of: "://") else { throw problem("it does not start with postgresql://") }
        var rest = Substring(text[schemeEnd.upperBound...])
        // An `@` after the first `/` or `?` means the user part holds a raw `/` or `?` (a base64
        // password often does): split there, the password would be read as host, port or
        // database, and a message could show part of it. Refused without quoting anything.
        if let delimiter = rest.firstIndex(where: { $0 == "/" || $0 == "?" }), rest[delimiter...].contains("@") {
            throw problem("a `/`, `?` or `@` in the user name or password must be percent-encoded (%2F, %3F, %40), or the password put in PGPASSWORD or ~/.pgpass")
        }
        var query: Substring = ""
        if let q = rest.firstIndex(of: "?") { query = rest[rest.index(after: q)...]; rest = rest[..<q] }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") { path = rest[rest.index(after: slash)...]; rest = rest[..<slash] }
        // The last `@` ends the user part: a password may contain `@` only percent-encoded, but
        // libpq and browsers split at the last one, so a raw one still works.
        var userInfo: Substring? = nil
        if let at = rest.lastIndex(of: "@") { userInfo = rest[..<at]; rest = rest[rest.index(after: at)...] }

        var user: String?, password: String?
        if let userInfo {
            if let colon = userInfo.firstIndex(of: ":") {
                user = try decode(userInfo[..<colon], "the user name")
                password = try decode(userInfo[userInfo.index(after: colon)...], "the password")
            } else {
                user = try decode(userInfo, "the user name")
            }
        }
        let (host, explicitPort) = try hostAndPort(rest)
        var port = explicitPort ?? defaultPort
        if explicitPort == nil, let text = nonEmpty(environment["PGPORT"]) {
            guard let n = Int(text), (1...65535).contains(n) else { throw problem("PGPORT=\(text) is not a port from 1 to 65535") }
            port = n
        }
        var database = try decode(path, "the database name")
        if database.isEmpty { database = nonEmpty(environment["PGDATABASE"]) ?? "" }
        guard !database.contains("/") else { throw problem("the database name may not contain `/`") }

        var settings: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try decode(parts[0], "a parameter name")
            guard parameters.contains(key) else {
                throw problem("it has the parameter `\(key)`, which costreport does not support (it knows \(parameters.joined(separator: ", ")))")
            }
            settings[key] = parts.count > 1 ? try decode(parts[1], "the value of \(key)") : ""
        }

        let resolvedUser = nonEmpty(user) ?? nonEmpty(environment["PGUSER"]) ?? nonEmpty(environment["USER"])
        guard let resolvedUser else { throw problem("it names no user: write postgresql://USER@HOST/DBNAME (or set PGUSER)") }
        let modeText = settings["sslmode"] ?? nonEmpty(environment["PGSSLMODE"]) ?? TLSMode.prefer.rawValue
        guard let mode = TLSMode(rawValue: modeText) else {
            throw problem("sslmode=\(modeText) is not one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let timeoutText = settings["connect_timeout"] ?? nonEmpty(environment["PGCONNECT_TIMEOUT"])
        var timeout = defaultConnectTimeout
        if let timeoutText {
            guard let seconds = Int(timeoutText), (1...3600).contains(seconds) else {
                throw problem("connect_timeout=\(timeoutText) is not a whole number of seconds from 1 to 3600")
            }
            timeout = seconds
        }
        let root = nonEmpty(settings["sslrootcert"]) ?? nonEmpty(environment["PGSSLROOTCERT"])
        return PostgresLocation(user: resolvedUser, password: password, host: host, port: port,
                                database: database.isEmpty ? resolvedUser : database, tls: mode,
                                rootCertificates: root, connectTimeout: timeout)
    }

    /// The host and the port, nil when the URL gives none.
    private static func hostAndPort(_ authority: Substring) throws -> (String, Int?) {
        guard !authority.isEmpty else {
            throw problem("it names no host: write postgresql://USER@HOST/DBNAME (a Unix socket is not supported)")
        }
        guard !authority.contains(",") else { throw problem("it names several hosts; give one") }
        var host: Substring, portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw problem("its IPv6 address has no closing `]`") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw problem("something follows its IPv6 address") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]; portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        var port: Int?
        if let portText {
            guard let n = Int(portText), (1...65535).contains(n) else { throw problem("its port `\(portText)` is not a number from 1 to 65535") }
            port = n
        }
        let name = try decode(host, "the host")
        guard !name.isEmpty else { throw problem("it names no host: write postgresql://USER@HOST/DBNAME") }
        return (name, port)
    }

    /// Percent-decoding; `what` names the part in the error (never its value: it may be the password).
    private static func decode(_ part: Substring, _ what: String) throws -> String {
        guard part.contains("%") else { return String(part) }
        guard let decoded = String(part).removingPercentEncoding else {
            throw problem("\(what) has a `%` that is not followed by two hex digits (write %25 for a literal %)")
        }
        return decoded
    }

    private static func nonEmpty(_ text: String?) -> String? { (text?.isEmpty ?? true) ? nil : text }

    private static func problem(_ what: String) -> IngestError {
        IngestError("--db is not a PostgreSQL URL costreport can use: \(what) — the form is postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=require], the password in PGPASSWORD or ~/.pgpass")
    }
}
