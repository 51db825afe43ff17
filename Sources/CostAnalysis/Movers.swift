import CostModel

/// Issue 13 part 2: the report's biggest movers. While the compared window's records are read
/// (spec §12, like for like), each key's spend there is summed for the dimensions a team lead acts
/// on; against the period's breakdown rows, the keys with the largest absolute change win.
struct MoverTally {
    static let dimensions: [BreakdownDimension] = [.provider, .instanceType, .suite, .developer, .region]

    private let labels: Labels
    private var previous: [[Int32: Double]]

    init(labels: Labels) {
        self.labels = labels
        previous = Array(repeating: [:], count: Self.dimensions.count)
    }

    mutating func add(_ r: RunRecord) {
        for (i, dimension) in Self.dimensions.enumerated() {
            previous[i][key(dimension, r), default: 0] += r.cost
        }
    }

    private func key(_ dimension: BreakdownDimension, _ r: RunRecord) -> Int32 {
        switch dimension {
        case .instanceType: return r.instanceType
        case .suite: return r.suite
        case .developer: return labels.developerKey(r.developer)
        case .region: return r.region
        default: return r.provider
        }
    }

    private func label(_ dimension: BreakdownDimension, _ id: Int32) -> String {
        dimension == .developer ? labels.developer(id) : labels[id]
    }

    /// The `Mover.limit` keys with the largest absolute change (ties: the dimensions' order, then
    /// key); a key with no change is no mover.
    func movers(current: Breakdowns) -> [Mover] {
        var all: [(order: Int, mover: Mover)] = []
        for (i, dimension) in Self.dimensions.enumerated() {
            var before: [String: Double] = [:]
            for (id, spend) in previous[i] { before[label(dimension, id), default: 0] += spend }
            var keys = Set(before.keys)
            for row in current[dimension] { keys.insert(row.key) }
            let now = Dictionary(current[dimension].map { ($0.key, $0.spend) }, uniquingKeysWith: +)
            for key in keys {
                let m = Mover(dimension: dimension, key: key, spend: now[key] ?? 0, previousSpend: before[key] ?? 0)
                if m.change != 0 { all.append((i, m)) }
            }
        }
        all.sort { a, b in
            if a.mover.change.magnitude != b.mover.change.magnitude { return a.mover.change.magnitude > b.mover.change.magnitude }
            return a.order != b.order ? a.order < b.order : a.mover.key < b.mover.key
        }
        return all.prefix(Mover.limit).map(\.mover)
    }
}
