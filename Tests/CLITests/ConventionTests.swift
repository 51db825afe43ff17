import Foundation
import Testing

/// The conventions of every subcommand (issue 9): exit 2 and one `costreport: error:` line for a
/// usage or input error, stale data caught by `check`, the config found up to the repository root.
@Suite(.serialized) struct ConventionTests {
    /// A folder with demo data (last day 2026-11-27), a text file posing as a database, a binary
    /// file posing as YAML, and an existing file where a folder is needed.
    func workspace() throws -> URL {
        let dir = try CLIRunner.scratch()
        #expect(try CLIRunner.run(["demo", "-q", "--records", "300", "--weeks", "2"], in: dir).status == 0)
        try Data("just some notes\n".utf8).write(to: dir.appendingPathComponent("notes.db"))
        try Data([0xFF, 0xFE, 0x00, 0x9F, 0x00, 0xC3]).write(to: dir.appendingPathComponent("binary.yml"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("a-file"))
        return dir
    }

    /// Subcommand × (bad option value, missing file, unreadable file).
    static let cases: [(name: String, args: [String], mention: String)] = [
        ("build bad value", ["build", "--as-of", "soon"], "soon"),
        ("build missing file", ["build", "--db", "missing.db"], "missing.db"),
        ("build unreadable file", ["build", "--db", "notes.db"], "notes.db"),
        ("report bad value", ["report", "--format", "pdf"], "pdf"),
        ("report missing file", ["report", "--config", "missing.yml"], "missing.yml"),
        ("report unreadable file", ["report", "--pricing", "binary.yml"], "binary.yml"),
        ("check bad value", ["check", "--fail-on", "sometimes"], "sometimes"),
        ("check missing file", ["check", "--db", "missing.db"], "missing.db"),
        ("check unreadable file", ["check", "--config", "binary.yml"], "binary.yml"),
        ("pr bad value", ["pr", "--pr", "1", "--only-if-over", "lots"], "lots"),
        ("pr missing file", ["pr", "--pr", "1", "--db", "missing.db"], "missing.db"),
        ("pr unreadable file", ["pr", "--pr", "1", "--db", "notes.db"], "notes.db"),
        ("export bad value", ["export", "--format", "xlsx"], "xlsx"),
        ("export missing file", ["export", "--format", "focus-csv", "--inventory", "missing-folder"], "missing-folder"),
        ("export unreadable file", ["export", "--format", "focus-csv", "--pricing", "binary.yml"], "binary.yml"),
        ("demo bad value", ["demo", "--records", "0"], "--records"),
        ("demo missing folder", ["demo", "--out", "no-such-folder/b.db"], "no-such-folder"),
        ("demo unwritable path", ["demo", "--out", "a-file/b.db"], "a-file"),
        ("init bad value", ["init", "one", "two"], "two"),
        ("init missing folder", ["init", "a-file/starter"], "a-file"),
        ("init existing file", ["init", "--quiet", "."], "already exist"),
        ("catalog bad value", ["catalog", "--pricing"], "--pricing"),
        ("catalog missing file", ["catalog", "--pricing", "missing.yml"], "missing.yml"),
        ("catalog unreadable file", ["catalog", "--pricing", "binary.yml"], "binary.yml"),
    ]

    @Test func usageAndInputErrorsExitTwoWithOneLine() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // `init .` must find something to refuse: a costreport.yml is there.
        try Data("timezone: UTC\n".utf8).write(to: dir.appendingPathComponent("costreport.yml"))
        for c in Self.cases {
            let r = try CLIRunner.run(c.args, in: dir)
            #expect(r.status == 2, "\(c.name): exit \(r.status) \(r.stderr)")
            let errors = r.stderr.split(separator: "\n").filter { $0.contains("error") }
            #expect(errors.count == 1 && errors.first?.hasPrefix("costreport: error: ") == true, "\(c.name): \(r.stderr)")
            #expect(r.stderr.contains(c.mention), "\(c.name) should mention \(c.mention): \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump") && !r.stderr.contains("Usage:"), "\(c.name): \(r.stderr)")
        }
    }

