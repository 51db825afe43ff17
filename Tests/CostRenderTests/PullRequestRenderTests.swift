import CostAnalysis
import CostModel
import CostTestSupport
import Foundation
import Testing
@testable import CostRender

/// The PR comment and the job summary: golden files, real GFM tables through the project's cmark-gfm
/// renderer, escaping, and the size budgets with 10,000 runs.
@Suite struct PullRequestRenderTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates").path

    static func goldenReport(siteURL: String? = "https://costs.example.com/ml-infra/") -> PullRequestReport {
        PRData.golden().analyzer().pullRequest(.pr("1234"), base: "main", asOf: PRData.asOf, siteURL: siteURL).worded
    }

    /// `<table>` elements, and the `<th>` count of each, in order.
    static func tables(_ html: String) -> [Int] {
        html.components(separatedBy: "<table>").dropFirst().map { table in
            let head = table.components(separatedBy: "</thead>")[0]
            return head.matches(of: try! Regex("<th[ >]")).count
        }
    }

    @Test func commentGolden() async throws {
        let renderer = try await PullRequestRenderer(templatesDirectory: Self.templates)
        let markdown = try renderer.markdown(for: Self.goldenReport(), kind: .comment)
        assertSnapshot(markdown, named: "pr-comment.md")
        #expect(markdown.hasPrefix("<!-- costreport:pr -->\n"))
    }

    @Test func jobSummaryGolden() async throws {
        let renderer = try await PullRequestRenderer(templatesDirectory: Self.templates)
        let markdown = try renderer.markdown(for: Self.goldenReport(siteURL: nil), kind: .jobSummary)
        assertSnapshot(markdown, named: "pr-job-summary.md")
        #expect(!markdown.contains("costreport:pr"))
        #expect(markdown.hasPrefix("## Cloud test cost for PR"))
    }

    @Test func commentRendersRealTables() async throws {
        let renderer = try await PullRequestRenderer(templatesDirectory: Self.templates)
        let markdown = try renderer.markdown(for: Self.goldenReport(), kind: .comment)
        let html = try MarkdownHTML.render(markdown)
        // the headline, totals, market mix, suites, opportunities, where the savings are, runs.
        #expect(Self.tables(html) == [5, 6, 5, 6, 6, 7, 8])
        // Raw HTML (the marker, <details>) never reaches the site's HTML; the figures do.
        #expect(!html.contains("costreport:pr"))
        #expect(!html.contains("<details"))
        #expect(html.contains(">pr-1234-5ad2e1</td>"))
        #expect(html.contains(#"<a href="https://costs.example.com/ml-infra/">"#))
        let summary = try MarkdownHTML.render(try renderer.markdown(for: Self.goldenReport(), kind: .jobSummary))
        #expect(Self.tables(summary) == [5, 6, 5, 6, 6, 7, 8])
    }

    @Test func longTablesFoldIntoDetails() async throws {
        let renderer = try await PullRequestRenderer(templatesDirectory: Self.templates)
        let report = PRData.huge(runs: 40, suites: 12).analyzer()
            .pullRequest(.pr("777"), base: "main", asOf: PRData.asOf)
        let markdown = try renderer.markdown(for: report, kind: .comment)
        #expect(markdown.contains("<details>\n<summary>40 runs</summary>\n\n| Run |"))
        #expect(markdown.contains("<details>\n<summary>12 suites</summary>\n\n| Suite |"))
        #expect(!markdown.contains("left out"))
        #expect(Self.tables(try MarkdownHTML.render(markdown)) == [5, 6, 5, 6, 6, 7, 8])
    }

    @Test func tenThousandRunsFitInAComment() async throws {
        let renderer = try await PullRequestRenderer(templatesDirectory: Self.templates)
        let report = PRData.huge(runs: 10_000, suites: 400).analyzer()
            .pullRequest(.pr("777"), base: "main", asOf: PRData.asOf)
        #expect(report.runs.count == 10_000)
        let markdown = try renderer.markdown(for: report, kind: .comment)
        #expect(markdown.unicodeScalars.count <= 65_000)
        #expect(markdown.hasPrefix("<!-- costreport:pr -->\n"))

        // The runs table: its first and last rows kept, the middle replaced by one row saying how many.
        let runs = Self.section(markdown, after: "### Runs")
        let rows = runs.filter { $0.hasPrefix("| pr-777-") }
        let gap = runs.filter { $0.contains("left out to fit") }
        #expect(gap.count == 1)
        let leftOut = Self.number(in: gap.first ?? "")
        #expect(rows.count + leftOut == 10_000)
        #expect(rows.count > 100, "the budget is used, not wasted: \(rows.count) rows kept")
        #expect(rows.first?.hasPrefix("| pr-777-00000 |") == true)
        #expect(rows.last?.hasPrefix("| pr-777-09999 |") == true)
        #expect(runs.contains("<summary>10,000 runs (\(Format.count(rows.count)) shown, \(Format.count(leftOut)) left out)</summary>"))

        // The suites table is cut the same way, and every table is still a table.
        let suites = Self.section(markdown, after: "### Per suite")
        let suiteGap = suites.first { $0.contains("left out to fit") } ?? ""
        #expect(suites.filter { $0.hasPrefix("| unit |") || $0.hasPrefix("| suite-") }.count + Self.number(in: suiteGap) == 400)
        #expect(Self.tables(try MarkdownHTML.render(markdown)) == [5, 6, 5, 6, 6, 7, 8])

        // The job summary has room for far more, within 1 MiB.
        let summary = try renderer.markdown(for: report, kind: .jobSummary)
        #expect(summary.utf8.count <= 1_048_576)
        #expect(summary.utf8.count > 65_000)
    }

    @Test func hostileNamesStayText() async throws {
        var d = PRData()
        d.mainHistory()
        let evil = "evil|<script>alert(1)</script> **x** [l](javascript:alert(1))\n| fake | row |"
        d.add("2026-11-26", "10:00", run: "run|\(evil)", branch: "b|<i>", pr: "5", suite: "s|\(evil)", provider: "aws",
              instance: "g5.xlarge", region: "us-east-2", testType: .unit, market: .onDemand, hours: 1, cost: 1.006)
        let report = d.analyzer().pullRequest(.pr("5"), base: "main", asOf: PRData.asOf, siteURL: "javascript:alert(1)")
        let renderer = try await PullRequestRenderer(templatesDirectory: Self.templates)
        let markdown = try renderer.markdown(for: report, kind: .comment)
        let html = try MarkdownHTML.render(markdown)
        #expect(!html.contains("<script"))
        #expect(!html.contains("href=\"javascript"))
        #expect(!markdown.contains("All cloud cost reports"), "a non-http site URL is never linked")
        // Its one suite has no base runs: nothing compared, so no headline table.
        #expect(Self.tables(html) == [6, 5, 6, 6, 7, 8])
        // Every row of every table has its header's column count.
        for table in html.components(separatedBy: "<table>").dropFirst() {
            let th = table.components(separatedBy: "</thead>")[0].matches(of: try! Regex("<th[ >]")).count
            for row in table.components(separatedBy: "</thead>")[1].components(separatedBy: "<tr>").dropFirst() {
                #expect(row.matches(of: try! Regex("<td[ >]")).count == th)
            }
        }
    }

    @Test func aTemplatesCopyWithoutThePRTemplatesIsRefused() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("costreport-pr-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: Self.templates, toPath: dir.path)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("pr.mustache"))
        await #expect(throws: TemplateError.self) { _ = try await PullRequestRenderer(templatesDirectory: dir.path) }
        do {
            _ = try await PullRequestRenderer(templatesDirectory: dir.path)
        } catch let error as TemplateError {
            #expect(error.message == "missing template pr.mustache in \(dir.path)")
        }
        // The site does not need them: `build` still loads the copy.
        _ = try await ReportRenderer(templatesDirectory: dir.path)
    }

    @Test func longValuesAreClipped() throws {
        #expect(Clip.text(String(repeating: "x", count: 200)).count == 80)
        #expect(Clip.text(String(repeating: "x", count: 200)).hasSuffix("…"))
        #expect(Clip.text("short") == "short")
    }

    @Test func siteURLIsSafeInALink() throws {
        #expect(SafeURL.markdownDestination("https://costs.example.com/a b(c)<d>") == "https://costs.example.com/a%20b%28c%29%3Cd%3E")
        #expect(SafeURL.markdownDestination("http://x/é") == "http://x/%C3%A9")
        #expect(SafeURL.markdownDestination("javascript:alert(1)") == nil)
        #expect(SafeURL.markdownDestination("ftp://x") == nil)
    }

    // MARK: - Helpers

    /// The lines after the heading `prefix` up to the next heading.
    static func section(_ markdown: String, after prefix: String) -> [String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else { return [] }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("### ") || $0.hasPrefix("_As of") } ?? lines.endIndex
        return Array(lines[(start + 1)..<end])
    }

    /// The first number in `text`, thousands separators allowed: `… 9,402 rows left out …` → 9402.
    static func number(in text: String) -> Int {
        let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "," }
        return Int(digits.filter(\.isNumber)) ?? 0
    }
}

