/// What to change for an opportunity item (spec §5), as facts: which of the three changes apply and
/// with what target. A single opportunity's item has one of them; a combined item has every change
/// that saves something for its records, in the order spot, right-size, region.
public struct OpportunityChange: Sendable, Codable, Equatable {
    /// Spot applies: the spend-weighted discount of the item's records (potential / spend).
    public var spotDiscount: Double?
    /// Right-size applies: the recommended instance types, sorted.
    public var moveTo: [String]?
    /// Region applies: the cheapest regions, sorted.
    public var runIn: [String]?

    public init(spotDiscount: Double? = nil, moveTo: [String]? = nil, runIn: [String]? = nil) {
        self.spotDiscount = spotDiscount; self.moveTo = moveTo; self.runIn = runIn
    }

    /// "use spot (≈ 65.0% cheaper)", "move to g5.xlarge or v5litepod-1", "run in us-east-2", or
    /// those joined with " + " for a combined item.
    public var text: String {
        var parts: [String] = []
        if let d = spotDiscount { parts.append("use spot (≈ \(Format.percent(d)) cheaper)") }
        if let names = moveTo { parts.append("move to " + names.joined(separator: " or ")) }
        if let names = runIn { parts.append("run in " + names.joined(separator: " or ")) }
        return parts.joined(separator: " + ")
    }
}

extension OpportunityItem {
    /// An item whose `action` is worded from `change`.
    public init(key: String, records: Int, spend: Double, potential: Double, change: OpportunityChange) {
        self.init(key: key, records: records, spend: spend, potential: potential, action: change.text)
        self.change = change
    }
}
