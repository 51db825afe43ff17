import CostModel

/// Spec §5 reserved capacity and §12: over the last N calendar months that end on or before as-of and
/// start on or after the dataset's first record's day. It depends on the as-of date only, never on the
/// report's period, so every report of one build shows the same rows.
struct ReservedWindow: Sendable {
    /// The full months analysed, oldest first (may be fewer than N; empty when none is complete).
    let months: [Period]
    /// Per provider and instance type with on-demand hours in the window (and a catalog price and
    /// commitment terms), by monthly savings desc, then utilization desc, then `provider/instance`.
    let rows: [ReservedCapacity]
    /// Records with market `reserved` in the window (checklist item 9).
    let reservedRecords: Int

    static let hoursPerMonth = 730.0

    /// The window's months and the rows with a recommended term, their savings summed in row order.
    var summary: ReservedSummary {
        let recommended = rows.filter { $0.term != nil }
        return ReservedSummary(monthIds: months.map(\.id), recommended: recommended.count,
                               monthlySavings: recommended.reduce(0) { $0 + $1.monthlySavings })
    }

    /// Calendar months ending on or before `asOf` and starting on or after `firstDay`, at most `count`.
    static func months(asOf: Day, firstDay: Day?, count: Int) -> [Period] {
        guard let firstDay, count > 0 else { return [] }
        var month = Period.month(containing: asOf)
        if month.end > asOf { month = month.previous }
        var out: [Period] = []
        while out.count < count, month.start >= firstDay {
            out.append(month)
            month = month.previous
        }
        return out.reversed()
    }

    init(index: SavingsIndex, asOf: Day, config: Config, catalog: Catalog, labels: Labels) {
        months = ReservedWindow.months(asOf: asOf, firstDay: index.firstDay, count: config.reservedMonths)
        let starts = Set(months.map(\.start))
        let usage = index.months.filter { starts.contains($0.month.start) }
        reservedRecords = usage.reduce(0) { $0 + $1.reservedRecords }

        // Hours per instance type, summed month by month in month order.
        var hours: [UInt64: Double] = [:]
        for m in usage {
            for (key, h) in m.onDemandHours { hours[key, default: 0] += h }
        }
        let monthIds = months.map(\.id)
        let n = Double(months.count)
        rows = hours.compactMap { key, total -> ReservedCapacity? in
            let (p, i) = MonthUsage.split(key)
            let provider = labels[p], instance = labels[i]
            guard total > 0, let pricing = catalog.instance(provider, instance),
                  let commitments = catalog.providers[provider]?.commitments, !commitments.isEmpty else { return nil }
            return ReservedWindow.row(provider: provider, instanceType: instance, monthIds: monthIds,
                                      meanHours: total / n, rate: pricing.onDemand, commitments: commitments)
        }
        .sorted {
            if $0.monthlySavings != $1.monthlySavings { return $0.monthlySavings > $1.monthlySavings }
            if $0.utilization != $1.utilization { return $0.utilization > $1.utilization }
            return ($0.provider, $0.instanceType) < ($1.provider, $1.instanceType)
        }
    }

    /// H, U = H / 730 and, per term with discount midpoint δ: commitment 730 × R × (1 − δ), current H × R,
    /// saving current − commitment, break-even 1 − δ. Recommends the largest positive saving (ties: the
    /// shorter term); `breakEven` is the recommended term's, else the lowest among the terms.
    static func row(provider: String, instanceType: String, monthIds: [String], meanHours h: Double, rate: Double,
                    commitments: [String: PriceRange]) -> ReservedCapacity {
        let terms = commitments.sorted { a, b in
            let (la, lb) = (termMonths(a.key), termMonths(b.key))
            return la != lb ? la < lb : a.key < b.key
        }.map { term, range -> ReservedTerm in
            let delta = range.midpoint
            let commitment = hoursPerMonth * rate * (1 - delta)
            let current = h * rate
            return ReservedTerm(term: term, discount: delta, breakEven: 1 - delta, commitmentMonthly: commitment,
                                currentMonthly: current, monthlySavings: current - commitment)
        }
        var best: ReservedTerm?
        for t in terms where t.monthlySavings > 0 && t.monthlySavings > (best?.monthlySavings ?? 0) { best = t }
        let breakEven = best?.breakEven ?? terms.map(\.breakEven).min() ?? 1
        return ReservedCapacity(provider: provider, instanceType: instanceType, months: monthIds.count,
                                monthIds: monthIds, meanHours: h, utilization: h / hoursPerMonth, term: best?.term,
                                breakEven: breakEven, monthlySavings: best?.monthlySavings ?? 0, terms: terms)
    }

    /// Term length in months for ordering (`1y` → 12, `36m` → 36); unparsable terms sort last, by name.
    static func termMonths(_ term: String) -> Int {
        let t = term.lowercased()
        guard let unit = t.last, let n = Int(t.dropLast()) else { return Int.max }
        switch unit {
        case "y": return n * 12
        case "m": return n
        default: return Int.max
        }
    }
}
