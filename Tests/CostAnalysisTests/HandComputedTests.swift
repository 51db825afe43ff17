import Foundation
import Testing
import CostModel
import CostTestSupport
@testable import CostAnalysis

/// Fifteen accepted records (plus three rejected rows) whose every figure is computed by hand below.
///
/// As-of 2026-11-18 (a Wednesday); period 2026-W47 = Mon 2026-11-16 … Sun 2026-11-22.
/// Rates R are the catalog's (p4d.24xlarge 32.77, g5.xlarge 1.006, a2-highgpu-1g 3.67,
/// v5litepod-8 9.60, g2-standard-4 0.84); x9.mystery is not in the catalog (no R).
///
/// | id  | day   | run    | prov | instance       | market     | hours | cost   | R      | dev            | notes |
/// |-----|-------|--------|------|----------------|------------|-------|--------|--------|----------------|-------|
/// | o1  | 10-20 | run-14 | aws  | p4d.24xlarge   | on-demand  | 1     |  32.77 | 32.77  | alice          | October (trend W43, months list) |
/// | e1  | 11-02 | run-13 | aws  | g5.xlarge      | spot       | 4     |   1.40 | 1.006  | bob            | W45 |
/// | p1  | 11-10 | run-11 | aws  | p4d.24xlarge   | on-demand  | 3     |  98.31 | 32.77  | alice          | W46; day spend = daily alert exactly |
/// | p2  | 11-12 | run-12 | gcp  | a2-highgpu-1g  | on-demand  | 2     |   7.34 | 3.67   | carol          | W46 |
/// | r1  | 11-16 | run-1  | aws  | p4d.24xlarge   | on-demand  | 2     |  65.54 | 32.77  | alice          | tests 10/0 |
/// | r2  | 11-16 | run-1  | aws  | p4d.24xlarge   | on-demand  | 1     |  32.77 | 32.77  | alice          | tests 5/1 → run-1 has failures |
/// | r3  | 11-16 | run-2  | aws  | p4d.24xlarge   | spot       | 4     |  48.00 | 32.77  | bob            | tests 20/0 |
/// | r4  | 11-17 | run-3  | gcp  | a2-highgpu-1g  | spot       | 3     |   3.30 | 3.67   | carol          | market inferred |
/// | r5  | 11-17 | run-4  | gcp  | v5litepod-8    | reserved   | 2     |  12.48 | 9.60   | alice          | TPU |
/// | r6  | 11-17 | run-5  | gcp  | a2-highgpu-1g  | spot       | 1     |   4.00 | 3.67   | (unattributed) | spot above on-demand |
/// | r7  | 11-18 | run-6  | aws  | x9.mystery     | unknown    | 1.5   |  20.00 | —      | carol          | unknown instance |
/// | r8  | 11-18 | run-7  | aws  | g5.xlarge      | on-demand  | 10    |  10.06 | 1.006  | bob            | cost estimated |
/// | r9  | 11-18 | run-8  | gcp  | g2-standard-4  | on-demand  | 5     |   4.20 | 0.84   | (unattributed) | market inferred, metadata not an object |
/// | r10 | 11-18 | run-9  | aws  | p4d.24xlarge   | unknown    | —     | 150.00 | 32.77  | alice          | no duration |
/// | r11 | 11-19 | run-10 | aws  | p4d.24xlarge   | on-demand  | 1     |  32.77 | 32.77  | bob            | after as-of |
///
/// Config: budget 700/month, warn 0.75, critical 0.90, daily alert 98.31; allocations alice 300, bob 75
/// (carol has none). Ingest quality: 18 read, rejected invalid_timestamp 2 and missing_cost 1;
/// double counting 1 run / 2 records / 32.77 duplicated (passed through from ingest).
enum HandFixture {
    static let asOf = day("2026-11-18")
    static let week = period("2026-W47")

