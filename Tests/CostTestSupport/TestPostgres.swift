import Foundation
import GRDB

/// A throwaway PostgreSQL server for the tests, started once per test process: `initdb` into a
/// temporary folder, `pg_ctl start` on a free local port with TLS on (a self-signed certificate for
/// `localhost` and 127.0.0.1), password logins only (scram-sha-256), stopped when the process exits.
/// Needs Debian's `postgresql` and `openssl` (`.ci/install-deps` installs them); as root, the server
/// runs as the `postgres` user that package creates, since PostgreSQL refuses to run as root.
public final class TestPostgres: @unchecked Sendable {
    public static let adminUser = "costreport_admin"
    public static let adminPassword = "admin-Pa55"
    /// A role with only SELECT on the tables `load` creates, as a CI runner's would be.
    public static let readerUser = "costreport_reader"
    public static let readerPassword = "reader-Pa55-secret"
    /// A role that may log in and nothing else.
    public static let outsiderUser = "costreport_outsider"
    public static let outsiderPassword = "outsider-Pa55"

    /// A database name the server accepts over TLS only.
    public static let tlsOnlyDatabase = "tls_only"

    public let port: Int
    public let folder: String
    /// The server's certificate, which is its own CA (for sslrootcert=).
    public let certificate: String
    private let bin: String
    private let runAs: [String]

    /// The one server of this process, or the reason there is none (binaries missing, say).
    public static func shared() throws -> TestPostgres { try sharedServer.get() }
    private static let sharedServer = Result { try TestPostgres() }

