import CostModel

/// The accepted records grouped by local day, built once per `Analyzer`.
///
/// `Dataset.records` is sorted by instant and a record's local day never decreases with its
/// instant, so every period is a contiguous slice of the array: finding it is a binary search over
/// the distinct days, not a scan. Should a caller hand in records that are not in day order, they
/// are stably re-sorted by day once here (source order kept within a day), so slicing stays correct.
struct Timeline: Sendable {
    let records: [RunRecord]
    /// The distinct days that have records, ascending.
    let days: [Day]
    /// `records[dayStart[i] ..< dayStart[i + 1]]` are the records of `days[i]` (count: days + 1).
    let dayStart: [Int]
    /// Spend of each day in `days`, summed in record order.
    let daySpend: [Double]
    /// Whether each run's records are adjacent (ignoring records without a run id). Then they are
    /// adjacent in every slice too, and distinct runs per breakdown row need no hash set: a row counts
    /// a run when its last counted run differs. True for the team's data, where a run's records
    /// share the run's start time; when false, counting falls back to sets (exact either way).
    let runsContiguous: Bool
    /// Each record's run as a dense ordinal (runs numbered in order of their first record; -1
    /// for a record without a run id), so distinct runs of a period are counted with arrays
    /// indexed by ordinal rather than hash sets (`RunSpan`).
    let runOrdinals: [Int32]

    init(records input: [RunRecord]) {
        var records = input
        StableSort.inPlace(&records) { $0.day }
        var days: [Day] = []
        var dayStart: [Int] = []
        var daySpend: [Double] = []
        for (index, record) in records.enumerated() {
            if days.last != record.day {
                days.append(record.day)
                dayStart.append(index)
                daySpend.append(0)
            }
            daySpend[daySpend.count - 1] += record.cost
        }
        dayStart.append(records.count)
        runOrdinals = Timeline.ordinals(records)
        runsContiguous = Timeline.runsAreContiguous(runOrdinals)
        self.records = records
        self.days = days
        self.dayStart = dayStart
        self.daySpend = daySpend
    }

    /// Whether each run's records are adjacent: walking the records, every change of run goes to
    /// a run never seen before, which is the next ordinal.
    private static func runsAreContiguous(_ ordinals: [Int32]) -> Bool {
        var current: Int32 = -1, newest: Int32 = -1
        for o in ordinals where o >= 0 && o != current {
            guard o == newest + 1 else { return false }   // a run seen before, coming back
            newest = o
            current = o
        }
        return true
    }

    private static func ordinals(_ records: [RunRecord]) -> [Int32] {
        let limit = Int(records.lazy.map(\.run).max() ?? 0) + 1
        var ordinalOf = [Int32](repeating: -1, count: max(limit, 1))
        var next: Int32 = 0
        return records.map { record in
            guard record.run != StringTable.none, record.run >= 0 else { return -1 }
            let run = Int(record.run)
            if ordinalOf[run] < 0 { ordinalOf[run] = next; next += 1 }
            return ordinalOf[run]
        }
    }

    /// The run ordinals the records `indices` use (see `RunSpan`); nil when the span is far wider
    /// than the records (one run id recurring across the whole history, say): arrays over it would
    /// cost more than the hash sets they replace.
    func runSpan(_ indices: Range<Int>) -> RunSpan? {
        var low = Int32.max, high = Int32.min
        for i in indices {
            let o = runOrdinals[i]
            if o >= 0 { low = min(low, o); high = max(high, o) }
        }
        guard low <= high else { return RunSpan(base: 0, count: 0) }
        let count = Int(high - low) + 1
        return count <= 4 * indices.count + 1_024 ? RunSpan(base: low, count: count) : nil
    }

    /// Index into `days` of the first day ≥ `day`.
    func dayIndex(atOrAfter day: Day) -> Int {
        var low = 0, high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Indices into `days` of the days in `from...through` (empty when through < from).
    func dayIndices(from: Day, through: Day) -> Range<Int> {
        guard from <= through else { return 0..<0 }
        let lower = dayIndex(atOrAfter: from)
        return lower..<max(lower, dayIndex(atOrAfter: through.adding(days: 1)))
    }

    /// Indices into `records` of the records whose day is in `from...through`.
    func recordIndices(from: Day, through: Day) -> Range<Int> {
        let d = dayIndices(from: from, through: through)
        return dayStart[d.lowerBound]..<dayStart[d.upperBound]
    }

    /// Number of records whose day is after `day`.
    func count(after day: Day) -> Int {
        records.count - dayStart[dayIndex(atOrAfter: day.adding(days: 1))]
    }

    /// Spend of the records in `from...through`, summed record by record in order (so it equals the
    /// totals of a report over the same days to the last bit).
    func spend(from: Day, through: Day) -> Double {
        var total = 0.0
        for i in recordIndices(from: from, through: through) { total += records[i].cost }
        return total
    }
}
