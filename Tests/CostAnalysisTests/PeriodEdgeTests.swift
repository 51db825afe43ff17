import Testing
import CostModel
@testable import CostAnalysis

@Suite struct PeriodEdgeTests {
    /// 2026 starts on a Thursday, so it has an ISO week 53 (2026-12-28 … 2027-01-03); 2027 does not.
    static func yearEnd() -> Fixture {
        var f = Fixture()
        f.add("2026-12-27", run: "w52", market: .onDemand, hours: 1, cost: 7, rate: 7)      // Sun, 2026-W52
        f.add("2026-12-28", run: "w53a", market: .onDemand, hours: 1, cost: 1, rate: 1)     // Mon, 2026-W53
        f.add("2026-12-31", run: "w53b", market: .onDemand, hours: 1, cost: 2, rate: 2)     // Thu, 2026-W53
        f.add("2027-01-02", run: "w53c", market: .onDemand, hours: 1, cost: 4, rate: 4)     // Sat, 2026-W53
        f.add("2027-01-04", run: "w01", market: .onDemand, hours: 1, cost: 8, rate: 8)      // Mon, 2027-W01
        f.add("2027-02-28", run: "feb", market: .onDemand, hours: 1, cost: 56, rate: 56)    // Sun, last of Feb
        f.add("2027-03-01", run: "mar", market: .onDemand, hours: 1, cost: 100, rate: 100)  // Mon
        return f
    }

