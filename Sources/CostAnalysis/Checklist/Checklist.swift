import CostModel

/// Spec §7: the ten items of the team's cost guide, in its order. Items 1–6 are measured over the
/// report's period; 7 reads the config, 8 the publication log at the as-of week, 9 the reserved
/// window at as-of, 10 the inventory at as-of. An item declared in `checklist.declared` is shown as
/// declared and not measured.
struct ChecklistContext {
    let config: Config
    let inputs: RecordChecklistInputs
    let opportunities: Opportunities
    let labels: Labels
    let reserved: ReservedWindow
    let unused: UnusedResources
    let undatedSnapshots: Int
    let publicationLog: PublicationLog?
    let asOf: Day
}

enum Checklist {
    static let titles = [
        "Spot for non-critical tests", "Right-size", "Parallel tests", "Cache weights and kernels",
        "Off-peak scheduling", "Optimal regions", "Alerts and budgets", "Weekly review", "Reserved capacity",
        "Clean up unused resources",
    ]

    static func items(_ c: ChecklistContext) -> [ChecklistItem] {
        (1...10).map { id in
            if let word = c.config.declared[id] { return declared(id: id, word: word, c) }
            switch id {
            case 1: return spot(c)
            case 2: return rightSize(c)
            case 3: return parallel(c)
            case 4: return cache(c)
            case 5: return offPeak(c)
            case 6: return regions(c)
            case 7: return alerts(c)
            case 8: return weeklyReview(c)
            case 9: return reservedCapacity(c)
            default: return cleanup(c)
            }
        }
    }

    static func title(_ id: Int) -> String { titles[id - 1] }

    /// The threshold sentence of each item (measured or not), for declared items too.
    static func thresholdText(_ id: Int, _ c: ChecklistContext) -> String {
        if let scale = scale(id) { return scale.text(scale.threshold(c.config, id: id)) }
        switch id {
        case 7: return "done with budget.monthly and budget.daily_alert set in costreport.yml, partial with one"
        case 9: return "done when ≥ 1 full month is analysed and no commitment pays off, or reserved records exist; todo when one pays off"
        default: return cleanupThresholdText(c)
        }
    }

    /// Spec §7 defaults for the items judged by a figure against two thresholds.
    static func scale(_ id: Int) -> ChecklistScale? {
        switch id {
        case 1: return .share(done: 0.8, partial: 0.5)
        case 2: return .share(done: 0.05, partial: 0.20, .lowerIsBetter)
        case 3: return .share(done: 0.8, partial: 0.3)
        // Item 4 has no partial band by default (partial = done); a configured one is used.
        case 4: return .share(done: 0.8, partial: 0.8)
        case 5: return .share(done: 0.7, partial: 0.4)
        case 6: return .share(done: 0.9, partial: 0.6)
        case 8: return ChecklistScale(defaults: Threshold(done: 4, partial: 2), direction: .higherIsBetter,
                                      unit: { Text.count(Int($0.rounded()), "week") + " of the last 4" })
        default: return nil
        }
    }

    static func declared(id: Int, word: String, _ c: ChecklistContext) -> ChecklistItem {
        ChecklistItem(id: id, title: title(id), status: .declared, value: nil, valueText: "declared \(word)",
                      threshold: thresholdText(id, c),
                      detail: "Declared \(word) in costreport.yml (checklist.declared); not measured.",
                      toDone: "", declared: word)
    }

    static func unknown(_ id: Int, _ c: ChecklistContext, detail: String, input: String) -> ChecklistItem {
        // The deciding "figure" of an unknown item is what is missing, in the detail's own words.
        ChecklistItem(id: id, title: title(id), status: .unknown, value: nil,
                      valueText: String(detail.prefix { $0 != "." && $0 != ";" && $0 != "(" }).trimmingSpaces,
                      threshold: thresholdText(id, c), detail: "\(detail) Would decide it: \(input).",
                      toDone: input)
    }

    /// A measured share item: value, status by its scale, and `toDone` only when not done.
    static func measured(_ id: Int, _ c: ChecklistContext, value: Double, valueText: String, detail: String,
                         toDone: (Threshold) -> String) -> ChecklistItem {
        let scale = scale(id)!
        let t = scale.threshold(c.config, id: id)
        let status = scale.status(value, t)
        return ChecklistItem(id: id, title: title(id), status: status, value: value, valueText: valueText,
                             threshold: scale.text(t), detail: detail, toDone: status == .done ? "" : toDone(t))
    }
}