    static func build(preIntern: [String] = []) -> Fixture {
        var f = Fixture(preIntern: preIntern)
        let gcp = (provider: "gcp", region: "us-central1")
        f.add("2026-10-20", run: "run-14", developer: "alice", market: .onDemand, hours: 1, cost: 32.77, rate: 32.77)
        f.add("2026-11-02", run: "run-13", instance: "g5.xlarge", region: "us-west-2", developer: "bob",
              market: .spot, hours: 4, cost: 1.40, rate: 1.006)
        f.add("2026-11-10", run: "run-11", developer: "alice", market: .onDemand, hours: 3, cost: 98.31, rate: 32.77)
        f.add("2026-11-12", "15:00", run: "run-12", provider: gcp.provider, instance: "a2-highgpu-1g", region: gcp.region,
              developer: "carol", market: .onDemand, hours: 2, cost: 7.34, rate: 3.67)
        f.add("2026-11-16", "09:00", run: "run-1", suite: "integration", benchmark: "bert", developer: "alice",
              testType: .integration, market: .onDemand, hours: 2, cost: 65.54, rate: 32.77, passed: 10)
        f.add("2026-11-16", "09:00", run: "run-1", suite: "integration", benchmark: "gpt", developer: "alice",
              testType: .integration, market: .onDemand, hours: 1, cost: 32.77, rate: 32.77, passed: 5, failed: 1)
        f.add("2026-11-16", "14:00", run: "run-2", suite: "nightly-perf", benchmark: "bert", developer: "bob",
              testType: .benchmark, market: .spot, hours: 4, cost: 48.00, rate: 32.77, passed: 20)
        f.add("2026-11-17", "10:00", run: "run-3", provider: gcp.provider, instance: "a2-highgpu-1g", region: gcp.region,
              developer: "carol", market: .spot, hours: 3, cost: 3.30, rate: 3.67, flags: .marketInferred)
        f.add("2026-11-17", "11:00", run: "run-4", provider: gcp.provider, instance: "v5litepod-8", region: "us-west4",
              hardware: "tpu", gpu: "TPU v5e", developer: "alice", market: .reserved, hours: 2, cost: 12.48, rate: 9.60)
        f.add("2026-11-17", "12:00", run: "run-5", provider: gcp.provider, instance: "a2-highgpu-1g", region: gcp.region,
              developer: nil, pr: "123", market: .spot, hours: 1, cost: 4.00, rate: 3.67)
        f.add("2026-11-18", "08:00", run: "run-6", instance: "x9.mystery", region: "us-east-1", hardware: "(none)",
              gpu: "(none)", developer: "carol", market: .unknown, hours: 1.5, cost: 20.00, rate: nil)
        f.add("2026-11-18", "09:00", run: "run-7", instance: "g5.xlarge", region: "us-west-2", developer: "bob",
              market: .onDemand, hours: 10, cost: 10.06, rate: 1.006, flags: .costEstimated)
        f.add("2026-11-18", "10:00", run: "run-8", provider: gcp.provider, instance: "g2-standard-4", region: gcp.region,
              gpu: "L4", developer: nil, market: .onDemand, hours: 5, cost: 4.20, rate: 0.84,
              flags: [.marketInferred, .metadataNotObject])
        f.add("2026-11-18", "11:00", run: "run-9", developer: "alice", market: .unknown, hours: nil, cost: 150.00, rate: 32.77)
        f.add("2026-11-19", "09:00", run: "run-10", developer: "bob", market: .onDemand, hours: 1, cost: 32.77, rate: 32.77)
        f.quality.read = 18
        f.quality.rejected = [.invalidTimestamp: 2, .missingCost: 1]
        f.quality.doubleCounting.runs = 1
        f.quality.doubleCounting.records = 2
        f.quality.doubleCounting.duplicatedSpend = 32.77
        return f
    }

    static var config: Config {
        var c = Config()
        c.budget.monthly = 700
        c.budget.warnAt = 0.75
        c.budget.criticalAt = 0.90
        c.budget.dailyAlert = 98.31
        c.budget.allocations = [Allocation(developer: "alice", monthly: 300), Allocation(developer: "bob", monthly: 75)]
        return c
    }

    static func report() -> Report {
        build().analyzer(config).report(for: week, asOf: asOf).worded
    }
}

@Suite struct HandComputedTests {
    let report = HandFixture.report()

