import Foundation
import CostAnalysis
import CostModel

/// Datasets for the PR comment, built in code: a pull request of a few runs on a feature branch and
/// four weeks of nightly history on `main`, priced with catalog prices (spec §2).
struct PRData {
    var strings = StringTable()
    var records: [RunRecord] = []

    static let catalog = Catalog(providers: [
        "aws": ProviderPricing(
            spotDiscount: PriceRange(low: 0.60, high: 0.70),
            commitments: ["1y": PriceRange(low: 0.30, high: 0.40)],
            storagePerGBMonth: [:], idleAddressPerHour: 0.005,
            instances: [
                "p4d.24xlarge": InstancePricing(onDemand: 32.77, spot: PriceRange(low: 10, high: 15),
                                                regions: ["us-east-2": 32.77, "us-west-2": 32.77, "eu-west-1": 35.92],
                                                accelerator: .gpu),
                "g5.xlarge": InstancePricing(onDemand: 1.006, spot: PriceRange(low: 0.30, high: 0.40), accelerator: .gpu),
            ]),
        "gcp": ProviderPricing(
            spotDiscount: PriceRange(0.70), commitments: ["1y": PriceRange(0.37)],
            storagePerGBMonth: [:], idleAddressPerHour: 0.01,
            instances: [
                "a2-highgpu-1g": InstancePricing(onDemand: 3.67, spot: PriceRange(1.10),
                                                 regions: ["us-central1": 3.67, "us-east4": 3.67, "europe-west4": 4.03],
                                                 accelerator: .gpu),
                "g2-standard-4": InstancePricing(onDemand: 0.84, spot: PriceRange(0.25), accelerator: .gpu),
                "v5litepod-1": InstancePricing(onDemand: 1.20, accelerator: .tpu),
                "v5litepod-8": InstancePricing(onDemand: 9.60, spot: PriceRange(2.88), accelerator: .tpu),
            ]),
    ])

    static let asOf = Day(iso: "2026-11-27")!

    mutating func add(_ day: String, _ time: String, run: String, branch: String, pr: String? = nil, suite: String,
                      provider: String, instance: String, region: String, testType: TestType = .unknown,
                      market: Market, hours: Double, cost: Double, passed: Int64 = 0, failed: Int64 = 0) {
        let d = Day(iso: day)!
        let hm = time.split(separator: ":").map { Int($0)! }
        let minute = hm[0] * 60 + hm[1]
        let rate = PRData.catalog.onDemandRate(provider: provider, instanceType: instance, region: region)
        let hardware = instance.hasPrefix("v5") ? "tpu" : "nvidia"
        records.append(RunRecord(
            instant: Double(d.ordinal) * 86_400 + Double(minute) * 60 + Double(records.count) * 0.001,
            day: d, minuteOfDay: Int16(minute), run: strings.intern(run), provider: strings.intern(provider),
            instanceType: strings.intern(instance), region: strings.intern(region), hardwareType: strings.intern(hardware),
            gpuModel: StringTable.none, suite: strings.intern(suite), benchmark: StringTable.none,
            developer: strings.intern("alice"), branch: strings.intern(branch),
            pr: pr.map { strings.intern($0) } ?? StringTable.none, testType: testType, market: market,
            hours: hours, cost: cost, onDemandRate: rate, testsPassed: passed, testsFailed: failed,
            testsSkipped: 0, flags: []))
    }

    func dataset() -> Dataset {
        let failing = Set(records.filter { $0.testsFailed > 0 }.map(\.run))
        var out = records.map { r -> RunRecord in
            var r = r
            if failing.contains(r.run) { r.flags.insert(.runHasFailures) }
            return r
        }
        out.sort { $0.instant < $1.instant }
        var quality = IngestQuality()
        quality.read = out.count
        return Dataset(records: out, strings: strings, quality: quality)
    }

    func analyzer() -> Analyzer { Analyzer(dataset: dataset(), catalog: PRData.catalog, config: Config()) }

