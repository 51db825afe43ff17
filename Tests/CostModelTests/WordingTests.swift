import Testing
@testable import CostModel

/// The model's wording: the sentences the JSON carries, made from the analysis's facts.
@Suite struct WordingTests {
    @Test func opportunityChanges() {
        #expect(OpportunityChange(spotDiscount: 0.6875).text == "use spot (≈ 68.8% cheaper)")
        #expect(OpportunityChange(moveTo: ["g5.xlarge", "v5litepod-1"]).text == "move to g5.xlarge or v5litepod-1")
        #expect(OpportunityChange(runIn: ["us-east-2"]).text == "run in us-east-2")
        #expect(OpportunityChange(spotDiscount: 0.7, moveTo: ["g5.xlarge"], runIn: ["us-east-2"]).text
                == "use spot (≈ 70.0% cheaper) + move to g5.xlarge + run in us-east-2")
        #expect(OpportunityChange(moveTo: ["v5litepod-1"], runIn: ["us-central1", "us-east4"]).text
                == "move to v5litepod-1 + run in us-central1 or us-east4")
        let item = OpportunityItem(key: "unit", records: 2, spend: 10, potential: 6.5, change: OpportunityChange(spotDiscount: 0.65))
        #expect(item.action == "use spot (≈ 65.0% cheaper)" && item.change?.spotDiscount == 0.65)
    }

    @Test func unusedResourceReasons() {
        func reason(_ provider: String, _ kind: String, _ size: Double?, _ facts: UnusedFacts) -> String {
            UnusedResource(provider: provider, kind: kind, id: "x", location: "l", facts: facts, sizeGB: size, monthlyCost: 1).reason
        }
        #expect(reason("aws", "volume", 500, UnusedFacts(storageType: "gp3", price: .listed)) == "unattached gp3 volume, 500 GB")
        #expect(reason("aws", "volume", nil, UnusedFacts(storageType: "gp3", price: .missing))
                == "unattached gp3 volume, size not printed; no price for its type in the catalog")
        #expect(reason("gcp", "disk", 1_500, UnusedFacts(storageType: "pd-balanced", price: .fallback, pricedAs: "pd-standard"))
                == "unattached pd-balanced disk, 1,500 GB; type pd-balanced not in the catalog, priced as pd-standard")
        #expect(reason("aws", "snapshot", 80, UnusedFacts(ageDays: 412, ageLimitDays: 90, price: .missing))
                == "snapshot 412 days old (over 90), 80 GB; no snapshot price in the catalog")
        #expect(reason("gcp", "address", nil, UnusedFacts(state: "", price: .missing))
                == "static address used by nothing; no idle-address price in the catalog")
    }
}
