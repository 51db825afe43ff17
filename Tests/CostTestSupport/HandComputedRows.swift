import Foundation

/// The rows of the hand-computed SQLite fixture (the table in `SQLiteHandComputedTests.swift`
/// works every figure out by hand), as the INSERTs the team's `BenchmarkDatabase.save` issues, and
/// its config. Shared so that other readers (PostgreSQL) are checked against the same rows.
public enum HandComputedRows {
    public static let configYAML = """
        timezone: UTC
        cost_attribution: record
        budget:
          monthly: 250
          warn_at: 0.75
          critical_at: 0.90
          daily_alert: 50
          allocations:
            alice: 120
            bob: 40
        """

    /// One INSERT as `BenchmarkDatabase.save` issues it: every column but the autoincrement id.
    public static func insert(run: String, timestamp: String, provider: String, instance: String, region: String,
                       hardware: String, gpu: String, benchmark: String, suite: String,
                       duration: Double?, cost: Double?, passed: Int = 10, failed: Int = 0,
                       metadata: String) -> String {
        let cells: [(String, SQLValue)] = [
            ("run_id", .text(run)), ("timestamp", .text(timestamp)), ("cloud_provider", .text(provider)),
            ("instance_type", .text(instance)), ("region", .text(region)), ("hardware_type", .text(hardware)),
            ("gpu_model", .text(gpu)), ("benchmark_name", .text(benchmark)), ("benchmark_suite", .text(suite)),
            ("latency_ms", .real(12.5)), ("throughput", .real(840.0)), ("memory_mb", .real(30_720.0)),
            ("tests_passed", .integer(passed)), ("tests_failed", .integer(failed)), ("tests_skipped", .integer(0)),
            ("duration_seconds", duration.map(SQLValue.real) ?? .null), ("cost_usd", cost.map(SQLValue.real) ?? .null),
            ("metadata", .text(metadata)),
        ]
        return "INSERT INTO benchmarks (\(cells.map(\.0).joined(separator: ", "))) VALUES ("
            + cells.map(\.1.sql).joined(separator: ", ") + ")"
    }

