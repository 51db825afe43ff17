import CostIngest
import Foundation
import Testing

@testable import CostPostgres

struct PostgresLocationTests {
    @Test func parsesTheFullForm() throws {
        let l = try PostgresLocation.parse("postgresql://ci%40team:p%40ss:w0rd@db.internal:6543/costs?sslmode=verify-full&sslrootcert=/etc/rds.pem&connect_timeout=3",
                                           environment: [:])
        #expect(l.user == "ci@team")
        #expect(l.password == "p@ss:w0rd", "the password is everything after the first colon, decoded")
        #expect(l.host == "db.internal" && l.port == 6543 && l.database == "costs")
        #expect(l.tls == .verifyFull && l.rootCertificates == "/etc/rds.pem" && l.connectTimeout == 3)
        #expect(l.display == "postgresql://ci@team@db.internal:6543/costs")
        #expect(!l.display.contains("w0rd"))
    }

    @Test func libpqDefaults() throws {
        let l = try PostgresLocation.parse("postgres://db.internal", environment: ["USER": "runner"])
        #expect(l.user == "runner" && l.database == "runner", "libpq: the login's name, and a database named after the user")
        #expect(l.port == 5432 && l.tls == .prefer && l.connectTimeout == 10 && l.password == nil)
        let env = try PostgresLocation.parse("postgresql://db.internal/x",
                                             environment: ["PGUSER": "ci", "PGSSLMODE": "require", "PGCONNECT_TIMEOUT": "4", "USER": "nobody"])
        #expect(env.user == "ci" && env.tls == .require && env.connectTimeout == 4)
        let url = try PostgresLocation.parse("postgresql://u@db.internal/x?sslmode=disable", environment: ["PGSSLMODE": "require"])
        #expect(url.tls == .disable, "the URL wins over the environment")
    }

    @Test func ipv6() throws {
        let l = try PostgresLocation.parse("postgresql://u@[::1]:5433/x", environment: [:])
        #expect(l.host == "::1" && l.port == 5433 && l.hostAndPort == "[::1]:5433")
    }

    @Test(arguments: [
        ("postgresql://u@h:0/x", "port"), ("postgresql://u@h:abc/x", "port"), ("postgresql://u@/x", "no host"),
        ("postgresql://u@a,b/x", "several hosts"), ("postgresql://u@h/x?sslmode=maybe", "sslmode=maybe"),
        ("postgresql://u@h/x?connect_timeout=0", "connect_timeout"), ("postgresql://u@h/x?options=-c", "`options`"),
        ("postgresql://u:sec%zzret@h/x", "the password"), ("postgresql://u@[::1/x", "IPv6"), ("postgresql://u@h/a/b", "`/`"),
    ])
    func rejectsWithAMessageThatNamesThePart(url: String, expected: String) {
        #expect {
            try PostgresLocation.parse(url, environment: ["USER": "x"])
        } throws: { error in
            let message = (error as? IngestError)?.message ?? ""
            return message.contains(expected) && message.contains("postgresql://USER@HOST") && !message.contains("zzret")
        }
    }

    @Test func recognisesURLs() {
        #expect(PostgresLocation.isURL("postgresql://h/x") && PostgresLocation.isURL("POSTGRES://h/x"))
        #expect(!PostgresLocation.isURL("benchmarks.db") && !PostgresLocation.isURL("./postgresql/benchmarks.db"))
    }
}

struct PasswordFileTests {
    let file = """
        # comment
        other.host:5432:*:ci:nope
        db.internal:5432:costs:ci:first\\:colon\\\\slash
        db.internal:5432:costs:ci:second
        *:*:*:*:fallback
        """

    @Test func firstMatchingLineWithEscapes() {
        #expect(PasswordFile.match(file, host: "db.internal", port: 5432, database: "costs", user: "ci") == "first:colon\\slash")
        #expect(PasswordFile.match(file, host: "db.internal", port: 6543, database: "costs", user: "ci") == "fallback")
        #expect(PasswordFile.match("h:1:d:u:p", host: "h", port: 2, database: "d", user: "u") == nil)
    }

    @Test func lookupOrder() {
        let url = try! PostgresLocation.parse("postgresql://ci:inurl@db.internal/costs", environment: [:])
        #expect(PasswordLookup.password(for: url, environment: ["PGPASSWORD": "env"]).password == "inurl")
        var bare = url
        bare.password = nil
        #expect(PasswordLookup.password(for: bare, environment: ["PGPASSWORD": "env"]).password == "env")
        #expect(PasswordLookup.password(for: bare, environment: ["HOME": "/nonexistent"]).password == nil)
    }
}

struct PostgresColumnsTests {
    @Test func timestampsBecomeTheTextTheSQLiteReaderParses() {
        #expect(PostgresColumns.expression(quoted: "\"t\"", type: "timestamptz").contains("AT TIME ZONE 'UTC'"))
        #expect(PostgresColumns.expression(quoted: "\"t\"", type: "timestamptz").hasSuffix("\"Z\"')"))
        #expect(!PostgresColumns.expression(quoted: "\"t\"", type: "timestamp").contains("Z"))
        #expect(PostgresColumns.expression(quoted: "\"c\"", type: "float8") == "\"c\"")
        #expect(PostgresColumns.expression(quoted: "\"m\"", type: "jsonb") == "\"m\"::text")
        #expect(PostgresColumns.expression(quoted: "\"n\"", type: "numeric") == "\"n\"::text")
    }

