import CostModel
import Foundation
import CostTestSupport
import Testing
@testable import CostRender

/// The views format figures the report carries (and compute none): the Summary's changes, what a
/// cut breakdown table leaves out, and the reserved-capacity total. The hand-made figures here
/// are chosen so that only the model's value can produce the text checked.
@Suite struct ReportFiguresRenderTests {
    func renderer() async throws -> ReportRenderer {
        try await ReportRenderer(templatesDirectory: ReportRendererTests.templates)
    }

    static func row(_ key: String, _ spend: Double) -> BreakdownRow {
        BreakdownRow(key: key, runs: 1, records: 1, hours: 1, spend: spend, share: 0, onDemandEquivalent: 0,
                     realizedSavings: 0, savingsRate: nil, testsPassed: 0, testsFailed: 0, failedRunSpend: 0)
    }

    @Test func summaryChangesComeFromTotalsChange() async throws {
        var report = HandMade.report()
        report.previousTotals.runs = 20
        report.previousTotals.records = 150
        report.previousTotals.hours = 400
        report.totalsChange = TotalsChange(runs: 30, records: 50, hours: -78.5, onDemandEquivalent: -12.345,
                                           realizedSavings: 1075.5, failedRunSpend: 7)
        let md = try await renderer().markdown(for: report)
        #expect(md.contains("| Runs | 50 | 20 | +30 |"))
        #expect(md.contains("| Records | 200 | 150 | +50 |"))
        #expect(md.contains("| Instance-hours | 321.5 | 400.0 | -78.5 |"))
        #expect(md.contains("| On-demand equivalent | $3,100.75 | $0.00 | -$12.35 |"))
        #expect(md.contains("| Spend on runs with failed tests | $0.00 | $0.00 | +$7.00 |"))
    }

    @Test func cutTablesSayWhatTheModelSaysTheyLeaveOut() async throws {
        var report = HandMade.report()
        // 12 suites, 100 down to 89, then 23.456: the 10 largest shown, two left out (89 + 23.456).
        report.breakdowns.suite = (0..<11).map { Self.row("suite-\($0)", 100 - Double($0)) } + [Self.row("suite-last", 23.456)]
        report.breakdownsOmitted.suite = OmittedRows(rows: 2, records: 2, hours: 2, spend: 90 + 23.456)
        let r = try await renderer()
        let md = try r.markdown(for: report)
        // The 10 largest in the table, the other two folded below it in <details> (every row present).
        let fold = try #require(md.range(of: "<details>\n\n2 more rows with $113.46 of spend\n"))
        let nine = try #require(md.range(of: "| suite-9 |")), ten = try #require(md.range(of: "| suite-10 |"))
        let last = try #require(md.range(of: "| suite-last |"))
        #expect(nine.lowerBound < fold.lowerBound && fold.upperBound < ten.lowerBound && ten.lowerBound < last.lowerBound)
        #expect(!md.contains("JSON output"))
        // On the site the fold is a real <details> around the rest (cmark passes no raw HTML).
        let html = try ReportRenderer.html(md)
        #expect(html.contains("<details>\n<summary>2 more rows with $113.46 of spend</summary>\n<table>"))
        #expect(!html.contains("raw HTML omitted"))

        // A limit of 11 folds one row: the singular, from the same template sentence.
        report.settings.breakdownRowLimit = 11
        report.breakdownsOmitted.suite = OmittedRows(rows: 1, records: 1, hours: 1, spend: 23.456)
        let one = try r.markdown(for: report)
        #expect(one.contains("<details>\n\n1 more row with $23.46 of spend\n"))
    }

    @Test func reservedTotalComesFromTheSummary() async throws {
        var o = HandMade.opportunities
        o.reservedSummary = ReservedSummary(monthIds: ["2026-09", "2026-10"], recommended: 2, monthlySavings: 12_345.678)
        let md = try await renderer().markdown(for: HandMade.report(opportunities: o))
        #expect(md.contains("over the full months 2026-09, 2026-10, against 730 hours in a month."))
        #expect(md.contains("2 commitments are recommended, saving $12,345.68 a month in total"))
    }

    // MARK: - Methodology: the checklist thresholds actually used

    static func checklistLines(_ md: String) -> [String] {
        md.split(separator: "\n").map(String.init).filter { line in
            (1...10).contains { line.hasPrefix("\($0). **") }
        }
    }

