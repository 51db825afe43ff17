import CostTestSupport
import Foundation
import Testing

// The shared store (issue 16): the same rows read from PostgreSQL and from SQLite give the same
// report, byte for byte, except the one thing that must differ — the name of the source (the
// `sources` entry, and the prefix of the row labels the data-quality section shows), which the
// comparison replaces in both texts after checking each is there.
@Suite(.serialized) struct PostgresStoreTests {
    let server: TestPostgres

    init() throws { server = try TestPostgres.shared() }

    /// A database of its own for each test (names are unique per process).
    private func database(_ name: String) throws -> String {
        let full = "t_\(name)_\(getpid())"
        try server.createDatabase(full)
        return full
    }

    /// A scratch folder holding the hand-computed fixture as `benchmarks.db` and, unless `config`
    /// is nil, its config as `costreport.yml`.
    private func handComputedFolder(config: String? = HandComputedRows.configYAML) throws -> URL {
        let folder = try CLIRunner.scratch()
        try HandComputedRows.writeDatabase(at: databaseFile(folder))
        try config?.write(to: folder.appendingPathComponent("costreport.yml"), atomically: true, encoding: .utf8)
        return folder
    }

    private func databaseFile(_ folder: URL) -> String { folder.appendingPathComponent("benchmarks.db").path }

    private func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> CLIRunner.Result {
        // No password file of the developer's leaks in: HOME is the scratch folder unless a test sets it.
        try CLIRunner.run(arguments, in: folder, environment: ["HOME": folder.path, "PGPASSWORD": "", "PGPASSFILE": ""].merging(environment) { $1 })
    }

    /// The report JSON with the source named `SOURCE` and row labels `ROW id N`; fails when the
    /// name does not occur (so the replacement cannot hide a report that lost its sources).
    private func masked(_ json: String, source: String, rowPrefix: String) -> String {
        #expect(json.contains("\"name\" : \"\(source)\""), "the report names its source \(source)")
        return json.replacingOccurrences(of: "\"name\" : \"\(source)\"", with: "\"name\" : \"SOURCE\"")
            .replacingOccurrences(of: "\"\(rowPrefix) id ", with: "\"ROW id ")
            .replacingOccurrences(of: ") \(rowPrefix) id ", with: ") ROW id ")
    }

    private func reportsMatch(sqlite: String, postgres url: String, database: String, in folder: URL,
                              arguments: [String], environment: [String: String]) throws {
        let fromSQLite = try run(["report", "--format", "json", "-q", "--db", sqlite] + arguments, in: folder)
        #expect(fromSQLite.status == 0, "\(fromSQLite.stderr)")
        let fromPostgres = try run(["report", "--format", "json", "-q", "--db", url] + arguments, in: folder, environment: environment)
        #expect(fromPostgres.status == 0, "\(fromPostgres.stderr)")
        #expect(fromPostgres.stdout.contains("\"accepted\" : "), "a real report")
        let display = "postgresql://\(TestPostgres.readerUser)@127.0.0.1:\(server.port)/\(database)"
        let left = masked(fromSQLite.stdout, source: sqlite, rowPrefix: (sqlite as NSString).lastPathComponent)
        let right = masked(fromPostgres.stdout, source: display, rowPrefix: "benchmarks")
        #expect(left == right, "report JSON from PostgreSQL equals the one from SQLite (\(arguments.joined(separator: " ")))")
        #expect(!fromPostgres.stdout.contains(TestPostgres.readerPassword) && !fromPostgres.stderr.contains(TestPostgres.readerPassword))
    }

    @Test(arguments: [
        TestPostgres.Layout(timestamp: "text", metadata: "text"),
        TestPostgres.Layout(timestamp: "timestamptz", metadata: "jsonb"),
        TestPostgres.Layout(timestamp: "timestamp", metadata: "json"),
        TestPostgres.Layout(timestamp: "timestamptz", metadata: "text"),
    ])
    func handComputedFixtureGivesTheSameReport(layout: TestPostgres.Layout) throws {
        let folder = try handComputedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try database("hand_\(layout.timestamp)_\(layout.metadata)")
        try server.load(sqlite: databaseFile(folder), into: db, layout: layout)
        // The password from PGPASSWORD: the URL has none.
        for period in ["2026-W45", "2026-11"] {
            try reportsMatch(sqlite: "benchmarks.db", postgres: server.url(database: db), database: db, in: folder,
                             arguments: ["--period", period, "--as-of", "2026-11-05", "--today", "2026-11-05"],
                             environment: ["PGPASSWORD": TestPostgres.readerPassword])
        }
    }

