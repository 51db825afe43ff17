import CostModel
import Testing
@testable import CostAnalysis

/// Issue 14 part 5: a threshold is crossed only strictly above it; at it the PR passes.
@Suite struct PullRequestGateTests {
    static func report(spend: Double, failed: Double, change: (compared: Double, expected: Double)?) -> PullRequestReport {
        var totals = Totals()
        totals.spend = spend; totals.failedRunSpend = failed; totals.runs = 3; totals.records = 3
        let comparison = PullRequestComparison(comparedRuns: change == nil ? 0 : 3, comparedSpend: change?.compared ?? 0,
                                               expectedSpend: change?.expected ?? 0, uncomparedRuns: change == nil ? 3 : 0,
                                               uncomparedSpend: change == nil ? spend : 0, baseRuns: 5, baseSpend: 10)
        let day = Day(year: 2026, month: 11, day: 27)
        return PullRequestReport(selector: .pr("7"), base: "main", asOf: day.iso, baseWindow: DayRange(start: day, end: day),
                                 firstDay: day.iso, lastDay: day.iso, totals: totals, comparison: comparison, markets: [],
                                 suites: [], runs: [], opportunities: .empty)
    }

    @Test func exactlyAtAThresholdPassesJustAboveFails() {
        // spend 30; 12 against 10 expected: +20 %; 5 on failed runs.
        let r = Self.report(spend: 30, failed: 5, change: (12, 10))
        let change = try! #require(r.comparison.change)
        #expect(PullRequestGate(maxSpend: 30, maxChange: change, maxFailedSpend: 5).crossings(r).isEmpty)
        let all = PullRequestGate(maxSpend: 30.0.nextDown, maxChange: change.nextDown, maxFailedSpend: 5.0.nextDown).crossings(r)
        #expect(all.map(\.kind) == [.spend, .change, .failedSpend])
        #expect(all[0].value == 30 && all[0].limit == 30.0.nextDown)
        #expect(PullRequestGate().crossings(r).isEmpty && PullRequestGate().isEmpty)
    }

    @Test func aPullRequestWithNothingToCompareCannotCrossTheChangeGate() {
        let r = Self.report(spend: 30, failed: 0, change: nil)
        #expect(r.comparison.change == nil)
        #expect(PullRequestGate(maxChange: 0).crossings(r).isEmpty)
        // A fall in spend per run is never a crossing, however far.
        #expect(PullRequestGate(maxChange: 0).crossings(Self.report(spend: 30, failed: 0, change: (5, 10))).isEmpty)
    }
}
