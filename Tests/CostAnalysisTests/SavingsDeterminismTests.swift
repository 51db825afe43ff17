import Testing
import CostModel
import CostRender
@testable import CostAnalysis

/// Opportunities, the checklist and unused resources never depend on string ids or dictionary order.
@Suite struct SavingsDeterminismTests {
    static func build(preIntern: [String] = []) -> Fixture {
        var f = Fixture(preIntern: preIntern)
        let suites = ["unit", "smoke", "integration", "nightly-perf", "release-1"]
        for i in 0..<40 {
            let gcp = i % 3 == 0
            f.priced("2026-11-\(16 + i % 7)", "\(i % 24 < 10 ? "0" : "")\(i % 24):00", run: "run-\(i % 13)",
                     provider: gcp ? "gcp" : "aws",
                     instance: gcp ? ["a2-highgpu-1g", "v5litepod-8", "g2-standard-4"][i % 3 == 0 ? (i / 3) % 3 : 0]
                                   : ["p4d.24xlarge", "p5.48xlarge", "g5.4xlarge"][i % 3],
                     region: gcp ? ["europe-west4", "us-central1", "us-west4"][i % 3] : ["eu-west-1", "us-east-2"][i % 2],
                     suite: suites[i % suites.count], testType: TestType.allCases[i % 5],
                     market: [.onDemand, .onDemand, .spot, .reserved][i % 4], hours: Double(i % 5) + 0.5,
                     cost: Double(i) * 3.7 + 1, flags: i % 2 == 0 ? [.scheduled, .parallelismRecorded, .cacheRecorded] : [.parallel])
        }
        // Reserved window months.
        f.priced("2026-08-10", run: "old-1", hours: 500, cost: 16_000)
        f.priced("2026-09-10", run: "old-2", provider: "gcp", instance: "a2-highgpu-1g", region: "us-central1", hours: 500, cost: 2_000)
        return f
    }

    static let inventory = Inventory(resources: [
        CloudResource(provider: "aws", kind: .volume, id: "vol-b", location: "x", storageType: "gp3", sizeGB: 100,
                      createdAt: nil, inUse: false, state: "available", source: "v.json"),
        CloudResource(provider: "aws", kind: .volume, id: "vol-a", location: "x", storageType: "gp3", sizeGB: 100,
                      createdAt: nil, inUse: false, state: "available", source: "v.json"),
        CloudResource(provider: "gcp", kind: .address, id: "ip", location: "x", storageType: nil, sizeGB: nil,
                      createdAt: nil, inUse: false, state: "RESERVED", source: "a.json"),
    ], files: ["v.json", "a.json"])

    @Test func sameBytesWhateverTheInternOrder() throws {
        let plain = Self.build()
        let shuffled = Self.build(preIntern: Array(plain.strings.strings.dropFirst().reversed()))
        var config = Config()
        config.criticalSuites = ["release*"]
        let log = PublicationLog(weeks: ["2026-W45", "2026-W47"])
        for p in [SavingsCatalog.week, period("2026-11"), period("2026-08-01..2026-11-22")] {
            let a = plain.savingsReport(config, inventory: Self.inventory, publicationLog: log, period: p)
            let b = shuffled.savingsReport(config, inventory: Self.inventory, publicationLog: log, period: p)
            #expect(try a.jsonData() == b.jsonData(), "\(p)")
            #expect(a.opportunities.combined.potential > 0 && !a.opportunities.reserved.isEmpty)
        }
        // Equal monthly costs sort by id.
        let u = plain.savingsReport(config, inventory: Self.inventory).unusedResources
        #expect(u.items.map(\.id) == ["vol-a", "vol-b", "ip"])
    }
}
