import Testing
import CostModel
@testable import CostAnalysis

@Suite struct BudgetStatusTests {
    @Test func thresholdsOnBothSides() {
        func s(_ share: Double) -> BudgetStatus { BudgetStatus(share: share, warnAt: 0.75, criticalAt: 0.90) }
        #expect(s(0) == .ok && s(0.7499) == .ok)
        #expect(s(0.75) == .warning && s(0.8999) == .warning)
        #expect(s(0.90) == .critical && s(1.0) == .critical)
        #expect(s(1.0001) == .over)
    }

    /// One record on the last day of a 31-day month, so the projection equals the month to date and
    /// both statuses must agree; budget 1,000 makes the share spend / 1,000.
    @Test(arguments: [(749.99, BudgetStatus.ok), (750, .warning), (899.99, .warning), (900, .critical),
                      (1000, .critical), (1000.01, .over)])
    func monthStatusAtTheEdges(spend: Double, expected: BudgetStatus) {
        var f = Fixture()
        f.add("2027-01-31", run: "r", developer: "ann", market: .onDemand, hours: 1, cost: spend, rate: nil)
        var config = Config()
        config.budget.monthly = 1000
        config.budget.allocations = [Allocation(developer: "ann", monthly: 1000)]
        let b = f.analyzer(config).report(for: period("2027-01"), asOf: day("2027-01-31")).budget
        #expect(b.projected == spend)
        #expect(b.status == expected && b.projectedStatus == expected)
        #expect(b.developers[0].status == expected)
    }

    @Test func projectionCanDifferFromStatus() {
        // 400 spent by day 10 of 30 (budget 1,000): share 0.4 OK, projection 1,200 → OVER.
        var f = Fixture()
        f.add("2026-11-10", run: "r", market: .onDemand, hours: 1, cost: 400, rate: nil)
        var config = Config()
        config.budget.monthly = 1000
        let b = f.analyzer(config).report(for: period("2026-W46"), asOf: day("2026-11-10")).budget
        #expect(b.status == .ok && b.projected == 1200 && b.projectedStatus == .over)
        #expect(abs(b.projectedShare - 1.2) < 1e-12)
    }

    @Test func allocationsOfZeroAndTheSharedRemainder() {
        var f = Fixture()
        f.add("2026-11-10", run: "1", developer: "zoe", market: .onDemand, hours: 1, cost: 10, rate: nil)
        f.add("2026-11-10", run: "2", developer: "sam", market: .onDemand, hours: 1, cost: 10, rate: nil)
        var config = Config()
        config.budget.monthly = 500
        // Allocations exceed the budget: `shared` gets max(0, 500 − 600) = 0 and is OVER with spend.
        config.budget.allocations = [Allocation(developer: "zoe", monthly: 0), Allocation(developer: "yan", monthly: 0),
                                     Allocation(developer: "xia", monthly: 600)]
        let devs = f.analyzer(config).report(for: period("2026-W46"), asOf: day("2026-11-10")).budget.developers
        #expect(devs.map(\.key) == ["zoe", "yan", "xia", "shared"])
        // zoe: allocation 0 and spend 10 → share nil, OVER; yan: 0 and 0 → OK; xia: 0 / 600 → OK
        #expect(devs[0].share == nil && devs[0].status == .over)
        #expect(devs[1].share == nil && devs[1].spend == 0 && devs[1].status == .ok)
        #expect(devs[2].share == 0 && devs[2].status == .ok)
        #expect(devs[3].allocation == 0 && devs[3].spend == 10 && devs[3].members == ["sam"] && devs[3].status == .over)
    }

    @Test func anExplicitSharedAllocationIsUsed() {
        var f = Fixture()
        f.add("2026-11-10", run: "1", developer: "sam", market: .onDemand, hours: 1, cost: 80, rate: nil)
        var config = Config()
        config.budget.monthly = 2000
        config.budget.allocations = [Allocation(developer: "shared", monthly: 100), Allocation(developer: "ann", monthly: 50)]
        let devs = f.analyzer(config).report(for: period("2026-W46"), asOf: day("2026-11-10")).budget.developers
        // `shared` comes last, with its own 100 (not 2000 − 50): 80 / 100 = 0.8 → WARNING
        #expect(devs.map(\.key) == ["ann", "shared"])
        #expect(devs[1].allocation == 100 && devs[1].status == .warning && devs[1].members == ["sam"])
    }

    @Test func aZeroMonthlyBudget() {
        var config = Config()
        config.budget.monthly = 0
        var f = Fixture()
        f.add("2026-11-10", run: "1", market: .onDemand, hours: 1, cost: 1, rate: nil)
        let b = f.analyzer(config).report(for: period("2026-W46"), asOf: day("2026-11-10")).budget
        #expect(b.status == .over && b.share == 0)
        let empty = Fixture().analyzer(config).report(for: period("2026-W46"), asOf: day("2026-11-10")).budget
        #expect(empty.status == .ok && empty.projectedStatus == .ok && empty.developers.map(\.key) == ["shared"])
    }
}
