import CostModel
import Foundation

/// What `DemoResults.write` wrote.
public struct DemoResultsSummary: Sendable {
    public let files: Int
    public let runs: Int
    /// Files deliberately written twice or unreadable, so data quality has something to say.
    public let duplicateFiles: Int
    public let unreadableFiles: Int
}

/// A demo folder of JSON result files in the four shapes of spec §1, as the team's CI machines
/// upload them: flat records (`daily/`, one object, an array, or JSON Lines), team summaries
/// (`weekly/`), nested result files with benchmarks (`pr/pr-N/`) and the harnesses' own results
/// (`results/YYYYmmdd-HHMMSS/results.json`). The runs are the demo generator's, from a stream of
/// their own (other runs than the database's), plus one run the database also holds and one file
/// synced twice (`duplicate_run`), and one truncated upload (an unreadable file). The same
/// options always give the same files.
public enum DemoResults {
    /// Runs of the results stream: an eighth of the database's records.
    static func options(_ database: DemoOptions) -> DemoOptions {
        var o = database
        o.records = max(database.records / 8, 8)
        o.seed = database.seed ^ 0x5E5E_17F1_1E5D_A7A0
        return o
    }

    /// Writes the folder at `path` (created; an existing folder is replaced whole, atomically:
    /// written beside it, then renamed over it).
    public static func write(to path: String, options database: DemoOptions) throws -> DemoResultsSummary {
        var files: [(path: String, text: String)] = []
        var runs = 0
        var generator = DemoGenerator(options: options(database))
        var current: [DemoRow] = []
        var runIndex = 0
        func flush() {
            guard let first = current.first else { return }
            files.append(contentsOf: shape(current, first: first, index: runIndex))
            runIndex += 1
            runs += 1
            current = []
        }
        generator.generate { row in
            if let last = current.last, last.runID != row.runID { flush() }
            current.append(row)
        }
        flush()

        // One run the database also holds (the database's first), as a flat file: one run, one source.
        var dbGenerator = DemoGenerator(options: database)
        var dbRun: [DemoRow] = []
        var done = false
        dbGenerator.generate { row in
            guard !done else { return }
            if let last = dbRun.last, last.runID != row.runID { done = true; return }
            dbRun.append(row)
        }
        var duplicates = 0
        if let first = dbRun.first {
            files.append(("daily/\(day(first.timestamp))/also-in-database.json", pretty(dbRun.map(flat))))
            duplicates += 1
        }
        // One file synced twice, into a second folder.
        if let daily = files.first(where: { $0.path.hasPrefix("daily/") && !$0.path.hasSuffix(".jsonl") }) {
            files.append(("daily-resync/" + daily.path.dropFirst("daily/".count), daily.text))
            duplicates += 1
        }
        // An upload cut short.
        if let nested = files.first(where: { $0.path.hasPrefix("pr/") }) {
            files.append(("pr/interrupted-upload.json", String(nested.text.prefix(nested.text.count / 2))))
        }

        try writeAtomically(files, to: path)
        return DemoResultsSummary(files: files.count, runs: runs, duplicateFiles: duplicates, unreadableFiles: 1)
    }

    // MARK: - The four shapes

    /// One run as one or more files, its shape chosen by its trigger as the team's CI does.
    static func shape(_ rows: [DemoRow], first: DemoRow, index: Int) -> [(path: String, text: String)] {
        let meta = metadata(first)
        let trigger = meta["trigger"] as? String ?? ""
        let id = String(first.runID.filter(\.isHexDigit).suffix(7))
        if meta["pr_number"] != nil || meta["pr"] != nil {
            return [("pr/pr-\(prNumber(meta))/validation-\(id).json", pretty(nested(rows, meta: meta)))]
        }
        if trigger == "weekly" || trigger == "schedule" {
            return [("weekly/\(week(first.timestamp))/summary-\(first.provider)-\(id).json", pretty(summary(rows, meta: meta)))]
        }
        if trigger == "manual" || index % 7 == 3 {
            return [("results/\(stamp(first.timestamp))/results.json", pretty(harness(rows, index: index)))]
        }
        switch index % 3 {
        case 0: return [("daily/\(day(first.timestamp))/\(first.provider)-\(first.suite)-\(id).jsonl",
                         rows.map { compact(flat($0)) }.joined(separator: "\n") + "\n")]
        case 1 where rows.count == 1:
            return [("daily/\(day(first.timestamp))/\(first.provider)-\(first.suite)-\(id).json", pretty(flat(first)))]
        default:
            return [("daily/\(day(first.timestamp))/batch-\(id).json", pretty(rows.map(flat)))]
        }
    }