    private init() throws {
        guard let bin = Self.binaries() else {
            throw TestPostgresError("PostgreSQL's server programs are not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH) — apt-get install postgresql, or run .ci/install-deps")
        }
        self.bin = bin
        runAs = getuid() == 0 ? ["runuser", "-u", "postgres", "--"] : []
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("costreport-pg-\(getpid())-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        self.folder = folder
        certificate = folder + "/server.crt"
        if getuid() == 0 { try Self.shell(["chown", "postgres", folder]) }
        try Self.write(Self.adminPassword + "\n", to: folder + "/pwfile", runAs: runAs)
        try Self.shell(runAs + [bin + "/initdb", "-D", folder + "/data", "-U", Self.adminUser, "--pwfile=" + folder + "/pwfile",
                                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        try Self.shell(runAs + ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650",
                                "-keyout", folder + "/server.key", "-out", certificate, "-subj", "/CN=localhost",
                                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        try Self.shell(runAs + ["chmod", "600", folder + "/server.key"])
        // The database `tlsOnlyDatabase` takes encrypted connections only, so a test can tell TLS was used.
        let hba = folder + "/data/pg_hba.conf"
        let rules = try String(contentsOfFile: hba, encoding: .utf8)
        try ("hostnossl \(Self.tlsOnlyDatabase) all all reject\n" + rules).write(toFile: hba, atomically: false, encoding: .utf8)
        var started: Int?
        for _ in 0..<5 {
            let candidate = try Self.freePort()
            let options = "-p \(candidate) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c ssl=on "
                + "-c ssl_cert_file=\(certificate) -c ssl_key_file=\(folder)/server.key"
            if (try? Self.shell(runAs + [bin + "/pg_ctl", "-D", folder + "/data", "-o", options, "-l", folder + "/log", "-w", "-t", "60", "start"])) != nil {
                started = candidate
                break
            }
        }
        guard let started else {
            let log = (try? String(contentsOfFile: folder + "/log", encoding: .utf8)) ?? ""
            throw TestPostgresError("the test PostgreSQL server did not start: \(log.suffix(600))")
        }
        port = started
        Self.stopAtExit = { [bin, folder, runAs] in
            _ = try? Self.shell(runAs + [bin + "/pg_ctl", "-D", folder + "/data", "-m", "immediate", "-w", "stop"])
            try? FileManager.default.removeItem(atPath: folder)
        }
        atexit { TestPostgres.stopAtExit?() }
        try psql("""
            CREATE ROLE \(Self.readerUser) LOGIN PASSWORD '\(Self.readerPassword)';
            CREATE ROLE \(Self.outsiderUser) LOGIN PASSWORD '\(Self.outsiderPassword)';
            """)
    }

    nonisolated(unsafe) private static var stopAtExit: (() -> Void)?

    /// A URL for `--db` (127.0.0.1, this server's port).
    public func url(user: String = TestPostgres.readerUser, password: String? = nil, database: String,
                    host: String = "127.0.0.1", query: String = "sslmode=disable") -> String {
        "postgresql://\(user)\(password.map { ":" + $0 } ?? "")@\(host):\(port)/\(database)\(query.isEmpty ? "" : "?" + query)"
    }

    /// Runs SQL as the admin (psql, stopping at the first error); returns what it printed.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        let psql = FileManager.default.isExecutableFile(atPath: bin + "/psql") ? bin + "/psql" : "psql"
        return try Self.shell([psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port),
                               "-U", Self.adminUser, "-d", database], input: sql, environment: ["PGPASSWORD": Self.adminPassword])
    }

    /// A new, empty database (any old one of that name dropped).
    public func createDatabase(_ name: String) throws {
        try psql("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE);\nCREATE DATABASE \"\(name)\";")
    }

    /// How the `benchmarks` columns are typed on the server (the issue's accepted types).
    public struct Layout: Sendable {
        /// `text`, `timestamp` or `timestamptz`.
        public var timestamp: String
        /// `text`, `json` or `jsonb`.
        public var metadata: String
        public init(timestamp: String = "text", metadata: String = "text") { self.timestamp = timestamp; self.metadata = metadata }
        public static let text = Layout()
    }

    /// Copies a SQLite `benchmarks` table into `table` of `database`, row for row with the same ids
    /// and exact values, numbers as `double precision`/`integer`, `id` a `bigserial`, and grants the
    /// reader role SELECT. With a typed timestamp, a value the SQLite reader rejects (not ISO 8601, a
    /// day that does not exist) is stored as NULL, which the reader rejects too.
    public func load(sqlite path: String, into database: String, table: String = "benchmarks",
                     layout: Layout = .text, timeZone: String = "UTC") throws {
        let columns = ["id", "run_id", "timestamp", "cloud_provider", "instance_type", "region", "hardware_type", "gpu_model",
                       "benchmark_name", "benchmark_suite", "latency_ms", "throughput", "memory_mb", "tests_passed",
                       "tests_failed", "tests_skipped", "duration_seconds", "cost_usd", "metadata"]
        let types = ["bigserial PRIMARY KEY", "text NOT NULL", layout.timestamp, "text", "text", "text", "text", "text", "text", "text",
                     "double precision", "double precision", "double precision", "integer", "integer", "integer",
                     "double precision", "double precision", layout.metadata]
        var sql = "SET TimeZone = '\(timeZone)';\n"
        sql += """
            CREATE FUNCTION pg_temp.iso_time(t text) RETURNS text AS $$
            BEGIN
              IF t !~ '^\\d{4}-\\d{2}-\\d{2}([Tt ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,6})?)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?$' THEN RETURN NULL; END IF;
              PERFORM t::timestamptz;
              RETURN t;
            EXCEPTION WHEN others THEN RETURN NULL;
            END $$ LANGUAGE plpgsql;

            """
        sql += "CREATE TABLE \(table) (" + zip(columns, types).map { "\($0) \($1)" }.joined(separator: ", ") + ");\n"
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM benchmarks ORDER BY rowid")
        }
        for chunk in stride(from: 0, to: rows.count, by: 500) {
            let values = rows[chunk..<min(chunk + 500, rows.count)].map { row -> String in
                let cells = columns.indices.map { i -> String in
                    let literal = Self.literal(row[i] as DatabaseValue)
                    if i == 2, layout.timestamp != "text" { return "pg_temp.iso_time(\(literal))::\(layout.timestamp)" }
                    return literal
                }
                return "(" + cells.joined(separator: ", ") + ")"
            }
            sql += "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES\n" + values.joined(separator: ",\n") + ";\n"
        }
        sql += "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce(max(id), 1)) FROM \(table);\n"
        sql += "GRANT SELECT ON \(table) TO \(Self.readerUser);\n"
        try psql(sql, database: database)
    }

    /// A SQLite value as a PostgreSQL literal, exact (Swift prints the shortest text that reads back as the same double).
    static func literal(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let n): return String(n)
        case .double(let d):
            if d.isNaN { return "'NaN'" }
            if d.isInfinite { return d > 0 ? "'Infinity'" : "'-Infinity'" }
            return "'\(d)'::double precision"
        case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let data): return "'" + String(decoding: data, as: UTF8.self).replacingOccurrences(of: "'", with: "''") + "'"
        }
    }

    // MARK: - Processes

    /// Runs a program to the end; throws with its output when it fails. Spawned directly with its
    /// input and output in files, not through Foundation's Process and pipes: `pg_ctl start` leaves
    /// a server running that would hold a pipe open, and Process then waits for it forever.
    @discardableResult
    static func shell(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("costreport-pg-io-\(UUID().uuidString)").path
        let inPath = base + ".in", outPath = base + ".out", errPath = base + ".err"
        defer { for p in [inPath, outPath, errPath] { unlink(p) } }
        try (input ?? "").write(toFile: inPath, atomically: false, encoding: .utf8)
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Nothing else is inherited: the server pg_ctl leaves running must not hold open the pipes
        // of programs other tests are running at the same moment (their reads would never end).
        Self.closeFrom3(&actions)
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = env.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) }; for p in envp { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, &envp)
        guard spawned == 0 else { throw TestPostgresError("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0, code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            let message = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            throw TestPostgresError("\(arguments.prefix(3).joined(separator: " ")) failed (status \(status)): \(message.suffix(800))")
        }
        return output
    }

    private static func write(_ text: String, to path: String, runAs: [String]) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        if !runAs.isEmpty { try shell(["chown", "postgres", path]) }
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), looked up at run time: Swift's
    /// Glibc module does not declare it.
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }

    /// The newest server's programs: Debian keeps them in /usr/lib/postgresql/VERSION/bin.
    private static func binaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap { Int($0) }.sorted(by: >)
        for version in versions where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb") {
            return "\(root)/\(version)/bin"
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(dir)/initdb") && FileManager.default.isExecutableFile(atPath: "\(dir)/pg_ctl") {
            return String(dir)
        }
        return nil
    }

    /// A local TCP port nothing listens on (bound to 0, read back, released).
    public static func freePort() throws -> Int {
        let (fd, port) = try listeningSocket()
        close(fd)
        return port
    }

    /// A socket listening on a free local port (the kernel completes handshakes into its backlog
    /// whether or not anyone accepts); the caller closes it.
    public static func listeningSocket() throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestPostgresError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        let named = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        guard bound == 0, named == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw TestPostgresError("cannot listen on a local port")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}

public struct TestPostgresError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