/// The pure parts of fitting a comment: where a table is cut, and the search for the largest cut that fits.
@Suite struct CommentBudgetTests {
    @Test func tableCutKeepsTheFirstAndLastRows() throws {
        #expect(TableCut(count: 10, cap: nil) == TableCut(count: 10, cap: 10))
        let none = TableCut(count: 10, cap: 10)
        #expect(none.head == 10 && none.tail == 0 && none.leftOut == 0)
        let odd = TableCut(count: 100, cap: 7)
        #expect(odd.head == 4 && odd.tail == 3 && odd.leftOut == 93)
        let zero = TableCut(count: 5, cap: 0)
        #expect(zero.head == 0 && zero.tail == 0 && zero.leftOut == 5)
    }

    /// `--run-url`: run ids link to the CI, the id percent-encoded so it can neither end the link
    /// nor leave its path segment; a made-up id (`(no run_id) …`) and no template stay plain text.
    @Test func runIdsLinkOnlyWithARunURL() async throws {
        let url = try RunURL.parse("https://ci.example/runs/{run_id}?view=cost").get()
        #expect(url.link("pr-1234-5ad2e1") == "https://ci.example/runs/pr-1234-5ad2e1?view=cost")
        #expect(url.link("a b)/[x]?#ü") == "https://ci.example/runs/a%20b%29%2F%5Bx%5D%3F%23%C3%BC?view=cost")
        #expect(url.linkIfRecorded("(no run_id) benchmarks.db id 3") == nil)
        #expect(url.link("..") == "https://ci.example/runs/%2E%2E?view=cost", "never a path step")
        for bad in ["ftp://ci/{run_id}", "https://ci.example/runs/", "https://ci/{run_id}/{run_id}", "https://ci/(x)/{run_id}",
                    "https://ci/r?ids=a|{run_id}"] {
            if case .success = RunURL.parse(bad) { Issue.record("accepted \(bad)") }
        }
        let renderer = try await PullRequestRenderer(templatesDirectory: PullRequestRenderTests.templates)
        let linked = try renderer.markdown(for: PullRequestRenderTests.goldenReport(), runURL: url)
        #expect(linked.contains("| [pr-1234-5ad2e1](https://ci.example/runs/pr-1234-5ad2e1?view=cost) |"))
        let plain = try renderer.markdown(for: PullRequestRenderTests.goldenReport())
        #expect(plain.contains("| pr-1234-5ad2e1 |") && !plain.contains("ci.example"))
    }

