import CostModel
import Foundation

/// The four shapes of a JSON result file's record (spec §1, "JSON result files") and how each
/// becomes a `RawRecord`. Values are taken as leniently as the SQLite reader takes its columns
/// (a number stored as text is a number, a number where text was expected is its text), and every
/// rule about them stays in `DatasetBuilder`: this file only says where each field lives.
enum ResultShape: String, Sendable, CaseIterable {
    /// 1: the `benchmarks` columns as keys, `metadata` an object.
    case flat
    /// 2: `metadata{…}`, `platform{…}`, `execution{…}`, `results{…}`, `benchmarks[…]`.
    case nested
    /// 3: the team's summary: `platform` a string, `test_suite`, `results{…}`, `metrics{…}`.
    case summary
    /// 4: what the harnesses' `AWSTestResult` / `GCPTestResult.to_dict()` write.
    case harness

    /// Spec §1's recognition rules, in its order: harness, nested, summary, else flat.
    init(of o: [String: Any]) {
        if o["cost_estimate_usd"] != nil, o["start_time"] != nil, o["instance_id"] != nil || o["resource_id"] != nil {
            self = .harness
        } else if o["platform"] is [String: Any] || o["execution"] is [String: Any] {
            self = .nested
        } else if o["platform"] is String || o["test_suite"] != nil
                    || o["results"] is [String: Any] || o["metrics"] is [String: Any] {
            self = .summary
        } else {
            self = .flat
        }
    }
}

enum ResultRecords {
    /// The metadata keys of spec §1 that a flat or summary record may also carry at its top level
    /// (the summary shape keeps `developer`, `branch` and `commit` there). A key in `metadata` wins.
    static let topLevelMetadataKeys = [
        "developer", "branch", "commit", "commit_sha", "pr_number", "pr", "test_type", "trigger",
        "spot_instance", "preemptible", "spot", "market", "purchase_option", "pytest_args", "gpu_count",
        "workers", "cache", "account_id",
    ]

    /// One JSON object as a raw record, in whichever of the four shapes it is.
    static func record(_ o: [String: Any]) -> RawRecord {
        switch ResultShape(of: o) {
        case .flat: return flat(o)
        case .nested: return nested(o)
        case .summary: return summary(o)
        case .harness: return harness(o)
        }
    }

    /// Shape 1: the columns of spec §1 as keys.
    static func flat(_ o: [String: Any]) -> RawRecord {
        var f = Fields(o)
        var raw = RawRecord(
            id: JSONValue.integer(f["id"]), runID: JSONValue.text(f["run_id"]),
            timestamp: JSONValue.timestamp(f["timestamp"]),
            cloudProvider: JSONValue.text(f["cloud_provider"]), instanceType: JSONValue.text(f["instance_type"]),
            region: JSONValue.text(f["region"]), hardwareType: JSONValue.text(f["hardware_type"]),
            gpuModel: JSONValue.text(f["gpu_model"]), benchmarkName: JSONValue.text(f["benchmark_name"]),
            benchmarkSuite: JSONValue.text(f["benchmark_suite"]), latencyMs: JSONValue.number(f["latency_ms"]),
            throughput: JSONValue.number(f["throughput"]), memoryMB: JSONValue.number(f["memory_mb"]),
            testsPassed: JSONValue.count(f["tests_passed"]), testsFailed: JSONValue.count(f["tests_failed"]),
            testsSkipped: JSONValue.count(f["tests_skipped"]),
            durationSeconds: JSONValue.number(f["duration_seconds"]), costUSD: JSONValue.number(f["cost_usd"]))
        let metadata = f["metadata"]
        // Only an object with keys beyond the columns can hold metadata keys at its top level.
        raw.parsedMetadata = facts(metadata: metadata, topLevel: f.found < o.count ? o : nil)
        return raw
    }

    /// Lookups that count the keys found, so "are there other keys?" costs nothing.
    struct Fields {
        let o: [String: Any]
        var found = 0
        init(_ o: [String: Any]) { self.o = o }
        subscript(key: String) -> Any? {
            mutating get {
                let v = o[key]
                if v != nil { found += 1 }
                return v
            }
        }
    }