    /// Shape 1: the database's columns as keys, `metadata` an object.
    static func flat(_ r: DemoRow) -> [String: Any] {
        var o: [String: Any] = [
            "run_id": r.runID, "timestamp": r.timestamp, "cloud_provider": r.provider, "instance_type": r.instanceType,
            "region": r.region, "hardware_type": r.hardware, "benchmark_name": r.benchmarkName,
            "benchmark_suite": r.suite, "latency_ms": r.latencyMs, "throughput": r.throughput, "memory_mb": r.memoryMB,
            "tests_passed": r.testsPassed, "tests_failed": r.testsFailed, "tests_skipped": r.testsSkipped,
            "metadata": metadata(r),
        ]
        o["gpu_model"] = r.gpuModel ?? NSNull()
        o["duration_seconds"] = r.durationSeconds ?? NSNull()
        o["cost_usd"] = r.costUSD ?? NSNull()
        return o
    }

    /// Shape 2: one run for cost, its benchmarks as performance results.
    static func nested(_ rows: [DemoRow], meta: [String: Any]) -> [String: Any] {
        let first = rows[0]
        var metadata = meta
        metadata["run_id"] = first.runID
        metadata["timestamp"] = first.timestamp
        let passed = rows.reduce(0) { $0 + $1.testsPassed }, failed = rows.reduce(0) { $0 + $1.testsFailed }
        let skipped = rows.reduce(0) { $0 + $1.testsSkipped }
        return [
            "metadata": metadata,
            "platform": ["cloud": first.provider, "instance_type": first.instanceType, "region": first.region,
                         "gpu_model": first.gpuModel ?? "", "gpu_count": 1] as [String: Any],
            "execution": ["test_path": "tests/\(first.suite)/", "pytest_args": ["--tb=short", "-v"],
                          "duration_seconds": rows.reduce(0) { $0 + ($1.durationSeconds ?? 0) },
                          "spot_instance": (meta["spot_instance"] as? Bool) ?? false,
                          "estimated_cost_usd": rows.reduce(0) { $0 + ($1.costUSD ?? 0) }] as [String: Any],
            "results": ["total_tests": passed + failed + skipped, "passed": passed, "failed": failed,
                        "skipped": skipped, "errors": 0],
            "benchmarks": rows.map { ["name": $0.benchmarkName, "latency_ms": $0.latencyMs, "throughput": $0.throughput,
                                      "memory_mb": $0.memoryMB] as [String: Any] },
        ]
    }

    /// Shape 3: a team summary of one run.
    static func summary(_ rows: [DemoRow], meta: [String: Any]) -> [String: Any] {
        let first = rows[0]
        let latency = rows.reduce(0) { $0 + $1.latencyMs } / Double(rows.count)
        return [
            "run_id": first.runID, "developer": meta["developer"] as? String ?? "ci", "branch": meta["branch"] as? String ?? "main",
            "commit": meta["commit_sha"] as? String ?? meta["commit"] as? String ?? "0000000",
            "platform": first.provider, "instance_type": first.instanceType, "test_suite": first.suite,
            "timestamp": first.timestamp,
            "duration_seconds": rows.reduce(0) { $0 + ($1.durationSeconds ?? 0) },
            "cost_usd": rows.reduce(0) { $0 + ($1.costUSD ?? 0) },
            "results": ["passed": rows.reduce(0) { $0 + $1.testsPassed }, "failed": rows.reduce(0) { $0 + $1.testsFailed },
                        "skipped": rows.reduce(0) { $0 + $1.testsSkipped }],
            "metrics": ["avg_latency_ms": (latency * 1000).rounded() / 1000, "throughput": first.throughput],
        ]
    }

