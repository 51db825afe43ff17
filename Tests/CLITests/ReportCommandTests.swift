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

    /// Issue 8 part 5: the JSON's sentences come from `words/` templates, which a `--templates`
    /// folder overrides one file at a time, in the JSON and the Markdown; a words template that
    /// names a value it is not given stops the command with one line naming the file.
    @Test func aTemplatesFolderRewordsTheJSONsSentences() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "400", "--weeks", "3", "--end-date", "2026-11-27"], in: dir).status == 0)
        let mine = dir.appendingPathComponent("mine/words")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        let builtIn = try String(contentsOf: URL(fileURLWithPath: templates).appendingPathComponent("words/checklist-1.mustache"), encoding: .utf8)
        try builtIn.replacingOccurrences(of: "title: Spot for non-critical tests", with: "title: Spot-Instanzen für Tests")
            .write(to: mine.appendingPathComponent("checklist-1.mustache"), atomically: true, encoding: .utf8)
        let action = try String(contentsOf: URL(fileURLWithPath: templates).appendingPathComponent("words/opportunity-action.mustache"), encoding: .utf8)
        try action.replacingOccurrences(of: "use spot (≈", with: "Spot nutzen (≈")
            .write(to: mine.appendingPathComponent("opportunity-action.mustache"), atomically: true, encoding: .utf8)

        let json = try CLIRunner.run(["report", "--format", "json", "-q", "--templates", "mine"], in: dir)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let titles = try #require((object["checklist"] as? [[String: Any]])?.compactMap { $0["title"] as? String })
        #expect(titles.first == "Spot-Instanzen für Tests" && titles.dropFirst().first == "Right-size" && titles.count == 10)
        #expect(json.stdout.contains("\"action\" : \"Spot nutzen (≈ ") && !json.stdout.contains("use spot"))
        let md = try CLIRunner.run(["report", "-q", "--templates", "mine"], in: dir)
        #expect(md.status == 0 && md.stdout.contains("Spot nutzen (≈ ") && !md.stdout.contains("use spot"), "\(md.stderr)")

        try "{{% CONTENT_TYPE: TEXT}}\ntitle: {{titel}}\n".write(to: mine.appendingPathComponent("checklist-1.mustache"), atomically: true, encoding: .utf8)
        for format in ["json", "markdown"] {
            let broken = try CLIRunner.run(["report", "--format", format, "-q", "--templates", "mine"], in: dir)
            #expect(broken.status == 2 && broken.stdout.isEmpty, "\(format): \(broken.status)")
            let lines = broken.stderr.split(separator: "\n")
            #expect(lines.count == 1 && broken.stderr.contains("words/checklist-1.mustache") && broken.stderr.contains("{{titel}}"),
                    "\(broken.stderr)")
        }
    }

    /// Every output is worded: the site's data.json and a PR's JSON carry the sentences, not the
    /// empty strings the analysis leaves.
    @Test func theSiteAndThePRJSONCarryTheSentences() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "600", "--weeks", "4", "--end-date", "2026-11-27"], in: dir).status == 0)
        #expect(try CLIRunner.run(["build", "-q"], in: dir).status == 0)
        let data = try Data(contentsOf: dir.appendingPathComponent("site/data.json"))
        let overview = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for period in ["current_week", "current_month"] {
            let report = try #require(overview[period] as? [String: Any])
            let checklist = try #require(report["checklist"] as? [[String: Any]])
            #expect(checklist.count == 10 && checklist.allSatisfy { !($0["title"] as? String ?? "").isEmpty
                && !($0["value_text"] as? String ?? "").isEmpty && !($0["detail"] as? String ?? "").isEmpty }, "\(period)")
            let actions = try #require((report["opportunities"] as? [String: Any])?["top_actions"] as? [[String: Any]])
            #expect(!actions.isEmpty && actions.allSatisfy { !($0["action"] as? String ?? "").isEmpty }, "\(period)")
        }

        let week = try #require(overview["current_week"] as? [String: Any])
        let prs = try #require((week["breakdowns"] as? [String: Any])?["pr"] as? [[String: Any]])
        let pr = try #require(prs.compactMap { $0["key"] as? String }.first { $0 != "(none)" })
        let json = try CLIRunner.run(["pr", "--pr", pr, "--format", "json", "-q"], in: dir)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let opportunities = try #require(object["opportunities"] as? [String: Any])
        let items = ["spot", "right_size", "region", "combined"].flatMap { name in
            ["top_suites", "top_instance_types", "top_runs"].flatMap { list in
                ((opportunities[name] as? [String: Any])?[list] as? [[String: Any]]) ?? [] }
        }
        #expect(!items.isEmpty && items.allSatisfy { !($0["action"] as? String ?? "").isEmpty }, "PR \(pr)")
    }

    /// Issue 13 part 7: a --period outside the data is an error naming the data's days (exit 2),
    /// unless --allow-empty, which prints the empty report (saying so) with one warning.
    @Test func aPeriodOutsideTheDataIsAnErrorUnlessAllowed() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "400", "--weeks", "3", "--end-date", "2026-11-27"], in: dir).status == 0)
        for command in [["report", "--period", "2025-01"], ["export", "--format", "focus-csv", "--period", "2027-W01"]] {
            let run = try CLIRunner.run(command + ["-q"], in: dir)
            #expect(run.status == 2 && run.stdout.isEmpty, "\(command): \(run.status) \(run.stdout.prefix(200))")
            #expect(run.stderr.contains("has no data: the data covers 2026-"), "\(run.stderr)")
            #expect(run.stderr.contains("--allow-empty"))
        }
        let allowed = try CLIRunner.run(["report", "--period", "2025-01", "--allow-empty", "-q"], in: dir)
        #expect(allowed.status == 0 && allowed.stdout.contains("No records in this period up to 2026-11-27"))
        #expect(allowed.stderr.components(separatedBy: "warning:").count == 2, "one warning: \(allowed.stderr)")
        let csv = try CLIRunner.run(["export", "--format", "focus-csv", "--period", "2027-W01", "--allow-empty", "-q"], in: dir)
        #expect(csv.status == 0 && csv.stdout.split(separator: "\n").count == 1, "the header only")
        #expect(try CLIRunner.run(["report", "--period", "2026-11", "-q"], in: dir).stderr.isEmpty)
    }

    /// Issue 13 part 5: `--format html` stands alone, to mail or paste: styles inline, no script,
    /// and links only within the page, or absolute into the site with --site-url.
    @Test func htmlStandsAlone() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "400", "--weeks", "3", "--end-date", "2026-11-27"], in: dir).status == 0)
        func hrefs(_ html: String) -> [String] {
            html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        let alone = try CLIRunner.run(["report", "--format", "html", "-q"], in: dir)
        #expect(alone.status == 0 && alone.stdout.contains("<style>\n") && alone.stdout.contains(".site-header {"))
        #expect(!alone.stdout.contains("<link rel=\"stylesheet\"") && !alone.stdout.contains("<script"))
        #expect(!hrefs(alone.stdout).isEmpty && hrefs(alone.stdout).allSatisfy { $0.hasPrefix("#") }, "\(hrefs(alone.stdout))")
        let linked = try CLIRunner.run(["report", "--format", "html", "-q", "--site-url", "https://costs.example.com/ml"], in: dir)
        let outside = hrefs(linked.stdout).filter { !$0.hasPrefix("#") }
        #expect(outside.contains("https://costs.example.com/ml/index.html") && outside.contains("https://costs.example.com/ml/weeks/2026-W48.md"))
        #expect(outside.allSatisfy { $0.hasPrefix("https://costs.example.com/ml/") }, "\(outside)")
        #expect(try CLIRunner.run(["report", "--format", "html", "-q", "--site-url", "javascript:alert(1)//"], in: dir).status == 2)
    }

    /// `--run-url` reaches every page that lists runs: the dimension pages' top runs and the
    /// reports' opportunity tables; a bad template is a usage error (exit 2).
    @Test func buildLinksRunIdsWithARunURL() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "400", "--weeks", "3", "--end-date", "2026-11-27"], in: dir).status == 0)
        let build = try CLIRunner.run(["build", "-q", "--run-url", "https://ci.example/runs/{run_id}"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        let aws = try String(contentsOf: dir.appendingPathComponent("site/providers/aws.html"), encoding: .utf8)
        #expect(aws.contains("<a href=\"https://ci.example/runs/"), "the top runs link to the CI")
        let week = try String(contentsOf: dir.appendingPathComponent("site/weeks/2026-W48.md"), encoding: .utf8)
        #expect(week.contains("| Run | [") && week.contains("](https://ci.example/runs/"))
        let plain = try CLIRunner.run(["report", "-q"], in: dir)
        #expect(!plain.stdout.contains("ci.example"))
        #expect(try CLIRunner.run(["build", "-q", "--run-url", "https://ci.example/runs/"], in: dir).status == 2)
    }

    @Test func badPeriodIsAUsageError() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["report", "--period", "last-week"], in: dir)
        #expect(r.status != 0)
        #expect(r.stderr.contains("2026-W48"))
    }
}
