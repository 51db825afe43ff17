import CostModel
import CostTestSupport
import Foundation

@testable import CostIngest

/// Shared helpers for the ingest tests: scratch folders, databases in the team's exact schema,
/// and a builder run over hand-written raw records.
enum IngestFixtures {
    /// `../shared/samples` next to the package root.
    static var samples: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/samples")
    }

    /// A fresh, empty folder for one test.
    static func scratchFolder(_ name: String = #function) -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("costingest-\(ProcessInfo.processInfo.processIdentifier)-\(safe)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let catalog: Catalog = {
        do { return try CatalogLoader.bundled() } catch { fatalError("bundled catalog: \(error)") }
    }()

    /// A database with the Python schema and `rows` (column name → SQL value) inserted.
    static func database(_ rows: [[String: SQLValue]], in folder: URL = scratchFolder(), wal: Bool = false,
                         schema: String = PythonSchema.benchmarks) throws -> String {
        let path = folder.appendingPathComponent("benchmarks.db").path
        let writer = try SQLiteWriterForTests(path: path, wal: wal)
        try writer.execute(schema)
        // One transaction: thousands of rows would otherwise wait for a commit each.
        try writer.execute("BEGIN")
        for row in rows { try writer.execute(insert(row)) }
        try writer.execute("COMMIT")
        try writer.close()
        return path
    }

    static func insert(_ row: [String: SQLValue]) -> String {
        let columns = row.keys.sorted()
        return "INSERT INTO benchmarks (\(columns.joined(separator: ", "))) VALUES (\(columns.map { row[$0]!.sql }.joined(separator: ", ")))"
    }

    /// A typical valid row as the Python writer stores it.
    static func pythonRow(id: Int? = nil, run: String = "run-1", timestamp: String = "2026-11-02T22:15:03.123456",
                          provider: String = "aws", instance: String = "g5.xlarge", region: String = "us-east-1", duration: Double = 3600,
                          cost: Double = 1.006, metadata: String = #"{"developer": "alice", "branch": "main"}"#)
        -> [String: SQLValue] {
        var row: [String: SQLValue] = [
            "run_id": .text(run), "timestamp": .text(timestamp), "cloud_provider": .text(provider),
            "instance_type": .text(instance), "region": .text(region), "hardware_type": .text("nvidia"),
            "gpu_model": .text("A10G"), "benchmark_name": .text("test_attention"), "benchmark_suite": .text("unit"),
            "latency_ms": .real(1.5), "throughput": .real(1000), "memory_mb": .real(2048),
            "tests_passed": .integer(10), "tests_failed": .integer(0), "tests_skipped": .integer(1),
            "duration_seconds": .real(duration), "cost_usd": .real(cost), "metadata": .text(metadata),
        ]
        if let id { row["id"] = .integer(id) }
        return row
    }

    /// Runs the builder over raw records, as a source would.
    static func build(_ raws: [RawRecord], config: Config = Config(), catalog: Catalog = catalog) throws -> Dataset {
        var builder = try DatasetBuilder(catalog: catalog, config: config)
        for (i, raw) in raws.enumerated() { builder.add(raw, source: "test #\(i + 1)") }
        return builder.finish()
    }

    /// A valid raw record: one hour of g5.xlarge in us-east-1 at the on-demand price.
    static func raw(run: String? = "run-1", timestamp: RawTimestamp? = "2026-11-02T10:00:00",
                    provider: String? = "aws", instance: String? = "g5.xlarge", region: String? = "us-east-1",
                    suite: String? = "nvidia_backend", benchmark: String? = "fused_gelu",
                    duration: Double? = 3600, cost: Double? = 1.006, failed: Int? = 0,
                    metadata: String? = #"{"developer": "alice"}"#) -> RawRecord {
        RawRecord(runID: run, timestamp: timestamp, cloudProvider: provider, instanceType: instance, region: region,
                  hardwareType: "nvidia", gpuModel: "A10G", benchmarkName: benchmark, benchmarkSuite: suite,
                  testsPassed: 5, testsFailed: failed, testsSkipped: 1, durationSeconds: duration, costUSD: cost,
                  metadata: metadata)
    }
}

extension Dataset {
    /// The text of an interned dimension.
    func text(_ id: StringID) -> String { strings[id] }
}
