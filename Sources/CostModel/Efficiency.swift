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
