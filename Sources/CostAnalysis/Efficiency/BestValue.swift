import CostModel

// Where performance per dollar (spec §13) meets the rest of the report (issue 12 parts 3–5): the
// site's page over 12 weeks, the instance-type pages' best and worst benchmarks, the right-size
// note and the pull request's table. Each reads the same `EfficiencyIndex.rows`.

extension Analyzer {
    /// Spec §13 over the 12 ISO weeks ending with the week of `asOf` (the dimension pages' window),
    /// up to as-of: a report's week has too few samples per instance type for a choice of machine.
    public func efficiencyPage(asOf: Day) -> EfficiencyPage {
        let start = Self.dimensionWindowStart(asOf: asOf)
        return EfficiencyPage(asOf: asOf.iso, from: start.iso, through: asOf.iso, weeks: Self.dimensionWeeks,
                              rows: efficiency.rows(from: start, through: asOf, labels: labels, catalog: catalog))
    }

    /// The first day of the 12 ISO weeks ending with the week of `asOf`.
    static func dimensionWindowStart(asOf: Day) -> Day {
        Period.week(containing: asOf).start.adding(days: -7 * (dimensionWeeks - 1))
    }
}

/// Per instance type, the benchmarks (measured on two or more instance types) where it gives the
/// most and the least throughput per dollar: what an instance type's page lists.
struct BestAndWorst {
    private(set) var best: [String: [String]] = [:]
    private(set) var worst: [String: [String]] = [:]

    /// `rows` sorted as spec §13 says (per benchmark, largest value first), so a benchmark's last
    /// row is its worst. Benchmark names come out in that (alphabetical) order.
    init(_ rows: [EfficiencyRow]) {
        for group in EfficiencyRow.byBenchmark(rows) where group.count > 1 {
            best[group[0].instanceType, default: []].append(group[0].benchmark)
            worst[group[group.count - 1].instanceType, default: []].append(group[group.count - 1].benchmark)
        }
        // The same instance type name at two providers lists a benchmark once.
        best = best.mapValues(Self.unique); worst = worst.mapValues(Self.unique)
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}

/// Issue 12 part 4, gathered while a report reads its period's records: the oversized records
/// (spec §5 right-size) that name a benchmark, per benchmark and recommended instance.
struct BestValueTally {
    private struct Key: Hashable { let benchmark: StringID; let recommended: Int32 }
    private var tallies: [Key: (records: Int, spend: Double)] = [:]

    mutating func add(_ r: RunRecord, _ s: RecordSavings, index: SavingsIndex) {
        guard s.oversized, r.benchmark != StringTable.none,
              let recommended = index.facts[Int(s.facts)].recommended else { return }
        let key = Key(benchmark: r.benchmark, recommended: recommended.name)
        tallies[key, default: (0, 0)].records += 1
        tallies[key, default: (0, 0)].spend += r.cost
    }

    /// A note where the benchmark's best value (among two or more instance types in `rows`, the
    /// period's efficiency) is not the recommended instance. Largest spend first, then benchmark.
    func notes(rows: [EfficiencyRow], labels: Labels, index: SavingsIndex) -> [BestValueNote] {
        var byBenchmark: [String: [EfficiencyRow]] = [:]
        for row in rows { byBenchmark[row.benchmark, default: []].append(row) }
        var notes: [BestValueNote] = []
        for (key, t) in tallies {
            let benchmark = labels[key.benchmark], recommended = index.names[Int(key.recommended)]
            guard let measured = byBenchmark[benchmark], measured.count > 1, let best = measured.first,
                  best.instanceType != recommended else { continue }
            let there = measured.first { $0.instanceType == recommended }
            notes.append(BestValueNote(benchmark: benchmark, recommended: recommended,
                                       bestInstanceType: best.instanceType, bestProvider: best.provider,
                                       recommendedRelativeValue: there?.relativeValue,
                                       records: t.records, spend: t.spend))
        }
        notes.sort { a, b in
            if a.spend != b.spend { return a.spend > b.spend }
            return a.benchmark != b.benchmark ? a.benchmark < b.benchmark : a.recommended < b.recommended
        }
        return Array(notes.prefix(BestValueNote.limit))
    }
}

extension EfficiencyIndex {
    /// Issue 12 part 5: each (benchmark, instance type) of the samples up to `asOf` that `isPR`
    /// selects, against the rows of every sample from `from` (or the PR's first sample, if
    /// earlier) through `asOf`. Sorted by benchmark, then instance type, then provider.
    func pullRequest(from: Day, asOf: Day, labels: Labels, catalog: Catalog,
                     isPR: (PerformanceSample) -> Bool) -> (rows: [PullRequestEfficiency], window: DayRange?) {
        struct Key: Hashable { let benchmark: StringID; let provider: StringID; let instance: StringID }
        var counts: [Key: Int] = [:]
        var first: Day?
        for s in samples[indices(from: Day(ordinal: .min), through: asOf)] where isPR(s) {
            counts[Key(benchmark: s.benchmark, provider: s.provider, instance: s.instanceType), default: 0] += 1
            if first == nil { first = s.day }  // samples are in day order
        }
        guard let first else { return ([], nil) }
        let start = min(from, first)
        var byBenchmark: [String: [EfficiencyRow]] = [:]
        for row in rows(from: start, through: asOf, labels: labels, catalog: catalog) {
            byBenchmark[row.benchmark, default: []].append(row)
        }
        let result = counts.map { key, n -> PullRequestEfficiency in
            let benchmark = labels[key.benchmark], provider = labels[key.provider], instance = labels[key.instance]
            let measured = byBenchmark[benchmark] ?? []
            let own = measured.first { $0.instanceType == instance && $0.provider == provider }
            return PullRequestEfficiency(benchmark: benchmark, instanceType: instance, provider: provider, samples: n,
                                         relativeValue: own?.relativeValue, bestInstanceType: measured.first?.instanceType,
                                         bestProvider: measured.first?.provider, instanceTypes: measured.count)
        }.sorted { a, b in
            if a.benchmark != b.benchmark { return a.benchmark < b.benchmark }
            return a.instanceType != b.instanceType ? a.instanceType < b.instanceType : a.provider < b.provider
        }
        return (result, DayRange(start: start, end: asOf))
    }
}
