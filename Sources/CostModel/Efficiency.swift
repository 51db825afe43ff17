/// One benchmark on one instance type: how much throughput an on-demand dollar-hour buys there
/// (spec §13). `efficiency` in the JSON.
public struct EfficiencyRow: Sendable, Codable, Equatable {
    public var benchmark: String
    public var instanceType: String
    public var provider: String
    public var samples: Int
    public var medianThroughput: Double
    /// Nil (JSON null) when no sample of the group had a latency.
    public var medianLatencyMs: Double?
    /// R: the instance's base on-demand price, USD per hour (not a region's).
    public var onDemandRate: Double
    /// Median throughput per on-demand dollar-hour.
    public var value: Double
    /// `value` / the benchmark's largest value (1 for the best).
    public var relativeValue: Double
    /// The benchmark's row with the largest value (the first in sort order on a tie).
    public var best: Bool

    public init(benchmark: String, instanceType: String, provider: String, samples: Int, medianThroughput: Double,
                medianLatencyMs: Double?, onDemandRate: Double, value: Double, relativeValue: Double, best: Bool) {
        self.benchmark = benchmark; self.instanceType = instanceType; self.provider = provider
        self.samples = samples; self.medianThroughput = medianThroughput; self.medianLatencyMs = medianLatencyMs
        self.onDemandRate = onDemandRate; self.value = value; self.relativeValue = relativeValue; self.best = best
    }

    private enum CodingKeys: String, CodingKey {
        case benchmark, instanceType, provider, samples, medianThroughput, medianLatencyMs, onDemandRate, value,
             relativeValue, best
    }

    /// Every key always present: `median_latency_ms` is null, not absent, without latencies (spec §13).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(benchmark, forKey: .benchmark)
        try c.encode(instanceType, forKey: .instanceType)
        try c.encode(provider, forKey: .provider)
        try c.encode(samples, forKey: .samples)
        try c.encode(medianThroughput, forKey: .medianThroughput)
        try c.encode(medianLatencyMs, forKey: .medianLatencyMs)
        try c.encode(onDemandRate, forKey: .onDemandRate)
        try c.encode(value, forKey: .value)
        try c.encode(relativeValue, forKey: .relativeValue)
        try c.encode(best, forKey: .best)
    }
}

extension EfficiencyRow {
    /// `rows`, sorted as spec §13 says (by benchmark, then value), cut into one group per
    /// benchmark in that order: each group's first row is its best, its last its lowest value.
    public static func byBenchmark(_ rows: [EfficiencyRow]) -> [[EfficiencyRow]] {
        var groups: [[EfficiencyRow]] = []
        for row in rows {
            if groups.last?.first?.benchmark == row.benchmark { groups[groups.count - 1].append(row) } else { groups.append([row]) }
        }
        return groups
    }
}

/// The site's Performance per dollar page: spec §13 over a longer window than one report, so
/// each median rests on more samples (the same 12 ISO weeks as the dimension pages).
public struct EfficiencyPage: Sendable, Codable, Equatable {
    public var asOf: String
    /// First and last day of the window (the last is the as-of date).
    public var from: String
    public var through: String
    public var weeks: Int
    /// Sorted as `Report.efficiency`.
    public var rows: [EfficiencyRow]

    public init(asOf: String, from: String, through: String, weeks: Int, rows: [EfficiencyRow]) {
        self.asOf = asOf; self.from = from; self.through = through; self.weeks = weeks; self.rows = rows
    }
}

/// Issue 12 part 4: a benchmark run on an oversized instance (spec §5 right-size) whose
/// best-value instance type (spec §13, measured on two or more) is not the one right-size
/// recommends. A note only: not priced, not in any potential. `right_size_best_value` in the JSON.
public struct BestValueNote: Sendable, Codable, Equatable {
    public var benchmark: String
    /// The instance type right-size recommends for these records.
    public var recommended: String
    public var bestInstanceType: String
    public var bestProvider: String
    /// The recommended instance's relative value for the benchmark; nil (JSON null) when the
    /// benchmark was never measured on it.
    public var recommendedRelativeValue: Double?
    /// The benchmark's oversized records with this recommendation, and their spend.
    public var records: Int
    public var spend: Double

    public init(benchmark: String, recommended: String, bestInstanceType: String, bestProvider: String,
                recommendedRelativeValue: Double?, records: Int, spend: Double) {
        self.benchmark = benchmark; self.recommended = recommended; self.bestInstanceType = bestInstanceType
        self.bestProvider = bestProvider; self.recommendedRelativeValue = recommendedRelativeValue
        self.records = records; self.spend = spend
    }

    private enum CodingKeys: String, CodingKey {
        case benchmark, recommended, bestInstanceType, bestProvider, recommendedRelativeValue, records, spend
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(benchmark, forKey: .benchmark); try c.encode(recommended, forKey: .recommended)
        try c.encode(bestInstanceType, forKey: .bestInstanceType); try c.encode(bestProvider, forKey: .bestProvider)
        try c.encode(recommendedRelativeValue, forKey: .recommendedRelativeValue)
        try c.encode(records, forKey: .records); try c.encode(spend, forKey: .spend)
    }

    /// How many a report keeps (largest spend first).
    public static let limit = 10
}

/// Issue 12 part 5: one benchmark a pull request ran on one instance type, against every
/// instance type the fleet measured it on. `efficiency` in `costreport pr --format json`.
public struct PullRequestEfficiency: Sendable, Codable, Equatable {
    public var benchmark: String
    public var instanceType: String
    public var provider: String
    /// The PR's own samples of the benchmark there.
    public var samples: Int
    /// Its relative value among the fleet's rows; nil (null) when the instance has no catalog price.
    public var relativeValue: Double?
    /// The benchmark's best-value instance type and how many instance types were compared.
    public var bestInstanceType: String?
    public var bestProvider: String?
    public var instanceTypes: Int

    public init(benchmark: String, instanceType: String, provider: String, samples: Int, relativeValue: Double?,
                bestInstanceType: String?, bestProvider: String?, instanceTypes: Int) {
        self.benchmark = benchmark; self.instanceType = instanceType; self.provider = provider
        self.samples = samples; self.relativeValue = relativeValue; self.bestInstanceType = bestInstanceType
        self.bestProvider = bestProvider; self.instanceTypes = instanceTypes
    }

    private enum CodingKeys: String, CodingKey {
        case benchmark, instanceType, provider, samples, relativeValue, bestInstanceType, bestProvider, instanceTypes
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(benchmark, forKey: .benchmark); try c.encode(instanceType, forKey: .instanceType)
        try c.encode(provider, forKey: .provider); try c.encode(samples, forKey: .samples)
        try c.encode(relativeValue, forKey: .relativeValue); try c.encode(bestInstanceType, forKey: .bestInstanceType)
        try c.encode(bestProvider, forKey: .bestProvider); try c.encode(instanceTypes, forKey: .instanceTypes)
    }
}
