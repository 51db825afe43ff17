import CostModel

/// Per-row sums of spec §4, added record by record (no rounding anywhere).
struct Tally {
    var records = 0
    /// Distinct runs; counted by `RunCounter` / `DimensionTally`, not by `add`.
    var runs = 0
    var hours = 0.0
    var spend = 0.0
    var onDemandEquivalent = 0.0
    var realizedSavings = 0.0
    var testsPassed = 0
    var testsFailed = 0
    var failedRunSpend = 0.0
    var estimatedSpend = 0.0

    @inline(__always)
    mutating func add(_ r: RunRecord) {
        records += 1
        spend += r.cost
        if let h = r.hours { hours += h }
        if let od = r.onDemandEquivalent {
            onDemandEquivalent += od
            if let saved = r.realizedSavings {
                realizedSavings += saved
            }
        }
        testsPassed = testsPassed.addingSaturated(Int(r.testsPassed))
        testsFailed = testsFailed.addingSaturated(Int(r.testsFailed))
        // A record with failed tests is itself part of a run with failures, flagged or not.
        if r.flags.contains(.runHasFailures) || r.testsFailed > 0 { failedRunSpend += r.cost }
        if r.flags.contains(.costEstimated) { estimatedSpend += r.cost }
    }

    /// Spec §4: realized savings / on-demand equivalent over records with a rate (on-demand
    /// records included), the FinOps effective savings rate; nil when no record had a rate and hours.
    var savingsRate: Double? { onDemandEquivalent > 0 ? realizedSavings / onDemandEquivalent : nil }

    var totals: Totals {
        var t = Totals()
        t.records = records; t.runs = runs; t.hours = hours; t.spend = spend
        t.onDemandEquivalent = onDemandEquivalent; t.realizedSavings = realizedSavings
        t.savingsRate = savingsRate; t.testsPassed = testsPassed; t.testsFailed = testsFailed
        t.failedRunSpend = failedRunSpend; t.estimatedSpend = estimatedSpend
        return t
    }

    func row(key: String, periodSpend: Double) -> BreakdownRow {
        BreakdownRow(key: key, runs: runs, records: records, hours: hours, spend: spend,
                     share: periodSpend > 0 ? spend / periodSpend : 0,
                     onDemandEquivalent: onDemandEquivalent, realizedSavings: realizedSavings,
                     savingsRate: savingsRate, testsPassed: testsPassed, testsFailed: testsFailed,
                     failedRunSpend: failedRunSpend)
    }
}

/// The run ordinals (`Timeline.runOrdinals`) a period's records use: `base ..< base + count`.
/// A period's runs are numbered almost consecutively (runs are numbered as they start), so arrays
/// this long answer "was this run counted?" without hashing: hash-set inserts were an eighth of a
/// million-record site build (issue 15).
struct RunSpan {
    var base: Int32
    var count: Int
}

/// Distinct runs: a `run_id` counts once; a record without one (`StringTable.none`) is its own run.
/// `contiguous`: each run's records are adjacent (see `Timeline.runsContiguous`), so a change of run
/// is a new run and no set is needed.
struct RunCounter {
    private let contiguous: Bool
    private var seen = Set<StringID>()
    private var last: StringID = -1
    private(set) var count = 0
    /// With a span: whether each run ordinal was counted.
    private var counted: [Bool] = []
    private var base: Int32 = 0

    init(contiguous: Bool, span: RunSpan? = nil) {
        self.contiguous = contiguous
        if let span, !contiguous {
            counted = [Bool](repeating: false, count: span.count)
            base = span.base
        }
    }

    /// Without an ordinal (-1): the set decides.
    @inline(__always)
    mutating func add(_ run: StringID) { add(run, ordinal: -1) }

    /// The same, given the record's run ordinal within the span passed to `init` (without a
    /// span, the set decides).
    @inline(__always)
    mutating func add(_ run: StringID, ordinal: Int32) {
        if run == StringTable.none { count += 1; return }
        if run == last { return }
        last = run
        if contiguous { count += 1; return }
        if counted.isEmpty || ordinal < 0 {
            if seen.insert(run).inserted { count += 1 }
            return
        }
        let k = Int(ordinal - base)
        if !counted[k] { counted[k] = true; count += 1 }
    }
}