    /// Naive text is placed in the report's time zone, a timestamptz is an instant: loaded in that
    /// zone (as a writer in it would), both give the same days and weeks.
    @Test func aReportTimeZoneOtherThanUTC() throws {
        let yaml = HandComputedRows.configYAML.replacingOccurrences(of: "timezone: UTC", with: "timezone: Asia/Kolkata")
        #expect(yaml.contains("Asia/Kolkata"))
        let folder = try handComputedFolder(config: yaml)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try database("kolkata")
        try server.load(sqlite: databaseFile(folder), into: db,
                        layout: TestPostgres.Layout(timestamp: "timestamptz", metadata: "jsonb"), timeZone: "Asia/Kolkata")
        try reportsMatch(sqlite: "benchmarks.db", postgres: server.url(password: TestPostgres.readerPassword, database: db), database: db,
                         in: folder, arguments: ["--period", "2026-W45", "--as-of", "2026-11-05", "--today", "2026-11-05"], environment: [:])
    }

    @Test(arguments: [TestPostgres.Layout(timestamp: "text", metadata: "text"), TestPostgres.Layout(timestamp: "timestamptz", metadata: "text")])
    func demoDataGivesTheSameReport(layout: TestPostgres.Layout) throws {
        let folder = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try run(["demo", "-q"], in: folder)
        #expect(demo.status == 0, "\(demo.stderr)")
        let db = try database("demo_\(layout.timestamp)")
        try server.load(sqlite: databaseFile(folder), into: db, layout: layout)
        for arguments in [["--today", "2026-12-01"], ["--period", "2026-11", "--today", "2026-12-01"]] {
            try reportsMatch(sqlite: "benchmarks.db", postgres: server.url(password: TestPostgres.readerPassword, database: db),
                             database: db, in: folder, arguments: arguments, environment: [:])
        }
    }

