import CostModel

/// What checklist items 1–6 need from the period's records (spec §7, §12 denominators), added in the
/// same pass as the opportunities and read from the same `RecordSavings`.
struct RecordChecklistInputs {
    // 1: hours of non-critical records with a known market (spot, on-demand, reserved), and on spot.
    var nonCriticalHours = 0.0
    var nonCriticalSpotHours = 0.0
    /// Non-critical on-demand hours by suite, to name where to start.
    var nonCriticalOnDemandHours: [StringID: Double] = [:]
    // 2: spend of records with a known test type, and of those oversized.
    var knownTestTypeRecords = 0
    var knownTestTypeSpend = 0.0
    var oversizedSpend = 0.0
    // 3, 4: runs once per run_id (a record without one is its own run).
    var runs = RunSet()
    var parallelismRecorded = RunSet()
    var parallel = RunSet()
    var cacheOn = RunSet()
    var cacheRecorded = false
    // 5: scheduled records' spend, and all records' (used when none is scheduled).
    var scheduled = OffPeakTally()
    var all = OffPeakTally()
    // 6: regionally priced on-demand spend, and the part in the cheapest region.
    var regionalRecords = 0
    var regionalSpend = 0.0
    var cheapestSpend = 0.0

    mutating func add(_ r: RunRecord, _ s: RecordSavings, offPeak: Bool) {
        if !s.critical, r.market != .unknown, let h = r.hours {
            nonCriticalHours += h
            if r.market == .spot { nonCriticalSpotHours += h }
            if r.market == .onDemand, h > 0 { nonCriticalOnDemandHours[r.suite, default: 0] += h }
        }
        if r.testType != .unknown {
            knownTestTypeRecords += 1
            knownTestTypeSpend += r.cost
            if s.oversized { oversizedSpend += r.cost }
        }
        runs.add(r.run)
        if r.flags.contains(.parallelismRecorded) { parallelismRecorded.add(r.run) }
        if r.flags.contains(.parallel) && r.flags.contains(.parallelismRecorded) { parallel.add(r.run) }
        if r.flags.contains(.cacheRecorded) { cacheRecorded = true }
        if r.flags.contains(.cacheOn) { cacheOn.add(r.run) }
        if r.flags.contains(.scheduled) { scheduled.add(cost: r.cost, offPeak: offPeak) }
        all.add(cost: r.cost, offPeak: offPeak)
        if s.region {
            regionalRecords += 1
            regionalSpend += r.cost
            if s.inCheapestRegion { cheapestSpend += r.cost }
        }
    }
}

/// Distinct runs: each `run_id` once; every record without one is a run of its own.
struct RunSet {
    private var ids = Set<StringID>()
    private var unnamed = 0
    /// A run's records are usually adjacent: the same run again needs no set look-up.
    private var last: StringID = -1

    @inline(__always)
    mutating func add(_ run: StringID) {
        if run == StringTable.none { unnamed += 1; return }
        if run == last { return }
        last = run
        ids.insert(run)
    }

    var count: Int { ids.count + unnamed }
}
