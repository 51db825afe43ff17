import CostModel

/// What to change for an opportunity item (spec §5), as facts; `OpportunityChange.text` words them.
enum OpportunityAction {
    /// Spot: the spend-weighted discount of the item's records, potential / spend.
    static func spot(_ part: OpportunityPart) -> Double { part.spend > 0 ? part.potential / part.spend : 0 }

    /// Target names (recommended instances or cheapest regions), sorted.
    static func names(_ targets: [Int32], _ names: [String]) -> [String] {
        targets.map { names[Int($0)] }.sorted()
    }

    /// The changes that save something for this item, in the order spot, right-size, region.
    static func combined(_ t: OpportunityTally, names: [String]) -> OpportunityChange {
        OpportunityChange(spotDiscount: t.spot.potential > 0 ? spot(t.spot) : nil,
                          moveTo: t.rightSize.potential > 0 ? self.names(t.rightSizeTargets, names) : nil,
                          runIn: t.region.potential > 0 ? self.names(t.regionTargets, names) : nil)
    }

    static func change(_ kind: OpportunityKind, _ t: OpportunityTally, names: [String]) -> OpportunityChange {
        switch kind {
        case .spot: return OpportunityChange(spotDiscount: spot(t.spot))
        case .rightSize: return OpportunityChange(moveTo: self.names(t.rightSizeTargets, names))
        case .region: return OpportunityChange(runIn: self.names(t.regionTargets, names))
        case .combined: return combined(t, names: names)
        }
    }
}