    /// Shape 4: what `AWSTestResult.to_dict()` / `GCPTestResult.to_dict()` write.
    static func harness(_ rows: [DemoRow], index: Int) -> [String: Any] {
        let first = rows[0]
        let duration = rows.reduce(0) { $0 + ($1.durationSeconds ?? 0) }
        let cost = rows.reduce(0) { $0 + ($1.costUSD ?? 0) }
        let passed = rows.reduce(0) { $0 + $1.testsPassed }, failed = rows.reduce(0) { $0 + $1.testsFailed }
        var o: [String: Any] = [
            "start_time": first.timestamp, "end_time": first.timestamp, "duration_seconds": duration,
            "tests_passed": passed, "tests_failed": failed, "tests_skipped": rows.reduce(0) { $0 + $1.testsSkipped },
            "test_output": "== \(passed) passed, \(failed) failed ==", "benchmark_results": [String: Any](),
            "cost_estimate_usd": cost, "success": failed == 0, "error_message": failed == 0 ? NSNull() : "tests failed" as Any,
        ]
        let id = "\(index)" + String(first.runID.filter(\.isHexDigit).suffix(8))
        if first.provider == "gcp" {
            o["resource_id"] = "projects/ml-ci/zones/\(first.region)/instances/ci-\(id)"
            o["resource_type"] = first.hardware == "tpu" ? "tpu" : "compute"
            o["machine_type"] = first.instanceType
            o["zone"] = first.region
            o["monitoring_metrics"] = [String: Any]()
        } else {
            o["instance_id"] = "i-0\(id)"
            o["instance_type"] = first.instanceType
            o["region"] = first.region
            o["cloudwatch_metrics"] = ["GPUUtilization": 50 + Double(index % 40)]
        }
        return o
    }

    // MARK: - Helpers

    static func metadata(_ r: DemoRow) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(r.metadata.utf8))) as? [String: Any] ?? [:]
    }

    static func prNumber(_ meta: [String: Any]) -> String {
        let raw = meta["pr_number"] ?? meta["pr"] ?? ""
        return String("\(raw)".filter(\.isNumber))
    }

    /// `2026-11-02` of an ISO timestamp.
    static func day(_ timestamp: String) -> String { String(timestamp.prefix(10)) }

    /// `2026-W45` of an ISO timestamp's day.
    static func week(_ timestamp: String) -> String {
        Day(iso: day(timestamp)).map { Period.week(containing: $0).id } ?? "unknown-week"
    }

    /// `20261102-221503` of an ISO timestamp.
    static func stamp(_ timestamp: String) -> String {
        let digits = timestamp.prefix(19).filter(\.isNumber)
        return String(digits.prefix(8)) + "-" + String(digits.dropFirst(8).prefix(6))
    }

    /// `json.dumps(indent=2, sort_keys=True)`-like: the same object always gives the same bytes.
    static func pretty(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func compact(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func writeAtomically(_ files: [(path: String, text: String)], to given: String) throws {
        let fm = FileManager.default
        // Standardised first: `results/` + ".tmp" would name a folder inside the target.
        let path = URL(fileURLWithPath: given).standardizedFileURL.path
        let temporary = path + ".tmp"
        try? fm.removeItem(atPath: temporary)
        do {
            for file in files {
                let full = temporary + "/" + file.path
                try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: full))
            }
            if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
            try fm.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw DemoDatabaseError("cannot write the results folder \(path): \(error.localizedDescription)")
        }
    }
}
