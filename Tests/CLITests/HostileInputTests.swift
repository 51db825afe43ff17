import Foundation
import Testing

/// Hostile inputs of every class (issue 11): each ends with exit 0 and a counted rejection, or exit
/// 2 and one `costreport: error:` line — within seconds, under 500 MB, never a signal.
@Suite(.serialized) struct HostileInputTests {
    struct Measured {
        let result: CLIRunner.Result
        /// Peak resident memory of the run, in MB (GNU time's %M).
        let megabytes: Double
        let seconds: Double
    }

    /// Runs the program under GNU time, in `dir`.
    func measured(_ args: [String], in dir: URL) throws -> Measured {
        let report = dir.appendingPathComponent("time-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: report) }
        let start = Date()
        let r = try CLIRunner.run(["-f", "%M", "-o", report.path, CLIRunner.executable.path] + args, in: dir,
                                  executable: URL(fileURLWithPath: "/usr/bin/time"))
        let seconds = Date().timeIntervalSince(start)
        let kilobytes = Double((try String(contentsOf: report, encoding: .utf8))
            .split(separator: "\n").last.map(String.init) ?? "") ?? .infinity
        // GNU time reports a signal as "Command terminated by signal N" and exit status 128+N.
        return Measured(result: r, megabytes: kilobytes / 1024, seconds: seconds)
    }

    func expectError(_ args: [String], in dir: URL, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let m = try measured(args, in: dir)
        #expect(m.result.status == 2, "\(args): exit \(m.result.status) \(m.result.stderr)", sourceLocation: sourceLocation)
        let errors = m.result.stderr.split(separator: "\n").filter { $0.hasPrefix("costreport: error:") }
        #expect(errors.count == 1, "\(args): \(m.result.stderr)", sourceLocation: sourceLocation)
        for word in mentions {
            #expect(m.result.stderr.contains(word), "\(args) should mention \(word): \(m.result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(m.seconds < 10 && m.megabytes < 500, "\(args): \(m.seconds) s, \(m.megabytes) MB", sourceLocation: sourceLocation)
        #expect(!m.result.stderr.contains("signal") && !m.result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    }

    func workspace() throws -> URL {
        let dir = try CLIRunner.scratch()
        #expect(try CLIRunner.run(["demo", "-q", "--records", "300", "--weeks", "2"], in: dir).status == 0)
        return dir
    }

    /// A 762-byte "billion laughs": 9 levels of 9 aliases expand to 387 million values.
    static let billionLaughs: String = {
        var y = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (prev, name) in zip("abcdefgh", "bcdefghi") {
            y += "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 9).joined(separator: ",") + "]\n"
        }
        return y
    }()

    @Test func aliasBombsAreRefusedAsPricingAndAsConfig() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.billionLaughs.utf8).write(to: dir.appendingPathComponent("laughs.yml"))
        try expectError(["report", "-q", "--pricing", "laughs.yml"], in: dir, mentions: ["laughs.yml", "aliases"])
        try expectError(["check", "-q", "--config", "laughs.yml"], in: dir, mentions: ["laughs.yml"])
        try expectError(["catalog", "--pricing", "laughs.yml"], in: dir, mentions: ["laughs.yml", "aliases"])
    }

    @Test func absurdSettingsAndPricesAreErrorsNamingTheKey() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, yaml, key) in [
            ("huge.yml", "budget:\n  monthly: 1e308\n", "budget.monthly"),
            ("tiny.yml", "budget:\n  monthly: 1e-300\n", "budget.monthly"),
            ("alert.yml", "budget:\n  daily_alert: 1e300\n", "budget.daily_alert"),
            ("threshold.yml", "checklist:\n  thresholds:\n    1: {done: 1e300, partial: 0.5}\n", "checklist.thresholds.1.done"),
        ] {
            try Data(yaml.utf8).write(to: dir.appendingPathComponent(name))
            try expectError(["build", "-q", "--config", name], in: dir, mentions: [name, key])
        }
        try Data("aws:\n  instances:\n    p4d.24xlarge:\n      on_demand: 9.2e14\n".utf8).write(to: dir.appendingPathComponent("rate.yml"))
        try expectError(["build", "-q", "--pricing", "rate.yml"], in: dir, mentions: ["rate.yml", "aws.instances.p4d.24xlarge.on_demand"])
    }

    @Test func recursiveAndDeepTemplatesAreErrorsNamingTheFile() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = dir.appendingPathComponent("t")
        try FileManager.default.createDirectory(at: t.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try Data("{{% CONTENT_TYPE: MARKDOWN}}\n# {{title}}\n{{> weekly}}\n".utf8).write(to: t.appendingPathComponent("weekly.mustache"))
        try expectError(["build", "-q", "--templates", "t"], in: dir, mentions: ["t/weekly.mustache", "includes itself"])
        try FileManager.default.removeItem(at: t.appendingPathComponent("weekly.mustache"))
        try Data("{{% CONTENT_TYPE: MARKDOWN}}\n{{> partials/b}}\n".utf8).write(to: t.appendingPathComponent("partials/a.mustache"))
        try Data("{{% CONTENT_TYPE: MARKDOWN}}\n{{> partials/a}}\n".utf8).write(to: t.appendingPathComponent("partials/b.mustache"))
        try expectError(["report", "-q", "--templates", "t"], in: dir, mentions: ["partials/a", "includes itself"])
        try FileManager.default.removeItem(at: t.appendingPathComponent("partials"))
        let deep = (0..<5000).map { "{{#s\($0)}}" }.joined() + (0..<5000).reversed().map { "{{/s\($0)}}" }.joined()
        try Data(("{{% CONTENT_TYPE: MARKDOWN}}\n" + deep).utf8).write(to: t.appendingPathComponent("monthly.mustache"))
        try expectError(["build", "-q", "--templates", "t"], in: dir, mentions: ["t/monthly.mustache", "nested 5000 deep"])
    }

    @Test func datesOutsideTheSupportedYearsAreUsageErrors() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try expectError(["build", "-q", "--as-of", "0000-01-01"], in: dir, mentions: ["0000-01-01", "1970–2200"])
        try expectError(["report", "-q", "--as-of", "9999-12-31"], in: dir, mentions: ["9999-12-31"])
        try expectError(["report", "-q", "--period", "0001-01-01..9999-12-31"], in: dir, mentions: ["0001-01-01..9999-12-31"])
        try expectError(["export", "-q", "--format", "focus-csv", "--period", "1990-01-01..2030-12-31"], in: dir, mentions: ["5 years"])
        try expectError(["check", "-q", "--period", "1969-W01"], in: dir, mentions: ["1969-W01"])
    }
}
