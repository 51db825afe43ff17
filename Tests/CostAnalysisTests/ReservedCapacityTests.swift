import Testing
import CostModel
@testable import CostAnalysis

/// Spec §5 reserved capacity and §12 window: as-of 2026-11-18 → the last 3 full months are
/// 2026-08, 2026-09, 2026-10 (November is not over, so it is excluded).
@Suite struct ReservedCapacityTests {
    static let asOf = day("2026-11-18")

    static func fixture() -> Fixture {
        var f = Fixture()
        // Before the window (July): never counted.
        f.priced("2026-07-15", run: "jul", hours: 700, cost: 22_400)
        // p4d (base 32) on-demand: 600 h in each of Aug, Sep, Oct → H = 600.
        f.priced("2026-08-03", run: "aug", hours: 600, cost: 19_200)
        f.priced("2026-09-03", run: "sep", hours: 600, cost: 19_200)
        f.priced("2026-10-03", run: "oct", hours: 600, cost: 19_200)
        // Spot hours are not on-demand hours.
        f.priced("2026-10-04", run: "oct-spot", market: .spot, hours: 100, cost: 1_000)
        // A regional record is priced at the base price for commitments (eu-west-1 is 40, base 32).
        f.priced("2026-10-05", run: "oct-eu", region: "eu-west-1", hours: 0, cost: 0)
        // November (the partial as-of month): excluded.
        f.priced("2026-11-02", run: "nov", hours: 700, cost: 22_400)
        // gcp a2-highgpu-1g (base 4): 100 h in October only → H = 100 / 3.
        f.priced("2026-10-10", run: "a2", provider: "gcp", instance: "a2-highgpu-1g", region: "us-central1",
                 hours: 100, cost: 400)
        return f
    }

    @Test func windowOfFullMonths() {
        // Full months ending on or before as-of, starting on or after the first record's day.
        let first = day("2026-07-15")
        #expect(ReservedWindow.months(asOf: day("2026-11-18"), firstDay: first, count: 3).map(\.id) == ["2026-08", "2026-09", "2026-10"])
        // As-of on a month's last day: that month is complete and counts.
        #expect(ReservedWindow.months(asOf: day("2026-10-31"), firstDay: first, count: 3).map(\.id) == ["2026-08", "2026-09", "2026-10"])
        // July starts before the first record (07-15): excluded, so only two months exist.
        #expect(ReservedWindow.months(asOf: day("2026-09-30"), firstDay: first, count: 3).map(\.id) == ["2026-08", "2026-09"])
        // A first record on the 1st: that month counts.
        #expect(ReservedWindow.months(asOf: day("2026-08-31"), firstDay: day("2026-08-01"), count: 3).map(\.id) == ["2026-08"])
        #expect(ReservedWindow.months(asOf: day("2026-08-30"), firstDay: day("2026-08-01"), count: 3).isEmpty)
        #expect(ReservedWindow.months(asOf: day("2026-11-18"), firstDay: nil, count: 3).isEmpty)
    }

    @Test func aboveBreakEvenRecommendsTheBestTerm() {
        let rows = Self.fixture().savingsAnalyzer().report(for: .week(containing: Self.asOf), asOf: Self.asOf)
            .opportunities.reserved
        #expect(rows.map(\.instanceType) == ["p4d.24xlarge", "a2-highgpu-1g"])
        let p4d = rows[0]
        #expect(p4d.provider == "aws" && p4d.months == 3 && p4d.monthIds == ["2026-08", "2026-09", "2026-10"])
        // H = (600 + 600 + 600) / 3 = 600; U = 600 / 730
        #expect(near(p4d.meanHours, 600) && near(p4d.utilization, 600.0 / 730))
        // R = 32 (base). current = 600 × 32 = 19,200.
        // 1y δ 0.35: commitment 730 × 32 × 0.65 = 15,184 → saving 4,016; break-even 0.65
        // 3y δ 0.55: commitment 730 × 32 × 0.45 = 10,512 → saving 8,688; break-even 0.45 → recommended
        #expect(p4d.terms.map(\.term) == ["1y", "3y"])
        #expect(cents(p4d.terms[0].commitmentMonthly, 15_184) && cents(p4d.terms[0].monthlySavings, 4_016))
        #expect(cents(p4d.terms[1].commitmentMonthly, 10_512) && cents(p4d.terms[1].currentMonthly, 19_200))
        #expect(p4d.term == "3y" && cents(p4d.monthlySavings, 8_688) && near(p4d.breakEven, 0.45))
    }

    @Test func belowBreakEvenShowsUtilizationAndBreakEven() {
        let rows = Self.fixture().savingsAnalyzer().report(for: .week(containing: Self.asOf), asOf: Self.asOf)
            .opportunities.reserved
        let a2 = rows[1]
        // H = 100 / 3 = 33.33 h; U = 0.0457. current = 133.33;
        // 1y δ 0.37: 730 × 4 × 0.63 = 1,839.60 → −1,706.27; 3y δ 0.55: 730 × 4 × 0.45 = 1,314 → −1,180.67
        #expect(near(a2.meanHours, 100.0 / 3) && near(a2.utilization, 100.0 / 3 / 730))
        #expect(a2.term == nil && a2.monthlySavings == 0)
        #expect(cents(a2.terms[0].monthlySavings, -1_706.27) && cents(a2.terms[1].monthlySavings, -1_180.67))
        // No recommendation: the lowest break-even among the terms (3y, 1 − 0.55).
        #expect(near(a2.breakEven, 0.45))
    }