    /// Shape 2: one run for cost; its `benchmarks` entries are its performance samples only.
    static func nested(_ o: [String: Any]) -> RawRecord {
        let (meta, notObject) = metadataObject(o["metadata"])
        let platform = o["platform"] as? [String: Any] ?? [:]
        let execution = o["execution"] as? [String: Any] ?? [:]
        let results = o["results"] as? [String: Any] ?? [:]
        var raw = RawRecord(
            runID: JSONValue.text(meta["run_id"]) ?? JSONValue.text(o["run_id"]),
            timestamp: JSONValue.timestamp(meta["timestamp"]) ?? JSONValue.timestamp(o["timestamp"]),
            cloudProvider: JSONValue.text(platform["cloud"]), instanceType: JSONValue.text(platform["instance_type"]),
            region: JSONValue.text(platform["region"]), hardwareType: JSONValue.text(platform["hardware_type"]),
            gpuModel: JSONValue.text(platform["gpu_model"]),
            testsPassed: JSONValue.count(results["passed"]),
            testsFailed: failedCount(results["failed"], errors: results["errors"]),
            testsSkipped: JSONValue.count(results["skipped"]),
            durationSeconds: JSONValue.number(execution["duration_seconds"]),
            costUSD: JSONValue.number(execution["estimated_cost_usd"]),
            testPath: JSONValue.text(execution["test_path"]),
            executionSpotInstance: execution["spot_instance"].flatMap(JSONValue.boolean))
        // pytest args and the GPU count live beside the metadata in this shape; the builder reads them as metadata.
        var m = meta
        if m["pytest_args"] == nil, let args = execution["pytest_args"] { m["pytest_args"] = args }
        if m["gpu_count"] == nil, let count = platform["gpu_count"] { m["gpu_count"] = count }
        var facts = MetadataFacts(object: m)
        facts.notObject = notObject
        raw.parsedMetadata = facts
        raw.benchmarkSamples = (o["benchmarks"] as? [Any] ?? []).compactMap { entry in
            guard let b = entry as? [String: Any] else { return nil }
            return RawBenchmarkSample(name: JSONValue.text(b["name"]), throughput: JSONValue.number(b["throughput"]),
                                      latencyMs: JSONValue.number(b["latency_ms"]))
        }
        return raw
    }

    /// Shape 3: developer, branch and commit at the top level, tests in `results`, performance in `metrics`.
    static func summary(_ o: [String: Any]) -> RawRecord {
        let results = o["results"] as? [String: Any] ?? [:]
        let metrics = o["metrics"] as? [String: Any] ?? [:]
        let suite = JSONValue.text(o["test_suite"]) ?? JSONValue.text(o["benchmark_suite"])
        let benchmark = JSONValue.text(o["benchmark_name"])
        let latency = JSONValue.number(metrics["avg_latency_ms"]) ?? JSONValue.number(o["latency_ms"])
        let throughput = JSONValue.number(metrics["throughput"]) ?? JSONValue.number(o["throughput"])
        var raw = RawRecord(
            id: JSONValue.integer(o["id"]), runID: JSONValue.text(o["run_id"]),
            timestamp: JSONValue.timestamp(o["timestamp"]),
            cloudProvider: JSONValue.text(o["platform"]) ?? JSONValue.text(o["cloud_provider"]),
            instanceType: JSONValue.text(o["instance_type"]), region: JSONValue.text(o["region"]),
            hardwareType: JSONValue.text(o["hardware_type"]), gpuModel: JSONValue.text(o["gpu_model"]),
            benchmarkName: benchmark, benchmarkSuite: suite, latencyMs: latency, throughput: throughput,
            testsPassed: JSONValue.count(results["passed"] ?? o["tests_passed"]),
            testsFailed: failedCount(results["failed"] ?? o["tests_failed"], errors: results["errors"]),
            testsSkipped: JSONValue.count(results["skipped"] ?? o["tests_skipped"]),
            durationSeconds: JSONValue.number(o["duration_seconds"]), costUSD: JSONValue.number(o["cost_usd"]))
        raw.parsedMetadata = facts(metadata: o["metadata"], topLevel: o)
        // A summary names no benchmark: its one sample is named after the suite it ran.
        raw.benchmarkSamples = [RawBenchmarkSample(name: benchmark ?? suite, throughput: throughput, latencyMs: latency)]
        return raw
    }

    /// Shape 4: a harness result. The run is `<instance_id or resource_id>@<start_time>` (every local
    /// run has the id `local`), the market is not recorded (inferred by the builder), no samples.
    static func harness(_ o: [String: Any]) -> RawRecord {
        let isAWS = o["instance_id"] != nil
        let id = JSONValue.text(isAWS ? o["instance_id"] : o["resource_id"])
        let start = JSONValue.text(o["start_time"])
        let resourceType = JSONValue.text(o["resource_type"]).map { $0.trimmingSpaces.lowercased() }
        var raw = RawRecord(
            runID: id.flatMap { id in start.map { "\(id)@\($0)" } },
            timestamp: JSONValue.timestamp(o["start_time"]),
            cloudProvider: isAWS ? "aws" : "gcp",
            instanceType: JSONValue.text(o["instance_type"]) ?? JSONValue.text(o["machine_type"]),
            region: JSONValue.text(o["region"]) ?? JSONValue.text(o["zone"]),
            hardwareType: resourceType == "tpu" ? "tpu" : nil,
            testsPassed: JSONValue.count(o["tests_passed"]), testsFailed: JSONValue.count(o["tests_failed"]),
            testsSkipped: JSONValue.count(o["tests_skipped"]),
            durationSeconds: JSONValue.number(o["duration_seconds"]), costUSD: JSONValue.number(o["cost_estimate_usd"]))
        raw.parsedMetadata = MetadataFacts()
        raw.benchmarkSamples = []
        return raw
    }

