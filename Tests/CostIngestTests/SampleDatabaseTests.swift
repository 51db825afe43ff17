import CostModel
import Foundation
import Testing

@testable import CostIngest

/// The team-shaped sample `../shared/samples/benchmarks.db`: 400 rows including bad ones.
///
/// The expected rejections are what this query over the sample shows (run with `sqlite3`):
///
///     SELECT id, timestamp, duration_seconds, cost_usd FROM benchmarks
///     WHERE timestamp NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'
///        OR duration_seconds IS NULL OR duration_seconds < 0
///        OR typeof(cost_usd) <> 'real' OR cost_usd <= 0;
///
/// ids 97 ('11/02/2026 10:00') and 229 ('not-a-timestamp'): invalid_timestamp;
/// 38 and 192 (duration < 0): negative_duration; 197 and 274 (cost 'NaN' text): invalid_cost;
/// 173 and 187 (cost < 0): negative_cost; 288 and 317 (no duration, no cost): missing_cost.
/// 365 has no cost but a duration and a catalogued instance (v5litepod-1): estimated, accepted.
@Suite struct SampleDatabaseTests {
    typealias F = IngestFixtures

    private var samplePath: String { F.samples.appendingPathComponent("benchmarks.db").path }

    @Test func readsEveryRowAndRejectsTheBadOnes() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: samplePath))
        let dataset = try BenchmarksDatabase.read(path: samplePath, catalog: F.catalog, config: Config())
        #expect(dataset.quality.read == 400)
        #expect(dataset.quality.rejected == [
            .invalidTimestamp: 2, .negativeDuration: 2, .invalidCost: 2, .negativeCost: 2, .missingCost: 2,
        ])
        #expect(dataset.records.count + dataset.quality.rejectedTotal == dataset.quality.read)
        #expect(Set(dataset.quality.rejectedSamples.map(\.source)) == Set(
            [97, 229, 38, 192, 197, 274, 173, 187, 288, 317].map { "benchmarks.db id \($0)" }))
        let estimated = dataset.records.filter { $0.flags.contains(.costEstimated) }
        #expect(estimated.count == 1)
        #expect(estimated.first.map { dataset.text($0.instanceType) } == "v5litepod-1")
        #expect(try Data(contentsOf: URL(fileURLWithPath: samplePath)) == before)
    }

    @Test func normalisesTheSamplesMessyValues() throws {
        let dataset = try BenchmarksDatabase.read(path: samplePath, catalog: F.catalog, config: Config())
        let providers = Set(dataset.records.map { dataset.text($0.provider) })
        #expect(providers == ["aws", "gcp"])                   // 'GCP' and NULL providers resolved
        let regions = Set(dataset.records.map { dataset.text($0.region) })
        #expect(!regions.contains { $0 != $0.lowercased() })   // 'US-CENTRAL1-A' and friends
        #expect(!regions.contains("us-central1-a") && regions.contains("us-central1"))
        #expect(dataset.records.allSatisfy { $0.day.year == 2026 })
        // Sorted by instant.
        #expect(zip(dataset.records, dataset.records.dropFirst()).allSatisfy { $0.instant <= $1.instant })
    }

    @Test func runModeFoldsTheSample() throws {
        var config = Config()
        config.costAttribution = .run
        let dataset = try BenchmarksDatabase.read(path: samplePath, catalog: F.catalog, config: config)
        let runs = Set(dataset.records.map(\.run))
        #expect(runs.count == dataset.records.count)
        #expect(dataset.records.count + dataset.quality.foldedIntoRuns + dataset.quality.rejectedTotal == 400)
    }
}
