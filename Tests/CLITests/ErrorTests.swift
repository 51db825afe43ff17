import Foundation
import Testing

/// Bad input ends with one clear line naming the file and the fix, a non-zero exit,
/// no stack trace, and the previous site untouched.
@Suite(.serialized) struct ErrorTests {
    let templates = CLIRunner.packageRoot.appendingPathComponent("Templates").path

    /// A scratch folder with a demo database and a built site, to check that failures leave it alone.
    func workspace() throws -> (URL, [String: Data]) {
        let dir = try CLIRunner.scratch()
        #expect(try CLIRunner.run(["demo", "--records", "300", "--weeks", "2"], in: dir).status == 0)
        #expect(try CLIRunner.run(["build", "--templates", templates, "-q"], in: dir).status == 0)
        return (dir, try tree(dir.appendingPathComponent("site")))
    }

    func expectCleanFailure(_ args: [String], in dir: URL, previous: [String: Data], mentions: [String],
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try CLIRunner.run(args, in: dir)
        #expect(r.status != 0, sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("costreport: error:") || $0.hasPrefix("Error:") }
        #expect(lines.count == 1, "expected one error line, got: \(r.stderr)", sourceLocation: sourceLocation)
        for word in mentions {
            #expect(r.stderr.contains(word), "error should mention \(word): \(r.stderr)", sourceLocation: sourceLocation)
        }
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
        #expect(try tree(dir.appendingPathComponent("site")) == previous, "previous site changed", sourceLocation: sourceLocation)
    }

    @Test func missingDatabase() throws {
        let (dir, site) = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try expectCleanFailure(["build", "--templates", templates, "--db", "nope.db"], in: dir, previous: site,
                               mentions: ["nope.db", "costreport demo"])
    }

    @Test func fileThatIsNotSQLite() throws {
        let (dir, site) = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("this is not a database, just text\n".utf8).write(to: dir.appendingPathComponent("notes.db"))
        try expectCleanFailure(["build", "--templates", templates, "--db", "notes.db"], in: dir, previous: site,
                               mentions: ["notes.db"])
    }

    @Test func databaseWithoutBenchmarksTable() throws {
        let (dir, site) = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3; c=sqlite3.connect('other.db'); c.execute('create table runs (x)'); c.commit()"]
        sqlite.currentDirectoryURL = dir
        try sqlite.run(); sqlite.waitUntilExit()
        try expectCleanFailure(["build", "--templates", templates, "--db", "other.db"], in: dir, previous: site,
                               mentions: ["other.db", "benchmarks"])
    }

    @Test func configWithUnknownKey() throws {
        let (dir, site) = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("budget:\n  montly: 500\n".utf8).write(to: dir.appendingPathComponent("typo.yml"))
        try expectCleanFailure(["build", "--templates", templates, "--config", "typo.yml"], in: dir, previous: site,
                               mentions: ["typo.yml", "montly"])
    }

    @Test func configWithWrongType() throws {
        let (dir, site) = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("budget:\n  warn_at: high\n".utf8).write(to: dir.appendingPathComponent("types.yml"))
        try expectCleanFailure(["build", "--templates", templates, "--config", "types.yml"], in: dir, previous: site,
                               mentions: ["types.yml", "warn_at"])
    }

    @Test func missingTemplatesFolder() throws {
        let (dir, site) = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try expectCleanFailure(["build", "--templates", "no-such-templates"], in: dir, previous: site,
                               mentions: ["no-such-templates", "--templates"])
    }

    @Test func templateWithUnknownPartial() throws {
        let (dir, site) = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("my-templates")
        try FileManager.default.copyItem(atPath: templates, toPath: copy.path)
        let weekly = copy.appendingPathComponent("weekly.mustache")
        var text = try String(contentsOf: weekly, encoding: .utf8)
        text += "{{> partials/no-such-partial}}\n"
        try text.write(to: weekly, atomically: true, encoding: .utf8)
        try expectCleanFailure(["build", "--templates", copy.path], in: dir, previous: site,
                               mentions: ["no-such-partial", "weekly"])
    }
}
