import CostModel

/// Checklist item 9 (spec §7): over the reserved window at as-of.
extension Checklist {
    static func reservedCapacity(_ c: ChecklistContext) -> ChecklistItem {
        let w = c.reserved
        guard let first = w.months.first, let last = w.months.last else {
            return unknown(9, c, detail: "No full calendar month of records ends on or before the as-of date "
                                + "(the window is the last \(c.config.reservedMonths) months starting on or after the first record).",
                           input: "at least one full calendar month of records")
        }
        let span = first == last ? first.id : "\(first.id)…\(last.id)"
        let months = "\(span) (\(Text.count(w.months.count, "full month")))"
        let recommended = w.rows.filter { $0.term != nil }
        let total = w.summary.monthlySavings
        let valueText = recommended.isEmpty ? "no commitment pays off over \(Text.count(w.months.count, "month"))"
            : "\(Format.usd(total))/month from \(Text.count(recommended.count, "commitment"))"
        func describe(_ r: ReservedCapacity) -> String {
            "\(r.provider) \(r.instanceType) ran \(Format.hours(r.meanHours)) on-demand h/month "
                + "(utilization \(Format.percent(r.utilization)), break-even \(Format.percent(r.breakEven)))"
        }
        // A commitment that pays off is money left on the table, so it decides (todo) even when some
        // capacity is already reserved; reserved records alone, or no paying term, mean done.
        let status: ChecklistStatus
        var detail: String
        var toDone = ""
        let alreadyReserved = w.reservedRecords > 0
            ? " \(Text.count(w.reservedRecords, "record")) already ran on reserved capacity." : ""
        if let top = recommended.first {
            status = .todo
            detail = "Over \(months), \(describe(top)): a \(top.term!) commitment would save \(Format.usd(top.monthlySavings))/month"
                + (recommended.count > 1 ? "; \(recommended.count - 1) more instance types would save too." : ".") + alreadyReserved
            toDone = "commit to \(top.term!) for \(top.provider) \(top.instanceType) (saves \(Format.usd(top.monthlySavings))/month)"
        } else if w.reservedRecords > 0 {
            status = .done
            detail = "\(Text.count(w.reservedRecords, "record")) ran on reserved capacity in \(months), and no further commitment pays off."
        } else {
            status = .done
            detail = "Over \(months), no instance type's on-demand utilization reaches a commitment's break-even"
                + (w.rows.first.map { "; highest: " + describe($0) + "." } ?? "; no on-demand hours in the window.")
        }
        return ChecklistItem(id: 9, title: title(9), status: status, value: total, valueText: valueText,
                             threshold: thresholdText(9, c), detail: detail, toDone: toDone)
    }
}
