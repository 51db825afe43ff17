import CostModel

/// What to change, in words, for an opportunity item (spec §5).
enum OpportunityAction {
    /// "use spot (≈ 65.0% cheaper)": the spend-weighted discount of the item's records, potential / spend.
    static func spot(_ part: OpportunityPart) -> String {
        "use spot (≈ \(Format.percent(part.spend > 0 ? part.potential / part.spend : 0)) cheaper)"
    }

    /// "move to g5.xlarge" (several recommendations: "move to g5.xlarge or v5litepod-1", sorted).
    static func rightSize(_ targets: [Int32], names: [String]) -> String {
        "move to " + targets.map { names[Int($0)] }.sorted().joined(separator: " or ")
    }

    /// "run in us-east-2".
    static func region(_ targets: [Int32], names: [String]) -> String {
        "run in " + targets.map { names[Int($0)] }.sorted().joined(separator: " or ")
    }

    /// The changes that save something for this item, in the order spot, right-size, region:
    /// "use spot (≈ 70.0% cheaper) + move to g5.xlarge + run in us-east-2".
    static func combined(_ t: OpportunityTally, names: [String]) -> String {
        var parts: [String] = []
        if t.spot.potential > 0 { parts.append(spot(t.spot)) }
        if t.rightSize.potential > 0 { parts.append(rightSize(t.rightSizeTargets, names: names)) }
        if t.region.potential > 0 { parts.append(region(t.regionTargets, names: names)) }
        return parts.joined(separator: " + ")
    }

    static func text(_ kind: OpportunityKind, _ t: OpportunityTally, names: [String]) -> String {
        switch kind {
        case .spot: return spot(t.spot)
        case .rightSize: return rightSize(t.rightSizeTargets, names: names)
        case .region: return region(t.regionTargets, names: names)
        case .combined: return combined(t, names: names)
        }
    }
}
