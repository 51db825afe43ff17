import CostIngest
import CostModel
import Foundation
import Testing
@testable import CostAnalysis

/// Spec §12 (changed): a period cut short by the as-of date is compared with the same number of
/// days at the start of the previous period, capped at its end; a compared window that starts
/// before the first record's day gives no comparison. Every figure hand-computed.
@Suite struct LikeForLikeTests {
    /// One record of `cost` USD at noon UTC on `day`.
    static func row(_ day: String, _ cost: Double) -> RawRecord {
        RawRecord(runID: "r-\(day)-\(cost)", timestamp: .text(day + "T12:00:00"), cloudProvider: "aws", instanceType: "g5.xlarge",
                  region: "us-east-1", durationSeconds: 3600, costUSD: cost)
    }

    static func analyzer(_ rows: [RawRecord]) throws -> Analyzer {
        let catalog = try CatalogLoader.bundled()
        var builder = try DatasetBuilder(catalog: catalog, config: Config())
        for (i, r) in rows.enumerated() { builder.add(r, source: "row \(i)") }
        return Analyzer(dataset: builder.finish(), catalog: catalog, config: Config())
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func aMonthAtDay27AgainstDays1To27OfThePreviousMonth() throws {
        // October: 10 on the 1st, 20 on the 27th (inside), 400 on the 28th and 31st (outside).
        // November up to the 27th: 33.
        let a = try Self.analyzer([Self.row("2026-09-30", 1), Self.row("2026-10-01", 10), Self.row("2026-10-27", 20),
                                   Self.row("2026-10-28", 400), Self.row("2026-10-31", 400), Self.row("2026-11-03", 33)])
        let r = a.report(for: .month(containing: Self.day("2026-11-27")), asOf: Self.day("2026-11-27"))
        let w = try #require(r.totals.comparison?.previousPeriod)
        #expect(w.id == "2026-10" && w.start == "2026-10-01" && w.end == "2026-10-27" && w.partial && w.comparable)
        #expect(w.spend == 30 && r.previousTotals.spend == 30)
        #expect(r.change.spend == 3 && r.change.percent == 0.1)
        #expect(r.totals.comparison?.change == r.change)
        // On the 30th (not cut short) November compares with all of October.
        let full = a.report(for: .month(containing: Self.day("2026-11-27")), asOf: Self.day("2026-11-30"))
        #expect(full.totals.comparison?.previousPeriod.partial == false && full.previousTotals.spend == 830)
    }

    @Test func aWeekAtDay5() throws {
        // Week 2026-W48 starts Monday 2026-11-23; as of Friday 27th, day 5: compared with Mon–Fri of W47.
        let a = try Self.analyzer([Self.row("2026-11-09", 1), Self.row("2026-11-16", 5), Self.row("2026-11-20", 7),
                                   Self.row("2026-11-21", 100), Self.row("2026-11-24", 24)])
        let r = a.report(for: .week(containing: Self.day("2026-11-27")), asOf: Self.day("2026-11-27"))
        let w = try #require(r.totals.comparison?.previousPeriod)
        #expect(w.id == "2026-W47" && w.start == "2026-11-16" && w.end == "2026-11-20" && w.spend == 12)
        #expect(r.change.spend == 12 && r.change.percent == 1)
    }

    @Test func aLongerMonthIsCappedAtTheShorterMonthsEnd() throws {
        // March 2027 as of the 30th: 30 days elapsed, February 2027 has 28, so all of February.
        let a = try Self.analyzer([Self.row("2027-01-31", 1), Self.row("2027-02-01", 8), Self.row("2027-02-28", 2),
                                   Self.row("2027-03-30", 15)])
        let r = a.report(for: .month(containing: Self.day("2027-03-30")), asOf: Self.day("2027-03-30"))
        let w = try #require(r.totals.comparison?.previousPeriod)
        #expect(w.start == "2027-02-01" && w.end == "2027-02-28" && !w.partial && w.spend == 10)
        #expect(r.change.spend == 5 && r.change.percent == 0.5)
        // A 31-day month after a 30-day one, complete: all 30 days of the previous month.
        let b = try Self.analyzer([Self.row("2026-08-31", 1), Self.row("2026-09-30", 6), Self.row("2026-10-31", 9)])
        let oct = b.report(for: .month(containing: Self.day("2026-10-31")), asOf: Self.day("2026-10-31"))
        #expect(oct.totals.comparison?.previousPeriod.end == "2026-09-30" && oct.change.spend == 3)
    }

    @Test func theFirstMonthOfDataHasNoComparison() throws {
        // Data starts 2026-08-31: August began before it, so August has no comparison; September
        // compares with all of August (which starts before the data too: no comparison either);
        // October compares with September.
        let a = try Self.analyzer([Self.row("2026-08-31", 4), Self.row("2026-09-15", 10), Self.row("2026-10-15", 15)])
        let asOf = Self.day("2026-10-31")
        for month in ["2026-08-15", "2026-09-15"] {
            let r = a.report(for: .month(containing: Self.day(month)), asOf: asOf)
            #expect(r.change == .none && r.totals.comparison?.previousPeriod.comparable == false)
            #expect(r.totals.comparison?.previousPeriod.dataStarts == "2026-08-31")
        }
        let oct = a.report(for: .month(containing: asOf), asOf: asOf)
        #expect(oct.change.spend == 5 && oct.change.percent == 0.5)

        let json = try JSONSerialization.jsonObject(with: a.report(for: .month(containing: Self.day("2026-09-15")), asOf: asOf)
            .jsonData()) as? [String: Any]
        let totals = try #require(json?["totals"] as? [String: Any])
        #expect(totals["change"] is NSNull && totals["change_pct"] is NSNull)
        let previous = try #require(totals["previous_period"] as? [String: Any])
        #expect(Set(previous.keys) == ["id", "start", "end", "spend", "partial", "comparable", "data_starts"])
        #expect(previous["id"] as? String == "2026-08" && previous["comparable"] as? Bool == false && previous["spend"] as? Double == 4)
    }

    @Test func theIndexListsCompareLikeForLikeToo() throws {
        let a = try Self.analyzer([Self.row("2026-08-31", 4), Self.row("2026-09-15", 10), Self.row("2026-10-01", 10),
                                   Self.row("2026-10-28", 400), Self.row("2026-11-03", 33)])
        let asOf = Self.day("2026-11-27")
        let months = a.periodsWithData(asOf: asOf).months
        #expect(months.map(\.id) == ["2026-11", "2026-10", "2026-09", "2026-08"])
        // November to the 27th against October 1–27 (10), October against all of September (10),
        // September and August against windows before the data.
        #expect(months[0].change.spend == 23 && months[1].change.spend == 400 && months[1].change.percent == 40)
        #expect(months[2].change == .none && months[3].change == .none)
        // The same figure as the month's report.
        #expect(a.report(for: .month(containing: asOf), asOf: asOf).change == months[0].change)
    }
}
