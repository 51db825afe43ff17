import Testing
import CostModel
@testable import CostAnalysis

/// Checklist items 1–6 (spec §7, §12): both sides of every threshold (exactly at it → the better
/// status), unknown with its input, threshold overrides. Period 2026-W47, as-of Sun 2026-11-22.
@Suite struct ChecklistRecordItemTests {
    // MARK: 1 Spot for non-critical tests

    static func spotItem(spot: Double, onDemand: Double, _ config: Config = Config()) -> ChecklistItem {
        var f = Fixture()
        f.priced("2026-11-16", run: "s", suite: "sp", market: .spot, hours: spot, cost: 1)
        f.priced("2026-11-16", run: "o", suite: "od", market: .onDemand, hours: onDemand, cost: 1)
        // Never in the denominator: a critical suite and an unknown market.
        f.priced("2026-11-17", run: "c", suite: "release-1", market: .onDemand, hours: 1000, cost: 1)
        f.priced("2026-11-17", run: "u", suite: "od", market: .unknown, hours: 1000, cost: 1)
        var c = config
        c.criticalSuites = ["release*"]
        return f.savingsReport(c).item(1)
    }

    @Test func item1Spot() {
        let done = Self.spotItem(spot: 8, onDemand: 2)                 // 8 / 10 = 0.8 exactly → done
        #expect(done.status == .done && done.value == 0.8 && done.toDone.isEmpty)
        #expect(done.title == "Spot for non-critical tests" && done.threshold == "done at ≥ 80.0%, partial at ≥ 50.0%")
        #expect(done.valueText == "80.0% of non-critical instance-hours on spot")
        let partial = Self.spotItem(spot: 79, onDemand: 21)            // 0.79 → partial
        #expect(partial.status == .partial)
        // 0.8 × 100 − 79 = 1 more hour; the suite with the most on-demand hours is named.
        #expect(partial.toDone == "move 1.0 more instance-hours of non-critical runs to spot; most on-demand hours: suite od (21.0 h)")
        #expect(Self.spotItem(spot: 5, onDemand: 5).status == .partial)   // 0.5 exactly → partial
        #expect(Self.spotItem(spot: 49, onDemand: 51).status == .todo)    // 0.49 → todo
        var override = Config()
        override.thresholds[1] = Threshold(done: 0.9, partial: 0.85)
        let o = Self.spotItem(spot: 8, onDemand: 2, override)
        #expect(o.status == .todo && o.threshold == "done at ≥ 90.0%, partial at ≥ 85.0%")
        #expect(Self.spotItem(spot: 9, onDemand: 1, override).status == .done)
    }

    @Test func item1UnknownWithoutHours() {
        var f = Fixture()
        f.priced("2026-11-16", run: "u", market: .unknown, hours: 10, cost: 5)
        f.priced("2026-11-16", run: "n", market: .onDemand, hours: nil, cost: 5)
        let item = f.savingsReport().item(1)
        #expect(item.status == .unknown && item.value == nil)
        #expect(item.detail.contains("Would decide it: duration_seconds and the market"))
        #expect(item.toDone.contains("metadata.market"))
    }

    // MARK: 2 Right-size (lower is better)

    static func rightSizeItem(oversized: Double, fine: Double, _ config: Config = Config()) -> ChecklistItem {
        var f = Fixture()
        // p5.48xlarge (96) for a unit test → g5.xlarge (1.5): oversized. g5.xlarge for a unit test: fine.
        f.priced("2026-11-16", run: "big", instance: "p5.48xlarge", suite: "unit", testType: .unit, cost: oversized)
        f.priced("2026-11-16", run: "ok", instance: "g5.xlarge", suite: "unit", testType: .unit, cost: fine)
        // No known test type: not in the denominator.
        f.priced("2026-11-17", run: "x", instance: "p5.48xlarge", cost: 1000)
        return f.savingsReport(config).item(2)
    }

    @Test func item2RightSize() {
        let done = Self.rightSizeItem(oversized: 5, fine: 95)           // 5 / 100 = 0.05 exactly → done
        #expect(done.status == .done && done.value == 0.05 && done.threshold == "done at ≤ 5.0%, partial at ≤ 20.0%")
        #expect(done.detail.contains("$1,000.00 has no known test type"))
        let partial = Self.rightSizeItem(oversized: 6, fine: 94)        // 0.06 → partial
        #expect(partial.status == .partial)
        // 6 − 0.05 × 100 = 1 more; largest suite and its action named.
        #expect(partial.toDone == "right-size $1.00 more of the oversized spend; largest: suite unit, move to g5.xlarge")
        #expect(Self.rightSizeItem(oversized: 20, fine: 80).status == .partial)   // 0.20 exactly → partial
        #expect(Self.rightSizeItem(oversized: 21, fine: 79).status == .todo)      // 0.21 → todo
        var override = Config()
        override.thresholds[2] = Threshold(done: 0.1, partial: 0.3)
        #expect(Self.rightSizeItem(oversized: 6, fine: 94, override).status == .done)
        #expect(Self.rightSizeItem(oversized: 30, fine: 70, override).status == .partial)
        #expect(Self.rightSizeItem(oversized: 31, fine: 69, override).status == .todo)
    }

