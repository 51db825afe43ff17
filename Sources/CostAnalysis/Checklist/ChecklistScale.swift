import CostModel

/// How a measured checklist item turns its figure into a status (spec §7 defaults, overridable per item
/// by `checklist.thresholds`). Exactly at a threshold is the better status.
struct ChecklistScale {
    enum Direction { case higherIsBetter, lowerIsBetter }

    let defaults: Threshold
    let direction: Direction

    static func share(done: Double, partial: Double, _ direction: Direction = .higherIsBetter) -> ChecklistScale {
        ChecklistScale(defaults: Threshold(done: done, partial: partial), direction: direction)
    }

    func threshold(_ config: Config, id: Int) -> Threshold { config.thresholds[id] ?? defaults }

    func status(_ value: Double, _ t: Threshold) -> ChecklistStatus {
        switch direction {
        case .higherIsBetter: return value >= t.done ? .done : value >= t.partial ? .partial : .todo
        case .lowerIsBetter: return value <= t.done ? .done : value <= t.partial ? .partial : .todo
        }
    }
}

/// Small computations for the items' facts.
enum ChecklistText {
    /// The smallest n ≥ 0 with (count + n) / total ≥ target (runs to change for a share threshold).
    static func more(_ count: Int, of total: Int, toReach target: Double) -> Int {
        guard total > 0 else { return 0 }
        var n = max(0, Int((target * Double(total)).rounded(.up)) - count)
        while n > 0, Double(count + n - 1) / Double(total) >= target { n -= 1 }
        while Double(count + n) / Double(total) < target, count + n < total { n += 1 }
        return n
    }
}
