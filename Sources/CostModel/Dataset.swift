/// Everything ingest read, normalised: the accepted records plus what was rejected and why.
/// The one value handed from ingest to analysis (immutable from then on).
public struct Dataset: Sendable {
    /// Accepted records, sorted by instant then by source order (so results never depend on
    /// the order SQLite returned rows in).
    public var records: [RunRecord]
    public var strings: StringTable
    public var quality: IngestQuality
    /// Benchmark results of the accepted records (spec §13), in the order they were read, for the
    /// cost-efficiency analysis. Independent of `cost_attribution`: run mode folds `records`, not these.
    public var samples: [PerformanceSample]

    public init(records: [RunRecord], strings: StringTable, quality: IngestQuality, samples: [PerformanceSample] = []) {
        self.records = records
        self.strings = strings
        self.quality = quality
        self.samples = samples
    }
}

/// One benchmark result (spec §13): a benchmark's throughput, and latency when recorded, on one
/// instance type on one day. One per accepted record with a benchmark name and a throughput
/// (SQLite, flat and summary result files), and one per entry of a nested result's `benchmarks`.
/// 48 bytes, no `String`s: a million of them is 48 MB.
public struct PerformanceSample: Sendable, Equatable {
    public var benchmark: StringID
    public var provider: StringID
    public var instanceType: StringID
    /// The local day of the record's run start (report time zone).
    public var day: Day
    /// The record's branch and normalised PR key, so `costreport pr` finds a pull request's
    /// samples (nested result files' included) the way it finds its records.
    public var branch: StringID
    public var pr: StringID
    /// The record's commit, so `pr --commit` keeps that commit's samples only.
    public var commit: StringID
    /// Finite and > 0: a throughput that is 0, negative, NaN or missing gives no sample.
    public var throughput: Double
    /// NaN when absent (0, negative, NaN or missing): stored unboxed to keep the struct small.
    private var latency: Double

    public init(benchmark: StringID, provider: StringID, instanceType: StringID, day: Day,
                branch: StringID = StringTable.none, pr: StringID = StringTable.none,
                commit: StringID = StringTable.none, throughput: Double, latencyMs: Double?) {
        self.benchmark = benchmark; self.provider = provider; self.instanceType = instanceType
        self.day = day; self.branch = branch; self.pr = pr; self.commit = commit
        self.throughput = throughput; latency = latencyMs ?? .nan
    }

    /// Latency in milliseconds; nil when the record had none worth keeping.
    public var latencyMs: Double? { latency.isNaN ? nil : latency }

    public static func == (a: Self, b: Self) -> Bool {
        a.benchmark == b.benchmark && a.provider == b.provider && a.instanceType == b.instanceType && a.day == b.day
            && a.branch == b.branch && a.pr == b.pr && a.commit == b.commit && a.throughput == b.throughput && a.latencyMs == b.latencyMs
    }
}

/// Rejection reasons, in the order they are checked (spec §12): one per record.
public enum RejectionReason: String, Sendable, CaseIterable, Codable {
    /// The run was already read from an earlier source (spec §1, "one run, one source").
    case duplicateRun = "duplicate_run"
    /// A result file's JSON Lines line, or array element, that is not a JSON object.
    case invalidRecord = "invalid_record"
    case invalidTimestamp = "invalid_timestamp"
    case invalidDuration = "invalid_duration"
    case negativeDuration = "negative_duration"
    case invalidCost = "invalid_cost"
    case negativeCost = "negative_cost"
    case missingCost = "missing_cost"
}

/// A rejected record, kept for the data-quality report (never silently dropped).
public struct RejectedRecord: Sendable, Equatable {
    /// Where it came from: `benchmarks.db id 17`, `results/daily/x.json #3`.
    public var source: String
    public var reason: RejectionReason
    public init(source: String, reason: RejectionReason) { self.source = source; self.reason = reason }
}

/// Data-quality facts that only ingest can know (spec §9).
public struct IngestQuality: Sendable {
    /// Rows read from every source, accepted or not.
    public var read: Int = 0
    public var rejected: [RejectionReason: Int] = [:]
    /// Accepted records with a test count that is not a whole number from 0 to 2^53 (counted as 0).
    public var invalidTestCounts: Int = 0
    /// The first few rejected rows by source, for the report (all are counted in `rejected`).
    public var rejectedSamples: [RejectedRecord] = []
    /// Records in `record` attribution mode that were folded into their run in `run` mode.
    public var foldedIntoRuns: Int = 0
    /// Record mode only: runs with two or more records of the same non-zero, non-estimated cost.
    public var doubleCounting = DoubleCounting()
    /// Source names in the order they were read.
    public var sources: [String] = []
    /// What each source gave, in the order they were read (spec §9: records per source).
    public var bySource: [SourceQuality] = []

    public init() {}

    public var rejectedTotal: Int { rejected.values.reduce(0, +) }
    /// Result files read (parsed, whatever their records gave), over every source.
    public var filesRead: Int { bySource.reduce(0) { $0 + $1.filesRead } }
    /// Result files that could not be read, over every source, in the order they were met.
    public var unreadableFiles: [UnreadableFile] { bySource.flatMap(\.unreadableFiles) }
}

/// One source's share of what ingest read: records (accepted + rejected), rejections by reason, and
/// for a folder of result files the files read and those that could not be.
public struct SourceQuality: Sendable, Equatable {
    /// As the source names itself: the database path, the results folder.
    public var name: String
    public var read: Int = 0
    public var rejected: [RejectionReason: Int] = [:]
    /// Accepted records with a test count that is not a whole number from 0 to 2^53 (counted as 0).
    public var invalidTestCounts: Int = 0
    public var filesRead: Int = 0
    public var unreadableFiles: [UnreadableFile] = []

    public init(name: String) { self.name = name }

    public var rejectedTotal: Int { rejected.values.reduce(0, +) }
    public var accepted: Int { read - rejectedTotal }
}

/// A result file that contributed nothing, and why in plain words (`not valid JSON: …`, `empty file`).
public struct UnreadableFile: Sendable, Equatable, Codable {
    /// The results folder as given, then the file's path inside it (`results/daily/x.json`).
    public var path: String
    public var reason: String
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
}

public struct DoubleCounting: Sendable, Equatable, Codable {
    public var runs: Int = 0
    public var records: Int = 0
    /// Spend of the copies beyond the first.
    public var duplicatedSpend: Double = 0
    public init() {}
}