    @Test func item2UnknownWithoutTestTypes() {
        var f = Fixture()
        f.priced("2026-11-16", run: "x", instance: "p5.48xlarge", cost: 96)
        let item = f.savingsReport().item(2)
        #expect(item.status == .unknown)
        #expect(item.toDone == "record metadata.test_type or name suites unit/smoke/integration/benchmark")
    }

    // MARK: 3 Parallel tests

    static func parallelItem(parallel: Int, serial: Int, _ config: Config = Config()) -> ChecklistItem {
        var f = Fixture()
        for i in 0..<parallel {
            // Two records of one run count once.
            f.priced("2026-11-16", run: "p\(i)", cost: 1, flags: [.parallelismRecorded, .parallel])
            f.priced("2026-11-16", run: "p\(i)", cost: 1, flags: [.parallelismRecorded, .parallel])
        }
        for i in 0..<serial { f.priced("2026-11-17", run: "s\(i)", cost: 1, flags: [.parallelismRecorded]) }
        // Runs that record no pytest args are not in the denominator.
        for i in 0..<5 { f.priced("2026-11-18", run: "n\(i)", cost: 1) }
        return f.savingsReport(config).item(3)
    }

    @Test func item3Parallel() {
        let done = Self.parallelItem(parallel: 8, serial: 2)            // 8 / 10 → done
        #expect(done.status == .done && done.value == 0.8 && done.threshold == "done at ≥ 80.0%, partial at ≥ 30.0%")
        #expect(done.detail.contains("8 of 10 runs") && done.detail.contains("5 runs record neither"))
        let partial = Self.parallelItem(parallel: 7, serial: 3)
        #expect(partial.status == .partial && partial.toDone == "run 1 more run in parallel (pytest -n auto or workers > 1)")
        #expect(Self.parallelItem(parallel: 3, serial: 7).status == .partial)    // 0.3 exactly
        #expect(Self.parallelItem(parallel: 2, serial: 7).status == .todo)       // 2 / 9
        #expect(Self.parallelItem(parallel: 0, serial: 0).status == .unknown)
        #expect(Self.parallelItem(parallel: 0, serial: 0).toDone == "record pytest_args or workers in metadata")
        var override = Config()
        override.thresholds[3] = Threshold(done: 0.5, partial: 0.2)
        #expect(Self.parallelItem(parallel: 5, serial: 5, override).status == .done)
        #expect(Self.parallelItem(parallel: 2, serial: 8, override).status == .partial)
    }

    // MARK: 4 Cache weights and kernels

    static func cacheItem(on: Int, off: Int, silent: Int = 0, _ config: Config = Config()) -> ChecklistItem {
        var f = Fixture()
        for i in 0..<on { f.priced("2026-11-16", run: "on\(i)", cost: 1, flags: [.cacheRecorded, .cacheOn]) }
        for i in 0..<off { f.priced("2026-11-16", run: "off\(i)", cost: 1, flags: [.cacheRecorded]) }
        for i in 0..<silent { f.priced("2026-11-17", run: "q\(i)", cost: 1) }
        return f.savingsReport(config).item(4)
    }

    @Test func item4Cache() {
        // Among all runs, those that record nothing included: 8 / (8 + 1 + 1) → done.
        let done = Self.cacheItem(on: 8, off: 1, silent: 1)
        #expect(done.status == .done && done.value == 0.8 && done.threshold == "done at ≥ 80.0%")
        // 7 / 10: no partial band by default → todo.
        let todo = Self.cacheItem(on: 7, off: 3)
        #expect(todo.status == .todo && todo.toDone == "cache weights and kernels (metadata.cache: true) in 1 more run")
        // Nothing records the cache → unknown.
        let unknown = Self.cacheItem(on: 0, off: 0, silent: 4)
        #expect(unknown.status == .unknown && unknown.toDone.hasPrefix("record metadata.cache"))
        // A configured partial band is used.
        var override = Config()
        override.thresholds[4] = Threshold(done: 0.9, partial: 0.5)
        let p = Self.cacheItem(on: 7, off: 3, override)
        #expect(p.status == .partial && p.threshold == "done at ≥ 90.0%, partial at ≥ 50.0%")
        #expect(Self.cacheItem(on: 4, off: 6, override).status == .todo)
    }

