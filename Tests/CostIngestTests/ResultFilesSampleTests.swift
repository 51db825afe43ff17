import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest

/// The team-shaped sample folder `../shared/samples/results`: 42 files in the four shapes (29 flat
/// records in single files, arrays and JSON Lines; 8 summaries; 13 nested results; 6 harness results).
///
/// Hand-checked: every record is accepted. Four costs are estimated (hours × the rate of the market):
///   daily/2026-10-17/batch-3.json #3     g2-standard-4, preemptible false  0.84 × 768/3600        = 0.1792
///   daily/2026-10-26/batch-2.json #3     g5.12xlarge, no market            5.672 × 1597/3600      = 2.516162…
///   daily/2026-10-29/batch-1.json #3     g5.xlarge, spot_instance true     0.35 × 1150/3600       = 0.111806…
///   results/20261023-210531/results.json p4d.24xlarge us-east-1, cost 0.0  32.77 × 741.4812…/3600 = 6.749539…
/// The 52 recorded costs sum to 69.636755, so spend is 79.193461.
@Suite struct ResultFilesSampleTests {
    static let folder = IngestFixtures.samples.appendingPathComponent("results").path

    @Test func everySampleFileIsRecognised() throws {
        let d = try ResultFixtures.read(Self.folder)
        #expect(d.quality.unreadableFiles.isEmpty)
        #expect(d.quality.filesRead == 42)
        #expect(d.quality.read == 56 && d.records.count == 56 && d.quality.rejectedTotal == 0)
        #expect(abs(ResultFixtures.spend(d) - 79.193461) < 0.000001)
        #expect(d.records.filter { $0.flags.contains(.costEstimated) }.count == 4)
        #expect(d.records.allSatisfy { $0.flags.intersection(.metadataNotObject).isEmpty })
        #expect(Set(d.records.map { d.text($0.provider) }) == ["aws", "gcp"])
        #expect(!d.records.contains { d.text($0.instanceType) == "(none)" })

        // Each object is recognised as the shape its folder holds.
        var shapes: [ResultShape: Int] = [:]
        for file in try ResultFileListing(folder: Self.folder).files {
            let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + file.relative))
            guard case .items(let items) = ResultFileParser.parse(data, jsonLines: file.jsonLines) else {
                Issue.record("\(file.relative) is unreadable"); continue
            }
            #expect(items.allSatisfy { $0.isObject })
            let objects: [[String: Any]]
            if file.jsonLines {
                objects = String(decoding: data, as: UTF8.self).split(separator: "\n")
                    .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            } else {
                let value = try JSONSerialization.jsonObject(with: data)
                objects = (value as? [[String: Any]]) ?? [value as! [String: Any]]
            }
            for o in objects { shapes[ResultShape(of: o), default: 0] += 1 }
        }
        #expect(shapes == [.flat: 29, .summary: 8, .nested: 13, .harness: 6])
    }

    @Test func handCheckedValues() throws {
        let d = try ResultFixtures.read(Self.folder)
        let runs = ResultFixtures.byRun(d)

        // pr/pr-450/validation.json (nested).
        let pr450 = try #require(runs["99de3de5-a80d-4594-9353-b347b1da272d"])
        #expect(pr450.cost == 0.8508 && pr450.market == .spot && d.text(pr450.pr) == "450")
        #expect(d.text(pr450.developer) == "dave" && d.text(pr450.instanceType) == "p4d.24xlarge" && d.text(pr450.region) == "us-west-2")
        #expect(pr450.testsPassed == 132 && pr450.testsSkipped == 3 && pr450.flags.contains(.parallel))
        #expect(pr450.day == Day(year: 2026, month: 10, day: 30))

        // daily/2026-10-29/summary-aws-0d176f4.json (summary).
        let summary = try #require(runs["ab1d1224-4080-4f3d-9c12-fd35251a41bf"])
        #expect(summary.cost == 0.0516 && d.text(summary.developer) == "ci" && d.text(summary.provider) == "aws")
        #expect(d.text(summary.suite) == "smoke" && summary.testType == .quick && summary.testsFailed == 2)

        // results/20261023-210531/results.json (harness, cost 0.0 with a duration: estimated at on-demand R).
        let p4d = try #require(runs["i-c9c93e20f7f869a51@2026-10-23T21:05:25.350833"])
        #expect(p4d.flags.contains(.costEstimated) && p4d.market == .onDemand)
        #expect(abs(p4d.cost - 32.77 * 741.481206229817 / 3600) < 1e-9)

        // results/20261022-220051/results.json (harness, GCP TPU).
        let tpu = try #require(runs["tb-test-5082@2026-10-22T22:00:27.117422"])
        #expect(d.text(tpu.hardwareType) == "tpu" && d.text(tpu.region) == "europe-west4" && d.text(tpu.provider) == "gcp")
        #expect(abs(tpu.cost - 2.922428809830046) < 1e-12)

        // daily/2026-10-17/batch-3.json #3 (flat, cost null, preemptible false: on-demand estimate).
        let estimated = try #require(runs["22745f7a-0ad2-4161-aee9-b0f3d0d88df5"])
        #expect(estimated.flags.contains(.costEstimated) && estimated.market == .onDemand)
        #expect(abs(estimated.cost - 0.1792) < 1e-9 && d.text(estimated.developer) == "carol")

        // daily/2026-10-12/aws-smoke-34abd13.json: an offset timestamp, no developer.
        let smoke = try #require(runs["1e984526-74c8-4c3f-bf27-11445bff0cb7"])
        #expect(smoke.day == Day(year: 2026, month: 10, day: 12) && d.text(smoke.developer) == "(unattributed)")
        #expect(smoke.market == .onDemand && !smoke.flags.contains(.marketInferred))

        // Performance samples: 29 flat + 8 summary + 13 nested × 3 benchmarks.
        #expect(d.samples.count == 76)
        #expect(d.samples.filter { d.text($0.benchmark) == "layernorm_triton" }.count == 5)
    }

    /// The sample database and the sample folder share no run: together they add up.
    @Test func withTheSampleDatabase() throws {
        let db = IngestFixtures.samples.appendingPathComponent("benchmarks.db").path
        let alone = try BenchmarksDatabase.read(path: db, catalog: IngestFixtures.catalog, config: Config())
        let both = try RecordSources.dataset(from: [SQLiteRecordSource(path: db), ResultFilesSource(folder: Self.folder)],
                                             catalog: IngestFixtures.catalog, config: Config())
        #expect(both.quality.read == alone.quality.read + 56)
        #expect(both.quality.rejected[.duplicateRun] == nil)
        #expect(abs(ResultFixtures.spend(both) - ResultFixtures.spend(alone) - 79.193461) < 0.000001)
        #expect(both.quality.bySource.map(\.read) == [alone.quality.read, 56])
    }
}