    /// Issue 14 part 2: runs spanning two commits show both, the latest first, with the change
    /// since the previous commit; one commit (or none recorded) shows no commit table.
    @Test func twoCommitsShowLatestFirst() async throws {
        let renderer = try await PullRequestRenderer(templatesDirectory: PullRequestRenderTests.templates)
        var report = PullRequestRenderTests.goldenReport()
        report.commits = [
            CommitRuns(commit: "bbbb2222cccc3333", firstStart: "2026-11-26 09:00", lastStart: "2026-11-27 10:00",
                       runs: 3, spend: 13, sincePrevious: -21),
            CommitRuns(commit: "aaaa1111", firstStart: "2026-11-24 10:00", lastStart: "2026-11-25 09:00",
                       runs: 2, spend: 34, sincePrevious: nil),
        ]
        let markdown = try renderer.markdown(for: report)
        let latest = try #require(markdown.range(of: "| bbbb2222cccc | 3 | $13.00 | -$21.00 | 2026-11-26 09:00 | 2026-11-27 10:00 |"))
        let earlier = try #require(markdown.range(of: "| aaaa1111 | 2 | $34.00 | first | 2026-11-24 10:00 | 2026-11-25 09:00 |"))
        #expect(latest.lowerBound < earlier.lowerBound)
        report.commits = Array(report.commits.prefix(1))
        #expect(!(try renderer.markdown(for: report)).contains("| Commit |"))
        report.commitFilter = "bbbb2222"
        #expect(try renderer.markdown(for: report).contains("## Cloud test cost for PR \\#1234 at commit bbbb2222"))
    }

