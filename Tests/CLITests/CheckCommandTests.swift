import Foundation
import Testing

/// `costreport check` through the real program: 0 within the level, 1 with one line per problem,
/// 2 for usage and input errors.
@Suite(.serialized) struct CheckCommandTests {
    /// A scratch folder with demo data ending 2026-11-27 (as-of day 27 of 30).
    func workspace() throws -> URL {
        let dir = try CLIRunner.scratch()
        let demo = try CLIRunner.run(["demo", "--records", "600", "--weeks", "6", "--end-date", "2026-11-27"], in: dir)
        #expect(demo.status == 0, "\(demo.stderr)")
        return dir
    }

    func write(_ text: String, _ name: String, in dir: URL) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }

    /// The month-to-date spend of the demo data, from the JSON report.
    func monthToDate(in dir: URL) throws -> Double {
        let json = try CLIRunner.run(["report", "--format", "json"], in: dir)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        return try #require((object?["budget"] as? [String: Any])?["month_to_date"] as? Double)
    }

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test func withinBudgetExitsZeroWithOneOKLine() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("budget:\n  monthly: 100000000\n  daily_alert: 100000000\n", "huge.yml", in: dir)
        for level in ["warning", "critical", "over"] {
            let r = try CLIRunner.run(["check", "--today", "2026-11-27", "--config", "huge.yml", "--fail-on", level], in: dir)
            #expect(r.status == 0, "\(level): \(r.stdout) \(r.stderr)")
            #expect(lines(r.stdout).count == 1)
            #expect(r.stdout.hasPrefix("OK at --fail-on \(level): budget 2026-11 month to date $"))
            #expect(r.stdout.contains("(OK), projected $"))
            #expect(r.stderr.split(separator: "\n").allSatisfy { !$0.contains("error") && !$0.contains("warning") }, "\(r.stderr)")
        }
        // The default level is critical.
        let r = try CLIRunner.run(["check", "--today", "2026-11-27", "--config", "huge.yml"], in: dir)
        #expect(r.stdout.hasPrefix("OK at --fail-on critical:"))
    }

    @Test func overBudgetExitsOneWithOneLinePerProblem() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("budget:\n  monthly: 1\n  daily_alert: 100000000\n", "tiny.yml", in: dir)
        let r = try CLIRunner.run(["check", "--today", "2026-11-27", "--config", "tiny.yml"], in: dir)
        #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
        let out = lines(r.stdout)
        #expect(out.count == 2, "\(r.stdout)")
        #expect(out.first?.hasPrefix("budget 2026-11: month to date $") == true)
        #expect(out.first?.hasSuffix(" of $1.00 (OVER)") == true)
        #expect(out.last?.hasPrefix("projected 2026-11: $") == true)
        #expect(out.last?.hasSuffix("(OVER)") == true)

        // --period checks that period's month as of its end.
        let october = try CLIRunner.run(["check", "--today", "2026-11-27", "--config", "tiny.yml", "--period", "2026-10"], in: dir)
        #expect(october.status == 1)
        #expect(october.stdout.hasPrefix("budget 2026-10: month to date $"))
    }

    @Test func failOnLevels() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Month to date at 80 % of the budget and projected at 80 % × 30/27 ≈ 88.9 %: both WARNING.
        let budget = try monthToDate(in: dir) / 0.8
        try write("budget:\n  monthly: \(budget)\n  daily_alert: 100000000\n", "warn.yml", in: dir)
        let critical = try CLIRunner.run(["check", "--today", "2026-11-27", "--config", "warn.yml"], in: dir)
        #expect(critical.status == 0, "\(critical.stdout)")
        #expect(critical.stdout.contains("is 80.0% of"))
        #expect(critical.stdout.contains("(WARNING)"))
        let over = try CLIRunner.run(["check", "--today", "2026-11-27", "--config", "warn.yml", "--fail-on", "over"], in: dir)
        #expect(over.status == 0)
        let warning = try CLIRunner.run(["check", "--today", "2026-11-27", "--config", "warn.yml", "--fail-on", "warning"], in: dir)
        #expect(warning.status == 1)
        #expect(lines(warning.stdout).count == 2)
        #expect(warning.stdout.contains("budget 2026-11: month to date $"))
        #expect(warning.stdout.contains("is 80.0% of"))
        #expect(warning.stdout.contains("(WARNING)"))
    }

    @Test func dailyAlertsCountAtWarningOnly() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("budget:\n  monthly: 100000000\n  daily_alert: 0.01\n", "alerts.yml", in: dir)
        let critical = try CLIRunner.run(["check", "--today", "2026-11-27", "--config", "alerts.yml"], in: dir)
        #expect(critical.status == 0)
        #expect(critical.stdout.contains("above the daily alert of $0.01 (a problem at --fail-on warning only)"))
        let warning = try CLIRunner.run(["check", "--today", "2026-11-27", "--config", "alerts.yml", "--fail-on", "warning"], in: dir)
        #expect(warning.status == 1)
        let out = lines(warning.stdout)
        #expect(!out.isEmpty)
        #expect(out.allSatisfy { $0.hasPrefix("daily alert 2026-11-") && $0.hasSuffix("above the daily alert of $0.01") }, "\(warning.stdout)")
        // A week period counts only its own days.
        let week = try CLIRunner.run(["check", "--today", "2026-11-27", "--config", "alerts.yml", "--fail-on", "warning", "--period", "2026-W48"], in: dir)
        #expect(week.status == 1)
        let days = lines(week.stdout).map { String($0.dropFirst("daily alert ".count).prefix(10)) }
        #expect(!days.isEmpty && days.allSatisfy { $0 >= "2026-11-23" && $0 <= "2026-11-29" }, "\(week.stdout)")
    }

    @Test(arguments: [
        (["check", "--fail-on", "bogus"], "bogus"),
        (["check", "--period", "last-week"], "last-week"),
        (["check", "--as-of", "yesterday"], "yesterday"),
        (["check", "--no-such-option"], "no-such-option"),
        (["check", "--db", "missing.db"], "missing.db"),
        (["check", "--config", "typo.yml"], "montly"),
        (["check", "--inventory", "no-such-folder"], "no-such-folder"),
    ])
    func usageAndInputErrorsExitTwo(_ args: [String], _ mention: String) throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("budget:\n  montly: 500\n", "typo.yml", in: dir)
        let r = try CLIRunner.run(args, in: dir)
        #expect(r.status == 2, "\(args): \(r.status) \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(mention), "\(r.stderr)")
        let errorLines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("costreport: error:") || $0.hasPrefix("Error:") }
        #expect(errorLines.count == 1, "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test func everyCommandExitsTwoOnAUsageError() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["report", "--period", "last-week"], in: dir).status == 2)
        #expect(try CLIRunner.run(["check", "--help"], in: dir).status == 0)
    }
}