    // MARK: 5 Off-peak scheduling

    /// `off` and `peak` spend on scheduled runs (23:00 and 10:00 on a Monday), plus unscheduled peak spend.
    static func offPeakItem(off: Double, peak: Double, unscheduled: Double = 100, scheduled: Bool = true,
                            _ config: Config = Config()) -> ChecklistItem {
        var f = Fixture()
        let flags: RecordFlags = scheduled ? [.scheduled] : []
        f.priced("2026-11-16", "23:00", run: "night", cost: off, flags: flags)
        f.priced("2026-11-16", "10:00", run: "day", cost: peak, flags: flags)
        f.priced("2026-11-17", "10:00", run: "manual", cost: unscheduled)
        return f.savingsReport(config).item(5)
    }

    @Test func item5OffPeak() {
        let done = Self.offPeakItem(off: 7, peak: 3)                      // 7 / 10 = 0.7 → done
        #expect(done.status == .done && done.value == 0.7 && done.threshold == "done at ≥ 70.0%, partial at ≥ 40.0%")
        #expect(done.detail.contains("$7.00 of $10.00 scheduled spend") && done.detail.contains("22:00–06:00 or weekends"))
        let partial = Self.offPeakItem(off: 69, peak: 31)
        #expect(partial.status == .partial && partial.toDone == "start $1.00 more of that spend off-peak (22:00–06:00 or weekends)")
        #expect(Self.offPeakItem(off: 4, peak: 6).status == .partial)   // 0.4 exactly
        #expect(Self.offPeakItem(off: 39, peak: 61).status == .todo)
        // No scheduled run: every record is judged, and the detail says so. (7 + 0) / (7 + 3 + 90) = 0.07
        let all = Self.offPeakItem(off: 7, peak: 3, unscheduled: 90, scheduled: false)
        #expect(all.status == .todo && near(all.value, 0.07) && all.detail.contains("no run is scheduled"))
        // No spend at all → unknown.
        let unknown = Fixture().savingsReport().item(5)
        #expect(unknown.status == .unknown && unknown.toDone.hasPrefix("runs with spend in the period"))
        var override = Config()
        override.thresholds[5] = Threshold(done: 0.5, partial: 0.1)
        #expect(Self.offPeakItem(off: 5, peak: 5, override).status == .done)
    }

    // MARK: 6 Optimal regions

    static func regionItem(cheapest: Double, dear: Double, _ config: Config = Config()) -> ChecklistItem {
        var f = Fixture()
        let a2 = (provider: "gcp", instance: "a2-highgpu-1g")
        f.priced("2026-11-16", run: "c", provider: a2.provider, instance: a2.instance, region: "us-central1", cost: cheapest)
        f.priced("2026-11-16", run: "d", provider: a2.provider, instance: a2.instance, region: "europe-west4", cost: dear)
        // Not in the denominator: spot, and instances without regional prices.
        f.priced("2026-11-17", run: "s", provider: a2.provider, instance: a2.instance, region: "europe-west4",
                 market: .spot, cost: 500)
        f.priced("2026-11-17", run: "g", instance: "g5.xlarge", cost: 500)
        return f.savingsReport(config).item(6)
    }

    @Test func item6Regions() {
        let done = Self.regionItem(cheapest: 9, dear: 1)                 // 0.9 → done
        #expect(done.status == .done && done.value == 0.9 && done.threshold == "done at ≥ 90.0%, partial at ≥ 60.0%")
        let partial = Self.regionItem(cheapest: 89, dear: 11)
        #expect(partial.status == .partial)
        #expect(partial.toDone == "move $1.00 more of it to the cheapest region; largest: a2-highgpu-1g, run in us-central1")
        #expect(Self.regionItem(cheapest: 6, dear: 4).status == .partial)  // 0.6 exactly
        #expect(Self.regionItem(cheapest: 59, dear: 41).status == .todo)
        var override = Config()
        override.thresholds[6] = Threshold(done: 0.5, partial: 0.4)
        #expect(Self.regionItem(cheapest: 5, dear: 5, override).status == .done)
        var none = Fixture()
        none.priced("2026-11-16", run: "g", instance: "g5.xlarge", cost: 5)
        let unknown = none.savingsReport().item(6)
        #expect(unknown.status == .unknown && unknown.detail.contains("regional prices"))
    }
}
