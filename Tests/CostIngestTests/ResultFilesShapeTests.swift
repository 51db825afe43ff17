import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest

// The four shapes of spec §1, one folder written the way the team's Python writes it, every figure
// computed by hand from the bundled catalog:
//
//   g5.xlarge       R 1.006 (no regional prices), spot 0.30–0.40 → S 0.35
//   a2-highgpu-1g   R 3.67 (us-central1 3.67)
//   p4d.24xlarge    R 32.77 (us-west-2 32.77)
//   g2-standard-4   R 0.84
//   v5litepod-8     R 9.60
//
// | file                                    | shape   | run                              | h    | cost   | how                                                       |
// |-----------------------------------------|---------|----------------------------------|------|--------|-----------------------------------------------------------|
// | daily/2026-11-02/gcp-integration-….json | flat    | flat-1                           | 1    | 2.25   | recorded; spot (preemptible: true)                        |
// | daily/2026-11-03/batch-1.json #1        | flat    | arr-1                            | 0.5  | 0.75   | recorded; on-demand (spot_instance: false); PR "#17" → 17 |
// | daily/2026-11-03/batch-1.json #2        | flat    | arr-2                            | 2    | 0.70   | cost null → estimated 2 h × S 0.35 (market "spot")        |
// | daily/2026-11-03/batch-1.json #3        | —       | —                                |      |        | "not a record": invalid_record                            |
// | daily/2026-11-03/results-1.jsonl line 1 | flat    | jl-1                             | 1/6  | 0.125  | recorded                                                  |
// | … line 2                                |         |                                  |      |        | blank: not a record                                       |
// | … line 3                                | flat    | jl-1 (same run, same file)       | 1/6  | 0.25   | recorded                                                  |
// | … line 4                                | —       | —                                |      |        | truncated line: invalid_record                            |
// | … line 5                                | flat    | jl-3                             | 1/4  | 0.375  | recorded                                                  |
// | daily/2026-11-04/summary-gcp-….json     | summary | sum-1                            | 0.25 | 0.21   | recorded; 0.84/h = R → on-demand, inferred                |
// | pr/pr-42/validation.json                | nested  | nested-1                         | 0.5  | 7.50   | estimated_cost_usd; spot from execution.spot_instance     |
// | results/20261105-101500/results.json    | harness | local@2026-11-05 10:15:00.500000 | 1    | 1.006  | cost 0.0 with a duration → estimated 1 h × R, on-demand    |
// | results/20261105-120000/results.json    | harness | tpu-7@2026-11-05T12:00:00.000001 | 0.5  | 4.80   | recorded; 9.60/h = R → on-demand, inferred                 |
//
// 12 records read, 10 accepted, 2 invalid_record; spend 2.25 + 0.75 + 0.70 + 0.125 + 0.25 + 0.375
// + 0.21 + 7.50 + 1.006 + 4.80 = 17.966.
@Suite struct ResultFilesShapeTests {
    static let files: [String: String] = [
        "daily/2026-11-02/gcp-integration-1a2b3c4.json": """
            {
              "run_id": "flat-1",
              "timestamp": "2026-11-02T22:15:03.123456",
              "cloud_provider": "gcp",
              "instance_type": "a2-highgpu-1g",
              "region": "us-central1-a",
              "hardware_type": "nvidia",
              "gpu_model": "A100",
              "benchmark_name": "end_to_end_training",
              "benchmark_suite": "integration",
              "latency_ms": 6.904,
              "throughput": 785091.7,
              "memory_mb": 2048.0,
              "tests_passed": 115,
              "tests_failed": 1,
              "tests_skipped": 4,
              "duration_seconds": 3600,
              "cost_usd": 2.25,
              "metadata": {
                "developer": "bob",
                "branch": "main",
                "commit_sha": "1a2b3c4",
                "trigger": "nightly",
                "preemptible": true
              }
            }
            """,
        "daily/2026-11-03/batch-1.json": """
            [
              {
                "run_id": "arr-1",
                "timestamp": "2026-11-03T08:00:00",
                "cloud_provider": "aws",
                "instance_type": "g5.xlarge",
                "region": "us-east-1",
                "hardware_type": "nvidia",
                "gpu_model": "A10G",
                "benchmark_name": "quick_forward",
                "benchmark_suite": "smoke",
                "latency_ms": 0.0,
                "throughput": 0.0,
                "memory_mb": 0.0,
                "tests_passed": 62,
                "tests_failed": 0,
                "tests_skipped": 0,
                "duration_seconds": 1800,
                "cost_usd": 0.75,
                "metadata": {
                  "developer": "alice",
                  "branch": "feature/a",
                  "pr_number": "#17",
                  "spot_instance": false
                }
              },
              {
                "run_id": "arr-2",
                "timestamp": "2026-11-03T09:30:00.500000",
                "cloud_provider": "aws",
                "instance_type": "g5.xlarge",
                "region": "us-east-2",
                "tests_passed": 10,
                "tests_failed": 0,
                "tests_skipped": 0,
                "duration_seconds": 7200,
                "cost_usd": null,
                "metadata": {
                  "developer": "Jos\\u00e9",
                  "market": "spot"
                }
              },
              "not a record"
            ]
            """,
        "daily/2026-11-03/results-1.jsonl": """
            {"run_id": "jl-1", "timestamp": "2026-11-03T10:00:00", "cloud_provider": "gcp", "instance_type": "g2-standard-4", "region": "europe-west4-b", "duration_seconds": 600, "cost_usd": 0.125, "metadata": {"developer": "carol"}}

            {"run_id": "jl-1", "timestamp": "2026-11-03T10:10:00.250000", "cloud_provider": "gcp", "instance_type": "g2-standard-4", "region": "europe-west4-b", "duration_seconds": 600, "cost_usd": 0.25, "metadata": {"developer": "carol"}}
            {"run_id": "jl-2", "timestamp": "2026-11-03T11:00:00", "cloud_provider": "gcp", "cost_usd": 0.
            {"run_id": "jl-3", "timestamp": "2026-11-03T12:00:00", "cloud_provider": "gcp", "instance_type": "g2-standard-4", "region": "europe-west4-b", "duration_seconds": 900, "cost_usd": 0.375, "metadata": {"developer": "carol"}}

            """,
        "daily/2026-11-04/summary-gcp-abc1234.json": """
            {
              "run_id": "sum-1",
              "developer": "dave",
              "branch": "feature/xla-sharding",
              "commit": "abc1234",
              "platform": "gcp",
              "instance_type": "g2-standard-4",
              "test_suite": "unit",
              "timestamp": "2026-11-04T03:00:00Z",
              "duration_seconds": 900,
              "cost_usd": 0.21,
              "results": {
                "passed": 50,
                "failed": 0,
                "skipped": 2
              },
              "metrics": {
                "avg_latency_ms": 2.5,
                "throughput": 3000
              }
            }
            """,
        "pr/pr-42/validation.json": """
            {
              "metadata": {
                "run_id": "nested-1",
                "timestamp": "2026-11-04T13:48:03Z",
                "developer": "carol",
                "branch": "feature/paged-attention",
                "commit_sha": "d876b4643c0d",
                "commit_message": "Optimize kernel",
                "trigger": "pr",
                "pr_number": 42
              },
              "platform": {
                "cloud": "aws",
                "instance_type": "p4d.24xlarge",
                "region": "us-west-2",
                "gpu_model": "NVIDIA A100",
                "gpu_count": 8
              },
              "execution": {
                "test_path": "tests/integration/",
                "pytest_args": [
                  "--tb=short",
                  "-n",
                  "4"
                ],
                "duration_seconds": 1800,
                "spot_instance": true,
                "estimated_cost_usd": 7.5
              },
              "results": {
                "total_tests": 10,
                "passed": 7,
                "failed": 1,
                "skipped": 1,
                "errors": 1,
                "pass_rate": 70.0
              },
              "benchmarks": [
                {
                  "name": "attention",
                  "latency_ms": 1.5,
                  "throughput": 1000,
                  "memory_mb": 2048
                },
                {
                  "name": "gelu",
                  "latency_ms": 0.0,
                  "throughput": 0.0,
                  "memory_mb": 2048
                },
                {
                  "name": "matmul",
                  "throughput": 500
                }
              ],
              "failures": []
            }
            """,
        "results/20261105-101500/results.json": """
            {
              "instance_id": "local",
              "instance_type": "g5.xlarge",
              "region": "us-east-1",
              "start_time": "2026-11-05 10:15:00.500000",
              "end_time": "2026-11-05 11:15:00.500000",
              "duration_seconds": 3600.0,
              "tests_passed": 293,
              "tests_failed": 0,
              "tests_skipped": 2,
              "test_output": "== 293 passed in 3600.0s ==",
              "benchmark_results": {},
              "cloudwatch_metrics": {
                "GPUUtilization": 59.744855168190476
              },
              "cost_estimate_usd": 0.0,
              "success": true,
              "error_message": null
            }
            """,
        "results/20261105-120000/results.json": """
            {
              "resource_id": "tpu-7",
              "resource_type": "tpu",
              "machine_type": "v5litepod-8",
              "zone": "us-central1-a",
              "start_time": "2026-11-05T12:00:00.000001",
              "end_time": "2026-11-05T12:30:00.000001",
              "duration_seconds": 1800.0,
              "tests_passed": 250,
              "tests_failed": 3,
              "tests_skipped": 0,
              "test_output": "",
              "benchmark_results": {},
              "monitoring_metrics": {
                "simulated": true
              },
              "cost_estimate_usd": 4.8,
              "success": false,
              "error_message": "3 tests failed"
            }
            """,
    ]