    @Test func periodTotals() {
        let t = report.totals
        // W47 up to as-of = r1…r10 (r11 is on 11-19, after as-of): 10 records.
        #expect(t.records == 10)
        // run-1 (r1, r2), run-2 … run-9: 9 runs.
        #expect(t.runs == 9)
        // hours: 2 + 1 + 4 + 3 + 2 + 1 + 1.5 + 10 + 5 (r10 has none) = 29.5
        #expect(abs(t.hours - 29.5) < 1e-9)
        // spend: 65.54 + 32.77 = 98.31; + 48 = 146.31; + 3.30 = 149.61; + 12.48 = 162.09; + 4 = 166.09;
        //        + 20 = 186.09; + 10.06 = 196.15; + 4.20 = 200.35; + 150 = 350.35
        #expect(cents(t.spend, 350.35))
        // on-demand equivalent (records with R and hours; not r7 (no R), not r10 (no hours)):
        // r1 2×32.77 = 65.54, r2 32.77, r3 4×32.77 = 131.08, r4 3×3.67 = 11.01, r5 2×9.60 = 19.20,
        // r6 3.67, r8 10×1.006 = 10.06, r9 5×0.84 = 4.20 → 98.31 + 131.08 = 229.39; + 11.01 = 240.40;
        // + 19.20 = 259.60; + 3.67 = 263.27; + 10.06 = 273.33; + 4.20 = 277.53
        #expect(cents(t.onDemandEquivalent, 277.53))
        // realized savings (spot and reserved): r3 131.08 − 48 = 83.08; r4 11.01 − 3.30 = 7.71;
        // r5 19.20 − 12.48 = 6.72; r6 3.67 − 4.00 = −0.33 → 83.08 + 7.71 + 6.72 − 0.33 = 97.18
        #expect(cents(t.realizedSavings, 97.18))
        // effective savings rate = realized / on-demand equivalent of every record with a rate (spec §4)
        // = 97.18 / 277.53 = 0.3502…
        #expect(abs(t.savingsRate! - 97.18 / 277.53) < 1e-6)
        // tests: passed 10 + 5 + 20 = 35; failed 1 (r2)
        #expect(t.testsPassed == 35 && t.testsFailed == 1)
        // spend on runs with failed tests: run-1 = r1 + r2 = 98.31
        #expect(cents(t.failedRunSpend, 98.31))
        // estimated: r8 10.06
        #expect(cents(t.estimatedSpend, 10.06))
    }

    @Test func changeAgainstPreviousWeek() {
        // Like for like (spec §12): W47 is cut short after 3 days (Mon–Wed), so it is compared with
        // Mon–Wed of W46, 11-09 … 11-11: p1 98.31 (p2 on Thursday 11-12 is outside);
        // change 350.35 − 98.31 = 252.04 (+256.4 %). The data starts 10-20, before 11-09: comparable.
        #expect(report.previousPeriod.id == "2026-W46")
        let window = report.totals.comparison?.previousPeriod
        #expect(window?.start == "2026-11-09" && window?.end == "2026-11-11" && window?.partial == true && window?.comparable == true)
        #expect(cents(report.previousTotals.spend, 98.31))
        #expect(report.previousTotals.records == 1 && report.previousTotals.runs == 1)
        #expect(cents(report.change.spend ?? 0, 252.04))
        #expect(abs(report.change.percent! - 252.04 / 98.31) < 1e-6)
        #expect(report.period.daysCovered == 3 && report.period.days == 7)
    }

    @Test func byProvider() {
        let rows = report.breakdowns.provider
        #expect(rows.map(\.key) == ["aws", "gcp"])
        // aws: r1, r2, r3, r7, r8, r10 → 65.54 + 32.77 + 48 + 20 + 10.06 + 150 = 326.37;
        // runs run-1, run-2, run-6, run-7, run-9 = 5; hours 2 + 1 + 4 + 1.5 + 10 = 18.5;
        // od 65.54 + 32.77 + 131.08 + 10.06 = 239.45; realized r3 83.08
        let aws = rows[0]
        #expect(aws.records == 6 && aws.runs == 5)
        #expect(cents(aws.spend, 326.37) && abs(aws.hours - 18.5) < 1e-9)
        #expect(cents(aws.onDemandEquivalent, 239.45) && cents(aws.realizedSavings, 83.08))
        #expect(abs(aws.share - 326.37 / 350.35) < 1e-9)
        #expect(cents(aws.failedRunSpend, 98.31) && aws.testsPassed == 35 && aws.testsFailed == 1)
        // gcp: r4, r5, r6, r9 → 3.30 + 12.48 + 4.00 + 4.20 = 23.98; 4 runs; hours 3 + 2 + 1 + 5 = 11;
        // od 11.01 + 19.20 + 3.67 + 4.20 = 38.08; realized 7.71 + 6.72 − 0.33 = 14.10;
        // effective savings rate 14.10 / 38.08 (on-demand equivalent of every gcp record with a rate)
        let gcp = rows[1]
        #expect(gcp.records == 4 && gcp.runs == 4)
        #expect(cents(gcp.spend, 23.98) && abs(gcp.hours - 11) < 1e-9)
        #expect(cents(gcp.onDemandEquivalent, 38.08) && cents(gcp.realizedSavings, 14.10))
        #expect(abs(gcp.savingsRate! - 14.10 / 38.08) < 1e-6)
        #expect(abs(aws.share + gcp.share - 1) < 1e-12)
    }

