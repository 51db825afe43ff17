import CostModel

extension Change {
    /// Spend minus the previous spend; the percent (a fraction, 0.25 = +25 %) is nil when the
    /// previous period had no spend.
    static func between(_ spend: Double, previous: Double) -> Change {
        let delta = spend - previous
        return Change(spend: delta, percent: previous > 0 ? delta / previous : nil)
    }
}

extension TotalsChange {
    /// Each total minus the previous period's, in the same units (spend's change is `Change.between`).
    static func between(_ t: Totals, previous p: Totals) -> TotalsChange {
        TotalsChange(runs: t.runs - p.runs, records: t.records - p.records, hours: t.hours - p.hours,
                     onDemandEquivalent: t.onDemandEquivalent - p.onDemandEquivalent,
                     realizedSavings: t.realizedSavings - p.realizedSavings,
                     failedRunSpend: t.failedRunSpend - p.failedRunSpend)
    }
}

extension Timeline {
    /// Every ISO week and month (up to as-of) with at least one record on or before as-of, newest
    /// first. One pass over the records: they are in day order, so each week and each month is a
    /// contiguous run of records, and their sums equal `report(for:)`'s to the last bit.
    func periodSummaries(asOf: Day) -> (weeks: [PeriodSummary], months: [PeriodSummary]) {
        struct Bucket {
            let period: Period
            var records = 0
            var runs: RunCounter
            var spend = 0.0
            init(_ period: Period, contiguous: Bool) { self.period = period; runs = RunCounter(contiguous: contiguous) }
            mutating func add(_ r: RunRecord) { records += 1; runs.add(r.run); spend += r.cost }
        }
        var weeks: [Bucket] = []
        var months: [Bucket] = []
        let end = dayStart[dayIndex(atOrAfter: asOf.adding(days: 1))]
        for i in 0..<end {
            let r = records[i]
            if weeks.last.map({ !$0.period.contains(r.day) }) ?? true { weeks.append(Bucket(.week(containing: r.day), contiguous: runsContiguous)) }
            weeks[weeks.count - 1].add(r)
            if months.last.map({ !$0.period.contains(r.day) }) ?? true { months.append(Bucket(.month(containing: r.day), contiguous: runsContiguous)) }
            months[months.count - 1].add(r)
        }
        func summaries(_ buckets: [Bucket]) -> [PeriodSummary] {
            var spendByStart: [Day: Double] = [:]
            for b in buckets { spendByStart[b.period.start] = b.spend }
            return buckets.reversed().map { b in
                let previous = spendByStart[b.period.previous.start] ?? 0
                return PeriodSummary(period: b.period, runs: b.runs.count, records: b.records,
                                     spend: b.spend, change: .between(b.spend, previous: previous))
            }
        }
        return (summaries(weeks), summaries(months))
    }
}
