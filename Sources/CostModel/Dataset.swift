/// Everything ingest read, normalised: the accepted records plus what was rejected and why.
/// The one value handed from ingest to analysis (immutable from then on).
public struct Dataset: Sendable {
    /// Accepted records, sorted by instant then by source order (so results never depend on
    /// the order SQLite returned rows in).
    public var records: [RunRecord]
    public var strings: StringTable
    public var quality: IngestQuality

    public init(records: [RunRecord], strings: StringTable, quality: IngestQuality) {
        self.records = records
        self.strings = strings
        self.quality = quality
    }
}

/// Rejection reasons, in the order they are checked (spec §12): one per record.
public enum RejectionReason: String, Sendable, CaseIterable, Codable {
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
    /// The first few rejected rows by source, for the report (all are counted in `rejected`).
    public var rejectedSamples: [RejectedRecord] = []
    /// Records in `record` attribution mode that were folded into their run in `run` mode.
    public var foldedIntoRuns: Int = 0
    /// Record mode only: runs with two or more records of the same non-zero, non-estimated cost.
    public var doubleCounting = DoubleCounting()
    public var sources: [String] = []

    public init() {}

    public var rejectedTotal: Int { rejected.values.reduce(0, +) }
}

public struct DoubleCounting: Sendable, Equatable, Codable {
    public var runs: Int = 0
    public var records: Int = 0
    /// Spend of the copies beyond the first.
    public var duplicatedSpend: Double = 0
    public init() {}
}