/// One breakdown dimension: rows keyed by a small integer (a `StringID`, a market or test type raw
/// value, a day ordinal), never by `String`, so a million records hash integers only.
struct DimensionTally {
    /// Each run's records are adjacent: a row whose last counted run differs has a new run.
    private let runsContiguous: Bool
    private var slots = KeySlots()
    private(set) var tallies: [Tally] = []
    /// Last run seen per row: records of one run are usually adjacent, which skips most set look-ups.
    private var lastRun: [StringID] = []
    /// (row slot, run) pairs already counted. With a span, only for runs in several rows.
    private var seen = Set<UInt64>()
    /// With a span, per run ordinal: -1 not counted yet, a slot when counted in that row only,
    /// -2 when in several rows (their pairs are in `seen`).
    private var runState: [Int32] = []
    private var runBase: Int32 = 0

    init(runsContiguous: Bool, span: RunSpan? = nil) {
        self.runsContiguous = runsContiguous
        if let span, !runsContiguous {
            runState = [Int32](repeating: -1, count: span.count)
            runBase = span.base
        }
    }

    var keys: [Int32] { slots.keys }

    /// Without an ordinal (-1): the set decides.
    @inline(__always)
    mutating func add(_ key: Int32, _ r: RunRecord) { add(key, r, ordinal: -1) }

    /// The same, given the record's run ordinal within the span passed to `init`: the same counts
    /// (without a span, the set decides).
    @inline(__always)
    mutating func add(_ key: Int32, _ r: RunRecord, ordinal: Int32) {
        let (slot, isNew) = slots.slot(for: key)
        if isNew {
            tallies.append(Tally())
            lastRun.append(-1)
        }
        tallies[slot].add(r)
        if r.run == StringTable.none {
            tallies[slot].runs += 1
        } else if lastRun[slot] != r.run {
            lastRun[slot] = r.run
            if runsContiguous || isNewRun(r.run, ordinal: ordinal, slot: slot) { tallies[slot].runs += 1 }
        }
    }

    /// Whether row `slot` has not counted `run` yet (and now has).
    @inline(__always)
    private mutating func isNewRun(_ run: StringID, ordinal: Int32, slot: Int) -> Bool {
        guard !runState.isEmpty, ordinal >= 0 else { return seen.insert(Self.pair(slot, run)).inserted }
        let k = Int(ordinal - runBase)
        let state = runState[k]
        if state == -1 {
            runState[k] = Int32(slot)
            return true
        }
        if state == Int32(slot) { return false }
        // The run is in a second row: from now on its rows are kept as pairs.
        if state >= 0 {
            seen.insert(Self.pair(Int(state), run))
            runState[k] = -2
        }
        return seen.insert(Self.pair(slot, run)).inserted
    }

    private static func pair(_ slot: Int, _ run: StringID) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: slot)) << 32 | UInt64(UInt32(bitPattern: run))
    }

    func tally(for key: Int32) -> Tally? {
        slots.slot(of: key).map { tallies[$0] }
    }

    /// Rows sorted by spend (largest first), ties by key.
    func rows(label: (Int32) -> String, periodSpend: Double) -> [BreakdownRow] {
        zip(keys, tallies)
            .map { $0.1.row(key: label($0.0), periodSpend: periodSpend) }
            .sorted(by: BreakdownRow.bySpend)
    }
}

/// Totals only (the previous period needs no breakdowns).
struct TotalsAccumulator {
    private var tally = Tally()
    private var runs: RunCounter

    init(runsContiguous: Bool, span: RunSpan? = nil) { runs = RunCounter(contiguous: runsContiguous, span: span) }

    mutating func add(_ r: RunRecord) { add(r, ordinal: -1) }

    mutating func add(_ r: RunRecord, ordinal: Int32) {
        tally.add(r)
        runs.add(r.run, ordinal: ordinal)
    }

    var totals: Totals {
        var t = tally
        t.runs = runs.count
        return t.totals
    }
}

extension BreakdownRow {
    /// Spec §10: rows sorted by spend, largest first, ties by key.
    static func bySpend(_ a: BreakdownRow, _ b: BreakdownRow) -> Bool {
        a.spend != b.spend ? a.spend > b.spend : a.key < b.key
    }
}
