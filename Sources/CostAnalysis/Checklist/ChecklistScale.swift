import CostModel

/// How a measured checklist item turns its figure into a status (spec §7 defaults, overridable per item
/// by `checklist.thresholds`). Exactly at a threshold is the better status.
struct ChecklistScale {
    enum Direction { case higherIsBetter, lowerIsBetter }

    let defaults: Threshold
    let direction: Direction
    /// Formats a threshold figure: `80.0%`, `4 weeks`, `$50.00/month`.
    let unit: (Double) -> String

    static func share(done: Double, partial: Double, _ direction: Direction = .higherIsBetter) -> ChecklistScale {
        ChecklistScale(defaults: Threshold(done: done, partial: partial), direction: direction, unit: Format.percent)
    }

    func threshold(_ config: Config, id: Int) -> Threshold { config.thresholds[id] ?? defaults }

    func status(_ value: Double, _ t: Threshold) -> ChecklistStatus {
        switch direction {
        case .higherIsBetter: return value >= t.done ? .done : value >= t.partial ? .partial : .todo
        case .lowerIsBetter: return value <= t.done ? .done : value <= t.partial ? .partial : .todo
        }
    }

    /// "done at ≥ 80.0%, partial at ≥ 50.0%"; without a partial band (item 4: partial = done) only the first half.
    func text(_ t: Threshold) -> String {
        let op = direction == .higherIsBetter ? "≥" : "≤"
        let hasPartial = direction == .higherIsBetter ? t.partial < t.done : t.partial > t.done
        return "done at \(op) \(unit(t.done))" + (hasPartial ? ", partial at \(op) \(unit(t.partial))" : "")
    }
}

/// Small helpers for the items' sentences.
enum ChecklistText {
    /// The smallest n ≥ 0 with (count + n) / total ≥ target (runs to change for a share threshold).
    static func more(_ count: Int, of total: Int, toReach target: Double) -> Int {
        guard total > 0 else { return 0 }
        var n = max(0, Int((target * Double(total)).rounded(.up)) - count)
        while n > 0, Double(count + n - 1) / Double(total) >= target { n -= 1 }
        while Double(count + n) / Double(total) < target, count + n < total { n += 1 }
        return n
    }

    /// Hours rounded up to the tenth shown, so doing what it says reaches the threshold.
    static func hoursUp(_ h: Double) -> String { Format.hours(max(0, ((h * 10) - 1e-9).rounded(.up) / 10)) }

    /// Money rounded up to the cent shown.
    static func usdUp(_ v: Double) -> String { Format.usd(max(0, ((v * 100) - 1e-9).rounded(.up) / 100)) }

    static func runs(_ n: Int) -> String { Text.count(n, "run") }

    /// `1 more run`, `3 more runs`.
    static func moreRuns(_ n: Int) -> String { "\(Format.count(n)) more \(n == 1 ? "run" : "runs")" }
}
