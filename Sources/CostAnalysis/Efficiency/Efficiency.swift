import CostModel

/// Performance per dollar (spec §13) over one slice of days.
///
/// Memory: the samples are kept once, in the dataset (48 bytes each, sorted by day here). A
/// period's rows need the exact median of each (benchmark, instance) group, so for the period only
/// the group's throughputs and latencies are gathered into two `[Double]`s, sorted and dropped when
/// the rows are made: bounded by the period's samples, never a copy of every sample's strings.
struct EfficiencyIndex: Sendable {
    /// Samples in day order (stable: read order within a day).
    let samples: [PerformanceSample]
    /// `dayStart[i]`: index of the first sample on or after `days[i]`.
    private let days: [Day]
    private let dayStart: [Int]

    init(samples: [PerformanceSample]) {
        // The builder hands samples over sorted by day (source order within a day); then the array
        // is shared, not copied. Others (tests) are sorted here the same way.
        var sorted = samples
        StableSort.inPlace(&sorted) { $0.day }
        self.samples = sorted
        var days: [Day] = [], starts: [Int] = []
        for (i, s) in sorted.enumerated() where days.last != s.day {
            days.append(s.day); starts.append(i)
        }
        self.days = days
        dayStart = starts
    }

    /// Indices of the samples from `start` through `end`, inclusive.
    func indices(from start: Day, through end: Day) -> Range<Int> {
        guard start <= end else { return 0..<0 }
        let lo = days.firstIndex { $0 >= start }.map { dayStart[$0] } ?? samples.count
        let hi = days.firstIndex { $0 > end }.map { dayStart[$0] } ?? samples.count
        return lo..<max(lo, hi)
    }

    func rows(from start: Day, through end: Day, labels: Labels, catalog: Catalog) -> [EfficiencyRow] {
        struct Key: Hashable { let benchmark: StringID; let provider: StringID; let instance: StringID }
        var groups: [Key: (throughput: [Double], latency: [Double])] = [:]
        for i in indices(from: start, through: end) {
            let s = samples[i]
            let key = Key(benchmark: s.benchmark, provider: s.provider, instance: s.instanceType)
            groups[key, default: ([], [])].throughput.append(s.throughput)
            if let l = s.latencyMs { groups[key, default: ([], [])].latency.append(l) }
        }
        var rows: [EfficiencyRow] = []
        for (key, values) in groups {
            let provider = labels[key.provider], instance = labels[key.instance]
            // R: the instance's base price, not a region's, so regions do not distort the comparison.
            guard let rate = catalog.instance(provider, instance)?.onDemand, rate > 0,
                  let throughput = Self.median(values.throughput) else { continue }
            rows.append(EfficiencyRow(benchmark: labels[key.benchmark], instanceType: instance, provider: provider,
                                      samples: values.throughput.count, medianThroughput: throughput,
                                      medianLatencyMs: Self.median(values.latency), onDemandRate: rate,
                                      value: throughput / rate, relativeValue: 0, best: false))
        }
        rows.sort { a, b in
            if a.benchmark != b.benchmark { return a.benchmark < b.benchmark }
            if a.value != b.value { return a.value > b.value }
            return a.instanceType != b.instanceType ? a.instanceType < b.instanceType : a.provider < b.provider
        }
        // Per benchmark: the first row (largest value) is the best; the others relative to it.
        var i = 0
        while i < rows.count {
            var j = i
            while j < rows.count && rows[j].benchmark == rows[i].benchmark { j += 1 }
            let top = rows[i].value
            for k in i..<j {
                rows[k].relativeValue = top > 0 ? rows[k].value / top : 0
                rows[k].best = k == i
            }
            i = j
        }
        return rows
    }

    /// The median; an even count's is the mean of the two middle values (spec §13).
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }
}