    /// Every command that reads data takes the URL, and prints what it prints for the file.
    @Test func everyCommandThatReadsDataReadsTheStore() throws {
        let folder = try handComputedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try database("commands")
        try server.load(sqlite: databaseFile(folder), into: db)
        let url = server.url(password: TestPostgres.readerPassword, database: db)
        let dates = ["--as-of", "2026-11-05", "--today", "2026-11-05"]
        let commands: [[String]] = [
            ["export", "--format", "focus-csv", "--period", "2026-11"] + dates,
            ["export", "--format", "csv", "--breakdown", "developer", "--period", "2026-W45"] + dates,
            ["check"] + dates,
            ["pr", "--pr", "412"] + dates,
        ]
        for command in commands {
            let fromFile = try run(command + ["-q", "--db", "benchmarks.db"], in: folder)
            let fromStore = try run(command + ["-q", "--db", url], in: folder)
            #expect(fromFile.status == fromStore.status && !fromStore.stdout.isEmpty, "\(command.first!): \(fromStore.stderr)")
            #expect(fromFile.stdout.replacingOccurrences(of: "benchmarks.db", with: "SOURCE")
                    == fromStore.stdout.replacingOccurrences(of: "postgresql://\(TestPostgres.readerUser)@127.0.0.1:\(server.port)/\(db)", with: "SOURCE"),
                    "\(command.joined(separator: " ")): the same output from the store as from the file")
        }
        let sites = [("file", "benchmarks.db"), ("store", url)].map { name, source -> [String] in
            let built = (try? run(["build", "-q", "--db", source, "--out", "site-\(name)"] + dates, in: folder))
            #expect(built?.status == 0, "build \(name): \(built?.stderr ?? "")")
            return ((try? FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent("site-\(name)").path)) ?? []).sorted()
        }
        #expect(!sites[0].isEmpty && sites[0] == sites[1], "build writes the same pages from the store")
    }

    /// One snapshot: the rows come through a view over a function that waits, then selects. Under
    /// READ COMMITTED that select would see rows committed during the wait; the reader's REPEATABLE
    /// READ transaction took its snapshot before, so a writer inserting meanwhile changes nothing.
    @Test func aWriterInsertingDuringTheReadChangesNothingUntilTheNextBuild() throws {
        let folder = try handComputedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try database("snapshot")
        try server.load(sqlite: databaseFile(folder), into: db, table: "rows_data")
        try server.psql("""
            CREATE FUNCTION slow_rows() RETURNS SETOF rows_data AS $$
            BEGIN PERFORM pg_sleep(3); RETURN QUERY SELECT * FROM rows_data; END $$ LANGUAGE plpgsql VOLATILE;
            CREATE VIEW benchmarks AS SELECT * FROM slow_rows();
            GRANT SELECT ON benchmarks TO \(TestPostgres.readerUser);
            """, database: db)
        let url = server.url(password: TestPostgres.readerPassword, database: db)
        let arguments = ["report", "--format", "json", "-q", "--db", url, "--period", "2026-W45", "--as-of", "2026-11-05", "--today", "2026-11-05"]
        let before = try run(arguments, in: folder)
        #expect(before.status == 0, "\(before.stderr)")

        let during = Thread.start { try? self.run(arguments, in: folder) }
        // Insert while the reader waits inside its transaction (after its first statement).
        var waited = 0
        while waited < 200, try server.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'costreport' AND wait_event = 'PgSleep'", database: db)
            .trimmingCharacters(in: .whitespacesAndNewlines) != "1" {
            usleep(25_000); waited += 1
        }
        #expect(waited < 200, "the reader reached its wait")
        try server.psql("""
            INSERT INTO rows_data (run_id, timestamp, cloud_provider, instance_type, region, duration_seconds, cost_usd, metadata)
            VALUES ('run-late', '2026-11-04T10:00:00', 'aws', 'p4d.24xlarge', 'us-east-2', 3600, 32.77, '{"developer": "dave"}');
            """, database: db)
        let seen = during.wait()
        #expect(seen?.status == 0)
        #expect(seen?.stdout == before.stdout, "the insert committed during the read is not in that read's report")
        let after = try run(arguments, in: folder)
        #expect(after.status == 0)
        #expect(after.stdout != before.stdout && after.stdout.contains("dave"), "the next build sees the new row")
    }

    // MARK: - Errors: exit 2, one line naming the server and the fix, no password

    private func expectOneLineError(_ url: String, contains expected: [String], environment: [String: String] = [:],
                                    extra: [String] = [], within seconds: Double = 20,
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        let result = try run(["report", "--format", "json", "--db", url] + extra, in: folder, environment: environment)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 2, "exit 2: \(result.stderr)", sourceLocation: sourceLocation)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("costreport: error:") }
        #expect(errors.count == 1 && result.stderr.split(separator: "\n").last?.hasPrefix("costreport: error:") == true,
                "one error line: \(result.stderr)", sourceLocation: sourceLocation)
        for text in expected {
            #expect(errors.first?.contains(text) == true, "'\(text)' in: \(result.stderr)", sourceLocation: sourceLocation)
        }
        for secret in [TestPostgres.readerPassword, TestPostgres.outsiderPassword, "Wr0ng"] {
            #expect(!result.stderr.contains(secret) && !result.stdout.contains(secret), "no password in the output", sourceLocation: sourceLocation)
        }
        #expect(elapsed < seconds, "failed within \(seconds) s (took \(elapsed))", sourceLocation: sourceLocation)
    }

    @Test func nothingListening() throws {
        let port = try TestPostgres.freePort()
        try expectOneLineError("postgresql://\(TestPostgres.readerUser):\(TestPostgres.readerPassword)@127.0.0.1:\(port)/x",
                               contains: ["127.0.0.1:\(port)", "connection refused", "check"])
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        // A socket that listens and never accepts: the kernel completes the TCP handshake, and
        // nothing answers the login. connect_timeout bounds it.
        let (fd, port) = try TestPostgres.listeningSocket()
        defer { close(fd) }
        try expectOneLineError("postgresql://\(TestPostgres.readerUser):\(TestPostgres.readerPassword)@127.0.0.1:\(port)/x?connect_timeout=2",
                               contains: ["127.0.0.1:\(port)", "within 2 s", "connect_timeout"], within: 15)
    }

    @Test func somethingElseOnThePort() throws {
        // A service (or a proxy) that accepts the connection and closes it at once.
        let (fd, port) = try TestPostgres.listeningSocket()
        let closer = Thread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                close(client)
            }
        }
        closer.start()
        defer { shutdown(fd, Int32(SHUT_RDWR)); close(fd) }
        try expectOneLineError("postgresql://\(TestPostgres.readerUser):\(TestPostgres.readerPassword)@127.0.0.1:\(port)/x?sslmode=disable",
                               contains: ["127.0.0.1:\(port) closed the connection before the login finished", "PostgreSQL server"])
    }

    @Test func wrongPassword() throws {
        let db = try database("wrongpw")
        try expectOneLineError(server.url(password: "Wr0ng-Pa55", database: db),
                               contains: ["127.0.0.1:\(server.port)", "refused the password", TestPostgres.readerUser, "PGPASSWORD"])
    }

    @Test func noPasswordAnywhere() throws {
        let db = try database("nopw")
        try expectOneLineError(server.url(database: db), contains: ["wants a password", "PGPASSWORD", "~/.pgpass"])
    }

    @Test func missingDatabase() throws {
        try expectOneLineError(server.url(password: TestPostgres.readerPassword, database: "no_such_db"),
                               contains: ["127.0.0.1:\(server.port)", "no database no_such_db"])
    }

    @Test func missingTable() throws {
        let db = try database("notable")
        try server.psql("CREATE TABLE other_runs (id bigserial); GRANT SELECT ON other_runs TO \(TestPostgres.readerUser);", database: db)
        try expectOneLineError(server.url(password: TestPostgres.readerPassword, database: db),
                               contains: ["no table `benchmarks`", "other_runs", "--table"])
    }

    @Test func missingColumn() throws {
        let db = try database("nocolumn")
        try server.psql("CREATE TABLE benchmarks (id bigserial, timestamp text); GRANT SELECT ON benchmarks TO \(TestPostgres.readerUser);", database: db)
        try expectOneLineError(server.url(password: TestPostgres.readerPassword, database: db), contains: ["no `run_id` column"])
    }

    @Test func permissionDenied() throws {
        let folder = try handComputedFolder(config: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try database("denied")
        try server.load(sqlite: databaseFile(folder), into: db)
        try expectOneLineError(server.url(user: TestPostgres.outsiderUser, password: TestPostgres.outsiderPassword, database: db),
                               contains: ["may not read table `benchmarks`", "GRANT SELECT ON benchmarks TO \(TestPostgres.outsiderUser)"])
    }

    @Test func aSchemaTheRoleMayNotUse() throws {
        let db = try database("schema")
        try server.psql("CREATE SCHEMA hidden; CREATE TABLE hidden.runs (id bigserial, run_id text, timestamp text); GRANT SELECT ON hidden.runs TO \(TestPostgres.readerUser);", database: db)
        try expectOneLineError(server.url(password: TestPostgres.readerPassword, database: db), contains: ["GRANT USAGE ON SCHEMA hidden"],
                               extra: ["--table", "hidden.runs"])
    }

    @Test func malformedURL() throws {
        // A raw `/` in the password: refused without showing any part of it.
        try expectOneLineError("postgresql://someone:Wr0ng/Pa55@db.example/x", contains: ["percent-encoded"])
        try expectOneLineError("postgresql://someone:Wr0ng-Pa55@db.example:99999/x", contains: ["port", "postgresql://USER@HOST"])
        try expectOneLineError("postgresql://someone@db.example/x?sslmode=sometimes", contains: ["sslmode=sometimes"])
    }

    // MARK: - Where the password and the table come from; TLS

    @Test func passwordFromPgpassAndTableFromTheConfig() throws {
        let folder = try handComputedFolder(config: HandComputedRows.configYAML + "\ntable: ci.runs\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try database("pgpass")
        try server.psql("CREATE SCHEMA ci; GRANT USAGE ON SCHEMA ci TO \(TestPostgres.readerUser);", database: db)
        try server.load(sqlite: databaseFile(folder), into: db, table: "ci.runs")
        let pgpass = folder.appendingPathComponent(".pgpass").path
        try "# host:port:database:user:password\n127.0.0.1:\(server.port):*:\(TestPostgres.readerUser):\(TestPostgres.readerPassword)\n"
            .write(toFile: pgpass, atomically: true, encoding: .utf8)
        chmod(pgpass, 0o600)
        let arguments = ["report", "--format", "json", "-q", "--period", "2026-W45", "--as-of", "2026-11-05", "--today", "2026-11-05"]
        let viaConfig = try run(arguments + ["--db", server.url(database: db)], in: folder)
        #expect(viaConfig.status == 0, "\(viaConfig.stderr)")
        #expect(viaConfig.stdout.contains("postgresql://\(TestPostgres.readerUser)@127.0.0.1:\(server.port)/\(db) table ci.runs"))
        let sqlite = try run(arguments + ["--db", "benchmarks.db", "--table", "benchmarks"], in: folder)
        #expect(sqlite.status == 0, "--table overrides the config's table: \(sqlite.stderr)")
        let noTable = try run(arguments + ["--db", "benchmarks.db", "--table", "ci_runs"], in: folder)
        #expect(noTable.status == 2 && noTable.stderr.contains("has no `ci_runs` table (its tables: benchmarks)") && noTable.stderr.contains("--table NAME"),
                "\(noTable.stderr)")

        // A password file others can read is not used (as libpq), and the warning says why.
        chmod(pgpass, 0o644)
        let loose = try run(arguments + ["--db", server.url(database: db)], in: folder)
        #expect(loose.status == 2)
        #expect(loose.stderr.contains("\(pgpass) is readable by others, so it is not used") && loose.stderr.contains("chmod 600 \(pgpass)"),
                "\(loose.stderr)")
    }

    @Test func tlsRequireAndVerifyFull() throws {
        let folder = try handComputedFolder(config: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The server takes this database over TLS only (pg_hba.conf: hostnossl … reject).
        let db = TestPostgres.tlsOnlyDatabase
        try server.createDatabase(db)
        try server.load(sqlite: databaseFile(folder), into: db)
        let arguments = ["report", "--format", "json", "-q", "--as-of", "2026-11-05", "--today", "2026-11-05"]
        let env = ["PGPASSWORD": TestPostgres.readerPassword]
        var reports: [String] = []
        for query in ["sslmode=require", "sslmode=prefer", "sslmode=verify-full&sslrootcert=\(server.certificate)"] {
            let encrypted = try run(arguments + ["--db", server.url(database: db, host: "localhost", query: query)], in: folder, environment: env)
            #expect(encrypted.status == 0, "\(query): \(encrypted.stderr)")
            #expect(encrypted.stdout.contains("\"accepted\" : 14"), "\(query): the fixture's 14 accepted records")
            reports.append(encrypted.stdout)
        }
        #expect(Set(reports).count == 1, "the same report whichever TLS mode")
        try expectOneLineError(server.url(database: db, query: "sslmode=disable"), contains: ["refused user", "pg_hba.conf"], environment: env)
        // The system's CAs do not know the test server's certificate: verify-full refuses it.
        try expectOneLineError(server.url(database: db, host: "localhost", query: "sslmode=verify-full"),
                               contains: ["TLS failed", "sslrootcert"], environment: env)
    }
}

private extension Thread {
    /// Runs `body` on a new thread; `wait()` returns its result.
    static func start<T: Sendable>(_ body: @escaping @Sendable () -> T) -> Joinable<T> {
        let joinable = Joinable<T>()
        Thread { joinable.finish(body()) }.start()
        return joinable
    }
}

private final class Joinable<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: T?
    func finish(_ value: T) { self.value = value; done.signal() }
    func wait() -> T { done.wait(); return value! }
}
