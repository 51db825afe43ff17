import CostModel

/// Spec §7: the ten items of the team's cost guide, in its order. Items 1–6 are measured over the
/// report's period; 7 reads the config, 8 the publication log at the as-of week, 9 the reserved
/// window at as-of, 10 the inventory at as-of. An item declared in `checklist.declared` is shown as
/// declared and not measured. Each item is decided here (status, deciding figure) and described by
/// `ChecklistFacts`; the render stage words the facts (`ReportWording`).
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
        case 8: return ChecklistScale(defaults: Threshold(done: 4, partial: 2), direction: .higherIsBetter)
        default: return nil
        }
    }

    /// The facts every item starts from: the threshold it is judged by (items 7 and 9 have none).
    static func facts(_ id: Int, _ c: ChecklistContext) -> ChecklistFacts {
        if let scale = scale(id) {
            return ChecklistFacts(threshold: scale.threshold(c.config, id: id),
                                  lowerIsBetter: scale.direction == .lowerIsBetter)
        }
        return id == 10 ? ChecklistFacts(threshold: c.config.thresholds[10] ?? cleanupDefaults) : ChecklistFacts()
    }

    static func declared(id: Int, word: String, _ c: ChecklistContext) -> ChecklistItem {
        ChecklistItem(id: id, status: .declared, value: nil, facts: facts(id, c), declared: word)
    }

    /// An item without the data to decide it; `fill` adds what the words need to say what is missing.
    static func unknown(_ id: Int, _ c: ChecklistContext, _ fill: (inout ChecklistFacts) -> Void) -> ChecklistItem {
        var f = facts(id, c)
        fill(&f)
        return ChecklistItem(id: id, status: .unknown, value: nil, facts: f)
    }

    /// A measured item: status by its scale; `fill` adds the item's facts (given the threshold, and
    /// whether it is done, so amounts still to change are set only when it is not).
    static func measured(_ id: Int, _ c: ChecklistContext, value: Double,
                         _ fill: (inout ChecklistFacts, Threshold, _ done: Bool) -> Void) -> ChecklistItem {
        let scale = scale(id)!
        let t = scale.threshold(c.config, id: id)
        let status = scale.status(value, t)
        var f = facts(id, c)
        fill(&f, t, status == .done)
        return ChecklistItem(id: id, status: status, value: value, facts: f)
    }
}