    @Test func sameRowsInEveryReportOfABuild() {
        let a = Self.fixture().savingsAnalyzer()
        let week = a.report(for: .week(containing: Self.asOf), asOf: Self.asOf).opportunities.reserved
        let month = a.report(for: period("2026-08"), asOf: Self.asOf).opportunities.reserved
        #expect(week == month && !week.isEmpty)
    }

    @Test func monthsBeforeTheFirstRecordAreNotAnalysed() {
        var f = Fixture()
        // First record 09-10: September starts before it and is excluded; only October is a full month.
        f.priced("2026-09-10", run: "sep", hours: 600, cost: 19_200)
        f.priced("2026-10-03", run: "oct", hours: 365, cost: 11_680)
        f.priced("2026-11-02", run: "nov", hours: 700, cost: 22_400)
        let rows = f.savingsReport(period: .week(containing: Self.asOf), asOf: Self.asOf).opportunities.reserved
        #expect(rows.count == 1 && rows[0].months == 1 && rows[0].monthIds == ["2026-10"])
        // H = 365 / 1; U = 0.5: below the 1y break-even (0.65), above the 3y one (0.45).
        // current 365 × 32 = 11,680; 3y commitment 730 × 32 × 0.45 = 10,512 → 1,168; 1y 15,184 → −3,504
        #expect(near(rows[0].meanHours, 365) && near(rows[0].utilization, 0.5))
        #expect(rows[0].term == "3y" && cents(rows[0].monthlySavings, 1_168))
    }

    @Test func tiesGoToTheShorterTerm() {
        let row = ReservedWindow.row(provider: "x", instanceType: "y", monthIds: ["2026-10"], meanHours: 730, rate: 1,
                                     commitments: ["3y": PriceRange(0.5), "1y": PriceRange(0.5), "36m": PriceRange(0.2)])
        // 1y and 3y both save 730 − 365 = 365; 36m (= 3 years) saves 146.
        #expect(row.terms.map(\.term) == ["1y", "36m", "3y"])
        #expect(row.term == "1y" && row.monthlySavings == 365)
    }

    @Test func checklistItem9() {
        // Positive recommendation, no reserved records → todo naming instance, term and saving.
        let todo = Self.fixture().savingsReport(period: .week(containing: Self.asOf), asOf: Self.asOf).item(9)
        #expect(todo.status == .todo && cents(todo.value, 8_688))
        #expect(todo.detail.contains("aws p4d.24xlarge") && todo.detail.contains("3y") && todo.detail.contains("$8,688.00/month"))
        #expect(todo.toDone == "commit to 3y for aws p4d.24xlarge (saves $8,688.00/month)")

        // Reserved records in the window, but a further commitment still pays off → todo, and says so.
        var reserved = Self.fixture()
        reserved.priced("2026-09-20", run: "res", market: .reserved, hours: 10, cost: 200)
        let still = reserved.savingsReport(period: .week(containing: Self.asOf), asOf: Self.asOf).item(9)
        #expect(still.status == .todo && still.detail.contains("1 record already ran on reserved capacity"))

        // Reserved records in the window and nothing more pays off → done.
        var reservedSmall = Fixture()
        reservedSmall.priced("2026-09-01", run: "a", provider: "gcp", instance: "a2-highgpu-1g", region: "us-central1", hours: 146, cost: 584)
        reservedSmall.priced("2026-09-20", run: "res", market: .reserved, hours: 10, cost: 200)
        let done = reservedSmall.savingsReport(period: .week(containing: Self.asOf), asOf: Self.asOf).item(9)
        #expect(done.status == .done && done.toDone.isEmpty && done.detail.contains("1 record ran on reserved capacity"))

        // ≥ 1 full month, nothing pays off → done, U and break-even in the detail.
        // First record 09-01: window Sep, Oct (2 months); H = 146 / 2 = 73 h; U = 73 / 730 = 10 %.
        var small = Fixture()
        small.priced("2026-09-01", run: "a", provider: "gcp", instance: "a2-highgpu-1g", region: "us-central1", hours: 146, cost: 584)
        let below = small.savingsReport(period: .week(containing: Self.asOf), asOf: Self.asOf).item(9)
        #expect(below.status == .done && below.value == 0 && below.detail.contains("2026-09…2026-10 (2 full months)"))
        #expect(below.detail.contains("utilization 10.0%") && below.detail.contains("break-even 45.0%"))

        // No full month since the first record → unknown, naming what would decide it.
        var recent = Fixture()
        recent.priced("2026-11-02", run: "a", hours: 700, cost: 22_400)
        let unknown = recent.savingsReport(period: .week(containing: Self.asOf), asOf: Self.asOf)
        #expect(unknown.opportunities.reserved.isEmpty)
        #expect(unknown.item(9).status == .unknown && unknown.item(9).value == nil)
        #expect(unknown.item(9).detail.contains("full calendar month"))

        // Reserved records outside the window (November) do not count.
        var late = Self.fixture()
        late.priced("2026-11-03", run: "res", market: .reserved, hours: 10, cost: 200)
        #expect(late.savingsReport(period: .week(containing: Self.asOf), asOf: Self.asOf).item(9).status == .todo)
    }
}
