import Foundation
import Testing
import CostModel
import CostRender
@testable import CostAnalysis

/// Checklist items 7, 8 and 10, declared items, and the list's shape. As-of Sun 2026-11-22 (2026-W47).
@Suite struct ChecklistOtherItemTests {
    static func oneRecord() -> Fixture {
        var f = Fixture()
        f.priced("2026-11-16", run: "a", cost: 10)
        return f
    }

    @Test func tenItemsInTheGuidesOrder() throws {
        let r = Self.oneRecord().savingsReport()
        #expect(r.checklist.map(\.id) == Array(1...10))
        #expect(r.checklist.map(\.title) == ["Spot for non-critical tests", "Right-size", "Parallel tests",
                                             "Cache weights and kernels", "Off-peak scheduling", "Optimal regions",
                                             "Alerts and budgets", "Weekly review", "Reserved capacity",
                                             "Clean up unused resources"])
        let json = try #require(try JSONSerialization.jsonObject(with: r.jsonData()) as? [String: Any])
        let items = try #require(json["checklist"] as? [[String: Any]])
        #expect(items.count == 10)
        for item in items { for key in ["id", "title", "status", "value", "detail"] { #expect(item[key] != nil, "\(key)") } }
        let o = try #require(json["opportunities"] as? [String: Any])
        for key in ["spot", "right_size", "region", "combined", "off_peak_share", "reserved"] { #expect(o[key] != nil, "\(key)") }
    }

    // MARK: 7 Alerts and budgets

    static func alertsItem(file: Bool, monthly: Bool, daily: Bool) -> ChecklistItem {
        var c = Config()
        c.sourcePath = file ? "/repo/costreport.yml" : nil
        c.budget.monthlyConfigured = monthly
        c.budget.dailyAlertConfigured = daily
        return oneRecord().savingsReport(c).item(7)
    }

    @Test func item7Alerts() {
        let done = Self.alertsItem(file: true, monthly: true, daily: true)
        #expect(done.status == .done && done.value == 2 && done.toDone.isEmpty)
        #expect(done.detail == "costreport.yml sets budget.monthly ($2,000.00) and budget.daily_alert ($100.00).")
        let monthlyOnly = Self.alertsItem(file: true, monthly: true, daily: false)
        #expect(monthlyOnly.status == .partial && monthlyOnly.toDone == "set budget.daily_alert in costreport.yml")
        #expect(Self.alertsItem(file: true, monthly: false, daily: true).status == .partial)
        #expect(Self.alertsItem(file: true, monthly: false, daily: false).status == .todo)
        let noFile = Self.alertsItem(file: false, monthly: false, daily: false)
        #expect(noFile.status == .todo && noFile.detail.hasPrefix("No costreport.yml was found"))
    }

    // MARK: 8 Weekly review

    static func reviewItem(_ weeks: [String]?, _ config: Config = Config()) -> ChecklistItem {
        oneRecord().savingsReport(config, publicationLog: weeks.map { PublicationLog(weeks: $0) }).item(8)
    }

    @Test func item8WeeklyReview() {
        // The last 4 ISO weeks ending with the as-of week: W44, W45, W46, W47.
        #expect(Checklist.reviewWeeks(asOf: SavingsCatalog.asOf) == ["2026-W44", "2026-W45", "2026-W46", "2026-W47"])
        let done = Self.reviewItem(["2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"])
        #expect(done.status == .done && done.value == 4)
        let three = Self.reviewItem(["2026-W44", "2026-W46", "2026-W47"])
        #expect(three.status == .partial && three.value == 3 && three.detail.contains("none in 2026-W45"))
        #expect(Self.reviewItem(["2026-W46", "2026-W47"]).status == .partial)      // 2 → partial
        // Weeks outside the window do not count: 1 → todo.
        let one = Self.reviewItem(["2026-W40", "2026-W41", "2026-W42", "2026-W47"])
        #expect(one.status == .todo && one.value == 1)
        #expect(Self.reviewItem([]).status == .todo && Self.reviewItem([]).value == 0)
        let unknown = Self.reviewItem(nil)
        #expect(unknown.status == .unknown && unknown.toDone == "the site's publication log, written by costreport build")
        var override = Config()
        override.thresholds[8] = Threshold(done: 3, partial: 1)
        #expect(Self.reviewItem(["2026-W44", "2026-W46", "2026-W47"], override).status == .done)
        #expect(Self.reviewItem(["2026-W47"], override).status == .partial)
    }

    // MARK: 10 Clean up unused resources

    static let asOfEnd = Double(day("2026-11-23").ordinal) * 86_400   // end of the as-of day, UTC

    static func resource(_ provider: String, _ kind: CloudResource.Kind, _ id: String, type: String? = nil,
                         size: Double? = nil, createdDaysBeforeAsOfEnd age: Double? = nil, inUse: Bool = false,
                         state: String = "") -> CloudResource {
        CloudResource(provider: provider, kind: kind, id: id, location: "loc", storageType: type, sizeGB: size,
                      createdAt: age.map { asOfEnd - $0 * 86_400 }, inUse: inUse, state: state, source: "inv.json")
    }

    @Test func unusedResourcesArePricedPerMonth() {
        let inventory = Inventory(resources: [
            Self.resource("aws", .volume, "vol-a", type: "gp3", size: 500),                  // 500 × 0.08 = 40
            Self.resource("aws", .volume, "vol-b", type: "io2", size: 100),                  // unknown type: standard 0.05 → 5
            Self.resource("aws", .volume, "vol-c", type: "gp3", size: 900, inUse: true),     // attached: not listed
            Self.resource("gcp", .disk, "disk-a", type: "pd-ssd", size: 100),                // 100 × 0.17 = 17
            Self.resource("gcp", .snapshot, "snap-old", size: 200, createdDaysBeforeAsOfEnd: 91),  // 200 × 0.05 = 10
            Self.resource("gcp", .snapshot, "snap-90", size: 200, createdDaysBeforeAsOfEnd: 90),   // exactly 90: not older
            Self.resource("aws", .snapshot, "snap-undated", size: 200),                       // no creation time: not judged
            Self.resource("aws", .address, "eipalloc-1"),                                     // 0.005 × 730 = 3.65
            Self.resource("gcp", .address, "ip-reserved", state: "RESERVED"),                 // 0.01 × 730 = 7.30
            Self.resource("gcp", .address, "ip-used", inUse: true, state: "IN_USE"),
        ], files: ["b.json", "a.json"])
        let r = Self.oneRecord().savingsReport(inventory: inventory)
        let u = r.unusedResources
        #expect(u.inventoryGiven && u.files == ["a.json", "b.json"])
        #expect(u.items.map(\.id) == ["vol-a", "disk-a", "snap-old", "ip-reserved", "vol-b", "eipalloc-1"])
        let costs: [Double] = [40, 17, 10, 7.30, 5, 3.65]
        #expect(zip(u.items.map(\.monthlyCost), costs).allSatisfy { cents($0, $1) })
        // 40 + 17 + 10 + 7.30 + 5 + 3.65 = 82.95
        #expect(cents(u.monthlyCost, 82.95))
        #expect(u.items[4].reason == "unattached io2 volume, 100 GB; type io2 not in the catalog, priced as standard")
        #expect(u.items[2].reason == "snapshot 91 days old (over 90), 200 GB")
        let item = r.item(10)
        #expect(item.status == .todo && cents(item.value, 82.95))
        #expect(item.detail.contains("1 snapshot without a creation time not judged"))
        #expect(item.toDone == "delete or release the unused resources; largest: vol-a at $40.00/month, unattached gp3 volume, 500 GB")
    }

    static func cleanupItem(io1GB: Double?, _ config: Config = Config()) -> ChecklistItem {
        let resources = io1GB.map { [Self.resource("aws", .volume, "vol-x", type: "io1", size: $0)] } ?? [
            Self.resource("aws", .volume, "vol-y", type: "gp3", size: 10, inUse: true)]
        return oneRecord().savingsReport(config, inventory: Inventory(resources: resources)).item(10)
    }

    @Test func item10Thresholds() {
        let none = Self.cleanupItem(io1GB: nil)
        #expect(none.status == .done && none.value == 0 && none.threshold == "done at none unused, partial under $50.00/month")
        #expect(Self.cleanupItem(io1GB: 400).status == .todo)             // 400 × 0.125 = 50 exactly: not under 50 → todo
        #expect(Self.cleanupItem(io1GB: 399.92).status == .partial)       // $49.99
        #expect(Self.cleanupItem(io1GB: 8).status == .partial)            // $1.00
        #expect(Self.cleanupItem(io1GB: 400.08).status == .todo)          // $50.01
        var override = Config()
        override.thresholds[10] = Threshold(done: 10, partial: 100)
        #expect(Self.cleanupItem(io1GB: 80, override).status == .done)   // $10.00 ≤ done amount
        #expect(Self.cleanupItem(io1GB: 400.08, override).status == .partial)
        #expect(Self.cleanupItem(io1GB: 80, override).threshold == "done at ≤ $10.00/month, partial under $100.00/month")
        let unknown = Self.oneRecord().savingsReport().item(10)
        #expect(unknown.status == .unknown && unknown.value == nil)
        #expect(unknown.detail.contains("pass --inventory DIR with the JSON of aws ec2 describe-volumes, describe-snapshots, "
            + "describe-addresses and gcloud compute disks list, snapshots list, addresses list (--format=json)"))
        #expect(Self.oneRecord().savingsReport().unusedResources == .none)
    }

    // MARK: Declared

    @Test func declaredItemsAreNotMeasured() {
        for id in 1...10 {
            var c = Config()
            c.declared[id] = "partial"
            let item = Self.oneRecord().savingsReport(c).item(id)
            #expect(item.status == .declared && item.declared == "partial" && item.value == nil, "item \(id)")
            #expect(item.detail == "Declared partial in costreport.yml (checklist.declared); not measured.", "item \(id)")
            #expect(!item.threshold.isEmpty, "item \(id)")
        }
        // An item that would be unknown (4: nothing records the cache) shows as declared.
        var c = Config()
        c.declared[4] = "done"
        #expect(Self.oneRecord().savingsReport(c).item(4).status == .declared)
        #expect(Self.oneRecord().savingsReport().item(4).status == .unknown)
    }
}