    /// pytest counts an error (a failing fixture or setup) apart from a failure; both are tests that
    /// neither passed nor were skipped, so both count as failed.
    static func failedCount(_ failed: Any?, errors: Any?) -> Int? {
        let f = JSONValue.count(failed), e = JSONValue.count(errors)
        if f == nil && e == nil { return nil }
        // An invalid part makes the sum invalid; two valid ones (each ≤ 2^53) cannot overflow.
        if f == RawRecord.invalidCount || e == RawRecord.invalidCount { return RawRecord.invalidCount }
        return (f ?? 0) + (e ?? 0)
    }

    /// A record's `metadata` value as an object: an object as is; JSON text holding an object (as the
    /// database stores it) parsed; missing, null or blank text is empty; anything else is empty and
    /// flagged as not an object (spec §12).
    static func metadataObject(_ value: Any?) -> (object: [String: Any], notObject: Bool) {
        guard let value else { return ([:], false) }
        if let object = value as? [String: Any] { return (object, false) }
        if let text = value as? String {
            if text.trimmingSpaces.isEmpty { return ([:], false) }
            let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            if let object = parsed as? [String: Any] { return (object, false) }
            return ([:], true)
        }
        return ([:], !JSONValue.isNull(value))
    }

    /// Metadata facts of a flat or summary record: its `metadata`, with the understood keys found at
    /// the top level (of `topLevel`, when given) filling what `metadata` does not say.
    static func facts(metadata: Any?, topLevel o: [String: Any]?) -> MetadataFacts {
        var (m, notObject) = metadataObject(metadata)
        if let o {
            for key in topLevelMetadataKeys where m[key] == nil {
                if let value = o[key], !JSONValue.isNull(value) { m[key] = value }
            }
        }
        var facts = MetadataFacts(object: m)
        facts.notObject = notObject
        return facts
    }
}

/// Lenient reads of JSON values, matching the SQLite reader's (`BenchmarksColumns`): a value of the
/// wrong kind is never silently taken as missing when it is a number field, so the builder rejects it.
enum JSONValue {
    /// JSONSerialization gives booleans as NSNumber; only the objCType `c` tells them from 0 and 1.
    @inline(__always) static func isBoolean(_ n: NSNumber) -> Bool {
        n.objCType.pointee == CChar(UInt8(ascii: "c"))
    }

    /// JSON null. Compared by type: `value is NSNull` would bridge a dictionary to NSDictionary first
    /// (microseconds per value). The casts below are likewise ordered by the kind a field usually holds.
    @inline(__always) static func isNull(_ value: Any) -> Bool {
        type(of: value) == NSNull.self
    }

    /// Text as written; a number as its text (whole numbers without a decimal point); a boolean as
    /// `true`/`false`; null, objects and arrays as nil.
    static func text(_ value: Any?) -> String? {
        guard let value else { return nil }
        if let s = value as? String { return s }
        if let n = value as? NSNumber {
            if isBoolean(n) { return n.boolValue ? "true" : "false" }
            return LenientValue.integer(fromDouble: n.doubleValue).map(String.init) ?? String(n.doubleValue)
        }
        return nil
    }

    /// A number; numeric text is its value, empty text nil, other text and any other kind NaN
    /// (rejected as invalid, not mistaken for missing); null and absent are nil.
    static func number(_ value: Any?) -> Double? {
        guard let value else { return nil }
        if let n = value as? NSNumber { return isBoolean(n) ? .nan : n.doubleValue }
        if let s = value as? String { return LenientValue.number(fromText: s) }
        return isNull(value) ? nil : .nan
    }

    /// A whole number (a test count, an id); anything else nil (a count then reads as 0).
    static func integer(_ value: Any?) -> Int? {
        guard let value else { return nil }
        if let n = value as? NSNumber {
            if isBoolean(n) { return nil }
            if let i = Int(exactly: n.int64Value), Double(i) == n.doubleValue { return i }
            return LenientValue.integer(fromDouble: n.doubleValue)
        }
        if let s = value as? String { return LenientValue.integer(fromText: s) }
        return nil
    }

    /// A test count: a whole number as itself, null or absent nil, anything else (a boolean, a
    /// fraction, text that is no number, an object) `RawRecord.invalidCount` (spec §12).
    static func count(_ value: Any?) -> Int? {
        guard let value, !isNull(value) else { return nil }
        if let n = value as? NSNumber {
            if isBoolean(n) { return RawRecord.invalidCount }
            if let i = Int(exactly: n.int64Value), Double(i) == n.doubleValue { return i }
            return LenientValue.count(fromDouble: n.doubleValue)
        }
        if let s = value as? String { return LenientValue.count(fromText: s) }
        return RawRecord.invalidCount
    }

    /// ISO text, or epoch seconds when the writer stored a number.
    static func timestamp(_ value: Any?) -> RawTimestamp? {
        guard let value else { return nil }
        if let s = value as? String { return .text(s) }
        if let n = value as? NSNumber, !isBoolean(n) { return .epochSeconds(n.doubleValue) }
        return nil
    }

    /// true/false, "true"/"false", 1/0 (spec §12's market booleans).
    static func boolean(_ value: Any) -> Bool? {
        if let n = value as? NSNumber, isBoolean(n) { return n.boolValue }
        return MetadataFacts.boolean(value)
    }
}