    /// Every case of the comparison sentence, now worded by `pr-body.mustache` from flags.
    @Test func theComparisonSentenceCoversEveryCase() async throws {
        let renderer = try await PullRequestRenderer(templatesDirectory: PullRequestRenderTests.templates)
        func first(_ c: PullRequestComparison) throws -> String {
            var r = PullRequestRenderTests.goldenReport()
            r.comparison = c
            let lines = try renderer.markdown(for: r).split(separator: "\n")
            return lines.filter { $0.hasPrefix("**$27.15**") || $0.contains("not compared") }.joined(separator: "\n")
        }
        let noBase = try first(PullRequestComparison(comparedRuns: 0, comparedSpend: 0, expectedSpend: 0, uncomparedRuns: 7,
                                                      uncomparedSpend: 27.15, baseRuns: 0, baseSpend: 0))
        #expect(noBase.hasSuffix("main has no runs in the 4 weeks before this PR, so there is nothing to compare with."))
        #expect(!noBase.contains("not compared"), "nothing was compared, so no run is singled out")
        let otherSuites = try first(PullRequestComparison(comparedRuns: 0, comparedSpend: 0, expectedSpend: 0, uncomparedRuns: 7,
                                                           uncomparedSpend: 27.15, baseRuns: 3, baseSpend: 9))
        #expect(otherSuites.hasSuffix("main ran none of these suites in the 4 weeks before this PR, so there is nothing to compare with."))
        let down = try first(PullRequestComparison(comparedRuns: 7, comparedSpend: 27.15, expectedSpend: 30.17, uncomparedRuns: 0,
                                                    uncomparedSpend: 0, baseRuns: 9, baseSpend: 40))
        #expect(down.contains("Per run, these runs cost ▼ 10.0% less than on main in the 4 weeks before this PR, suite by suite: $27.15 against $30.17 at main's average."))
        let same = try first(PullRequestComparison(comparedRuns: 1, comparedSpend: 5, expectedSpend: 5, uncomparedRuns: 6,
                                                    uncomparedSpend: 22.15, baseRuns: 9, baseSpend: 40))
        #expect(same.contains("Per run, the 1 run in suites main also ran cost the same as on main"))
        #expect(same.hasSuffix("6 runs ($22.15) in suites main did not run in the 4 weeks before this PR are not compared."))
    }

    @Test func cutTableCountsWhatWasLeftOut() throws {
        let t = CutTable(Array(1...25), cap: 6)
        #expect(t.head == [1, 2, 3] && t.tail == [23, 24, 25])
        #expect(t.leftOut == "19" && !t.oneLeftOut && t.shown == "6" && t.count == "25" && !t.one)
        #expect(t.folded)
        let small = CutTable([1, 2], cap: nil)
        #expect(small.leftOut == nil && !small.folded && small.count == "2")
        let one = CutTable(Array(1...3), cap: 2)
        #expect(one.leftOut == "1" && one.oneLeftOut)
    }

    /// A fake document: 100 bytes of text plus `rows` lines of 10 characters.
    private func render(_ rows: Int) -> (Int?) -> String {
        { cap in
            let cut = TableCut(count: rows, cap: cap)
            return String(repeating: "h", count: 99) + "\n"
                + String(repeating: "123456789\n", count: cut.head + cut.tail)
                + (cut.leftOut > 0 ? "… \(cut.leftOut) left out …\n" : "")
        }
    }

    @Test func fitsInFullWhenItCan() throws {
        var renders = 0
        let result = BudgetFit.fit(TextBudget(limit: 1000, unit: .characters), longest: 5) { cap in
            renders += 1
            return render(5)(cap)
        }
        #expect(result.cap == nil && renders == 1)
    }

    @Test func findsTheLargestCapThatFits() throws {
        let budget = TextBudget(limit: 1000, unit: .characters)
        let result = BudgetFit.fit(budget, longest: 10_000, render: render(10_000))
        #expect(budget.fits(result.text))
        let cap = result.cap ?? -1
        // 100 + 10 × cap + the note "… 9912 left out …\n" (18) ≤ 1000 → cap = 88; one more would not fit.
        #expect(cap == 88)
        #expect(!budget.fits(render(10_000)(cap + 1)))
    }

    @Test func truncatesAsALastResort() throws {
        let budget = TextBudget(limit: 200, unit: .characters)
        let result = BudgetFit.fit(budget, longest: 3) { _ in "<details>\n" + String(repeating: "line\n", count: 100) }
        #expect(budget.fits(result.text))
        #expect(result.text.contains("the rest is left out"))
        #expect(result.text.contains("</details>"))
    }

    @Test func measuresCharactersOrBytes() throws {
        #expect(TextBudget.prComment.measure("é€") == 2)
        #expect(TextBudget.jobSummary.measure("é€") == 5)
        #expect(TextBudget.prComment.limit == 65_000 && TextBudget.jobSummary.limit == 1_048_576)
    }
}