    public static var rows: [String] {
        [
            // r0 — October: previous month and previous week only.
            insert(run: "run-00", timestamp: "2026-10-30T12:00:00", provider: "gcp", instance: "g2-standard-4",
                   region: "us-central1", hardware: "nvidia", gpu: "L4", benchmark: "test_matmul", suite: "unit",
                   duration: 3600, cost: 0.84, metadata: #"{"developer": "carol", "branch": "main", "market": "on-demand"}"#),
            // r1 — Sunday 11-01: month to date, but week W44.
            insert(run: "run-01", timestamp: "2026-11-01T10:00:00", provider: "aws", instance: "p4d.24xlarge",
                   region: "us-east-2", hardware: "nvidia", gpu: "A100", benchmark: "test_llama", suite: "integration",
                   duration: 3600, cost: 32.77, metadata: #"{"developer": "alice", "branch": "main", "market": "on-demand"}"#),
            // r2 — eu-west-1 regional price 35.92 (not the base 32.77): 1.5 h × 35.92 = 53.88.
            insert(run: "run-02", timestamp: "2026-11-02T22:15:03", provider: "aws", instance: "p4d.24xlarge",
                   region: "eu-west-1", hardware: "nvidia", gpu: "A100", benchmark: "test_llama", suite: "integration",
                   duration: 5400, cost: 53.88, metadata: #"{"developer": "alice", "branch": "main", "market": "on-demand"}"#),
            // r3 — AWS availability zone; spot_instance: true.
            insert(run: "run-03", timestamp: "2026-11-03T09:00:00.250000", provider: "aws", instance: "p4d.24xlarge",
                   region: "us-west-2a", hardware: "nvidia", gpu: "A100", benchmark: "test_attention", suite: "perf",
                   duration: 7200, cost: 25.00,
                   metadata: #"{"developer": "bob", "branch": "feature/flash", "spot_instance": true, "trigger": "pr", "pr_number": 412}"#),
            // r4 — GCP zone in europe-west4 (a2 regional 4.03); preemptible: true.
            insert(run: "run-04", timestamp: "2026-11-03T11:30:00", provider: "gcp", instance: "a2-highgpu-1g",
                   region: "europe-west4-a", hardware: "nvidia", gpu: "A100", benchmark: "test_conv", suite: "unit",
                   duration: 3600, cost: 1.20, metadata: #"{"developer": "carol", "branch": "main", "preemptible": true}"#),
            // r5 — TPU, market "reserved".
            insert(run: "run-05", timestamp: "2026-11-03T15:00:00.000001", provider: "gcp", instance: "v5litepod-8",
                   region: "us-central1", hardware: "tpu", gpu: "TPU v5e", benchmark: "test_jax_train", suite: "benchmark",
                   duration: 7200, cost: 12.48, metadata: #"{"developer": "alice", "branch": "main", "market": "reserved"}"#),
            // X1 — rejected: invalid_timestamp (2026-11-31 does not exist).
            insert(run: "run-x1", timestamp: "2026-11-31T10:00:00", provider: "aws", instance: "p4d.24xlarge",
                   region: "us-east-2", hardware: "nvidia", gpu: "A100", benchmark: "test_llama", suite: "integration",
                   duration: 3600, cost: 32.77, metadata: #"{"developer": "alice"}"#),
            // r6 — no market recorded; effective rate 4.404 / 2 = 2.202 = exactly 0.6 × 3.67 → spot (inclusive).
            insert(run: "run-06", timestamp: "2026-11-04T01:00:00", provider: "gcp", instance: "a2-highgpu-1g",
                   region: "us-central1", hardware: "nvidia", gpu: "A100", benchmark: "test_conv", suite: "nightly",
                   duration: 7200, cost: 4.404, metadata: #"{"developer": "bob", "branch": "main", "trigger": "nightly"}"#),
            // r7 — no market and no developer; effective 3.018 / 3 = 1.006 > 0.6 × 1.006 → on-demand (inferred).
            insert(run: "run-07", timestamp: "2026-11-04T07:45:12.123456", provider: "aws", instance: "g5.xlarge",
                   region: "us-east-1", hardware: "nvidia", gpu: "A10G", benchmark: "test_gelu", suite: "unit",
                   duration: 10800, cost: 3.018, metadata: #"{"branch": "feature/cache"}"#),
            // X2 — rejected: negative_cost.
            insert(run: "run-x2", timestamp: "2026-11-04T08:00:00", provider: "aws", instance: "g5.xlarge",
                   region: "us-east-1", hardware: "nvidia", gpu: "A10G", benchmark: "test_gelu", suite: "unit",
                   duration: 3600, cost: -5.00, metadata: #"{"developer": "bob"}"#),
            // r8 — instance type missing from the catalog: spend counts, no R, market unknown.
            insert(run: "run-08", timestamp: "2026-11-04T13:20:00", provider: "aws", instance: "x9.mystery",
                   region: "us-east-1", hardware: "nvidia", gpu: "H200", benchmark: "test_llama", suite: "integration",
                   duration: 3600, cost: 20.00, metadata: #"{"developer": "carol", "branch": "main"}"#),
            // X3 — rejected: negative_duration (checked before the cost).
            insert(run: "run-x3", timestamp: "2026-11-04T16:00:00", provider: "aws", instance: "g5.xlarge",
                   region: "us-east-1", hardware: "nvidia", gpu: "A10G", benchmark: "test_gelu", suite: "unit",
                   duration: -60, cost: 1.00, metadata: #"{"developer": "bob"}"#),
            // r9 — cost stored as 0.0 with a duration: missing → estimated 10 h × R 1.006 = 10.06, on-demand.
            insert(run: "run-09", timestamp: "2026-11-05T09:00:00", provider: "aws", instance: "g5.xlarge",
                   region: "us-east-1", hardware: "nvidia", gpu: "A10G", benchmark: "test_gelu", suite: "unit",
                   duration: 36000, cost: 0.0, metadata: #"{"developer": "bob", "branch": "main"}"#),
            // r10 — spot that cost more than on-demand (4.00 > 1 h × 3.67); no developer.
            insert(run: "run-10", timestamp: "2026-11-05T11:00:00", provider: "gcp", instance: "a2-highgpu-1g",
                   region: "us-central1", hardware: "nvidia", gpu: "A100", benchmark: "test_conv", suite: "unit",
                   duration: 3600, cost: 4.00, metadata: #"{"branch": "main", "spot": true}"#),
            // X4 — rejected: missing_cost (cost NULL and duration NULL).
            insert(run: "run-x4", timestamp: "2026-11-05T12:00:00", provider: "aws", instance: "p4d.24xlarge",
                   region: "us-east-2", hardware: "nvidia", gpu: "A100", benchmark: "test_llama", suite: "integration",
                   duration: nil, cost: nil, metadata: #"{"developer": "alice"}"#),
            // r11, r12 — two records of run-11.
            insert(run: "run-11", timestamp: "2026-11-05T14:30:00", provider: "aws", instance: "p4d.24xlarge",
                   region: "us-east-2", hardware: "nvidia", gpu: "A100", benchmark: "test_llama_fwd", suite: "integration",
                   duration: 3600, cost: 32.77,
                   metadata: #"{"developer": "alice", "branch": "main", "purchase_option": "on-demand"}"#),
            insert(run: "run-11", timestamp: "2026-11-05T14:30:00.500000", provider: "aws", instance: "p4d.24xlarge",
                   region: "us-east-2", hardware: "nvidia", gpu: "A100", benchmark: "test_llama_bwd", suite: "integration",
                   duration: 1800, cost: 16.385, passed: 8, failed: 2,
                   metadata: #"{"developer": "alice", "branch": "main", "purchase_option": "on-demand"}"#),
            // r13 — after the as-of date: data quality only (inferred on-demand: 32.77 / 1 > 0.6 × 32.77).
            insert(run: "run-13", timestamp: "2026-11-06T08:00:00", provider: "aws", instance: "p4d.24xlarge",
                   region: "us-east-2", hardware: "nvidia", gpu: "A100", benchmark: "test_llama", suite: "integration",
                   duration: 3600, cost: 32.77, metadata: #"{"developer": "bob", "branch": "main"}"#),
        ]
    }

    /// The fixture as a SQLite file in the Python schema.
    public static func writeDatabase(at path: String) throws {
        let writer = try SQLiteWriterForTests(path: path)
        try writer.execute(PythonSchema.benchmarks)
        for sql in rows { try writer.execute(sql) }
        try writer.close()
    }
}
