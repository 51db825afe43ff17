import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest

/// A million rows is a normal input (architecture notes). Slow in a debug build, so it runs only
/// when asked: `COSTREPORT_SCALE_ROWS=1000000 swift test --filter ScaleTests`.
@Suite struct ScaleTests {
    static let rows = ProcessInfo.processInfo.environment["COSTREPORT_SCALE_ROWS"].flatMap(Int.init)

    @Test(.enabled(if: rows != nil)) func readsManyRowsWithoutLosingAny() throws {
        let count = try #require(Self.rows)
        let folder = IngestFixtures.scratchFolder()
        let path = folder.appendingPathComponent("benchmarks.db").path
        let writer = try SQLiteWriterForTests(path: path)
        try writer.execute(PythonSchema.benchmarks)
        // Runs of 4 rows sharing metadata (unique per run, as a commit makes it), a mix of instances, every 97th row with a bad timestamp.
        try writer.execute("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))
            INSERT INTO benchmarks (run_id, timestamp, cloud_provider, instance_type, region, hardware_type, gpu_model,
              benchmark_name, benchmark_suite, tests_passed, tests_failed, tests_skipped, duration_seconds, cost_usd, metadata)
            SELECT 'run-' || (i / 4),
                   CASE WHEN i % 97 = 0 THEN 'garbage' ELSE strftime('%Y-%m-%dT%H:%M:%f', 1780000000 + i * 30, 'unixepoch') END,
                   CASE i % 3 WHEN 0 THEN 'aws' WHEN 1 THEN 'gcp' ELSE 'gcp' END,
                   CASE i % 3 WHEN 0 THEN 'g5.xlarge' WHEN 1 THEN 'a2-highgpu-1g' ELSE 'v5litepod-8' END,
                   CASE i % 3 WHEN 0 THEN 'us-east-1' WHEN 1 THEN 'us-central1-a' ELSE 'us-west4-a' END,
                   'nvidia', 'A100', 'bench_' || (i % 50), 'suite_' || (i % 7), 10, i % 11 = 0, 1,
                   600 + i % 3000, (600 + i % 3000) / 3600.0 * 2.5,
                   '{"developer": "dev' || ((i / 4) % 20) || '", "branch": "main", "pr_number": ' || ((i / 4) % 500)
                     || ', "commit_sha": "' || printf('%07x', i / 4) || '", "pytest_args": "-n auto", "trigger": "pr"}'
            FROM n
            """)
        try writer.close()

        let start = Date()
        let dataset = try BenchmarksDatabase.read(path: path, catalog: IngestFixtures.catalog, config: Config())
        let seconds = Date().timeIntervalSince(start)
        print("read \(count) rows in \(String(format: "%.2f", seconds)) s (\(Int(Double(count) / seconds)) rows/s)")
        #expect(dataset.quality.read == count)
        #expect(dataset.quality.rejected[.invalidTimestamp] == count / 97)
        #expect(dataset.records.count == count - count / 97)
    }
}
