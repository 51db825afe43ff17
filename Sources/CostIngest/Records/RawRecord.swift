import CostModel

/// One record as a source stored it, before any normalisation: the columns of spec §1, each
/// optional because any of them may be NULL. Sources fill what they have and hand it to
/// `DatasetBuilder`, which owns every rule; a reader never interprets values itself.
///
/// Numbers that were stored as text are converted by the reader: numeric text becomes its value,
/// empty text becomes nil, and any other text becomes `.nan`, so the builder rejects it as
/// invalid instead of mistaking it for a missing value.
public struct RawRecord: Sendable {
    public var id: Int?
    public var runID: String?
    public var timestamp: RawTimestamp?
    public var cloudProvider: String?
    public var instanceType: String?
    public var region: String?
    public var hardwareType: String?
    public var gpuModel: String?
    public var benchmarkName: String?
    public var benchmarkSuite: String?
    public var latencyMs: Double?
    public var throughput: Double?
    public var memoryMB: Double?
    /// Test counts as stored: nil when NULL or absent, `invalidCount` when present but not a whole
    /// number (text, a fraction, a boolean), so the builder counts it (spec §12).
    public var testsPassed: Int?
    public var testsFailed: Int?
    public var testsSkipped: Int?
    public var durationSeconds: Double?
    public var costUSD: Double?
    /// The `metadata` column as stored: JSON text that should hold an object.
    public var metadata: String?

    // Fields only the nested JSON result shape carries (spec §1, shape 2).

    /// `execution.test_path`: the last place the test type is looked for (spec §12).
    public var testPath: String?
    /// `execution.spot_instance`: market evidence ranked below the metadata keys (spec §12).
    public var executionSpotInstance: Bool?

    /// The record's performance samples (spec §13) when they are not simply its own
    /// `benchmarkName`/`throughput`/`latencyMs`: a nested result's `benchmarks` entries, a summary's
    /// `metrics`, or none at all (`[]`, a harness result). nil: the record's own fields are its sample.
    public var benchmarkSamples: [RawBenchmarkSample]?

    /// Metadata a JSON result file already holds as an object, read into facts by the reader (off the
    /// builder's thread): when set, the builder uses it instead of parsing `metadata` text.
    var parsedMetadata: MetadataFacts?

    /// The timestamp, already parsed by the reader (the SQLite reader parses the column's bytes,
    /// with no `String` made): when `timestampParsed`, the builder uses this (nil: invalid) instead
    /// of parsing `timestamp`.
    var parsedTimestamp: ParsedTimestamp?
    var timestampParsed = false

    public init(id: Int? = nil, runID: String? = nil, timestamp: RawTimestamp? = nil,
                cloudProvider: String? = nil, instanceType: String? = nil, region: String? = nil,
                hardwareType: String? = nil, gpuModel: String? = nil, benchmarkName: String? = nil,
                benchmarkSuite: String? = nil, latencyMs: Double? = nil, throughput: Double? = nil,
                memoryMB: Double? = nil, testsPassed: Int? = nil, testsFailed: Int? = nil,
                testsSkipped: Int? = nil, durationSeconds: Double? = nil, costUSD: Double? = nil,
                metadata: String? = nil, testPath: String? = nil, executionSpotInstance: Bool? = nil) {
        self.id = id; self.runID = runID; self.timestamp = timestamp
        self.cloudProvider = cloudProvider; self.instanceType = instanceType; self.region = region
        self.hardwareType = hardwareType; self.gpuModel = gpuModel; self.benchmarkName = benchmarkName
        self.benchmarkSuite = benchmarkSuite; self.latencyMs = latencyMs; self.throughput = throughput
        self.memoryMB = memoryMB; self.testsPassed = testsPassed; self.testsFailed = testsFailed
        self.testsSkipped = testsSkipped; self.durationSeconds = durationSeconds; self.costUSD = costUSD
        self.metadata = metadata; self.testPath = testPath; self.executionSpotInstance = executionSpotInstance
    }
}

/// One benchmark result as a source stored it (a nested result's `benchmarks[]` entry): the
/// builder applies spec §13's rules (a name and a throughput > 0 are needed; latency is optional).
public struct RawBenchmarkSample: Sendable, Equatable {
    public var name: String?
    public var throughput: Double?
    public var latencyMs: Double?
    public init(name: String?, throughput: Double?, latencyMs: Double?) {
        self.name = name; self.throughput = throughput; self.latencyMs = latencyMs
    }
}

extension RawRecord {
    /// A test count that was present but not a whole number.
    public static let invalidCount = Int.min
    /// The largest test count (spec §12): 2^53, the largest whole number a Double holds exactly.
    public static let maxTestCount = 1 << 53
}

/// A run start as stored: ISO 8601 text, or a number of seconds since 1970 (an INTEGER/REAL
/// column, or a JSON number). Numeric text is recognised by the parser, so sources need not.
public enum RawTimestamp: Sendable, Equatable {
    case text(String)
    case epochSeconds(Double)
}

extension RawTimestamp: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

/// Lenient conversions shared by every reader, so "a number stored as text" means the same
/// thing whatever the source.
enum LenientValue {
    /// Numeric text → its value; empty text → nil (missing); other text → `.nan` (invalid).
    static func number(fromText text: String) -> Double? {
        let t = text.trimmingSpaces
        if t.isEmpty { return nil }
        return Double(t) ?? .nan
    }

    /// Integer counts: numeric text or a whole number; anything else is nil (counted as 0).
    static func integer(fromText text: String) -> Int? {
        let t = text.trimmingSpaces
        if let i = Int(t) { return i }
        return integer(fromDouble: Double(t))
    }

    /// A test count (spec §12): a whole number as itself (its range is the builder's to judge),
    /// empty text nil, anything else `RawRecord.invalidCount`.
    static func count(fromText text: String) -> Int? {
        let t = text.trimmingSpaces
        if t.isEmpty { return nil }
        if let i = Int(t) { return i }
        return count(fromDouble: Double(t) ?? .nan)
    }

    static func count(fromDouble d: Double) -> Int {
        guard d.isFinite, d.rounded() == d, d.magnitude <= Double(RawRecord.maxTestCount) else { return RawRecord.invalidCount }
        return Int(d)  // |d| ≤ 2^53: exact and in range
    }

    static func integer(fromDouble d: Double?) -> Int? {
        guard let d, d.isFinite, d.rounded() == d, abs(d) < 1e15 else { return nil }
        return Int(d)
    }
}