    @Test func isoWeek53AcrossTheYearBoundary() {
        #expect(Period(parsing: "2026-W53") != nil)
        #expect(Period(parsing: "2027-W53") == nil)
        let a = Self.yearEnd().analyzer()
        let w53 = a.report(for: period("2026-W53"), asOf: day("2027-03-31"))
        #expect(w53.period.start == "2026-12-28" && w53.period.end == "2027-01-03")
        // 1 + 2 + 4 over three runs; the previous week is 2026-W52 (7), but it starts on 12-21,
        // before the data's first day (12-27): no comparison (spec §12).
        #expect(w53.totals.spend == 7 && w53.totals.runs == 3)
        #expect(w53.previousPeriod.id == "2026-W52" && w53.previousTotals.spend == 7 && w53.change == .none)
        #expect(w53.totals.comparison?.previousPeriod.dataStarts == "2026-12-27")
        let w53days = w53.breakdowns.day.sorted { $0.key < $1.key }
        #expect(w53days.map(\.key) == ["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31",
                                       "2027-01-01", "2027-01-02", "2027-01-03"])
        #expect(w53days.map(\.spend) == [1, 0, 0, 2, 0, 4, 0])

        let w01 = a.report(for: period("2027-W01"), asOf: day("2027-03-31"))
        #expect(w01.period.start == "2027-01-04" && w01.totals.spend == 8)
        #expect(w01.previousPeriod.id == "2026-W53" && w01.previousTotals.spend == 7)
        #expect(w01.change.spend == 1 && abs(w01.change.percent! - 1.0 / 7) < 1e-12)
        #expect(w01.trend.suffix(3).map(\.week) == ["2026-W52", "2026-W53", "2027-W01"])
        #expect(w01.trend.suffix(3).map(\.spend) == [7, 7, 8])
    }

    @Test func monthsOf28And31Days() {
        let a = Self.yearEnd().analyzer()
        let feb = a.report(for: period("2027-02"), asOf: day("2027-03-31"))
        #expect(feb.period.days == 28 && feb.breakdowns.day.count == 28 && feb.breakdowns.day.map(\.key).max() == "2027-02-28")
        #expect(feb.totals.spend == 56 && feb.previousPeriod.id == "2027-01" && feb.previousTotals.spend == 12)
        let mar = a.report(for: period("2027-03"), asOf: day("2027-03-31"))
        #expect(mar.period.days == 31 && mar.breakdowns.day.count == 31)
        #expect(mar.previousPeriod.id == "2027-02" && mar.previousTotals.spend == 56)

        // Budget on the last day of February: 28 of 28 days elapsed, projection = month to date.
        let onFeb28 = a.report(for: period("2027-W08"), asOf: day("2027-02-28")).budget
        #expect(onFeb28.month == "2027-02" && onFeb28.daysElapsed == 28 && onFeb28.daysInMonth == 28)
        #expect(onFeb28.monthToDate == 56 && onFeb28.projected == 56)
        // On 2027-03-01: 1 of 31 days, 100 spent → projection 3,100.
        let onMar1 = a.report(for: period("2027-W09"), asOf: day("2027-03-01")).budget
        #expect(onMar1.daysElapsed == 1 && onMar1.daysInMonth == 31 && onMar1.projected == 3100)
        // January 2027 as of the 4th: 2027-01-02 (4) + 01-04 (8) = 12 over 4 days → 12 / 4 × 31 = 93
        let onJan4 = a.report(for: period("2027-W01"), asOf: day("2027-01-04")).budget
        #expect(onJan4.monthToDate == 12 && onJan4.daysElapsed == 4 && onJan4.projected == 93)
    }

    @Test func rangePeriodsAndTheirPreviousRange() {
        let a = Self.yearEnd().analyzer()
        // 2026-12-29 … 2027-01-04 (7 days): 2 + 4 + 8 = 14; previous 2026-12-22 … 2026-12-28: 7 + 1 = 8,
        // a window that starts before the data (12-27): no comparison.
        let r = a.report(for: period("2026-12-29..2027-01-04"), asOf: day("2027-03-31"))
        #expect(r.period.kind == .range && r.period.id == "2026-12-29..2027-01-04")
        #expect(r.totals.spend == 14 && r.previousPeriod.id == "2026-12-22..2026-12-28")
        #expect(r.previousTotals.spend == 8 && r.change == .none)
        // 2027-02-28 … 2027-03-06 against 2027-02-21 … 2027-02-27 (after the data's start): 100 + 56 against 0.
        let later = a.report(for: period("2027-02-28..2027-03-06"), asOf: day("2027-03-31"))
        #expect(later.previousPeriod.id == "2027-02-21..2027-02-27" && later.change.spend == 156 && later.change.percent == nil)
        // The trend ends with the week that contains the range's end (2027-W01).
        #expect(r.trend.last?.week == "2027-W01")
    }

    @Test func asOfCapsEverything() {
        let a = Self.yearEnd().analyzer()
        // As of 2026-12-31: the range runs on, but only 12-29 … 12-31 counts (2); 01-02 and later don't.
        let asOf = day("2026-12-31")
        let r = a.report(for: period("2026-12-29..2027-01-04"), asOf: asOf)
        #expect(r.totals.spend == 2 && r.totals.records == 1)
        #expect(r.period.daysCovered == 3 && r.breakdowns.day.map(\.key).sorted() == ["2026-12-29", "2026-12-30", "2026-12-31"])
        #expect(r.dataQuality.afterAsOf == 4)
        #expect(r.trend.last?.week == "2026-W53" && r.trend.last?.spend == 3)  // 12-28 (1) + 12-31 (2)
        // A period entirely after as-of is empty, with no days listed.
        let later = a.report(for: period("2027-03"), asOf: asOf)
        #expect(later.totals.records == 0 && later.totals.spend == 0 && later.breakdowns.day.isEmpty)
        #expect(later.period.daysCovered == 0 && later.breakdowns.provider.isEmpty)
        // Like for like: week 2027-W01 as of 2027-01-01 has not started, so no day of W53 is compared.
        let w01 = a.report(for: period("2027-W01"), asOf: day("2027-01-01"))
        #expect(w01.totals.spend == 0 && w01.previousTotals.spend == 0 && w01.change == .none)
        // Week 2027-W01 as of Tuesday 2027-01-05 (2 days): 8 against Mon–Tue of W53 (12-28 … 12-29): 1.
        let w01tue = a.report(for: period("2027-W01"), asOf: day("2027-01-05"))
        #expect(w01tue.previousTotals.spend == 1 && w01tue.change.spend == 7 && w01tue.change.percent == 7)
        #expect(a.periodsWithData(asOf: asOf).weeks.map(\.id) == ["2026-W53", "2026-W52"])
    }

    @Test func trendOfTwelveWeeksIncludesQuietWeeks() {
        let a = Self.yearEnd().analyzer()
        let r = a.report(for: period("2027-03"), asOf: day("2027-03-31"))
        // min(2027-03-31, as-of) is in 2027-W13: weeks 2027-W02 … 2027-W13, oldest first.
        let expectedWeeks: [String] = (2...13).map { (n: Int) -> String in n < 10 ? "2027-W0\(n)" : "2027-W\(n)" }
        #expect(r.trend.map(\.week) == expectedWeeks)
        // Only 2027-W08 (02-28: 56) and 2027-W09 (03-01: 100) have spend.
        #expect(r.trend.map(\.spend) == [0, 0, 0, 0, 0, 0, 56, 100, 0, 0, 0, 0])
        #expect(r.trend.first?.start == "2027-01-11")
        // Previous period with no spend (W07, after the data's start): percent nil.
        let feb = a.report(for: period("2027-W08"), asOf: day("2027-03-31"))
        #expect(feb.previousTotals.spend == 0 && feb.change.percent == nil && feb.change.spend == 56)
    }
}