    /// Nightly runs on `main` every other day of the 4 weeks before as-of (and one older night, outside
    /// the window): unit on g5.xlarge spot, integration on a2-highgpu-1g spot, tpu_backend on v5litepod-8 spot.
    mutating func mainHistory() {
        var day = Day(iso: "2026-10-29")!
        var i = 0
        while day <= PRData.asOf {
            let wobble = 1 + Double(i % 3) * 0.05
            add(day.iso, "02:10", run: "nightly-\(day.iso)-unit", branch: "main", suite: "unit", provider: "aws",
                instance: "g5.xlarge", region: "us-east-2", testType: .unit, market: .spot, hours: 1,
                cost: 0.35 * wobble, passed: 410)
            add(day.iso, "02:40", run: "nightly-\(day.iso)-integration", branch: "main", suite: "integration",
                provider: "gcp", instance: "a2-highgpu-1g", region: "us-central1", testType: .integration,
                market: .spot, hours: 1.5, cost: 1.65 * wobble, passed: 98, failed: i % 5 == 0 ? 1 : 0)
            add(day.iso, "03:30", run: "nightly-\(day.iso)-tpu", branch: "main", suite: "tpu_backend", provider: "gcp",
                instance: "v5litepod-8", region: "us-central1", market: .spot, hours: 2, cost: 5.76 * wobble, passed: 64)
            day = day.adding(days: 2)
            i += 1
        }
    }

    /// PR 1234 on `feature/flash-attn`: seven runs over four days.
    static func golden() -> PRData {
        var d = PRData()
        d.mainHistory()
        let pr = "1234", branch = "feature/flash-attn"
        d.add("2026-11-24", "10:12", run: "pr-1234-5ad2e1", branch: branch, pr: pr, suite: "unit", provider: "aws",
              instance: "g5.xlarge", region: "us-east-2", testType: .unit, market: .onDemand, hours: 0.5, cost: 0.503, passed: 412)
        d.add("2026-11-24", "10:40", run: "pr-1234-713553", branch: branch, pr: pr, suite: "integration", provider: "gcp",
              instance: "a2-highgpu-1g", region: "us-central1", testType: .integration, market: .onDemand, hours: 1.5,
              cost: 5.505, passed: 96, failed: 3)
        d.add("2026-11-25", "09:05", run: "pr-1234-968ee8", branch: branch, pr: pr, suite: "unit", provider: "aws",
              instance: "p4d.24xlarge", region: "us-east-2", testType: .unit, market: .onDemand, hours: 0.25,
              cost: 8.1925, passed: 412)
        d.add("2026-11-25", "09:30", run: "pr-1234-b6756a", branch: branch, pr: pr, suite: "integration", provider: "gcp",
              instance: "a2-highgpu-1g", region: "europe-west4", testType: .integration, market: .spot, hours: 1.5,
              cost: 1.65, passed: 99)
        d.add("2026-11-26", "14:00", run: "pr-1234-c03f19", branch: branch, pr: pr, suite: "tpu_backend", provider: "gcp",
              instance: "v5litepod-8", region: "us-central1", market: .spot, hours: 2, cost: 5.76, passed: 64)
        d.add("2026-11-26", "14:20", run: "pr-1234-ef864a", branch: branch, pr: pr, suite: "smoke", provider: "aws",
              instance: "g5.xlarge", region: "us-east-2", testType: .quick, market: .spot, hours: 0.1, cost: 0.035, passed: 55)
        d.add("2026-11-27", "08:15", run: "pr-1234-0d9a77", branch: branch, pr: pr, suite: "integration", provider: "gcp",
              instance: "a2-highgpu-1g", region: "us-central1", testType: .integration, market: .onDemand, hours: 1.5,
              cost: 5.505, passed: 99)
        return d
    }

    /// PR 777 with `runs` runs over the 4 weeks before as-of, in `suites` suites, plus main's history.
    static func huge(runs: Int, suites: Int) -> PRData {
        var d = PRData()
        d.mainHistory()
        let start = Day(iso: "2026-10-31")!
        let perDay = max(1, (runs + 27) / 28)
        let instances: [(String, String, String, Double)] = [
            ("aws", "g5.xlarge", "us-east-2", 1.006), ("gcp", "a2-highgpu-1g", "europe-west4", 4.03),
            ("aws", "p4d.24xlarge", "eu-west-1", 35.92), ("gcp", "v5litepod-8", "us-central1", 9.60),
        ]
        for i in 0..<runs {
            let day = start.adding(days: i / perDay)
            let minute = (i % perDay) * (1440 / perDay)
            let (provider, instance, region, rate) = instances[i % instances.count]
            let spot = i % 3 == 0
            let hours = 0.25 + Double(i % 7) * 0.1
            let suite = i % suites == 0 ? "unit" : "suite-\(String(format: "%04d", i % suites))"
            d.add(day.iso, "\(minute / 60):\(minute % 60)", run: "pr-777-\(String(format: "%05d", i))",
                  branch: "feature/huge", pr: "777", suite: suite, provider: provider, instance: instance, region: region,
                  testType: i % 2 == 0 ? .unit : .integration, market: spot ? .spot : .onDemand, hours: hours,
                  cost: hours * rate * (spot ? 0.3 : 1), passed: 100, failed: i % 11 == 0 ? 1 : 0)
        }
        return d
    }
}
