import CostModel

extension Change {
    /// Spend minus the previous spend; the percent (a fraction, 0.25 = +25 %) is nil when the
    /// previous window had no spend. `.none` when the window is not comparable (spec §12).
    static func between(_ spend: Double, previous: Double, comparable: Bool = true) -> Change {
        guard comparable else { return .none }
        let delta = spend - previous
        return Change(spend: delta, percent: previous > 0 ? delta / previous : nil)
    }
}

/// Spec §12 like for like: which days of the previous period a period is compared with.
struct ComparedWindow {
    let previous: Period
    /// The window; `end < start` when no day of the period has elapsed.
    let start: Day
    let end: Day
    /// The window is shorter than the previous period.
    let partial: Bool
    /// False when the window starts before the first accepted record's day (or there are no records).
    let comparable: Bool
    let dataStarts: Day?

    /// `period` as seen on `asOf`, with the data starting on `firstDay`.
    init(_ period: Period, asOf: Day, firstDay: Day?) {
        previous = period.previous
        start = previous.start
        let last = min(period.end, asOf)
        if last < period.end {
            // Cut short after N days: the first N days of the previous period, capped at its end.
            let elapsed = last - period.start + 1
            end = min(previous.start.adding(days: max(0, elapsed) - 1), previous.end)
        } else {
            end = previous.end
        }
        partial = end < previous.end
        dataStarts = firstDay
        let windowStart = previous.start, elapsed = end >= start
        comparable = elapsed && (firstDay.map { windowStart >= $0 } ?? false)
    }

    func info(spend: Double) -> PreviousWindow {
        PreviousWindow(id: previous.id, start: start.iso, end: max(start, end).iso, spend: spend, partial: partial,
                       comparable: comparable, dataStarts: dataStarts?.iso)
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
                // Like for like (spec §12), as `Analyzer.report` compares: a whole previous period
                // from its bucket, the first days of one (a period cut short by as-of) summed here.
                let window = ComparedWindow(b.period, asOf: asOf, firstDay: days.first)
                let previous = window.partial ? spend(from: window.start, through: window.end)
                    : spendByStart[b.period.previous.start] ?? 0
                return PeriodSummary(period: b.period, runs: b.runs.count, records: b.records, spend: b.spend,
                                     change: .between(b.spend, previous: previous, comparable: window.comparable))
            }
        }
        return (summaries(weeks), summaries(months))
    }
}
