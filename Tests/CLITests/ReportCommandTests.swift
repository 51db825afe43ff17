import Foundation
import Testing

@Suite(.serialized) struct ReportCommandTests {
    let templates = CLIRunner.packageRoot.appendingPathComponent("Templates").path

    @Test func oneReportInEachFormat() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "600", "--weeks", "6", "--end-date", "2026-11-27"], in: dir).status == 0)

        let json = try CLIRunner.run(["report", "--period", "2026-11", "--format", "json"], in: dir)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let period = object?["period"] as? [String: Any]
        #expect(period?["id"] as? String == "2026-11")
        #expect(period?["kind"] as? String == "month")
        #expect((object?["totals"] as? [String: Any])?["spend"] is Double)

        let md = try CLIRunner.run(["report", "--period", "2026-W48", "--format", "markdown", "--templates", templates], in: dir)
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("# "))
        #expect(md.stdout.contains("2026-W48"))
        #expect(md.stdout.contains("| Provider |"))

        let html = try CLIRunner.run(["report", "--period", "2026-W48", "--format", "html", "--templates", templates], in: dir)
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<table"))
    }

    @Test func markdownAndJSONAgreeOnSpend() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "400", "--weeks", "3"], in: dir).status == 0)
        let json = try CLIRunner.run(["report", "--format", "json"], in: dir)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let spend = (object?["totals"] as? [String: Any])?["spend"] as? Double ?? -1
        let md = try CLIRunner.run(["report", "--templates", templates], in: dir)
        let cents = Int((spend * 100).rounded())
        var digits = String(cents / 100)
        var grouped = ""
        while digits.count > 3 { grouped = "," + digits.suffix(3) + grouped; digits = String(digits.dropLast(3)) }
        let formatted = "$" + digits + grouped + "." + String(format: "%02d", cents % 100)
        #expect(md.stdout.contains("| Spend | \(formatted) |"), "\(formatted) not in markdown")
    }

    @Test func badPeriodIsAUsageError() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["report", "--period", "last-week"], in: dir)
        #expect(r.status != 0)
        #expect(r.stderr.contains("2026-W48"))
    }
}
