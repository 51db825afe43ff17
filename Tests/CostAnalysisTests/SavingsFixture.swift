import CostModel
import CostTestSupport
@testable import CostAnalysis

/// A small catalog with round prices, so the savings fixtures can be computed by hand.
///
/// aws: spot discount 60–70 % (d = 0.65 without a spot price); commitments 1y 30–40 % (δ 0.35),
///      3y 50–60 % (δ 0.55); storage gp3 0.08, io1 0.125, standard 0.05, snapshot 0.05 per GB-month;
///      idle address 0.005/h.
///      p5.48xlarge 96 (spot 24–40 → S 32), p4d.24xlarge 32 (spot 8–12 → S 10; regions us-east-2 32,
///      us-west-2 32, eu-west-1 40), g5.xlarge 1.5, g5.4xlarge 2, c6i.8xlarge 1.25 (cpu).
/// gcp: spot discount 70 %; commitments 1y 37 %, 3y 55 %; storage pd-standard 0.04, pd-ssd 0.17,
///      snapshot 0.05; idle address 0.01/h.
///      a3-highgpu-8g 96, a2-highgpu-1g 4 (spot 1; regions us-central1 4, us-east4 4, europe-west4 5),
///      g2-standard-4 1, v5litepod-1 1, v5litepod-4 4, v5litepod-8 8, v5p-8 12 (tpu), n2-standard-32 1.5 (cpu).
enum SavingsCatalog {
    static let catalog = Catalog(providers: [
        "aws": ProviderPricing(
            spotDiscount: PriceRange(low: 0.60, high: 0.70),
            commitments: ["1y": PriceRange(low: 0.30, high: 0.40), "3y": PriceRange(low: 0.50, high: 0.60)],
            storagePerGBMonth: ["gp3": 0.08, "io1": 0.125, "standard": 0.05, "snapshot": 0.05],
            idleAddressPerHour: 0.005,
            instances: [
                "p5.48xlarge": InstancePricing(onDemand: 96, spot: PriceRange(low: 24, high: 40), accelerator: .gpu),
                "p4d.24xlarge": InstancePricing(onDemand: 32, spot: PriceRange(low: 8, high: 12),
                                                regions: ["us-east-2": 32, "us-west-2": 32, "eu-west-1": 40], accelerator: .gpu),
                "g5.xlarge": InstancePricing(onDemand: 1.5, accelerator: .gpu),
                "g5.4xlarge": InstancePricing(onDemand: 2, accelerator: .gpu),
                "c6i.8xlarge": InstancePricing(onDemand: 1.25, accelerator: .cpu),
            ]),
        "gcp": ProviderPricing(
            spotDiscount: PriceRange(0.70),
            commitments: ["1y": PriceRange(0.37), "3y": PriceRange(0.55)],
            storagePerGBMonth: ["pd-standard": 0.04, "pd-ssd": 0.17, "snapshot": 0.05],
            idleAddressPerHour: 0.01,
            instances: [
                "a3-highgpu-8g": InstancePricing(onDemand: 96, accelerator: .gpu),
                "a2-highgpu-1g": InstancePricing(onDemand: 4, spot: PriceRange(1),
                                                 regions: ["us-central1": 4, "us-east4": 4, "europe-west4": 5], accelerator: .gpu),
                "g2-standard-4": InstancePricing(onDemand: 1, accelerator: .gpu),
                "v5litepod-1": InstancePricing(onDemand: 1, accelerator: .tpu),
                "v5litepod-4": InstancePricing(onDemand: 4, accelerator: .tpu),
                "v5litepod-8": InstancePricing(onDemand: 8, accelerator: .tpu),
                "v5p-8": InstancePricing(onDemand: 12, accelerator: .tpu),
                "n2-standard-32": InstancePricing(onDemand: 1.5, accelerator: .cpu),
            ]),
    ])

    static let week = period("2026-W47")   // Mon 2026-11-16 … Sun 2026-11-22
    static let asOf = day("2026-11-22")
}

extension Fixture {
    /// A record whose R is the test catalog's (nil for an instance it does not list), as ingest sets it.
    mutating func priced(_ day: String, _ time: String = "10:00", run: String?, provider: String = "aws",
                         instance: String = "p4d.24xlarge", region: String = "us-east-2", suite: String? = nil,
                         testType: TestType = .unknown, market: Market = .onDemand, hours: Double? = 1,
                         cost: Double, flags: RecordFlags = []) {
        add(day, time, run: run, provider: provider, instance: instance, region: region, suite: suite,
            testType: testType, market: market, hours: hours, cost: cost,
            rate: SavingsCatalog.catalog.onDemandRate(provider: provider, instanceType: instance, region: region),
            flags: flags)
    }

    func savingsAnalyzer(_ config: Config = Config(), inventory: Inventory? = nil,
                         publicationLog: PublicationLog? = nil) -> Analyzer {
        Analyzer(dataset: dataset(), catalog: SavingsCatalog.catalog, config: config, inventory: inventory,
                 publicationLog: publicationLog)
    }

    func savingsReport(_ config: Config = Config(), inventory: Inventory? = nil, publicationLog: PublicationLog? = nil,
                       period p: Period = SavingsCatalog.week, asOf: Day = SavingsCatalog.asOf) -> Report {
        savingsAnalyzer(config, inventory: inventory, publicationLog: publicationLog).report(for: p, asOf: asOf).worded
    }
}

extension Report {
    func item(_ id: Int) -> ChecklistItem { checklist.first { $0.id == id }! }
}

/// Close to 1e-9 (fractions and hand-computed amounts with exact binary arithmetic).
func near(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { a.map { abs($0 - b) <= tolerance } ?? false }