    @Test func everyShapeGivesItsHandComputedFigures() throws {
        let folder = try ResultFixtures.folder(Self.files)
        let d = try ResultFixtures.read(folder)

        #expect(d.quality.read == 12)
        #expect(d.records.count == 10)
        #expect(d.quality.rejected == [.invalidRecord: 2])
        #expect(d.quality.rejectedSamples.map(\.source) == [
            "\(folder)/daily/2026-11-03/batch-1.json #3", "\(folder)/daily/2026-11-03/results-1.jsonl line 4",
        ])
        #expect(abs(ResultFixtures.spend(d) - 17.966) < 0.005)
        #expect(abs(ResultFixtures.spend(d) - 17.966) < 1e-9)
        #expect(d.quality.sources == [folder])
        #expect(d.quality.bySource.count == 1)
        let source = try #require(d.quality.bySource.first)
        #expect(source.name == folder && source.read == 12 && source.accepted == 10 && source.filesRead == 7)
        #expect(source.unreadableFiles.isEmpty)

        let runs = ResultFixtures.byRun(d)
        #expect(runs.count == 9)   // jl-1 has two records

        // Flat, one object: spot from the metadata boolean, the zone becomes its region.
        let flat = try #require(runs["flat-1"])
        #expect(flat.cost == 2.25 && flat.market == .spot && !flat.flags.contains(.marketInferred))
        #expect(d.text(flat.provider) == "gcp" && d.text(flat.region) == "us-central1" && d.text(flat.developer) == "bob")
        #expect(flat.day == Day(year: 2026, month: 11, day: 2) && flat.testsPassed == 115 && flat.testsFailed == 1)
        #expect(d.text(flat.suite) == "integration" && d.text(flat.benchmark) == "end_to_end_training")

        // Flat, array elements: the PR key, an escaped non-ASCII developer, an estimated spot cost.
        let arr1 = try #require(runs["arr-1"])
        #expect(arr1.cost == 0.75 && arr1.market == .onDemand && d.text(arr1.pr) == "17")
        let arr2 = try #require(runs["arr-2"])
        #expect(arr2.flags.contains(.costEstimated) && arr2.market == .spot)
        #expect(abs(arr2.cost - 0.70) < 1e-9)
        #expect(d.text(arr2.developer) == "José" && d.text(arr2.region) == "us-east-2")

        // JSON Lines: both records of jl-1 count (one run within one file), jl-3 after the bad line.
        let jl = d.records.filter { d.text($0.run) == "jl-1" }
        #expect(jl.map(\.cost).sorted() == [0.125, 0.25])
        #expect(runs["jl-3"]?.cost == 0.375 && runs["jl-2"] == nil)
        #expect(d.text(runs["jl-3"]!.region) == "europe-west4")

        // Summary: developer, branch and suite from the top level, tests from `results`.
        let summary = try #require(runs["sum-1"])
        #expect(summary.cost == 0.21 && d.text(summary.developer) == "dave" && d.text(summary.branch) == "feature/xla-sharding")
        #expect(d.text(summary.provider) == "gcp" && d.text(summary.instanceType) == "g2-standard-4")
        #expect(d.text(summary.suite) == "unit" && summary.testType == .unit)
        #expect(summary.testsPassed == 50 && summary.testsSkipped == 2)
        #expect(summary.market == .onDemand && summary.flags.contains(.marketInferred))

        // Nested: metadata, platform and execution; errors count as failed; pytest args reach the builder.
        let nested = try #require(runs["nested-1"])
        #expect(nested.cost == 7.5 && nested.hours == 0.5 && nested.market == .spot)
        #expect(!nested.flags.contains(.marketInferred) && !nested.flags.contains(.costEstimated))
        #expect(d.text(nested.provider) == "aws" && d.text(nested.instanceType) == "p4d.24xlarge" && d.text(nested.region) == "us-west-2")
        #expect(d.text(nested.gpuModel) == "NVIDIA A100" && d.text(nested.developer) == "carol")
        #expect(d.text(nested.branch) == "feature/paged-attention" && d.text(nested.pr) == "42")
        #expect(nested.testsPassed == 7 && nested.testsFailed == 2 && nested.testsSkipped == 1)
        #expect(nested.testType == .integration)   // from execution.test_path
        #expect(nested.flags.contains(.parallelismRecorded) && nested.flags.contains(.parallel))
        #expect(nested.onDemandRate == 32.77)

        // Harness (AWS): run key id@start_time, cost 0.0 with a duration is estimated at R, on-demand.
        let aws = try #require(runs["local@2026-11-05 10:15:00.500000"])
        #expect(aws.flags.contains(.costEstimated) && aws.market == .onDemand && aws.cost == 1.006)
        #expect(d.text(aws.provider) == "aws" && d.text(aws.instanceType) == "g5.xlarge" && d.text(aws.region) == "us-east-1")
        #expect(aws.testsPassed == 293 && aws.testsSkipped == 2 && d.text(aws.developer) == "(unattributed)")

        // Harness (GCP TPU): machine_type, zone → region, hardware tpu, market inferred.
        let tpu = try #require(runs["tpu-7@2026-11-05T12:00:00.000001"])
        #expect(tpu.cost == 4.8 && d.text(tpu.provider) == "gcp" && d.text(tpu.instanceType) == "v5litepod-8")
        #expect(d.text(tpu.region) == "us-central1" && d.text(tpu.hardwareType) == "tpu")
        #expect(tpu.market == .onDemand && tpu.flags.contains(.marketInferred) && tpu.testsFailed == 3)
        #expect(tpu.flags.contains(.runHasFailures))
    }

    /// Spec §13: one sample per accepted flat/summary record with a name and throughput > 0, one per
    /// nested `benchmarks` entry; throughput 0 is no sample, latency 0 or missing is absent; none from harnesses.
    @Test func performanceSamplesFollowSection13() throws {
        let d = try ResultFixtures.read(try ResultFixtures.folder(Self.files))
        let samples = d.samples.map { (d.text($0.benchmark), d.text($0.instanceType), $0.throughput, $0.latencyMs) }
        #expect(samples.count == 4)
        #expect(samples[0] == ("end_to_end_training", "a2-highgpu-1g", 785091.7, 6.904))
        #expect(samples[1] == ("unit", "g2-standard-4", 3000, 2.5))          // summary: named after its suite
        #expect(samples[2] == ("attention", "p4d.24xlarge", 1000, 1.5))
        #expect(samples[3] == ("matmul", "p4d.24xlarge", 500, nil))          // no latency: absent
        #expect(d.samples[0].day == Day(year: 2026, month: 11, day: 2))
        #expect(d.samples[2].day == Day(year: 2026, month: 11, day: 4) && d.text(d.samples[2].provider) == "aws")
    }

    /// Python's json.dumps writes NaN for a float that is not a number: the record is read and rejected
    /// like a NaN cost in the database, not the whole file lost; a JSON number timestamp is epoch seconds.
    @Test func pythonNaNAndEpochTimestampsAreRead() throws {
        let folder = try ResultFixtures.folder([
            "a.json": """
                [
                  {
                    "run_id": "nan-cost",
                    "timestamp": "2026-11-02T10:00:00",
                    "instance_type": "g5.xlarge",
                    "duration_seconds": 3600,
                    "cost_usd": NaN
                  },
                  {
                    "run_id": "inf-duration",
                    "timestamp": "2026-11-02T10:00:00",
                    "instance_type": "g5.xlarge",
                    "duration_seconds": Infinity,
                    "cost_usd": 1.0,
                    "metadata": {"note": "NaN stays text here"}
                  },
                  {
                    "run_id": "epoch",
                    "timestamp": 1793613600,
                    "instance_type": "g5.xlarge",
                    "duration_seconds": 3600,
                    "cost_usd": -Infinity
                  },
                  {
                    "run_id": "ok",
                    "timestamp": 1793613600,
                    "instance_type": "g5.xlarge",
                    "duration_seconds": 3600,
                    "cost_usd": 1.006
                  }
                ]
                """,
        ])
        let d = try ResultFixtures.read(folder)
        #expect(d.quality.unreadableFiles.isEmpty)
        #expect(d.quality.rejected == [.invalidCost: 2, .invalidDuration: 1])
        #expect(d.records.count == 1 && d.records[0].day == Day(year: 2026, month: 11, day: 02))
        #expect(d.text(d.records[0].provider) == "aws")   // from the catalog listing the instance
    }

    /// Metadata given as JSON text (as a database row exported to a file stores it) is read; metadata
    /// that is not an object is counted, as in the database.
    @Test func metadataTextAndNonObjectMetadata() throws {
        let folder = try ResultFixtures.folder([
            "a.jsonl": """
                {"run_id": "t", "timestamp": "2026-11-02T10:00:00", "instance_type": "g5.xlarge", "duration_seconds": 3600, "cost_usd": 1.006, "metadata": "{\\"developer\\": \\"erin\\", \\"market\\": \\"on-demand\\"}"}
                {"run_id": "n", "timestamp": "2026-11-02T10:00:00", "instance_type": "g5.xlarge", "duration_seconds": 3600, "cost_usd": 1.006, "metadata": [1, 2]}
                {"run_id": "top", "timestamp": "2026-11-02T10:00:00", "instance_type": "g5.xlarge", "duration_seconds": 3600, "cost_usd": 0.3, "developer": "frank", "spot_instance": true, "metadata": {"branch": "main"}}
                """,
        ])
        let d = try ResultFixtures.read(folder)
        let runs = ResultFixtures.byRun(d)
        #expect(d.text(runs["t"]!.developer) == "erin" && runs["t"]!.market == .onDemand)
        #expect(runs["n"]!.flags.contains(.metadataNotObject) && !runs["t"]!.flags.contains(.metadataNotObject))
        #expect(d.text(runs["top"]!.developer) == "frank" && d.text(runs["top"]!.branch) == "main")
        #expect(runs["top"]!.market == .spot && !runs["top"]!.flags.contains(.marketInferred))
    }

    /// Files are read in byte-wise path order whatever finishes parsing first, so the same folder
    /// gives the same dataset; progress is reported per 1,000 files and at the end.
    @Test func pathOrderDecidesAndProgressIsPerThousandFiles() throws {
        var files: [String: String] = [:]
        for i in 0..<1_500 {
            // Every file holds the same run: only the first in path order counts, the rest are duplicates.
            files[String(format: "d%02d/f%04d.json", i % 7, i)] = """
                {"run_id": "same", "timestamp": "2026-11-02T10:00:00", "instance_type": "g5.xlarge", "duration_seconds": 3600, "cost_usd": \(Double(i + 1) / 100)}
                """
        }
        files["D/upper.json"] = #"{"run_id": "upper", "timestamp": "2026-11-02T09:00:00", "instance_type": "g5.xlarge", "duration_seconds": 3600, "cost_usd": 5}"#
        let folder = try ResultFixtures.folder(files)
        defer { ResultFixtures.remove(folder) }
        let log = ProgressLog()
        let d = try ResultFixtures.read(folder, progress: log.sink)
        #expect(d.quality.read == 1_501 && d.quality.rejected == [.duplicateRun: 1_499])
        // d00/f0000.json is the first of run "same" in byte order ("D/" sorts before "d00/").
        #expect(d.records.map(\.cost) == [5, 0.01])
        #expect(log.all == [
            "reading 1501 result files from \(folder)",
            "read 1000 of 1501 result files from \(folder)",
            "read 1501 result files from \(folder): 1501 records, 0 unreadable",
        ])
        let again = try ResultFixtures.read(folder)
        #expect(again.records.map(\.cost) == d.records.map(\.cost) && again.strings.strings == d.strings.strings)
        #expect(again.quality.rejectedSamples == d.quality.rejectedSamples)
    }
}
