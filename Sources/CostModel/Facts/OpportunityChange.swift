/// What to change for an opportunity item (spec §5), as facts: which of the three changes apply and
/// with what target. A single opportunity's item has one of them; a combined item has every change
/// that saves something for its records, in the order spot, right-size, region. The render stage
/// words it as the item's `action` (`words/opportunity-action.mustache`).
public struct OpportunityChange: Sendable, Codable, Hashable {
    /// Spot applies: the spend-weighted discount of the item's records (potential / spend).
    public var spotDiscount: Double?
    /// Right-size applies: the recommended instance types, sorted.
    public var moveTo: [String]?
    /// Region applies: the cheapest regions, sorted.
    public var runIn: [String]?

    public init(spotDiscount: Double? = nil, moveTo: [String]? = nil, runIn: [String]? = nil) {
        self.spotDiscount = spotDiscount; self.moveTo = moveTo; self.runIn = runIn
    }
}

extension OpportunityItem {
    /// An item whose `action` the render stage words from `change`.
    public init(key: String, records: Int, spend: Double, potential: Double, change: OpportunityChange) {
        self.init(key: key, records: records, spend: spend, potential: potential, action: "")
        self.change = change
    }
}

extension UnusedResource {
    /// An unused resource whose `reason` the render stage words from `facts` (`words/unused-reason.mustache`).
    public init(provider: String, kind: String, id: String, location: String, facts: UnusedFacts, sizeGB: Double?,
                monthlyCost: Double) {
        self.init(provider: provider, kind: kind, id: id, location: location, reason: "", sizeGB: sizeGB,
                  monthlyCost: monthlyCost)
        self.facts = facts
    }
}