    @Test func tableNames() {
        for good in ["benchmarks", "ci.runs", "_t1", "Runs"] { #expect(BenchmarksSchema.isValidTableName(good), "\(good)") }
        for bad in ["", "a.b.c", "1abc", "runs;drop", "a b", "\"x\"", ".runs", "runs."] { #expect(!BenchmarksSchema.isValidTableName(bad), "\(bad)") }
        #expect(BenchmarksSchema.quoted("ci.runs") == "\"ci\".\"runs\"")
    }
}

struct TableSettingTests {
    @Test func configNamesTheTable() throws {
        #expect(try ConfigLoader.parse(yaml: "table: ci.runs", path: "costreport.yml").table == "ci.runs")
        #expect(try ConfigLoader.parse(yaml: "timezone: UTC", path: "costreport.yml").table == "benchmarks")
        #expect(throws: IngestError.self) { try ConfigLoader.parse(yaml: "table: \"runs; DROP TABLE x\"", path: "costreport.yml") }
    }

    @Test func aSQLiteFileHasNoSchemas() {
        #expect(throws: IngestError.self) { try SQLiteRecordSource(path: "/nonexistent.db", table: "ci.runs").validate() }
    }
}

struct PasswordFileRulesTests {
    @Test func onlyAnUnescapedStarIsAWildcard() {
        #expect(PasswordFile.match("\\*:5432:d:u:literal", host: "db", port: 5432, database: "d", user: "u") == nil)
        #expect(PasswordFile.match("\\*:5432:d:u:literal", host: "*", port: 5432, database: "d", user: "u") == "literal")
    }

    @Test func extraFieldsAndWindowsLineEnds() {
        #expect(PasswordFile.match("h:1:d:u:pw:extra\r\n", host: "h", port: 1, database: "d", user: "u") == "pw")
        #expect(PasswordFile.match("h:1:d:u:pw\r\n", host: "h", port: 1, database: "d", user: "u") == "pw")
    }

    @Test func aRawSlashInThePasswordIsRefusedWithoutShowingIt() throws {
        #expect {
            try PostgresLocation.parse("postgresql://ci:Zm9v/YmFy@db/bench", environment: [:])
        } throws: { error in
            let message = (error as? IngestError)?.message ?? ""
            return message.contains("percent-encoded") && !message.contains("Zm9v") && !message.contains("YmFy")
        }
        #expect(try PostgresLocation.parse("postgresql://ci:Zm9v%2FYmFy@db/bench", environment: [:]).password == "Zm9v/YmFy")
    }

    @Test func portAndDatabaseFromTheEnvironment() throws {
        let l = try PostgresLocation.parse("postgresql://u@db", environment: ["PGPORT": "6000", "PGDATABASE": "costs"])
        #expect(l.port == 6000 && l.database == "costs")
        let url = try PostgresLocation.parse("postgresql://u@db:7000/x", environment: ["PGPORT": "6000", "PGDATABASE": "costs"])
        #expect(url.port == 7000 && url.database == "x")
    }
}

/// The handoff between the reader thread and the builder: bounded, and a reader suspended on a
/// full buffer is released when the builder takes a batch or gives up. The reader runs where the
/// real one does, on `ReaderThread`; the test's thread blocks as the builder's does (were the reader
/// on Swift's shared pool, two such tests at once could take both threads of a 2-core machine).
struct RecordHandoffTests {
    @Test func aFullBufferSuspendsTheReaderUntilTheBuilderTakesABatch() throws {
        let handoff = RecordHandoff<Int>(capacity: 1)
        let reader = ReaderThread.start { () async -> Bool in
            for i in 0..<50 { guard await handoff.send([i]) else { return false } }
            handoff.finish()
            return true
        }
        var received: [Int] = []
        while let batch = try handoff.receive() {
            received += batch
            usleep(200)  // a slow builder: the reader must wait, not drop or overtake
        }
        #expect(received == Array(0..<50))
        #expect(try reader.wait().get())
    }

    @Test func abandoningReleasesASuspendedReader() throws {
        let handoff = RecordHandoff<Int>(capacity: 1)
        let reader = ReaderThread.start { () async -> Int in
            var sent = 0
            while await handoff.send([sent]) { sent += 1 }
            return sent
        }
        _ = try handoff.receive()
        usleep(20_000)
        handoff.abandon()
        let sent = try reader.wait().get()
        #expect(sent >= 1 && sent <= 3, "the reader stopped once the builder gave up (\(sent) sent)")
    }

    @Test func theReadersFailureReachesTheBuilderAfterItsBatches() throws {
        struct Broken: Error {}
        let handoff = RecordHandoff<Int>(capacity: 4)
        let reader = ReaderThread.start { () async -> Bool in
            _ = await handoff.send([1])
            handoff.finish(error: Broken())
            return true
        }
        _ = reader.wait()
        #expect(try handoff.receive() == [1])
        #expect(throws: Broken.self) { try handoff.receive() }
    }
}
