import CostModel

/// The four priced opportunities of spec §5.
enum OpportunityKind: CaseIterable {
    case spot, rightSize, region, combined
}

/// One opportunity's sums over the records it applies to.
struct OpportunityPart {
    var records = 0
    var spend = 0.0
    var potential = 0.0

    @inline(__always)
    mutating func add(cost: Double, potential p: Double) {
        records += 1; spend += cost; potential += p
    }
}

/// The four opportunities over one group of records (the period, a suite, an instance type, a run),
/// with the targets named by the actions.
struct OpportunityTally {
    var spot = OpportunityPart()
    var rightSize = OpportunityPart()
    var region = OpportunityPart()
    var combined = OpportunityPart()
    /// Recommended instances and cheapest regions seen (indices into `SavingsIndex.names`), sorted, unique.
    var rightSizeTargets: [Int32] = []
    var regionTargets: [Int32] = []

    /// Adds a record's potentials, all read from its one `RecordSavings`.
    mutating func add(cost: Double, _ s: RecordSavings, facts: [RateFacts]) {
        if s.spot { spot.add(cost: cost, potential: s.spotPotential(cost: cost)) }
        if s.oversized {
            rightSize.add(cost: cost, potential: s.rightSizePotential(cost: cost))
            if let t = facts[Int(s.facts)].recommended { OpportunityTally.insert(t.name, into: &rightSizeTargets) }
        }
        if s.region {
            let potential = s.regionPotential(cost: cost)
            region.add(cost: cost, potential: potential)
            // A record already in the cheapest region has nothing to move.
            if potential > 0, let t = facts[Int(s.facts)].cheapest { OpportunityTally.insert(t.name, into: &regionTargets) }
        }
        if s.anyApplies { combined.add(cost: cost, potential: s.combinedPotential(cost: cost)) }
    }

    subscript(kind: OpportunityKind) -> OpportunityPart {
        switch kind {
        case .spot: return spot
        case .rightSize: return rightSize
        case .region: return region
        case .combined: return combined
        }
    }

    private static func insert(_ value: Int32, into list: inout [Int32]) {
        if list.contains(value) { return }
        list.append(value)
        list.sort()
    }
}

/// Per-key tallies of one dimension (suite, instance type or run), keyed by `StringID`; turned into
/// items sorted by potential (largest first), ties by key text, so ids never decide an order.
struct OpportunityGroups {
    private var slots = KeySlots()
    private(set) var tallies: [OpportunityTally] = []

    var keys: [StringID] { slots.keys }

    @inline(__always)
    mutating func add(_ key: StringID, cost: Double, _ s: RecordSavings, facts: [RateFacts]) {
        let (slot, isNew) = slots.slot(for: key)
        if isNew { tallies.append(OpportunityTally()) }
        tallies[slot].add(cost: cost, s, facts: facts)
    }

    /// The top `limit` groups with a positive potential for `kind`. Selection keeps a bounded sorted list
    /// (labels are read only to break ties), and only the chosen items get their change worked out.
    func top(_ kind: OpportunityKind, limit: Int = 10, label: (StringID) -> String,
             change: (OpportunityTally) -> OpportunityChange) -> [OpportunityItem] {
        func before(_ a: Int, _ b: Int) -> Bool {
            let pa = tallies[a][kind].potential, pb = tallies[b][kind].potential
            return pa != pb ? pa > pb : label(keys[a]) < label(keys[b])
        }
        var chosen: [Int] = []
        for slot in tallies.indices {
            let part = tallies[slot][kind]
            guard part.records > 0, part.potential > 0 else { continue }
            if chosen.count == limit {
                guard let last = chosen.last, before(slot, last) else { continue }
                chosen.removeLast()
            }
            let at = chosen.firstIndex { before(slot, $0) } ?? chosen.count
            chosen.insert(slot, at: at)
        }
        return chosen.map { slot in
            let part = tallies[slot][kind]
            return OpportunityItem(key: label(keys[slot]), records: part.records, spend: part.spend,
                                   potential: part.potential, change: change(tallies[slot]))
        }
    }
}
