import Testing
import CostModel
import CostRender
@testable import CostAnalysis

@Suite struct OverviewTests {
    static func check(_ analyzer: Analyzer, asOf: Day) {
        let (weeks, months) = analyzer.periodsWithData(asOf: asOf)
        for s in weeks + months {
            let p = period(s.id)
            #expect(p.kind == s.kind && p.start.iso == s.start && p.end.iso == s.end)
            let r = analyzer.report(for: p, asOf: asOf)
            #expect(r.totals.records > 0, "\(s.id)")
            #expect(r.totals.records == s.records && r.totals.runs == s.runs, "\(s.id)")
            #expect(r.totals.spend == s.spend && r.change == s.change, "\(s.id)")
        }
        // Newest first, no duplicates, nothing starting after as-of.
        for list in [weeks, months] {
            #expect(zip(list, list.dropFirst()).allSatisfy { $0.start > $1.start })
            #expect(list.allSatisfy { day($0.start) <= asOf })
        }
    }

    @Test func summariesAgreeWithReports() {
        let a = HandFixture.build().analyzer(HandFixture.config)
        let (weeks, months) = a.periodsWithData(asOf: HandFixture.asOf)
        // Weeks with records on or before 2026-11-18: W47, W46, W45, W43 (W44 had none).
        #expect(weeks.map(\.id) == ["2026-W47", "2026-W46", "2026-W45", "2026-W43"])
        #expect(months.map(\.id) == ["2026-11", "2026-10"])
        // W47 as of 11-18 leaves out r11 (11-19): 10 records, 350.35.
        #expect(weeks[0].records == 10 && cents(weeks[0].spend, 350.35))
        // W45 (1.40) against W44 (nothing): percent nil.
        #expect(weeks[2].change.percent == nil && cents(weeks[2].change.spend, 1.40))
        Self.check(a, asOf: HandFixture.asOf)
        Self.check(a, asOf: day("2026-11-30"))
        Self.check(PeriodEdgeTests.yearEnd().analyzer(), asOf: day("2027-03-31"))
        #expect(a.periodsWithData(asOf: day("2026-01-01")).weeks.isEmpty)
    }

    @Test func overviewIsTheCurrentWeekAndMonth() throws {
        let a = HandFixture.build().analyzer(HandFixture.config)
        let o = a.overview(asOf: HandFixture.asOf)
        #expect(o.asOf == "2026-11-18")
        #expect(o.currentWeek == a.report(for: period("2026-W47"), asOf: HandFixture.asOf))
        #expect(o.currentMonth == a.report(for: period("2026-11"), asOf: HandFixture.asOf))
        let (weeks, months) = a.periodsWithData(asOf: HandFixture.asOf)
        #expect(o.weeks == weeks && o.months == months)
        // Month to date: 1.40 + 98.31 + 7.34 + 350.35 = 457.40, equal to the budget's figure.
        #expect(cents(o.currentMonth.totals.spend, 457.40))
        #expect(o.currentMonth.totals.spend == o.currentMonth.budget.monthToDate)
        #expect(o.months[0].spend == o.currentMonth.totals.spend)
        _ = try o.jsonData()
    }

    @Test func emptyDataset() throws {
        let a = Fixture().analyzer()
        let o = a.overview(asOf: day("2026-11-18"))
        #expect(o.weeks.isEmpty && o.months.isEmpty && o.currentWeek.totals.spend == 0)
        #expect(o.currentWeek.breakdowns.day.count == 3 && o.currentWeek.trend.count == 12)
        #expect(o.currentWeek.dataQuality.read == 0 && o.currentWeek.dataQuality.warnings.isEmpty)
        _ = try o.jsonData()
    }
}
