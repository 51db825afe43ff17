import CostModel

/// Checklist item 9 (spec §7): over the reserved window at as-of.
extension Checklist {
    static func reservedCapacity(_ c: ChecklistContext) -> ChecklistItem {
        let w = c.reserved
        let summary = w.summary
        var f = facts(9, c)
        let recommended = w.rows.filter { $0.term != nil }
        f.reserved = .init(windowMonths: c.config.reservedMonths, months: summary.monthIds,
                           recommended: summary.recommended, monthlySavings: summary.monthlySavings,
                           reservedRecords: w.reservedRecords,
                           top: recommended.first.map(ChecklistFacts.Reserved.Row.init),
                           highest: recommended.isEmpty ? w.rows.first.map(ChecklistFacts.Reserved.Row.init) : nil)
        guard !w.months.isEmpty else {
            return ChecklistItem(id: 9, status: .unknown, value: nil, facts: f)
        }
        // A commitment that pays off is money left on the table, so it decides (todo) even when some
        // capacity is already reserved; reserved records alone, or no paying term, mean done.
        return ChecklistItem(id: 9, status: recommended.isEmpty ? .done : .todo, value: summary.monthlySavings, facts: f)
    }
}
