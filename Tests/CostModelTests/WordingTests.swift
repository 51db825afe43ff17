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
}
