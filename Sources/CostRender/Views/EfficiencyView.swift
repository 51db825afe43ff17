import CostModel

/// The "Performance per dollar" section (spec §13): per benchmark measured on two or more instance
/// types, the best value and how much less each other one gives; the rest listed compactly. Every
/// figure is the report's `efficiency` rows, formatted.
struct EfficiencyView: TemplateFields {
    let hasRows: Bool
    let compared: [EfficiencyBenchmarkView]
    let hasCompared: Bool
    let single: [EfficiencySingleView]
    let hasSingle: Bool

    init(_ rows: [EfficiencyRow]) {
        let groups = EfficiencyRow.byBenchmark(rows)
        compared = groups.filter { $0.count > 1 }.map(EfficiencyBenchmarkView.init)
        let ones = groups.filter { $0.count == 1 }.map { $0[0] }
        single = ones.enumerated().map { i, r in
            EfficiencySingleView(benchmark: r.benchmark, instanceType: r.instanceType, last: i == ones.count - 1)
        }
        hasRows = !rows.isEmpty
        hasCompared = !compared.isEmpty
        hasSingle = !single.isEmpty
    }
}

struct EfficiencyBenchmarkView: TemplateFields {
    let benchmark: String
    let bestInstance: String
    let bestThroughput: String
    /// Nil when no sample had a latency.
    let bestLatency: String?
    let rows: [EfficiencyRowView]

    init(_ rows: [EfficiencyRow]) {
        let best = rows.first { $0.best } ?? rows[0]
        benchmark = best.benchmark
        bestInstance = best.instanceType
        bestThroughput = EfficiencyRowView.number(best.medianThroughput)
        bestLatency = best.medianLatencyMs.map { EfficiencyRowView.number($0) + " ms" }
        self.rows = rows.map(EfficiencyRowView.init)
    }
}

struct EfficiencyRowView: TemplateFields {
    let instanceType: String
    let samples: String
    let throughput: String
    let rate: String
    let value: String
    let isBest: Bool
    /// How far below the best, in percent of its throughput per dollar (`37.5%`).
    let less: String

    /// Repeated for every row of every benchmark: no reflection (see `TemplateFields`).
    func child(named name: String) -> Any? {
        switch name {
        case "instanceType": return instanceType
        case "samples": return samples
        case "throughput": return throughput
        case "rate": return rate
        case "value": return value
        case "isBest": return isBest
        case "less": return less
        default: return nil
        }
    }

    init(_ r: EfficiencyRow) {
        instanceType = r.instanceType
        samples = Format.count(r.samples)
        throughput = Self.number(r.medianThroughput)
        rate = PriceText.rate(r.onDemandRate)
        value = Self.number(r.value)
        isBest = r.best
        less = Format.percent(1 - r.relativeValue)
    }

    /// Benchmark figures span microseconds to millions: one decimal below 1,000, whole above.
    static func number(_ x: Double) -> String {
        x.magnitude >= 1000 ? Format.count(Int(saturating: x.rounded())) : Format.hours(x)
    }
}

struct EfficiencySingleView: TemplateFields {
    let benchmark: String
    let instanceType: String
    let last: Bool
}