    @Test func checkFailsOnStaleDataAndPassesOnFreshData() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("budget:\n  monthly: 100000000\n  daily_alert: 100000000\n".utf8).write(to: dir.appendingPathComponent("huge.yml"))
        // The demo's last day is 2026-11-27.
        let fresh = try CLIRunner.run(["check", "-q", "--config", "huge.yml", "--max-data-age", "3", "--today", "2026-11-30"], in: dir)
        #expect(fresh.status == 0, "\(fresh.stdout)\(fresh.stderr)")
        let stale = try CLIRunner.run(["check", "-q", "--config", "huge.yml", "--max-data-age", "3", "--today", "2026-12-01"], in: dir)
        #expect(stale.status == 1)
        #expect(stale.stdout == "data: the latest record is from 2026-11-27, 4 days before today 2026-12-01 (more than --max-data-age 3) — check that the CI runs are still being recorded, or pass --as-of to check an older date\n")
        // Not applied with --as-of: an explicit date is a deliberate look back.
        let asOf = try CLIRunner.run(["check", "-q", "--config", "huge.yml", "--as-of", "2026-11-27", "--today", "2027-06-01"], in: dir)
        #expect(asOf.status == 0, "\(asOf.stdout)")
        // The default is 3 days.
        #expect(try CLIRunner.run(["check", "-q", "--config", "huge.yml", "--today", "2026-12-01"], in: dir).status == 1)
    }

    @Test func buildWarnsAboutStaleAndFutureDataButTheSiteIsTheData() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let stale = try CLIRunner.run(["build", "-q", "--today", "2026-12-10", "--out", "stale"], in: dir)
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("costreport: warning: the latest record is from 2026-11-27, 13 days before today 2026-12-10"))
        let fresh = try CLIRunner.run(["build", "-q", "--today", "2026-11-27", "--out", "fresh"], in: dir)
        #expect(fresh.stderr.isEmpty, "\(fresh.stderr)")
        #expect(try tree(dir.appendingPathComponent("stale")) == tree(dir.appendingPathComponent("fresh")))
        // A "today" before the data: the as-of date is capped at today (spec §6) and the rest is said.
        let early = try CLIRunner.run(["build", "-q", "--today", "2026-11-26", "--out", "early"], in: dir)
        #expect(early.status == 0)
        #expect(early.stderr.contains("lie after today 2026-11-26") || early.stderr.contains("lies after today 2026-11-26"), "\(early.stderr)")
        let json = try CLIRunner.run(["report", "-q", "--format", "json", "--today", "2026-11-26"], in: dir)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["as_of"] as? String == "2026-11-26")
    }

    @Test func theConfigIsFoundUpToTheRepositoryRoot() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let repo = dir.appendingPathComponent("repo")
        let deep = repo.appendingPathComponent("ci/bench")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: dir.appendingPathComponent("benchmarks.db"), to: deep.appendingPathComponent("benchmarks.db"))
        try Data("timezone: Asia/Tokyo\n".utf8).write(to: repo.appendingPathComponent("costreport.yml"))
        // A costreport.yml above the repository root is never used.
        try Data("budget:\n  monthly: 1\n".utf8).write(to: dir.appendingPathComponent("costreport.yml"))

        let found = try CLIRunner.run(["report", "--format", "json"], in: deep)
        #expect(found.stderr.contains("costreport: config: \(repo.standardizedFileURL.path)/costreport.yml"), "\(found.stderr)")
        let settings = (try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any])?["settings"] as? [String: Any]
        #expect(settings?["timezone"] as? String == "Asia/Tokyo")

        // ./costreport.yml wins over the parent's; --config over both.
        try Data("timezone: Europe/Paris\n".utf8).write(to: deep.appendingPathComponent("costreport.yml"))
        let local = try CLIRunner.run(["report", "--format", "json"], in: deep)
        #expect(local.stderr.contains("costreport: config: costreport.yml\n"))
        try FileManager.default.removeItem(at: deep.appendingPathComponent("costreport.yml"))

        // Outside a repository only the working directory counts.
        try FileManager.default.removeItem(at: repo.appendingPathComponent(".git"))
        let none = try CLIRunner.run(["report", "--format", "json"], in: deep)
        #expect(none.stderr.contains("costreport: config: none found"), "\(none.stderr)")
    }
}
