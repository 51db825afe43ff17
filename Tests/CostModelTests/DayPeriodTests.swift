import Testing
@testable import CostModel

@Suite struct DayPeriodTests {
    @Test func civilRoundTrip() {
        for ordinal in stride(from: -800_000 as Int32, to: 800_000, by: 997) {
            let d = Day(ordinal: ordinal)
            let c = d.components
            #expect(Day(year: c.year, month: c.month, day: c.day) == d)
        }
        #expect(Day(year: 1970, month: 1, day: 1).ordinal == 0)
        #expect(Day(iso: "2026-11-27")?.isoWeekday == 5)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-13-01") == nil)
    }

    @Test func isoWeeksAcrossYearBoundaries() {
        #expect(Day(iso: "2026-11-27")!.isoWeek == (2026, 48))
        #expect(Day(iso: "2026-12-31")!.isoWeek == (2026, 53))
        #expect(Day(iso: "2027-01-03")!.isoWeek == (2026, 53))
        #expect(Day(iso: "2027-01-04")!.isoWeek == (2027, 1))
        #expect(Day(iso: "2024-12-30")!.isoWeek == (2025, 1))
        #expect(Period(parsing: "2026-W53")?.start.iso == "2026-12-28")
        #expect(Period(parsing: "2025-W53") == nil)
        #expect(Period(parsing: "2025-W01")?.start.iso == "2024-12-30")
    }

    @Test func periodParsingAndNeighbours() {
        let w = Period(parsing: "2026-W48")!
        #expect(w.start.iso == "2026-11-23" && w.end.iso == "2026-11-29" && w.id == "2026-W48")
        #expect(w.previous.id == "2026-W47")
        let m = Period(parsing: "2026-02")!
        #expect(m.end.iso == "2026-02-28" && m.previous.id == "2026-01" && m.next.id == "2026-03")
        let r = Period(parsing: "2026-10-01..2026-10-10")!
        #expect(r.kind == .range && r.dayCount == 10)
        #expect(r.previous.id == "2026-09-21..2026-09-30")
        #expect(Period(parsing: "2026-10-10..2026-10-01") == nil)
        #expect(Period(parsing: "2026-W") == nil)
        #expect(Period(parsing: "november") == nil)
    }

    @Test func offPeakWindowWrapsMidnightAndWeekends() {
        let config = OffPeakConfig()
        let friday = Day(iso: "2026-11-27")!
        #expect(config.isOffPeak(day: friday, minuteOfDay: 22 * 60))
        #expect(config.isOffPeak(day: friday, minuteOfDay: 5 * 60 + 59))
        #expect(!config.isOffPeak(day: friday, minuteOfDay: 6 * 60))
        #expect(!config.isOffPeak(day: friday, minuteOfDay: 21 * 60 + 59))
        #expect(config.isOffPeak(day: friday.adding(days: 1), minuteOfDay: 12 * 60))
    }
}
