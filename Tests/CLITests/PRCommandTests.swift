import Foundation
import Testing

/// `costreport pr` through the real program, on `costreport demo` data.
@Suite(.serialized) struct PRCommandTests {
    let templates = CLIRunner.packageRoot.appendingPathComponent("Templates").path

    /// A demo database, and a PR number it has runs for (the costliest, from the report's JSON).
    func demo() throws -> (dir: URL, pr: String) {
        let dir = try CLIRunner.scratch()
        #expect(try CLIRunner.run(["demo", "--records", "800", "--weeks", "6", "--end-date", "2026-11-27"], in: dir).status == 0)
        let json = try CLIRunner.run(["report", "--period", "2026-10-19..2026-11-27", "--format", "json"], in: dir)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let prs = (object?["breakdowns"] as? [String: Any])?["pr"] as? [[String: Any]] ?? []
        let key = prs.compactMap { $0["key"] as? String }.first { $0 != "(none)" }
        return (dir, try #require(key))
    }

    /// Issue 14 part 5: each --fail-if-* gate prints the comment and exits 1 just above its
    /// threshold, 0 below it (exactly at it: PullRequestGateTests), 2 for a bad value.
    @Test func gatesFailTheCheckButStillPrintTheComment() throws {
        let (dir, pr) = try demo()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = try CLIRunner.run(["pr", "-q", "--pr", pr, "--format", "json"], in: dir)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        let spend = try #require(totals["spend"] as? Double), failed = try #require(totals["failed_run_spend"] as? Double)
        let plain = try CLIRunner.run(["pr", "-q", "--pr", pr], in: dir)
        var gates: [(flag: String, value: Double, says: String)] = [("--fail-if-over", spend, "above --fail-if-over")]
        if failed > 0.02 { gates.append(("--fail-if-failed-spend", failed, "on runs with failed tests, above --fail-if-failed-spend")) }
        if let change = (object["comparison"] as? [String: Any])?["change"] as? Double, change > 0.02 {
            gates.append(("--fail-if-change", change * 100, "more per run than main"))
        }
        for gate in gates {
            let above = try CLIRunner.run(["pr", "-q", "--pr", pr, gate.flag, String(format: "%.2f", gate.value - 0.01)], in: dir)
            #expect(above.status == 1, "\(gate.flag) just below the PR's \(gate.value): \(above.stderr)")
            #expect(above.stdout == plain.stdout, "the comment is printed as usual")
            #expect(above.stderr.contains(gate.says) && above.stderr.split(separator: "\n").count == 1, "\(above.stderr)")
            let below = try CLIRunner.run(["pr", "-q", "--pr", pr, gate.flag, String(format: "%.2f", gate.value + 0.01)], in: dir)
            #expect(below.status == 0 && below.stdout == plain.stdout && below.stderr.isEmpty, "\(gate.flag): \(below.stderr)")
            let bad = try CLIRunner.run(["pr", "-q", "--pr", pr, gate.flag, "lots"], in: dir)
            #expect(bad.status == 2 && bad.stdout.isEmpty, "\(gate.flag) lots")
        }
        #expect(gates.count >= 2, "the demo PR exercises at least two gates")
        // Exactly at a dollar threshold passes ("\(spend)" reads back as the same Double).
        let at = try CLIRunner.run(["pr", "-q", "--pr", pr, "--fail-if-over", "\(spend)", "--fail-if-failed-spend", "\(failed)"], in: dir)
        #expect(at.status == 0 && at.stderr.isEmpty, "at the thresholds: \(at.stderr)")
        #expect(try CLIRunner.run(["pr", "-q", "--pr", pr, "--commit", " "], in: dir).status == 2, "an empty --commit")
        // --only-if-* never silences a crossed gate: the comment is printed and the check fails.
        let loud = try CLIRunner.run(["pr", "-q", "--pr", pr, "--only-if-change", "100000", "--fail-if-over", "0.5"], in: dir)
        #expect(loud.status == 1 && loud.stdout == plain.stdout, "\(loud.stderr)")
    }

    @Test func commentSummaryAndJSON() throws {
        let (dir, pr) = try demo()
        defer { try? FileManager.default.removeItem(at: dir) }

        let comment = try CLIRunner.run(["pr", "-q", "--pr", pr, "--templates", templates,
                                         "--site-url", "https://costs.example.com/"], in: dir)
        #expect(comment.status == 0, "\(comment.stderr)")
        #expect(comment.stdout.hasPrefix("<!-- costreport:pr -->\n## Cloud test cost for PR \\#\(pr)\n"))
        #expect(comment.stdout.contains("| Run | Started | Suite |"))
        #expect(comment.stdout.contains("[All cloud cost reports](https://costs.example.com/)"))
        #expect(comment.stdout.unicodeScalars.count <= 65_000)
        #expect(comment.stderr.isEmpty)

        // `#123` and `pr-123` name the same PR.
        for spelling in ["#\(pr)", "pr-\(pr)", "PR \(pr)"] {
            let same = try CLIRunner.run(["pr", "--pr", spelling, "--templates", templates,
                                          "--site-url", "https://costs.example.com/"], in: dir)
            #expect(same.stdout == comment.stdout, "--pr '\(spelling)'")
        }

        let summary = try CLIRunner.run(["pr", "--pr", pr, "--format", "github-summary", "--templates", templates], in: dir)
        #expect(summary.status == 0)
        #expect(summary.stdout.hasPrefix("## Cloud test cost for PR"))

        let json = try CLIRunner.run(["pr", "--pr", pr, "--format", "json"], in: dir)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["selector"] as? [String: Any])?["value"] as? String == pr)
        let runs = object?["runs"] as? [[String: Any]] ?? []
        #expect(!runs.isEmpty)
        #expect((object?["totals"] as? [String: Any])?["runs"] as? Int == runs.count)

