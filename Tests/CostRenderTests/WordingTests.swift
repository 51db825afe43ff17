import CostAssets
import CostModel
import Testing
@testable import CostRender

/// The built-in words templates: the sentences the JSON carries, made from the analysis's facts.
@Suite struct WordingTests {
    let words = try! ReportWording(assets: AssetStore())

    @Test func opportunityChanges() throws {
        #expect((try words.action(OpportunityChange(spotDiscount: 0.6875))) == "use spot (≈ 68.8% cheaper)")
        #expect((try words.action(OpportunityChange(moveTo: ["g5.xlarge", "v5litepod-1"]))) == "move to g5.xlarge or v5litepod-1")
        #expect((try words.action(OpportunityChange(runIn: ["us-east-2"]))) == "run in us-east-2")
        #expect((try words.action(OpportunityChange(spotDiscount: 0.7, moveTo: ["g5.xlarge"], runIn: ["us-east-2"])))
                == "use spot (≈ 70.0% cheaper) + move to g5.xlarge + run in us-east-2")
        #expect((try words.action(OpportunityChange(moveTo: ["v5litepod-1"], runIn: ["us-central1", "us-east4"])))
                == "move to v5litepod-1 + run in us-central1 or us-east4")
        let item = try words.worded(OpportunityItem(key: "unit", records: 2, spend: 10, potential: 6.5, change: OpportunityChange(spotDiscount: 0.65)))
        #expect(item.action == "use spot (≈ 65.0% cheaper)" && item.change?.spotDiscount == 0.65)
    }

    @Test func unusedResourceReasons() throws {
        func reason(_ provider: String, _ kind: String, _ size: Double?, _ facts: UnusedFacts) throws -> String {
            try words.worded(UnusedResource(provider: provider, kind: kind, id: "x", location: "l", facts: facts, sizeGB: size, monthlyCost: 1)).reason
        }
        #expect(try reason("aws", "volume", 500, UnusedFacts(storageType: "gp3", price: .listed)) == "unattached gp3 volume, 500 GB")
        #expect(try reason("aws", "volume", nil, UnusedFacts(storageType: "gp3", price: .missing))
                == "unattached gp3 volume, size not printed; no price for its type in the catalog")
        #expect(try reason("gcp", "disk", 1_500, UnusedFacts(storageType: "pd-balanced", price: .fallback, pricedAs: "pd-standard"))
                == "unattached pd-balanced disk, 1,500 GB; type pd-balanced not in the catalog, priced as pd-standard")
        #expect(try reason("aws", "snapshot", 80, UnusedFacts(ageDays: 412, ageLimitDays: 90, price: .missing))
                == "snapshot 412 days old (over 90), 80 GB; no snapshot price in the catalog")
        #expect(try reason("gcp", "address", nil, UnusedFacts(state: "", price: .missing))
                == "static address used by nothing; no idle-address price in the catalog")
    }

    @Test func dataQualityWarningsComeFromTheFigures() throws {
        var doubles = DoubleCounting()
        doubles.runs = 2; doubles.records = 5; doubles.duplicatedSpend = 1234.5
        var above = SpotAboveOnDemand()
        above.records = 3; above.excess = 0.333
        let unknown = (1...6).map { UnknownInstance(key: "aws/x\($0)", records: $0, spend: Double($0)) }
        let dq = DataQuality(read: 100, accepted: 90, rejected: ["negative_cost": 10, "missing_cost": 0], estimated: 2,
                             estimatedSpend: 5, inferredMarket: 1, metadataNotObject: 4, unknownInstances: unknown,
                             spotAboveOnDemand: above, suspectedDoubleCounting: doubles, afterAsOf: 7,
                             costAttribution: "record")
        let w = try words.warnings(dq, asOf: "2026-11-27")
        #expect(w.count == 8)
        #expect(w[0].hasPrefix("2 runs have 2 or more records with the same cost ($1,234.50 duplicated)"))
        #expect(w[1] == "10 records were rejected (negative_cost): the cost is negative. They are left out of every figure.")
        #expect(w[2] == "2 records had no recorded cost; their costs were estimated as hours × the catalog rate of their market ($5.00 in total).")
        #expect(w[3].hasPrefix("1 record did not record its market"))
        #expect(w[4].hasPrefix("4 records have metadata that is not a JSON object"))
        // 1 + … + 6 = 21 records and $21.00; five keys named, then how many more.
        #expect(w[5].hasPrefix("21 records ($21.00) use instance types missing from the pricing catalog: aws/x1, aws/x2, aws/x3, aws/x4, aws/x5 and 1 more."))
        #expect(w[5].hasSuffix("add the instance types to a pricing file (--pricing)."))
        #expect(w[6] == "3 spot or reserved records cost more than on-demand would have ($0.33 above the on-demand equivalent); their realized savings are negative.")
        #expect(w[7] == "7 records after the as-of date 2026-11-27 are left out of every figure.")
    }

    @Test func checklistItemsAreWordedFromTheirFacts() throws {
        var f = ChecklistFacts(threshold: Threshold(done: 0.7, partial: 0.4), lowerIsBetter: false)
        f.offPeak = .init(scheduled: false, spend: 200, offPeakSpend: 90, moreSpend: 50.001, startMinute: 20 * 60,
                          endMinute: 7 * 60 + 30, weekends: false)
        let offPeak = try words.worded(ChecklistItem(id: 5, status: .partial, value: 0.45, facts: f))
        #expect(offPeak.title == "Off-peak scheduling" && offPeak.facts == f)
        #expect(offPeak.valueText == "45.0% of spend (none scheduled) starts off-peak")
        #expect(offPeak.threshold == "done at ≥ 70.0%, partial at ≥ 40.0%")
        #expect(offPeak.detail == "$90.00 of $200.00 spend (no run is scheduled, so all records are judged) started off-peak (20:00–07:30).")
        // Amounts to change are rounded up to what is shown, so doing it reaches the threshold.
        #expect(offPeak.toDone == "start $50.01 more of that spend off-peak (20:00–07:30)")

        var review = ChecklistFacts(threshold: Threshold(done: 3, partial: 1), lowerIsBetter: false)
        review.review = .init(weeks: ["2026-W45", "2026-W46", "2026-W47", "2026-W48"], published: ["2026-W46"],
                              missed: ["2026-W45", "2026-W47", "2026-W48"])
        let eight = try words.worded(ChecklistItem(id: 8, status: .partial, value: 1, facts: review))
        #expect(eight.threshold == "done at ≥ 3 weeks of the last 4, partial at ≥ 1 week of the last 4")
        #expect(eight.toDone == "build and publish the site every week (missed: 2026-W45, 2026-W47, 2026-W48)")

        let declared = try words.worded(ChecklistItem(id: 4, status: .declared, value: nil,
                                     facts: ChecklistFacts(threshold: Threshold(done: 0.8, partial: 0.8), lowerIsBetter: false),
                                     declared: "partial"))
        #expect(declared.valueText == "declared partial" && declared.threshold == "done at ≥ 80.0%" && declared.toDone.isEmpty)

        var unknown = ChecklistFacts()
        unknown.reserved = .init(windowMonths: 3, months: [], recommended: 0, monthlySavings: 0, reservedRecords: 0)
        let nine = try words.worded(ChecklistItem(id: 9, status: .unknown, value: nil, facts: unknown))
        #expect(nine.valueText == "No full calendar month of records ends on or before the as-of date")
        #expect(nine.detail.hasSuffix("(the window is the last 3 months starting on or after the first record). "
                                      + "Would decide it: at least one full calendar month of records."))
        #expect(nine.toDone == "at least one full calendar month of records")
    }
}