    @Test func methodologyStatesTheDefaultThresholds() async throws {
        let md = try await renderer().methodologyMarkdown(catalog: SavingsChecklistRenderTests.catalog, config: Config())
        #expect(md.contains("not measured. Default thresholds:\n"))
        let lines = Self.checklistLines(md)
        #expect(lines.count == 10)
        #expect(lines[0].hasSuffix("on spot: done from 80 %, partial from 50 %."))
        #expect(lines[1].hasSuffix("test type is known: done up to 5 %, partial up to 20 %."))
        #expect(lines[2].hasSuffix("above 1): done from 80 %, partial from 30 %."))
        #expect(lines[3].hasSuffix("true: done from 80 %, or declared in the config."))
        #expect(lines[4].hasSuffix("when there are none): done from 70 %, partial from 40 %."))
        #expect(lines[5].hasSuffix("cheapest region: done from 90 %, partial from 60 %."))
        #expect(lines[7].hasSuffix("log below): 4 done, 2 or 3 partial."))
        #expect(lines[9].hasSuffix("inventory: none done, under $50.00 a month partial."))
        #expect(md.contains("each shows its 10 largest rows and folds the rest below it"))
    }

    @Test func methodologyStatesTheConfiguredThresholds() async throws {
        var config = Config()
        config.thresholds = [1: Threshold(done: 0.9, partial: 0.85), 2: Threshold(done: 0.1, partial: 0.3),
                             4: Threshold(done: 0.9, partial: 0.5), 5: Threshold(done: 0.825, partial: 0.5),
                             6: Threshold(done: 0.95, partial: 0.95), 8: Threshold(done: 3, partial: 1),
                             10: Threshold(done: 10, partial: 100)]
        let md = try await renderer().methodologyMarkdown(catalog: SavingsChecklistRenderTests.catalog, config: config)
        #expect(md.contains("not measured. Thresholds used (the defaults, with the config's changes listed below):\n"))
        let lines = Self.checklistLines(md)
        #expect(lines[0].hasSuffix("on spot: done from 90 %, partial from 85 %."))
        #expect(lines[1].hasSuffix("test type is known: done up to 10 %, partial up to 30 %."))
        // Item 3 keeps its default.
        #expect(lines[2].hasSuffix("above 1): done from 80 %, partial from 30 %."))
        // Item 4 with a partial band now.
        #expect(lines[3].hasSuffix("true: done from 90 %, partial from 50 %, or declared in the config."))
        #expect(lines[4].hasSuffix("when there are none): done from 82.5 %, partial from 50 %."))
        // Partial equal to done: no partial band.
        #expect(lines[5].hasSuffix("cheapest region: done from 95 %."))
        #expect(lines[7].hasSuffix("log below): 3 or 4 done, 1 or 2 partial."))
        #expect(lines[9].hasSuffix("inventory: up to $10.00 a month done, under $100.00 a month partial."))
        // The overrides are still listed as the config gives them.
        #expect(md.contains("- Item 8: done at 3.0 weeks, partial at 1.0 weeks."))
    }

    @Test func weekRanges() {
        #expect(WeeksThreshold(Threshold(done: 4, partial: 2)).done == "4")
        #expect(WeeksThreshold(Threshold(done: 4, partial: 1)).partial == "1 to 3")
        #expect(WeeksThreshold(Threshold(done: 2.5, partial: 0)).done == "3 or 4")
        #expect(WeeksThreshold(Threshold(done: 2, partial: 2)).hasPartial == false)
        #expect(WeeksThreshold(Threshold(done: 6, partial: 4)).done == "none")
        #expect(MethodologyThresholds.share(0.05) == "5 %" && MethodologyThresholds.share(0.825) == "82.5 %")
    }

    // MARK: - The budget story (issue 13 part 6)

    @Test func theDefaultBudgetIsNamedAsSuch() async throws {
        var report = HandMade.report()
        report.budget.monthlyConfigured = false
        let r = try await renderer()
        let md = try r.markdown(for: report)
        #expect(md.contains("Default budget $2,000.00 (not configured: set budget.monthly in costreport.yml"))
        let dashboard = try r.dashboardHTML(HandMade.overview(report, month: report))
        #expect(dashboard.contains("Default budget $2,000.00 (not configured: set <code>budget.monthly</code>)"))
        report.budget.monthlyConfigured = true
        report.budget.dailyAlertConfigured = false
        let configured = try r.markdown(for: report)
        #expect(!configured.contains("Default budget") && configured.contains("Default daily alert $100.00 (not configured"))
        // Checklist item 7 says which budget the reports grade against.
        let item = ChecklistItem(id: 7, status: .todo, value: 0,
                                 facts: { var f = ChecklistFacts(); f.alerts = .init(configFile: false, monthlyBudget: nil, dailyAlert: nil); return f }()).worded
        #expect(item.detail.contains("the reports grade spend against the default budget of $2,000.00 a month and daily alert of $100.00"))
    }
}
