import CostModel
import Foundation
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
        #expect(md.contains("| suite-9 |") && !md.contains("| suite-10 |") && !md.contains("| suite-last |"))
        #expect(md.contains("\n2 more rows with $113.46 of spend are in the JSON output.\n"))

        // A limit of 11 leaves one row out: the singular, from the same template sentence.
        report.settings.breakdownRowLimit = 11
        report.breakdownsOmitted.suite = OmittedRows(rows: 1, records: 1, hours: 1, spend: 23.456)
        let one = try r.markdown(for: report)
        #expect(one.contains("| suite-10 |") && !one.contains("| suite-last |"))
        #expect(one.contains("\n1 more row with $23.46 of spend are in the JSON output.\n"))
    }

    @Test func reservedTotalComesFromTheSummary() async throws {
        var o = HandMade.opportunities
        o.reservedSummary = ReservedSummary(monthIds: ["2026-09", "2026-10"], recommended: 2, monthlySavings: 12_345.678)
        let md = try await renderer().markdown(for: HandMade.report(opportunities: o))
        #expect(md.contains("over the full months 2026-09, 2026-10, against 730 hours in a month."))
        #expect(md.contains("2 commitments are recommended, saving $12,345.68 a month in total"))
    }
}
