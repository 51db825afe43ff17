import Testing
import CostModel
import CostTestSupport
@testable import CostAnalysis

/// The combined potential (spec §5) is never above the record's cost nor the sum of the three parts,
/// and never below any single part — per record and per period, over random catalogs, configs and records
/// from a seeded generator (the same 240 datasets on every run).
@Suite struct CombinedPropertyTests {
    /// SplitMix64 (CostTestSupport): small, seeded, the same sequence on every platform.
    typealias Generator = SplitMix64

    static let providers = ["aws", "gcp"]
    static let instances = (0..<6).map { "i\($0)" }
    static let regions = ["r0", "r1", "r2", "r3"]   // r3 is never listed

    static func catalog(_ g: inout Generator) -> Catalog {
        var providers: [String: ProviderPricing] = [:]
        for p in Self.providers {
            var instances: [String: InstancePricing] = [:]
            for name in Self.instances {
                let base = g.double(0.5...100)
                // Spot prices may even exceed R (the discount is then clamped to 0).
                let spot = g.bool(0.6) ? PriceRange(low: base * g.double(0.1...0.6), high: base * g.double(0.6...1.3)) : nil
                var regional: [String: Double] = [:]
                if g.bool() { for r in Self.regions.dropLast() where g.bool(0.7) { regional[r] = base * g.double(0.7...1.4) } }
                instances[name] = InstancePricing(onDemand: base, spot: spot, regions: regional,
                                                  accelerator: g.pick([.gpu, .gpu, .tpu, .cpu]))
            }
            providers[p] = ProviderPricing(spotDiscount: g.bool(0.8) ? PriceRange(low: g.double(0...0.5), high: g.double(0.5...0.9)) : nil,
                                           commitments: ["1y": PriceRange(0.3)], storagePerGBMonth: [:],
                                           idleAddressPerHour: nil, instances: instances)
        }
        return Catalog(providers: providers)
    }

    static func config(_ g: inout Generator) -> Config {
        var c = Config()
        c.criticalSuites = g.bool() ? ["release*", "n?ghtly"] : []
        var rightSize: [String: [String: String]] = [:]
        for t in ["unit", "quick", "integration", "benchmark"] {
            var families: [String: String] = [:]
            for family in ["aws", "gcp", "aws-tpu", "gcp-tpu"] where g.bool(0.8) {
                families[family] = g.bool(0.9) ? g.pick(Self.instances) : "missing"
            }
            rightSize[t] = families
        }
        c.rightSize = rightSize
        return c
    }

    static func fixture(_ g: inout Generator, catalog: Catalog) -> Fixture {
        var f = Fixture()
        for _ in 0..<(5 + g.int(40)) {
            let provider = g.pick(Self.providers)
            let instance = g.bool(0.9) ? g.pick(Self.instances) : "unknown-type"
            let region = g.pick(Self.regions)
            let cost = g.bool(0.1) ? 0 : g.double(0...500)
            f.add("2026-11-\(16 + g.int(7))", "\(10 + g.int(10)):00", run: "run-\(g.int(12))", provider: provider,
                  instance: instance, region: region, suite: g.pick(["unit", "release-7", "nightly", "perf", "integration-x"]),
                  testType: g.pick(TestType.allCases), market: g.pick(Market.allCases),
                  hours: g.bool(0.9) ? g.double(0...10) : nil, cost: cost,
                  rate: catalog.onDemandRate(provider: provider, instanceType: instance, region: region))
        }
        return f
    }

    @Test func combinedIsBoundedByCostAndTheParts() {
        var g = Generator(seed: 20_261_122)
        var datasetsWithOverlap = 0
        for n in 0..<240 {
            let catalog = Self.catalog(&g)
            let config = Self.config(&g)
            let f = Self.fixture(&g, catalog: catalog)
            let dataset = f.dataset()

            // Per record, from the one shared primitive.
            let index = SavingsIndex(records: dataset.records, labels: Labels(strings: dataset.strings),
                                     catalog: catalog, config: config)
            var overlap = false
            for (i, r) in dataset.records.enumerated() {
                let s = index.savings(at: i, of: r)
                let parts = [s.spotPotential(cost: r.cost), s.rightSizePotential(cost: r.cost), s.regionPotential(cost: r.cost)]
                let combined = s.combinedPotential(cost: r.cost)
                let eps = 1e-9 * max(1, r.cost)
                #expect(parts.allSatisfy { $0 >= 0 } && combined >= 0, "dataset \(n)")
                #expect(combined <= r.cost + eps, "dataset \(n)")
                #expect(combined <= parts.reduce(0, +) + eps, "dataset \(n)")
                #expect(combined >= parts.max()! - eps, "dataset \(n)")
                if parts.filter({ $0 > 0 }).count >= 2 { overlap = true }
            }
            if overlap { datasetsWithOverlap += 1 }

            // Per period, as reported.
            let report = Analyzer(dataset: dataset, catalog: catalog, config: config)
                .report(for: SavingsCatalog.week, asOf: SavingsCatalog.asOf)
            let o = report.opportunities
            let eps = 1e-9 * max(1, report.totals.spend)
            #expect(o.combined.potential <= report.totals.spend + eps, "dataset \(n)")
            #expect(o.combined.potential <= o.spot.potential + o.rightSize.potential + o.region.potential + eps, "dataset \(n)")
            #expect(o.combined.potential >= max(o.spot.potential, o.rightSize.potential, o.region.potential) - eps, "dataset \(n)")
            #expect(o.combined.spend <= report.totals.spend + eps, "dataset \(n)")
        }
        // The generator really exercises overlapping rules (otherwise the bounds are trivial).
        #expect(datasetsWithOverlap > 100)
    }
}

/// The draws the property test makes, on top of the shared generator's `next()`.
extension SplitMix64 {
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func double(_ range: ClosedRange<Double>) -> Double { range.lowerBound + unit() * (range.upperBound - range.lowerBound) }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func bool(_ p: Double = 0.5) -> Bool { unit() < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
}
