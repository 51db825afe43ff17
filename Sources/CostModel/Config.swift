/// `costreport.yml` (spec §11) after validation. Every field has the spec's default.
public struct Config: Sendable, Equatable {
    public enum CostAttribution: String, Sendable, Codable { case record, run }

    public var timezone: String = "UTC"
    public var costAttribution: CostAttribution = .record
    /// Globs (`*`, `?`) of suites never proposed for spot.
    public var criticalSuites: [String] = []
    public var budget = BudgetConfig()
    /// test type key (`unit`, `quick`, `integration`, `benchmark`) → family (`aws`, `gcp`, `gcp-tpu`) → instance.
    public var rightSize: [String: [String: String]] = Config.defaultRightSize
    /// `focus.billing_account_id`: the FOCUS export's `BillingAccountId` for records whose
    /// metadata names no `account_id`; nil: `unknown`.
    public var focusBillingAccountId: String?
    public var offPeak = OffPeakConfig()
    public var reservedMonths: Int = 3
    public var snapshotAgeDays: Int = 90
    /// Checklist item id → declared status (`done`, `partial`, `todo`).
    public var declared: [Int: String] = [:]
    /// Checklist item id → thresholds overriding spec §7.
    public var thresholds: [Int: Threshold] = [:]
    /// `results: [folders]`: folders of JSON result files (spec §1), as paths from the working
    /// directory (the file's relative paths are resolved against the file's own folder).
    public var results: [String] = []
    /// `table:`: the table of records in the database (`--table` wins).
    public var table: String = "benchmarks"
    /// The file this config came from; nil when no config file was used (defaults only).
    public var sourcePath: String?

    public init() {}

    public static let defaultRightSize: [String: [String: String]] = [
        "unit": ["aws": "g5.xlarge", "gcp": "g2-standard-4", "gcp-tpu": "v5litepod-1"],
        "quick": ["aws": "g5.xlarge", "gcp": "g2-standard-4", "gcp-tpu": "v5litepod-1"],
        "integration": ["aws": "p4d.24xlarge", "gcp": "a2-highgpu-1g", "gcp-tpu": "v5litepod-4"],
        "benchmark": ["aws": "p5.48xlarge", "gcp": "a3-highgpu-8g", "gcp-tpu": "v5p-8"],
    ]
}

public struct BudgetConfig: Sendable, Equatable {
    public var monthly: Double = 2000
    /// `small`, `medium` or `large` when the budget was given as a preset.
    public var preset: String?
    public var warnAt: Double = 0.75
    public var criticalAt: Double = 0.90
    public var dailyAlert: Double = 100
    /// Developer → USD per month, in the file's order; `shared` takes the rest.
    public var allocations: [Allocation] = []
    /// Whether the config file set these explicitly (checklist item 7).
    public var monthlyConfigured = false
    public var dailyAlertConfigured = false

    public init() {}

    public static let presets: [String: Double] = ["small": 500, "medium": 2000, "large": 10000]
}

public struct Allocation: Sendable, Equatable {
    public var developer: String
    public var monthly: Double
    public init(developer: String, monthly: Double) { self.developer = developer; self.monthly = monthly }
}

public struct OffPeakConfig: Sendable, Equatable {
    /// Minutes after local midnight; the window wraps past midnight when start > end.
    public var startMinute: Int = 22 * 60
    public var endMinute: Int = 6 * 60
    public var weekends: Bool = true
    public init() {}

    public func isOffPeak(day: Day, minuteOfDay: Int) -> Bool {
        if weekends && day.isWeekend { return true }
        if startMinute > endMinute { return minuteOfDay >= startMinute || minuteOfDay < endMinute }
        return minuteOfDay >= startMinute && minuteOfDay < endMinute
    }
}

public struct Threshold: Sendable, Equatable, Codable {
    public var done: Double
    public var partial: Double
    public init(done: Double, partial: Double) { self.done = done; self.partial = partial }
}
