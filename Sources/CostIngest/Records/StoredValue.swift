/// The `benchmarks` table's columns (spec §1) in the order every database reader hands them over.
/// Only `run_id` and `timestamp` are required; any other column may be absent (older writers)
/// and reads as NULL.
public enum BenchmarksSchema {
    public static let defaultTable = "benchmarks"
    public static let required = ["run_id", "timestamp"]
    public static let columns = ["id", "run_id", "timestamp", "cloud_provider", "instance_type", "region",
                                 "hardware_type", "gpu_model", "benchmark_name", "benchmark_suite", "latency_ms",
                                 "throughput", "memory_mb", "tests_passed", "tests_failed", "tests_skipped",
                                 "duration_seconds", "cost_usd", "metadata"]

    /// Whether `name` can be used as the table's name: an SQL identifier, optionally after one
    /// schema (`analytics.benchmarks`). Quoted as given, so the case a writer created it with counts.
    public static func isValidTableName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, part.unicodeScalars.count <= 63 else { return false }
            let letter = first == "_" || (first.isASCII && first.properties.isAlphabetic)
            return letter && part.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
        }
    }

    /// `"schema"."table"`, each part double-quoted (valid names hold no quote).
    public static func quoted(_ name: String) -> String {
        name.split(separator: ".").map { "\"\($0)\"" }.joined(separator: ".")
    }
}

/// One column's value as a database stored it, by SQLite's storage classes. Every reader maps
/// onto these (PostgreSQL's integers and floats as themselves, anything else as its text), so a
/// value means the same whichever database held it: a number stored as text is still a number.
public enum StoredValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// Text as stored; a number reads as its text.
    public var text: String? {
        switch self {
        case .null: return nil
        case .text(let s): return s
        case .integer(let n): return String(n)
        case .real(let d): return LenientValue.integer(fromDouble: d).map(String.init) ?? String(d)
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// A number from an integer, a float or numeric text; non-numeric text becomes NaN (rejected as invalid).
    public var number: Double? {
        switch self {
        case .null: return nil
        case .integer(let n): return Double(n)
        case .real(let d): return d
        case .text(let s): return LenientValue.number(fromText: s)
        case .blob: return .nan
        }
    }

    /// A whole number (the row id).
    public var integer: Int? {
        switch self {
        case .null, .blob: return nil
        case .integer(let n): return Int(exactly: n)
        case .real(let d): return LenientValue.integer(fromDouble: d)
        case .text(let s): return LenientValue.integer(fromText: s)
        }
    }

    /// A test count: whole numbers as themselves, anything else (text, a fraction, a blob)
    /// `RawRecord.invalidCount`, which the builder counts (spec §12).
    public var count: Int? {
        switch self {
        case .null: return nil
        case .integer(let n): return Int(n)
        case .real(let d): return LenientValue.count(fromDouble: d)
        case .text(let s): return LenientValue.count(fromText: s)
        case .blob: return RawRecord.invalidCount
        }
    }

    /// ISO text, or epoch seconds when the writer stored a number.
    public var timestamp: RawTimestamp? {
        switch self {
        case .null: return nil
        case .integer(let n): return .epochSeconds(Double(n))
        case .real(let d): return .epochSeconds(d)
        case .text(let s): return .text(s)
        case .blob(let bytes): return .text(String(decoding: bytes, as: UTF8.self))
        }
    }
}

/// Turns a row of stored values, in `BenchmarksSchema.columns` order, into a raw record, doing on
/// the reading thread what needs no shared state: the timestamp is parsed and the metadata read
/// into facts (a run's rows repeat their metadata: parsed once). For readers outside this module
/// (PostgreSQL); the SQLite reader reads its statement's columns in place (`RowReader`).
public struct StoredRowReader {
    private var lastMetadata: (text: String, facts: MetadataFacts)?

    public init() {}

    public mutating func record(_ v: [StoredValue]) -> RawRecord {
        precondition(v.count == BenchmarksSchema.columns.count, "one value per column of BenchmarksSchema.columns")
        var raw = RawRecord(
            id: v[0].integer, runID: v[1].text, cloudProvider: v[3].text, instanceType: v[4].text,
            region: v[5].text, hardwareType: v[6].text, gpuModel: v[7].text, benchmarkName: v[8].text,
            benchmarkSuite: v[9].text, latencyMs: v[10].number, throughput: v[11].number, memoryMB: v[12].number,
            testsPassed: v[13].count, testsFailed: v[14].count, testsSkipped: v[15].count,
            durationSeconds: v[16].number, costUSD: v[17].number)
        raw.timestampParsed = true
        raw.parsedTimestamp = v[2].timestamp.flatMap(TimestampParser.parse)
        if let text = v[18].text {
            if let lastMetadata, lastMetadata.text == text {
                raw.parsedMetadata = lastMetadata.facts
            } else {
                let facts = MetadataFacts(json: text)
                lastMetadata = (text, facts)
                raw.parsedMetadata = facts
            }
        }
        return raw
    }
}
