import CostModel

extension DatasetBuilder {
    /// Applies the whole-run rules (failures, double counting or run attribution), sorts the
    /// records by instant then source order, and hands the dataset over, leaving the builder empty.
    ///
    /// The records and samples are moved out first, so each array has one owner and is sorted and
    /// marked in place: were the builder still holding them, the first change would copy all of them
    /// (at a million records, 170 MB, issue 15's profile).
    public mutating func finish() -> Dataset {
        var records: [RunRecord] = []
        var samples: [PerformanceSample] = []
        swap(&records, &self.records)
        swap(&samples, &self.samples)
        let accepted = records.count
        quality.read = accepted + quality.rejectedTotal
        let groups = RunGroups(records, runIDs: strings.count)
        Self.markRunsWithFailures(&records, groups)
        switch config.costAttribution {
        case .record:
            quality.doubleCounting = Self.doubleCounting(records, groups)
        case .run:
            records = Self.foldedIntoRuns(records, groups)
            quality.foldedIntoRuns = accepted - records.count
        }
        Self.sortByInstant(&records)
        // By day, in source order within a day: the order `EfficiencyIndex` reads them in, so it
        // need not sort a copy.
        StableSort.inPlace(&samples) { $0.day }
        return Dataset(records: records, strings: strings, quality: quality, samples: samples)
    }

    /// Spend on runs with failed tests (spec §4) needs every record of such a run marked.
    private static func markRunsWithFailures(_ records: inout [RunRecord], _ groups: RunGroups) {
        records.withUnsafeMutableBufferPointer { records in
            for g in 0..<groups.count {
                let group = groups[g]
                var failed = false
                for i in group where records[Int(i)].testsFailed > 0 { failed = true; break }
                if failed { for i in group { records[Int(i)].flags.insert(.runHasFailures) } }
            }
        }
    }

    /// Record mode: a run whose records repeat the same non-zero, recorded (not estimated) cost
    /// probably copies one run cost onto each benchmark row (spec §12). Copies beyond the first count.
    static func doubleCounting(_ records: [RunRecord], _ groups: RunGroups) -> DoubleCounting {
        var result = DoubleCounting()
        var costs: [Double] = []
        for g in 0..<groups.count where groups[g].count >= 2 {
            costs.removeAll(keepingCapacity: true)
            for i in groups[g] where records[Int(i)].cost > 0 && !records[Int(i)].flags.contains(.costEstimated) {
                costs.append(records[Int(i)].cost)
            }
            guard costs.count >= 2 else { continue }
            costs.sort()
            var copies = 0, spend = 0.0
            for k in 1..<costs.count where costs[k] == costs[k - 1] {
                copies += 1
                spend += costs[k]
            }
            if copies > 0 {
                result.runs += 1
                result.records += copies
                result.duplicatedSpend += spend
            }
        }
        return result
    }

    /// Run mode: one record per run. Dimensions (and the instant, so the run's place in time) come
    /// from its earliest record; cost, hours and market from its costliest; tests are summed.
    /// R stays the earliest record's, since R belongs to the instance and region it describes.
    /// Yes/no facts about the run (scheduled, parallel, cache, failures) are true when any record
    /// says so; `costEstimated`/`marketInferred` describe the cost taken, so they follow it.
    static func foldedIntoRuns(_ records: [RunRecord], _ groups: RunGroups) -> [RunRecord] {
        let costFlags: RecordFlags = [.costEstimated, .marketInferred]
        var folded: [RunRecord] = []
        folded.reserveCapacity(groups.count)
        for g in 0..<groups.count {
            // Groups list indices in source order, so ties go to the earlier row.
            let group = groups[g].lazy.map { Int($0) }
            var earliest = group.first!, costliest = group.first!   // a group has at least one record
            var passed: Int64 = 0, failed: Int64 = 0, skipped: Int64 = 0
            var anyFlags: RecordFlags = []
            for i in group {
                let r = records[i]
                if r.instant < records[earliest].instant { earliest = i }
                if r.cost > records[costliest].cost { costliest = i }
                // Each count is at most 2^53 (spec §12), so a run's sum saturates rather than traps.
                passed = Int64(Int(passed).addingSaturated(Int(r.testsPassed)))
                failed = Int64(Int(failed).addingSaturated(Int(r.testsFailed)))
                skipped = Int64(Int(skipped).addingSaturated(Int(r.testsSkipped)))
                anyFlags.formUnion(r.flags)
            }
            var run = records[earliest]
            let cost = records[costliest]
            run.cost = cost.cost
            run.hours = cost.hours
            run.market = cost.market
            run.flags = anyFlags.subtracting(costFlags).union(cost.flags.intersection(costFlags))
            run.testsPassed = passed
            run.testsFailed = failed
            run.testsSkipped = skipped
            folded.append(run)
        }
        return folded
    }

    /// Instant, then source order: results never depend on the order a source returned rows in.
    /// (Folded runs are in order of each run's first row, which stands in for source order.)
    static func sortByInstant(_ records: inout [RunRecord]) {
        StableSort.inPlace(&records) { $0.instant }
    }
}

/// Record indices grouped by run, each group in source order, groups in order of first appearance.
/// Flat (one index array and the groups' bounds) rather than an array per run: a million records in
/// a quarter of a million runs made as many small arrays.
struct RunGroups {
    /// The indices, group after group.
    private let indices: [Int32]
    /// Group g is `indices[bounds[g] ..< bounds[g + 1]]`.
    private let bounds: [Int32]

    var count: Int { bounds.count - 1 }
    subscript(g: Int) -> ArraySlice<Int32> { indices[Int(bounds[g])..<Int(bounds[g + 1])] }

    /// `runIDs`: how many run ids there can be (the string table's size), so runs are slotted by array.
    init(_ records: [RunRecord], runIDs: Int) {
        var slot = [Int32](repeating: -1, count: runIDs)
        var sizes: [Int32] = []
        for r in records {
            let run = Int(r.run)
            if slot[run] < 0 {
                slot[run] = Int32(sizes.count)
                sizes.append(0)
            }
            sizes[Int(slot[run])] += 1
        }
        var bounds = [Int32](repeating: 0, count: sizes.count + 1)
        for g in 0..<sizes.count { bounds[g + 1] = bounds[g] + sizes[g] }
        var next = Array(bounds.dropLast())
        var indices = [Int32](repeating: 0, count: records.count)
        for (i, r) in records.enumerated() {
            let g = Int(slot[Int(r.run)])
            indices[Int(next[g])] = Int32(i)
            next[g] += 1
        }
        self.indices = indices
        self.bounds = bounds
    }
}
