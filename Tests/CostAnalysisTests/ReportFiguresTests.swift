import Foundation
import Testing
import CostModel
@testable import CostAnalysis

/// Figures the views used to compute themselves, now computed by the analysis and carried in the
/// report (and so in `--format json`): each checked against a hand computation.
@Suite struct ReportFiguresTests {
    let report = HandFixture.report()

    func json(_ r: Report) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: r.jsonData()) as? [String: Any])
    }

    @Test func totalsChangeIsEachTotalMinusThePreviousWeeks() throws {
        // W47 up to as-of (HandComputedTests.periodTotals): 10 records, 9 runs, 29.5 h, on-demand
        // equivalent 277.53, realized savings 97.18, spend on runs with failed tests 98.31.
        // W46: p1 (p4d on-demand, 3 h, 98.31) and p2 (a2 on-demand, 2 h, 7.34): 2 records, 2 runs, 5 h,
        // on-demand equivalent 3 × 32.77 + 2 × 3.67 = 98.31 + 7.34 = 105.65, nothing saved, no failed tests.
        let d = report.totalsChange
        #expect(d.runs == 7 && d.records == 8)
        #expect(abs(d.hours - 24.5) < 1e-9)
        #expect(cents(d.onDemandEquivalent, 277.53 - 105.65))
        #expect(cents(d.realizedSavings, 97.18))
        #expect(cents(d.failedRunSpend, 98.31))

        let c = try #require(try json(report)["totals_change"] as? [String: Any])
        #expect(c["runs"] as? Int == 7 && c["records"] as? Int == 8)
        #expect(abs((c["hours"] as? Double ?? 0) - 24.5) < 1e-9)
        #expect(cents(c["on_demand_equivalent"] as? Double, 171.88))
        #expect(cents(c["realized_savings"] as? Double, 97.18) && cents(c["failed_run_spend"] as? Double, 98.31))
    }

    @Test func totalsChangeCanBeNegative() {
        // W48 seen on 2026-11-18 has not started: nothing against W47's 10 records, 9 runs, 29.5 h.
        let next = HandFixture.build().analyzer(HandFixture.config).report(for: period("2026-W48"), asOf: HandFixture.asOf)
        #expect(next.totalsChange.runs == -9 && next.totalsChange.records == -10)
        #expect(abs(next.totalsChange.hours + 29.5) < 1e-9)
        #expect(cents(next.totalsChange.realizedSavings, -97.18))
    }
}