    @Test func byInstanceType() {
        let rows = report.breakdowns.instanceType
        // p4d r1 + r2 + r3 + r10 = 65.54 + 32.77 + 48 + 150 = 296.31; x9.mystery 20; v5litepod-8 12.48;
        // g5.xlarge 10.06; a2-highgpu-1g r4 + r6 = 3.30 + 4.00 = 7.30; g2-standard-4 4.20
        #expect(rows.map(\.key) == ["p4d.24xlarge", "x9.mystery", "v5litepod-8", "g5.xlarge", "a2-highgpu-1g", "g2-standard-4"])
        let expected = [296.31, 20.00, 12.48, 10.06, 7.30, 4.20]
        for (r, e) in zip(rows, expected) { #expect(cents(r.spend, e), "\(r.key)") }
        // p4d runs: run-1, run-2, run-9 = 3 (r1 and r2 share run-1); a2 runs: run-3, run-5 = 2
        #expect(rows[0].runs == 3 && rows[0].records == 4)
        #expect(rows[4].runs == 2)
        // x9.mystery has no R: no on-demand equivalent, savings rate nil
        #expect(rows[1].onDemandEquivalent == 0 && rows[1].savingsRate == nil)
    }

    @Test func byMarket() {
        let rows = report.breakdowns.market
        // unknown r7 + r10 = 170.00; on-demand r1 + r2 + r8 + r9 = 65.54 + 32.77 + 10.06 + 4.20 = 112.57;
        // spot r3 + r4 + r6 = 48 + 3.30 + 4 = 55.30; reserved r5 = 12.48
        #expect(rows.map(\.key) == ["unknown", "on-demand", "spot", "reserved"])
        #expect(cents(rows[0].spend, 170.00) && cents(rows[1].spend, 112.57))
        #expect(cents(rows[2].spend, 55.30) && cents(rows[3].spend, 12.48))
        // on-demand runs: run-1, run-7, run-8 = 3
        // on-demand records have a rate but save nothing: effective savings rate 0
        #expect(rows[1].runs == 3 && rows[1].realizedSavings == 0 && rows[1].savingsRate == 0)
        // spot: od 131.08 + 11.01 + 3.67 = 145.76; realized 83.08 + 7.71 − 0.33 = 90.46
        #expect(cents(rows[2].onDemandEquivalent, 145.76) && cents(rows[2].realizedSavings, 90.46))
        #expect(abs(rows[2].savingsRate! - 90.46 / 145.76) < 1e-6)
        // reserved: 19.20 − 12.48 = 6.72, rate 6.72 / 19.20 = 0.35
        #expect(cents(rows[3].realizedSavings, 6.72) && abs(rows[3].savingsRate! - 0.35) < 1e-9)
        // unknown: r7 1.5 h (r10 none); r10 has R but no hours → no od
        #expect(abs(rows[0].hours - 1.5) < 1e-9 && rows[0].onDemandEquivalent == 0)
    }

    @Test func byDeveloper() {
        let rows = report.breakdowns.developer
        // alice r1 + r2 + r5 + r10 = 65.54 + 32.77 + 12.48 + 150 = 260.79 (runs run-1, run-4, run-9 = 3)
        // bob r3 + r8 = 48 + 10.06 = 58.06; carol r4 + r7 = 3.30 + 20 = 23.30;
        // (unattributed) r6 + r9 = 4.00 + 4.20 = 8.20. Sum 350.35.
        #expect(rows.map(\.key) == ["alice", "bob", "carol", "(unattributed)"])
        #expect(cents(rows[0].spend, 260.79) && rows[0].runs == 3 && rows[0].records == 4)
        #expect(cents(rows[1].spend, 58.06) && cents(rows[2].spend, 23.30) && cents(rows[3].spend, 8.20))
        // bob: realized r3 83.08; (unattributed): realized r6 −0.33 (negative, not clamped)
        #expect(cents(rows[1].realizedSavings, 83.08) && cents(rows[3].realizedSavings, -0.33))
    }

    @Test func byDayListsEveryDayUpToAsOfBySpend() {
        let rows = report.breakdowns.day
        // 11-16: r1 + r2 + r3 = 146.31; 11-17: r4 + r5 + r6 = 3.30 + 12.48 + 4 = 19.78;
        // 11-18: r7 + r8 + r9 + r10 = 20 + 10.06 + 4.20 + 150 = 184.26; nothing after as-of.
        #expect(rows.map(\.key) == ["2026-11-18", "2026-11-16", "2026-11-17"])
        #expect(cents(rows[1].spend, 146.31) && cents(rows[2].spend, 19.78) && cents(rows[0].spend, 184.26))
        #expect(rows[1].runs == 2 && rows[0].runs == 4)
    }

    @Test func otherDimensionsUseNoneAndPRKeys() {
        // suite: r1, r2 "integration" 98.31; r3 "nightly-perf" 48; everything else "(none)" 204.04
        let suites = report.breakdowns.suite
        #expect(suites.map(\.key) == ["(none)", "integration", "nightly-perf"])
        #expect(cents(suites[0].spend, 350.35 - 98.31 - 48))
        // pr: r6 "123" 4.00, rest "(none)"
        #expect(report.breakdowns.pr.map(\.key) == ["(none)", "123"])
        // test type: (none) 204.04, integration 98.31, benchmark 48
        #expect(report.breakdowns.testType.map(\.key) == ["(none)", "integration", "benchmark"])
        // hardware: nvidia all but r5 (tpu 12.48) and r7 ((none) 20)
        #expect(report.breakdowns.hardwareType.map(\.key) == ["nvidia", "(none)", "tpu"])
        #expect(report.breakdowns.region.first?.key == "us-east-2")
    }

    @Test func trendHasTwelveWeeksEndingWithThePeriod() {
        let trend = report.trend
        #expect(trend.count == 12)
        #expect(trend.first?.week == "2026-W36" && trend.last?.week == "2026-W47")
        // W47 350.35 (r11 after as-of excluded); W46 105.65; W45 e1 1.40; W44 0; W43 o1 32.77; W36–W42 0
        let spend = Dictionary(uniqueKeysWithValues: trend.map { ($0.week, $0.spend) })
        #expect(cents(spend["2026-W47"]!, 350.35) && cents(spend["2026-W46"]!, 105.65))
        #expect(cents(spend["2026-W45"]!, 1.40) && spend["2026-W44"] == 0 && cents(spend["2026-W43"]!, 32.77))
        #expect(trend.prefix(7).allSatisfy { $0.spend == 0 })
        #expect(trend.last?.start == "2026-11-16")
    }

    @Test func budgetAndProjection() {
        let b = report.budget
        #expect(b.month == "2026-11" && b.daysElapsed == 18 && b.daysInMonth == 30)
        // MTD 11-01 … 11-18: e1 1.40 + p1 98.31 + p2 7.34 + W47 350.35 = 457.40; share 457.40/700 = 0.653 → OK
        #expect(cents(b.monthToDate, 457.40))
        #expect(abs(b.share - 457.40 / 700) < 1e-9 && b.status == .ok)
        // projection 457.40 / 18 × 30 = 762.33; 762.33/700 = 1.089 → OVER
        #expect(cents(b.projected, 762.33))
        #expect(b.projectedStatus == .over && b.projectedShare > 1)
    }

    @Test func developerBudgets() {
        let devs = report.budget.developers
        #expect(devs.map(\.key) == ["alice", "bob", "shared"])
        // alice: p1 98.31 + r1 65.54 + r2 32.77 + r5 12.48 + r10 150 = 359.10; 359.10/300 = 1.197 → OVER
        #expect(cents(devs[0].spend, 359.10) && devs[0].allocation == 300 && devs[0].status == .over)
        // bob: e1 1.40 + r3 48 + r8 10.06 = 59.46 (r11 after as-of excluded); 59.46/75 = 0.793 → WARNING
        #expect(cents(devs[1].spend, 59.46) && devs[1].status == .warning)
        #expect(abs(devs[1].share! - 59.46 / 75) < 1e-9)
        // shared = 700 − 300 − 75 = 325; members (unattributed) r6 + r9 = 8.20 and carol
        // p2 7.34 + r4 3.30 + r7 20 = 30.64 → 38.84; 38.84/325 = 0.1195 → OK
        #expect(devs[2].members == ["(unattributed)", "carol"])
        #expect(devs[2].allocation == 325 && cents(devs[2].spend, 38.84) && devs[2].status == .ok)
        #expect(devs[0].members.isEmpty)
        // the developers add up to the month to date: 359.10 + 59.46 + 38.84 = 457.40
        #expect(cents(devs.reduce(0) { $0 + $1.spend }, 457.40))
    }

    @Test func alertDays() {
        // daily alert 98.31: 11-16 146.31 and 11-18 184.26 are above; 11-10 is exactly 98.31 (not strictly
        // above); 11-19 (32.77) is after as-of anyway.
        #expect(report.budget.alertDays.map(\.day) == ["2026-11-16", "2026-11-18"])
        #expect(cents(report.budget.alertDays[1].spend, 184.26))
    }

    @Test func dataQuality() {
        let dq = report.dataQuality
        // read 18 = 15 accepted + 3 rejected
        #expect(dq.read == 18 && dq.accepted == 15)
        #expect(dq.rejected == ["duplicate_run": 0, "invalid_record": 0, "invalid_timestamp": 2, "invalid_duration": 0, "negative_duration": 0,
                                "invalid_cost": 0, "negative_cost": 0, "missing_cost": 1])
        // estimated: r8 10.06; inferred: r4, r9; metadata not an object: r9
        #expect(dq.estimated == 1 && cents(dq.estimatedSpend, 10.06))
        #expect(dq.inferredMarket == 2 && dq.metadataNotObject == 1)
        // unknown instances: r7 only (r10 has a rate, it only lacks hours)
        #expect(dq.unknownInstances == [UnknownInstance(key: "aws/x9.mystery", records: 1, spend: 20.00)])
        // spot above on-demand: r6, 4.00 − 3.67 = 0.33
        #expect(dq.spotAboveOnDemand.records == 1 && cents(dq.spotAboveOnDemand.excess, 0.33))
        #expect(dq.suspectedDoubleCounting.runs == 1 && dq.suspectedDoubleCounting.records == 2)
        // r11 is after the as-of date
        #expect(dq.afterAsOf == 1)
        #expect(dq.costAttribution == "record")
    }

    @Test func warningsAreSentencesInAFixedOrder() {
        let w = report.dataQuality.warnings
        #expect(w.count == 9)
        #expect(w[0] == "1 run has 2 or more records with the same cost ($32.77 duplicated): the cost may be counted "
                + "twice. If each run's cost is copied onto every record, set “cost_attribution: run” in costreport.yml.")
        #expect(w[1].hasPrefix("2 records were rejected (invalid_timestamp)"))
        #expect(w[2].hasPrefix("1 record was rejected (missing_cost)"))
        #expect(w[3].hasPrefix("1 record had no recorded cost") && w[3].contains("($10.06 in total)"))
        #expect(w[4].hasPrefix("2 records did not record their market"))
        #expect(w[5].hasPrefix("1 record has metadata that is not a JSON object"))
        #expect(w[6].hasPrefix("1 record ($20.00) uses an instance type") && w[6].contains("aws/x9.mystery"))
        #expect(w[7].hasPrefix("1 spot or reserved record cost more") && w[7].contains("($0.33 above"))
        #expect(w[8] == "1 record after the as-of date 2026-11-18 is left out of every figure.")
    }

    @Test func latestDayIsTheLastRecordsDay() {
        #expect(HandFixture.build().analyzer().latestDay == day("2026-11-19"))
        #expect(Fixture().analyzer().latestDay == nil)
    }
}