        // By branch: the branch of the PR's first run.
        let branchJSON = try CLIRunner.run(["report", "--period", "2026-10-19..2026-11-27", "--format", "json"], in: dir)
        let branches = ((try JSONSerialization.jsonObject(with: Data(branchJSON.stdout.utf8)) as? [String: Any])?["breakdowns"]
            as? [String: Any])?["branch"] as? [[String: Any]] ?? []
        let branch = try #require(branches.compactMap { $0["key"] as? String }.first { $0 != "main" && $0 != "(none)" })
        let byBranch = try CLIRunner.run(["pr", "--branch", branch, "--templates", templates], in: dir)
        #expect(byBranch.status == 0, "\(byBranch.stderr)")
        #expect(byBranch.stdout.contains("## Cloud test cost for branch "))
    }

    @Test func quietAndMissing() throws {
        let (dir, pr) = try demo()
        defer { try? FileManager.default.removeItem(at: dir) }

        let quiet = try CLIRunner.run(["pr", "--pr", pr, "--only-if-over", "1000000", "--templates", templates], in: dir)
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
        #expect(quiet.stderr.contains("below --only-if-over $1,000,000.00: nothing printed"))

        let loud = try CLIRunner.run(["pr", "--pr", pr, "--only-if-over", "$0", "--templates", templates], in: dir)
        #expect(loud.status == 0 && loud.stdout.hasPrefix("<!-- costreport:pr -->"))

        let unchanged = try CLIRunner.run(["pr", "--pr", pr, "--only-if-change", "100000%", "--templates", templates], in: dir)
        #expect(unchanged.status == 0 && unchanged.stdout.isEmpty)
        #expect(unchanged.stderr.contains("--only-if-change 100,000.0%"))

        let missing = try CLIRunner.run(["pr", "-q", "--pr", "999999", "--templates", templates], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.hasPrefix("costreport: error: no runs for PR #999999 in benchmarks.db up to 2026-11-27"))
        #expect(missing.stderr.split(separator: "\n").count == 1)

        // With an --only-if flag, a PR without runs has nothing worth saying: quiet, exit 0.
        let missingQuiet = try CLIRunner.run(["pr", "--pr", "999999", "--only-if-over", "5", "--templates", templates], in: dir)
        #expect(missingQuiet.status == 0 && missingQuiet.stdout.isEmpty)
        #expect(missingQuiet.stderr.contains("no runs for PR #999999"))
    }

    @Test func usageErrors() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let neither = try CLIRunner.run(["pr"], in: dir)
        #expect(neither.status == 2)
        #expect(neither.stderr.contains("--pr NUMBER or the branch with --branch NAME"))
        let both = try CLIRunner.run(["pr", "--pr", "1", "--branch", "x"], in: dir)
        #expect(both.status == 2)
        let url = try CLIRunner.run(["pr", "--pr", "1", "--site-url", "javascript:alert(1)"], in: dir)
        #expect(url.status == 2)
        #expect(url.stderr.contains("not an http(s) URL"))
        let amount = try CLIRunner.run(["pr", "--pr", "1", "--only-if-over", "lots"], in: dir)
        #expect(amount.status == 2)
    }

    /// `costreport report --period 2026-W48 --format markdown` pastes anywhere: plain GFM with no raw
    /// HTML and no links into a site, and its tables are real tables.
    @Test func weeklyMarkdownPastesAnywhere() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "600", "--weeks", "6", "--end-date", "2026-11-27"], in: dir).status == 0)
        let md = try CLIRunner.run(["report", "--period", "2026-W48", "--format", "markdown", "--templates", templates], in: dir)
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("# Cloud test spend: week 2026-W48\n"))
        #expect(!md.stdout.replacingOccurrences(of: "](#", with: "").contains("]("),
                "no links that only work on the site (links to the page's own sections are fine)")
        // No raw HTML but the lines that fold long tables (GitHub renders <details>): every other
        // `<` in the text is escaped data.
        for line in md.stdout.split(separator: "\n") where line != "<details>" && line != "</details>" {
            var previous: Character = " "
            for c in line {
                if c == "<" { #expect(previous == "\\", "raw HTML in: \(line)") }
                previous = c
            }
        }
        #expect(md.stdout.unicodeScalars.count <= 65_000)
    }
}
