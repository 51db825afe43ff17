import Foundation
import Testing
import CostModel
import CostTestSupport
import CostRender
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
        // Like for like (spec §12): Mon–Wed of W46 (11-09 … 11-11) holds p1 only (p4d on-demand,
        // 3 h, 98.31): 1 record, 1 run, 3 h, on-demand equivalent 98.31, nothing saved, no failures.
        let d = report.totalsChange
        #expect(d.runs == 8 && d.records == 9)
        #expect(abs(d.hours - 26.5) < 1e-9)
        #expect(cents(d.onDemandEquivalent, 277.53 - 98.31))
        #expect(cents(d.realizedSavings, 97.18))
        #expect(cents(d.failedRunSpend, 98.31))

        let c = try #require(try json(report)["totals_change"] as? [String: Any])
        #expect(c["runs"] as? Int == 8 && c["records"] as? Int == 9)
        #expect(abs((c["hours"] as? Double ?? 0) - 26.5) < 1e-9)
        #expect(cents(c["on_demand_equivalent"] as? Double, 179.22))
        #expect(cents(c["realized_savings"] as? Double, 97.18) && cents(c["failed_run_spend"] as? Double, 98.31))
    }

    @Test func aPeriodNotStartedYetHasNoComparison() {
        // W48 seen on 2026-11-18 has not started: no day elapsed, so no day of W47 to compare with.
        let next = HandFixture.build().analyzer(HandFixture.config).report(for: period("2026-W48"), asOf: HandFixture.asOf)
        #expect(next.change == .none && next.totals.comparison?.previousPeriod.comparable == false)
        #expect(next.previousTotals.records == 0 && next.totalsChange.runs == 0)
    }

    @Test func reservedSummaryAddsUpTheRecommendedTerms() throws {
        // ReservedCapacityTests' window (2026-08…2026-10): p4d saves 8,688/month with 3y; a2 nothing.
        // Add gcp v5litepod-8 (R 8) on demand 500 h in each month: H = 500, current 500 × 8 = 4,000;
        // 1y: 730 × 8 × 0.63 = 3,679.20 → 320.80; 3y: 730 × 8 × 0.45 = 2,628 → 1,372 (recommended).
        var f = ReservedCapacityTests.fixture()
        for month in ["2026-08-12", "2026-09-12", "2026-10-12"] {
            f.priced(month, run: "tpu-\(month)", provider: "gcp", instance: "v5litepod-8", region: "us-west4",
                     hours: 500, cost: 4_000)
        }
        let r = f.savingsAnalyzer().report(for: .week(containing: ReservedCapacityTests.asOf), asOf: ReservedCapacityTests.asOf)
        #expect(r.opportunities.reserved.map(\.term) == ["3y", "3y", nil])
        let s = r.opportunities.reservedSummary
        #expect(s.monthIds == ["2026-08", "2026-09", "2026-10"])
        // Two recommendations: 8,688 + 1,372 = 10,060 a month.
        #expect(s.recommended == 2 && cents(s.monthlySavings, 10_060))

        let o = try #require(try json(r)["opportunities"] as? [String: Any])
        let summary = try #require(o["reserved_summary"] as? [String: Any])
        #expect(summary["month_ids"] as? [String] == ["2026-08", "2026-09", "2026-10"])
        #expect(summary["recommended"] as? Int == 2 && cents(summary["monthly_savings"] as? Double, 10_060))
    }

    @Test func reservedSummaryWithoutAFullMonthOrARecommendation() {
        // Only November data (not over on 11-18): no month analysed, nothing recommended.
        var recent = Fixture()
        recent.priced("2026-11-02", run: "a", hours: 700, cost: 22_400)
        let none = recent.savingsReport(period: .week(containing: ReservedCapacityTests.asOf), asOf: ReservedCapacityTests.asOf)
        #expect(none.opportunities.reservedSummary == ReservedSummary(monthIds: [], recommended: 0, monthlySavings: 0))
        // Sep and Oct analysed, a2 at 10 % utilization: months listed, nothing recommended.
        var small = Fixture()
        small.priced("2026-09-01", run: "a", provider: "gcp", instance: "a2-highgpu-1g", region: "us-central1", hours: 146, cost: 584)
        let below = small.savingsReport(period: .week(containing: ReservedCapacityTests.asOf), asOf: ReservedCapacityTests.asOf)
        #expect(below.opportunities.reservedSummary == ReservedSummary(monthIds: ["2026-09", "2026-10"], recommended: 0, monthlySavings: 0))
    }

    static func item(_ key: String, _ potential: Double, _ action: String) -> OpportunityItem {
        OpportunityItem(key: key, records: 1, spend: potential * 2, potential: potential, action: action)
    }

    static func opportunity(instanceTypes: [OpportunityItem] = [], suites: [OpportunityItem] = []) -> Opportunity {
        Opportunity(potential: 1, records: 1, spend: 1, share: 0, topSuites: suites, topInstanceTypes: instanceTypes, topRuns: [])
    }

    @Test func topActionsRankByPotentialInstanceTypesFirstOnceEach() {
        let spot = Self.opportunity(instanceTypes: [Self.item("A", 30, "use spot")],
                                    suites: [Self.item("S", 20, "use spot"), Self.item("Z", 0, "use spot")])
        let rightSize = Self.opportunity(instanceTypes: [Self.item("A", 25, "move to g5.xlarge")])
        let region = Self.opportunity(instanceTypes: [Self.item("R", 20, "run in us-east-2")],
                                      suites: [Self.item("S", 20, "use spot")])
        let all = TopActions.rank(spot: spot, rightSize: rightSize, region: region, limit: 10)
        // 30 A (spot), 25 A (right-size: another action, so listed again), then at 20 the instance type R
        // before the suite S; S's second listing (same action) and Z (nothing to save) are left out.
        #expect(all.map(\.key) == ["A", "A", "R", "S"])
        #expect(all.map(\.potential) == [30, 25, 20, 20])
        #expect(all[0].opportunity == .spot && all[1].opportunity == .rightSize && all[2].opportunity == .region)
        #expect(all.map(\.subject) == [.instanceType, .instanceType, .instanceType, .suite])
        #expect(all[1].action == "move to g5.xlarge" && all[1].records == 1 && all[1].spend == 50)
        // The report keeps three.
        #expect(TopActions.rank(spot: spot, rightSize: rightSize, region: region).map(\.potential) == [30, 25, 20])
    }

    @Test func topActionsOfAReport() throws {
        // OpportunityTests.spot's records: spot alone applies (no test type, no dearer region).
        // Instance types p4d.24xlarge 44, g5.4xlarge 6.5, a2-highgpu-1g 6; suites unit-fast 44, integration 12.5.
        var f = Fixture()
        f.priced("2026-11-16", run: "r-a", suite: "unit-fast", hours: 2, cost: 64)
        f.priced("2026-11-16", run: "r-b", instance: "g5.4xlarge", suite: "integration", hours: 5, cost: 10)
        f.priced("2026-11-18", run: "r-f", provider: "gcp", instance: "a2-highgpu-1g", region: "us-central1",
                 suite: "integration", hours: 2, cost: 8)
        let r = f.savingsReport()
        let top = r.opportunities.topActions
        // 44 p4d (instance type before the suite at the same potential), 44 unit-fast, 12.5 integration.
        #expect(top.map(\.key) == ["p4d.24xlarge", "unit-fast", "integration"])
        #expect(top.map(\.subject) == [.instanceType, .suite, .suite])
        #expect(near(top[0].potential, 44) && near(top[1].potential, 44) && near(top[2].potential, 12.5))
        #expect(top.allSatisfy { $0.opportunity == .spot })
        #expect(top[2].action == "use spot (≈ 69.4% cheaper)" && top[2].records == 2 && top[2].spend == 18)

        let o = try #require(try json(r)["opportunities"] as? [String: Any])
        let actions = try #require(o["top_actions"] as? [[String: Any]])
        #expect(actions.map { $0["key"] as? String } == ["p4d.24xlarge", "unit-fast", "integration"])
        #expect(actions[0]["subject"] as? String == "instance_type" && actions[1]["subject"] as? String == "suite")
        #expect(actions[0]["opportunity"] as? String == "spot" && near(actions[2]["potential"] as? Double, 12.5))
        #expect(actions[2]["action"] as? String == "use spot (≈ 69.4% cheaper)")
    }

    /// 13 suites in November, s01 … s13 costing 99, 98, …, 87 (s13 in two records of 43.50), one
    /// instance-hour per record, each record on its own day (11-01 … 11-14).
    static func thirteenSuites() -> Report {
        var f = Fixture()
        for i in 1...12 {
            f.add("2026-11-\(i < 10 ? "0" : "")\(i)", run: "r\(i)", suite: "s\(i < 10 ? "0" : "")\(i)", market: .onDemand,
                  hours: 1, cost: Double(100 - i), rate: nil)
        }
        f.add("2026-11-13", run: "r13", suite: "s13", market: .onDemand, hours: 1, cost: 43.5, rate: nil)
        f.add("2026-11-14", run: "r14", suite: "s13", market: .onDemand, hours: 1, cost: 43.5, rate: nil)
        return f.analyzer().report(for: period("2026-11"), asOf: day("2026-11-14"))
    }

    @Test func breakdownsOmittedSumTheRowsBeyondTheLimit() throws {
        let r = Self.thirteenSuites()
        #expect(r.settings.breakdownRowLimit == 10)
        #expect(r.breakdowns.suite.count == 13 && r.breakdowns.suite[10].key == "s11")
        // Beyond the 10 largest: s11 89 + s12 88 + s13 87 = 264, records 1 + 1 + 2 = 4, hours 4.
        #expect(r.breakdownsOmitted.suite == OmittedRows(rows: 3, records: 4, hours: 4, spend: 264))
        // One provider, one instance type: nothing cut.
        #expect(r.breakdownsOmitted.provider == OmittedRows() && r.breakdownsOmitted.instanceType == OmittedRows())
        // 14 days listed, but the day table is never cut.
        #expect(r.breakdowns.day.count == 14 && r.breakdownsOmitted.day == OmittedRows())

        let object = try json(r)
        let settings = try #require(object["settings"] as? [String: Any])
        #expect(settings["breakdown_row_limit"] as? Int == 10)
        let omitted = try #require(object["breakdowns_omitted"] as? [String: Any])
        #expect(Set(omitted.keys) == Set(Breakdowns.dimensions.map(\.rawValue)))
        let suite = try #require(omitted["suite"] as? [String: Any])
        #expect(suite["rows"] as? Int == 3 && suite["records"] as? Int == 4)
        #expect(suite["hours"] as? Double == 4 && suite["spend"] as? Double == 264)
        #expect((omitted["day"] as? [String: Any])?["rows"] as? Int == 0)
    }

    @Test func effectiveChecklistThresholds() {
        // Spec §7 defaults; item 4 has no partial band (partial = done); item 10 is USD a month.
        let defaults = ChecklistThresholds.effective(Config())
        #expect(defaults == [1: Threshold(done: 0.8, partial: 0.5), 2: Threshold(done: 0.05, partial: 0.2),
                             3: Threshold(done: 0.8, partial: 0.3), 4: Threshold(done: 0.8, partial: 0.8),
                             5: Threshold(done: 0.7, partial: 0.4), 6: Threshold(done: 0.9, partial: 0.6),
                             8: Threshold(done: 4, partial: 2), 10: Threshold(done: 0, partial: 50)])
        // checklist.thresholds replaces an item's pair; 7 and 9 have none, so a value there is not used.
        var config = Config()
        config.thresholds = [1: Threshold(done: 0.9, partial: 0.85), 10: Threshold(done: 10, partial: 100),
                             7: Threshold(done: 1, partial: 1)]
        let used = ChecklistThresholds.effective(config)
        #expect(used[1] == Threshold(done: 0.9, partial: 0.85) && used[10] == Threshold(done: 10, partial: 100))
        #expect(used[2] == defaults[2] && used[7] == nil && used.count == 8)
    }

    // MARK: - Prose as facts: what the analysis puts next to each sentence

    @Test func opportunityItemsCarryTheirChangeAsFacts() throws {
        // OpportunityTests.combinedOnOneRecord: p4d in eu-west-1 (R 40), unit test, cost 80: spot saves 60
        // (d = 0.75), right-size 77 (to g5.xlarge), region 16 (to us-east-2).
        var f = Fixture()
        f.priced("2026-11-16", run: "c1", region: "eu-west-1", suite: "unit", testType: .unit, hours: 2, cost: 80)
        let r = f.savingsReport()
        let o = r.opportunities
        #expect(o.spot.topSuites[0].change == OpportunityChange(spotDiscount: 0.75))
        #expect(o.rightSize.topInstanceTypes[0].change == OpportunityChange(moveTo: ["g5.xlarge"]))
        #expect(o.region.topRuns[0].change == OpportunityChange(runIn: ["us-east-2"]))
        #expect(o.combined.topRuns[0].change == OpportunityChange(spotDiscount: 0.75, moveTo: ["g5.xlarge"], runIn: ["us-east-2"]))
        // The words are made from the facts.
        #expect(o.combined.topRuns[0].action == (try BuiltInWording.action(try #require(o.combined.topRuns[0].change))))
        let actions = try o.topActions.map { try BuiltInWording.action(try #require($0.change)) }
        #expect(o.topActions.map(\.action) == actions && !actions.isEmpty)

        let opportunities = try #require(try json(r)["opportunities"] as? [String: Any])
        func firstChange(_ name: String, _ list: String) throws -> [String: Any] {
            let items = try #require((opportunities[name] as? [String: Any])?[list] as? [[String: Any]])
            return try #require(items.first?["change"] as? [String: Any])
        }
        let combined = try firstChange("combined", "top_runs")
        #expect(combined["spot_discount"] as? Double == 0.75 && combined["move_to"] as? [String] == ["g5.xlarge"])
        #expect(combined["run_in"] as? [String] == ["us-east-2"])
        let spot = try firstChange("spot", "top_suites")
        #expect(spot["spot_discount"] as? Double == 0.75 && spot["move_to"] == nil && spot["run_in"] == nil)
    }

    @Test func unusedResourcesCarryWhyAsFacts() throws {
        typealias T = ChecklistOtherItemTests
        let inventory = Inventory(resources: [
            T.resource("aws", .volume, "vol-a", type: "gp3", size: 500),
            T.resource("aws", .volume, "vol-b", type: "io2", size: 100),
            T.resource("gcp", .disk, "disk-u", size: 10.5),
            T.resource("gcp", .snapshot, "snap-old", size: 200, createdDaysBeforeAsOfEnd: 91.5),
            T.resource("gcp", .address, "ip-reserved", state: "RESERVED"),
            T.resource("aws", .address, "eipalloc-1"),
        ])
        let r = T.oneRecord().savingsReport(inventory: inventory)
        let byID = Dictionary(uniqueKeysWithValues: r.unusedResources.items.map { ($0.id, $0) })
        // gp3 is listed (0.08/GB-month); io2 is not: priced as aws `standard`.
        #expect(byID["vol-a"]?.facts == UnusedFacts(storageType: "gp3", price: .listed))
        #expect(byID["vol-b"]?.facts == UnusedFacts(storageType: "io2", price: .fallback, pricedAs: "standard"))
        // No type printed: priced as gcp `pd-standard`.
        #expect(byID["disk-u"]?.facts == UnusedFacts(storageType: nil, price: .fallback, pricedAs: "pd-standard"))
        #expect(byID["disk-u"]?.reason == "unattached disk, 10.5 GB; type not printed not in the catalog, priced as pd-standard")
        // 91.5 days old counts as 91 whole days, over the 90 of the default config.
        #expect(byID["snap-old"]?.facts == UnusedFacts(ageDays: 91, ageLimitDays: 90, price: .listed))
        #expect(byID["ip-reserved"]?.facts == UnusedFacts(state: "RESERVED", price: .listed))
        #expect(byID["ip-reserved"]?.reason == "RESERVED static address, used by nothing")
        #expect(byID["eipalloc-1"]?.reason == "Elastic IP not associated with anything")

        let unused = try #require(try json(r)["unused_resources"] as? [String: Any])
        let items = try #require(unused["items"] as? [[String: Any]])
        let volB = try #require(items.first { $0["id"] as? String == "vol-b" }?["facts"] as? [String: Any])
        #expect(volB["storage_type"] as? String == "io2" && volB["price"] as? String == "fallback")
        #expect(volB["priced_as"] as? String == "standard")
        let snap = try #require(items.first { $0["id"] as? String == "snap-old" }?["facts"] as? [String: Any])
        #expect(snap["age_days"] as? Int == 91 && snap["age_limit_days"] as? Int == 90)
    }

    @Test func checklistItemsCarryTheFactsTheirWordsAreMadeFrom() throws {
        // Item 1 at 79 spot hours of 100 (ChecklistRecordItemTests.spotItem): partial; 0.8 × 100 − 79 = 1
        // more hour; suite od has the most on-demand hours (21).
        let spot = ChecklistRecordItemTests.spotItem(spot: 79, onDemand: 21)
        let s = try #require(spot.facts?.spot)
        #expect(spot.facts?.threshold == Threshold(done: 0.8, partial: 0.5) && spot.facts?.lowerIsBetter == false)
        #expect(s.criticalSuites == ["release*"] && s.hours == 100 && s.spotHours == 79)
        #expect(near(s.moreHours, 1) && s.topOnDemandSuite == "od" && s.topOnDemandHours == 21)
        #expect(spot.facts?.rightSize == nil && spot.facts?.cleanup == nil)
        // Done: nothing left to change, so no amount and no suite.
        let done = try #require(ChecklistRecordItemTests.spotItem(spot: 8, onDemand: 2).facts?.spot)
        #expect(done.moreHours == nil && done.topOnDemandSuite == nil)

        // Item 2 at 6 oversized of 100 known (plus 1,000 with no test type): 6 − 0.05 × 100 = 1 more.
        let rs = try #require(ChecklistRecordItemTests.rightSizeItem(oversized: 6, fine: 94).facts)
        #expect(rs.lowerIsBetter == true && rs.threshold == Threshold(done: 0.05, partial: 0.2))
        let r = try #require(rs.rightSize)
        #expect(r.oversizedSpend == 6 && r.knownTestTypeSpend == 100 && r.unknownTestTypeSpend == 1000)
        #expect(near(r.moreSpend, 1) && r.largest?.key == "unit" && r.largest?.change == OpportunityChange(moveTo: ["g5.xlarge"]))

        // Item 7 with a config file that sets only the monthly budget (2,000 by default).
        let alerts = try #require(ChecklistOtherItemTests.alertsItem(file: true, monthly: true, daily: false).facts?.alerts)
        #expect(alerts == ChecklistFacts.Alerts(configFile: true, monthlyBudget: 2000, dailyAlert: nil))

        // Item 10 without an inventory: unknown, with what the words need.
        let unknown = try #require(ChecklistOtherItemTests.oneRecord().savingsReport().item(10).facts)
        #expect(unknown.threshold == Threshold(done: 0, partial: 50))
        #expect(unknown.cleanup == ChecklistFacts.Cleanup(inventoryGiven: false, snapshotAgeDays: 90, asOf: "2026-11-22"))

        // The facts are in the JSON, next to the words.
        let report = ChecklistOtherItemTests.oneRecord().savingsReport()
        let items = try #require(try json(report)["checklist"] as? [[String: Any]])
        let facts = try #require(items[6]["facts"] as? [String: Any])
        #expect((facts["alerts"] as? [String: Any])?["config_file"] as? Bool == false)
        let spotFacts = try #require((items[0]["facts"] as? [String: Any])?["spot"] as? [String: Any])
        #expect(spotFacts["hours"] as? Double == 1 && spotFacts["spot_hours"] as? Double == 0)
        #expect((items[0]["facts"] as? [String: Any])?["threshold"] as? [String: Double] == ["done": 0.8, "partial": 0.5])
    }

    @Test func reservedAndCleanupFacts() throws {
        // ReservedCapacityTests' window: p4d recommended (3y, 8,688/month), a2 not.
        let r = ReservedCapacityTests.fixture().savingsReport(period: .week(containing: ReservedCapacityTests.asOf),
                                                              asOf: ReservedCapacityTests.asOf)
        let reserved = try #require(r.item(9).facts?.reserved)
        #expect(reserved.months == ["2026-08", "2026-09", "2026-10"] && reserved.windowMonths == 3)
        #expect(reserved.recommended == 1 && cents(reserved.monthlySavings, 8_688) && reserved.reservedRecords == 0)
        #expect(reserved.top?.instanceType == "p4d.24xlarge" && reserved.top?.term == "3y" && reserved.highest == nil)

        // ChecklistOtherItemTests' inventory: vol-a 40, vol-b 5, disk-a 17 (volumes/disks 62); snap-old 10;
        // ip-reserved 7.30 and eipalloc-1 3.65 (addresses 10.95); one undated snapshot.
        typealias T = ChecklistOtherItemTests
        let inventory = Inventory(resources: [
            T.resource("aws", .volume, "vol-a", type: "gp3", size: 500), T.resource("aws", .volume, "vol-b", type: "io2", size: 100),
            T.resource("gcp", .disk, "disk-a", type: "pd-ssd", size: 100),
            T.resource("gcp", .snapshot, "snap-old", size: 200, createdDaysBeforeAsOfEnd: 91),
            T.resource("aws", .snapshot, "snap-undated", size: 200),
            T.resource("aws", .address, "eipalloc-1"), T.resource("gcp", .address, "ip-reserved", state: "RESERVED"),
        ], files: ["a.json"])
        let c = try #require(T.oneRecord().savingsReport(inventory: inventory).item(10).facts?.cleanup)
        #expect(c.inventoryGiven && c.files == 1 && c.resources == 6 && cents(c.monthlyCost, 82.95))
        #expect(c.volumes?.count == 3 && cents(c.volumes?.monthlyCost, 62))
        #expect(c.snapshots?.count == 1 && cents(c.snapshots?.monthlyCost, 10))
        #expect(c.addresses?.count == 2 && cents(c.addresses?.monthlyCost, 10.95))
        #expect(c.undatedSnapshots == 1 && c.largest?.id == "vol-a" && c.asOf == "2026-11-22")
    }

    @Test func newFiguresReadBackFromTheJSON() throws {
        // As SiteExtrasTests reads data.json: snake_case keys back to the model's names.
        var f = ReservedCapacityTests.fixture()
        f.priced("2026-11-16", run: "c1", region: "eu-west-1", suite: "unit", testType: .unit, hours: 2, cost: 80)
        let r = f.savingsAnalyzer().report(for: .week(containing: ReservedCapacityTests.asOf), asOf: ReservedCapacityTests.asOf)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let back = try decoder.decode(Report.self, from: r.jsonData())
        #expect(back.totalsChange == r.totalsChange && back.breakdownsOmitted == r.breakdownsOmitted)
        #expect(back.settings == r.settings && back.opportunities == r.opportunities && !r.opportunities.topActions.isEmpty)
        #expect(back.checklist == r.checklist && r.checklist.allSatisfy { $0.facts != nil })
    }
}
