import CostModel

extension DatasetBuilder {
    /// Applies the whole-run rules (failures, double counting or run attribution), sorts the
    /// records by instant then source order, and hands the dataset over.
    public consuming func finish() -> Dataset {
        let accepted = records.count
        quality.read = accepted + quality.rejectedTotal
        let groups = RunGroups(records)
        markRunsWithFailures(groups)
        switch config.costAttribution {
        case .record:
            quality.doubleCounting = Self.doubleCounting(records, groups)
        case .run:
            records = Self.foldedIntoRuns(records, groups)
            quality.foldedIntoRuns = accepted - records.count
        }
        return Dataset(records: Self.sortedByInstant(records), strings: strings, quality: quality, samples: samples)
    }

    /// Spend on runs with failed tests (spec §4) needs every record of such a run marked.
    private mutating func markRunsWithFailures(_ groups: RunGroups) {
        records.withUnsafeMutableBufferPointer { records in
            for group in groups.members {
                var failed = false
                for i in group where records[i].testsFailed > 0 { failed = true; break }
                if failed { for i in group { records[i].flags.insert(.runHasFailures) } }
            }
        }
    }

    /// Record mode: a run whose records repeat the same non-zero, recorded (not estimated) cost
    /// probably copies one run cost onto each benchmark row (spec §12). Copies beyond the first count.
    static func doubleCounting(_ records: [RunRecord], _ groups: RunGroups) -> DoubleCounting {
        var result = DoubleCounting()
        var costs: [Double] = []
        for group in groups.members where group.count >= 2 {
            costs.removeAll(keepingCapacity: true)
            for i in group where records[i].cost > 0 && !records[i].flags.contains(.costEstimated) {
                costs.append(records[i].cost)
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
        folded.reserveCapacity(groups.members.count)
        for group in groups.members {
            // Groups list indices in source order, so ties go to the earlier row.
            var earliest = group[0], costliest = group[0]
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
    static func sortedByInstant(_ records: [RunRecord]) -> [RunRecord] {
        let instants = records.map(\.instant)
        if zip(instants, instants.dropFirst()).allSatisfy({ $0 <= $1 }) { return records }   // already in order
        let order = instants.indices.sorted { a, b in
            instants[a] != instants[b] ? instants[a] < instants[b] : a < b
        }
        return order.map { records[$0] }
    }
}

/// Record indices grouped by run, each group in source order, groups in order of first appearance.
struct RunGroups {
    let members: [[Int]]

    init(_ records: [RunRecord]) {
        var slot: [StringID: Int] = [:]
        var members: [[Int]] = []
        for (i, r) in records.enumerated() {
            if let s = slot[r.run] {
                members[s].append(i)
            } else {
                slot[r.run] = members.count
                members.append([i])
            }
        }
        self.members = members
    }
}
