/// The report model (spec §10): the one value behind every view. Templates, the site, JSON and
/// PR comments all render it; nothing recomputes a figure downstream. Encoded with snake_case
/// keys; money is USD, unrounded; shares and rates are fractions.
public struct Report: Sendable, Codable, Equatable {
    public var asOf: String
    public var period: PeriodInfo
    public var previousPeriod: PeriodInfo
    public var totals: Totals
    public var previousTotals: Totals
    public var change: Change
    /// `totals` minus `previous_totals`, figure by figure (the Summary table's Change column).
    public var totalsChange: TotalsChange
    public var breakdowns: Breakdowns
    /// Per dimension, the rows a table cut to `settings.breakdown_row_limit` leaves out, summed.
    public var breakdownsOmitted: BreakdownsOmitted
    /// The 12 ISO weeks ending with the week containing min(period end, as-of), oldest first.
    public var trend: [TrendPoint]
    public var budget: Budget
    public var dataQuality: DataQuality
    public var settings: ReportSettings
    /// Spec §5 for this period.
    public var opportunities: Opportunities
    /// Spec §7: the ten items in the cost guide's order.
    public var checklist: [ChecklistItem]
    /// Checklist item 10's evidence: unused resources from `--inventory`, priced per month.
    public var unusedResources: UnusedResources
    /// Performance per dollar (spec §13): per benchmark and instance type, sorted by benchmark,
    /// then value (largest first), then instance type.
    public var efficiency: [EfficiencyRow] = []
    /// Right-size records whose benchmark has a best-value instance other than the recommended
    /// one (issue 12 part 4), largest spend first, at most `BestValueNote.limit`.
    public var rightSizeBestValue: [BestValueNote] = []
    /// The keys whose spend changed most against the compared window, largest change first;
    /// empty without a comparison.
    public var movers: [Mover] = []

    public init(asOf: String, period: PeriodInfo, previousPeriod: PeriodInfo, totals: Totals, previousTotals: Totals,
                change: Change, totalsChange: TotalsChange, breakdowns: Breakdowns,
                breakdownsOmitted: BreakdownsOmitted, trend: [TrendPoint], budget: Budget,
                dataQuality: DataQuality, settings: ReportSettings,
                opportunities: Opportunities = .empty, checklist: [ChecklistItem] = [],
                unusedResources: UnusedResources = .none) {
        self.asOf = asOf; self.period = period; self.previousPeriod = previousPeriod; self.totals = totals
        self.previousTotals = previousTotals; self.change = change; self.totalsChange = totalsChange
        self.breakdowns = breakdowns; self.breakdownsOmitted = breakdownsOmitted
        self.trend = trend; self.budget = budget; self.dataQuality = dataQuality; self.settings = settings
        self.opportunities = opportunities; self.checklist = checklist; self.unusedResources = unusedResources
    }
}

public struct PeriodInfo: Sendable, Codable, Equatable {
    public var kind: Period.Kind
    public var id: String
    public var start: String
    public var end: String
    /// Days of the period up to as-of (a period that is still running is partial).
    public var daysCovered: Int
    public var days: Int

    public init(_ period: Period, asOf: Day) {
        kind = period.kind; id = period.id; start = period.start.iso; end = period.end.iso
        days = period.dayCount
        daysCovered = max(0, min(period.end, asOf) - period.start + 1)
    }
}

/// The days of the previous period a period is compared with (spec §12, like for like): the whole
/// previous period, or, for a period cut short by the as-of date after N days, its first N days
/// (capped at its end). `totals.previous_period` in the JSON.
public struct PreviousWindow: Sendable, Codable, Equatable {
    /// The previous period's id, and the compared window's first and last day.
    public var id: String
    public var start: String
    public var end: String
    /// Spend in the window.
    public var spend: Double
    /// True when the window is shorter than the previous period.
    public var partial: Bool
    /// False when the window starts before the first accepted record's day: no comparison.
    public var comparable: Bool
    /// The first accepted record's day (what the report names when there is no comparison); nil without records.
    public var dataStarts: String?

    public init(id: String, start: String, end: String, spend: Double, partial: Bool, comparable: Bool, dataStarts: String?) {
        self.id = id; self.start = start; self.end = end; self.spend = spend; self.partial = partial
        self.comparable = comparable; self.dataStarts = dataStarts
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(start, forKey: .start); try c.encode(end, forKey: .end)
        try c.encode(spend, forKey: .spend); try c.encode(partial, forKey: .partial)
        try c.encode(comparable, forKey: .comparable); try c.encode(dataStarts, forKey: .dataStarts)
    }
}

/// A report's totals against the compared window (spec §10: `totals.previous_period`, `change`, `change_pct`).
public struct TotalsComparison: Sendable, Codable, Equatable {
    public var previousPeriod: PreviousWindow
    public var change: Change

    public init(previousPeriod: PreviousWindow, change: Change) { self.previousPeriod = previousPeriod; self.change = change }
}

public struct Totals: Sendable, Codable, Equatable {
    public var records: Int = 0
    public var runs: Int = 0
    public var hours: Double = 0
    public var spend: Double = 0
    public var onDemandEquivalent: Double = 0
    public var realizedSavings: Double = 0
    /// Realized savings / on-demand equivalent of every record with a rate (the effective savings rate); nil when none.
    public var savingsRate: Double?
    public var testsPassed: Int = 0
    public var testsFailed: Int = 0
    public var failedRunSpend: Double = 0
    public var estimatedSpend: Double = 0
    /// A report's own totals only: the like-for-like comparison (nil for a previous window's or a PR's totals).
    public var comparison: TotalsComparison?
    public init() {}

    /// Optional figures are written as `null`, not left out: spec §10 readers expect every key.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(records, forKey: .records); try c.encode(runs, forKey: .runs)
        try c.encode(hours, forKey: .hours); try c.encode(spend, forKey: .spend)
        try c.encode(onDemandEquivalent, forKey: .onDemandEquivalent)
        try c.encode(realizedSavings, forKey: .realizedSavings); try c.encode(savingsRate, forKey: .savingsRate)
        try c.encode(testsPassed, forKey: .testsPassed); try c.encode(testsFailed, forKey: .testsFailed)
        try c.encode(failedRunSpend, forKey: .failedRunSpend); try c.encode(estimatedSpend, forKey: .estimatedSpend)
        if let comparison {
            var x = encoder.container(keyedBy: ComparisonKeys.self)
            try x.encode(comparison.previousPeriod, forKey: .previousPeriod)
            try x.encode(comparison.change.spend, forKey: .change)
            try x.encode(comparison.change.percent, forKey: .changePct)
        }
    }

    private enum ComparisonKeys: String, CodingKey { case previousPeriod, change, changePct }
}

public struct Change: Sendable, Codable, Equatable {
    /// Spend minus the compared window's spend (spec §12, like for like); nil when there is no
    /// comparison because that window starts before the data.
    public var spend: Double?
    /// Relative change; nil without a comparison or when the compared window had no spend.
    public var percent: Double?
    public init(spend: Double?, percent: Double?) { self.spend = spend; self.percent = percent }

    /// No comparison (spec §12): the compared window starts before the first record.
    public static let none = Change(spend: nil, percent: nil)

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(spend, forKey: .spend); try c.encode(percent, forKey: .percent)
    }
}

/// The change of every total besides spend (which is `Change`, with its percent): the current
/// period's figure minus the previous period's, unrounded.
public struct TotalsChange: Sendable, Codable, Equatable {
    public var runs: Int
    public var records: Int
    public var hours: Double
    public var onDemandEquivalent: Double
    public var realizedSavings: Double
    public var failedRunSpend: Double

    public init(runs: Int, records: Int, hours: Double, onDemandEquivalent: Double, realizedSavings: Double,
                failedRunSpend: Double) {
        self.runs = runs; self.records = records; self.hours = hours; self.onDemandEquivalent = onDemandEquivalent
        self.realizedSavings = realizedSavings; self.failedRunSpend = failedRunSpend
    }
}

public struct BreakdownRow: Sendable, Codable, Equatable {
    public var key: String
    public var runs: Int
    public var records: Int
    public var hours: Double
    public var spend: Double
    public var share: Double
    public var onDemandEquivalent: Double
    public var realizedSavings: Double
    public var savingsRate: Double?
    public var testsPassed: Int
    public var testsFailed: Int
    public var failedRunSpend: Double

    public init(key: String, runs: Int, records: Int, hours: Double, spend: Double, share: Double,
                onDemandEquivalent: Double, realizedSavings: Double, savingsRate: Double?,
                testsPassed: Int, testsFailed: Int, failedRunSpend: Double) {
        self.key = key; self.runs = runs; self.records = records; self.hours = hours; self.spend = spend
        self.share = share; self.onDemandEquivalent = onDemandEquivalent; self.realizedSavings = realizedSavings
        self.savingsRate = savingsRate; self.testsPassed = testsPassed; self.testsFailed = testsFailed
        self.failedRunSpend = failedRunSpend
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key); try c.encode(runs, forKey: .runs); try c.encode(records, forKey: .records)
        try c.encode(hours, forKey: .hours); try c.encode(spend, forKey: .spend); try c.encode(share, forKey: .share)
        try c.encode(onDemandEquivalent, forKey: .onDemandEquivalent)
        try c.encode(realizedSavings, forKey: .realizedSavings); try c.encode(savingsRate, forKey: .savingsRate)
        try c.encode(testsPassed, forKey: .testsPassed); try c.encode(testsFailed, forKey: .testsFailed)
        try c.encode(failedRunSpend, forKey: .failedRunSpend)
    }
}

/// Every dimension of spec §4, rows sorted by spend (largest first), ties by key — `day` too;
/// `day` lists every day of the period up to as-of, quiet days included.
public struct Breakdowns: Sendable, Codable, Equatable {
    public var provider: [BreakdownRow] = []
    public var instanceType: [BreakdownRow] = []
    public var region: [BreakdownRow] = []
    public var hardwareType: [BreakdownRow] = []
    public var gpuModel: [BreakdownRow] = []
    public var suite: [BreakdownRow] = []
    public var benchmark: [BreakdownRow] = []
    public var market: [BreakdownRow] = []
    public var developer: [BreakdownRow] = []
    public var branch: [BreakdownRow] = []
    public var pr: [BreakdownRow] = []
    public var testType: [BreakdownRow] = []
    public var day: [BreakdownRow] = []
    public init() {}

    /// Every dimension, in the spec's order.
    public static let dimensions = BreakdownDimension.allCases

    /// The rows of one dimension: every dimension has a table, so there is no "unknown" case.
    public subscript(dimension: BreakdownDimension) -> [BreakdownRow] {
        switch dimension {
        case .provider: return provider
        case .instanceType: return instanceType
        case .region: return region
        case .hardwareType: return hardwareType
        case .gpuModel: return gpuModel
        case .suite: return suite
        case .benchmark: return benchmark
        case .market: return market
        case .developer: return developer
        case .branch: return branch
        case .pr: return pr
        case .testType: return testType
        case .day: return day
        }
    }
}

/// A breakdown dimension of spec §4, named as in JSON (`instance_type`). Adding one is a compile
/// error wherever a table per dimension is kept, until it has one there too.
public enum BreakdownDimension: String, Sendable, CaseIterable, Codable {
    case provider
    case instanceType = "instance_type"
    case region
    case hardwareType = "hardware_type"
    case gpuModel = "gpu_model"
    case suite, benchmark, market, developer, branch, pr
    case testType = "test_type"
    case day
}

/// What a breakdown table cut to its first `settings.breakdown_row_limit` rows leaves out: how many
/// rows, and their records, instance-hours and spend summed (in row order). Runs are not summed: one
/// run can have records in several rows of a dimension (two suites, two benchmarks), so a sum of the
/// rows' runs would count it twice.
public struct OmittedRows: Sendable, Codable, Equatable {
    public var rows: Int = 0
    public var records: Int = 0
    public var hours: Double = 0
    public var spend: Double = 0
    public init() {}
    public init(rows: Int, records: Int, hours: Double, spend: Double) {
        self.rows = rows; self.records = records; self.hours = hours; self.spend = spend
    }
}

/// `OmittedRows` for every dimension of `Breakdowns`, under the same names. The limit is a setting of
/// the report, not of a view, so the Markdown (which shows that many rows) and the JSON (which keeps
/// every row and says what a cut table leaves out) agree without the view summing anything. `day` is
/// never cut (a period's days are always listed whole), so its entry is always empty.
public struct BreakdownsOmitted: Sendable, Codable, Equatable {
    public var provider = OmittedRows()
    public var instanceType = OmittedRows()
    public var region = OmittedRows()
    public var hardwareType = OmittedRows()
    public var gpuModel = OmittedRows()
    public var suite = OmittedRows()
    public var benchmark = OmittedRows()
    public var market = OmittedRows()
    public var developer = OmittedRows()
    public var branch = OmittedRows()
    public var pr = OmittedRows()
    public var testType = OmittedRows()
    public var day = OmittedRows()
    public init() {}

    /// By dimension.
    public subscript(dimension: BreakdownDimension) -> OmittedRows {
        get {
            switch dimension {
            case .provider: return provider
            case .instanceType: return instanceType
            case .region: return region
            case .hardwareType: return hardwareType
            case .gpuModel: return gpuModel
            case .suite: return suite
            case .benchmark: return benchmark
            case .market: return market
            case .developer: return developer
            case .branch: return branch
            case .pr: return pr
            case .testType: return testType
            case .day: return day
            }
        }
        set {
            switch dimension {
            case .provider: provider = newValue
            case .instanceType: instanceType = newValue
            case .region: region = newValue
            case .hardwareType: hardwareType = newValue
            case .gpuModel: gpuModel = newValue
            case .suite: suite = newValue
            case .benchmark: benchmark = newValue
            case .market: market = newValue
            case .developer: developer = newValue
            case .branch: branch = newValue
            case .pr: pr = newValue
            case .testType: testType = newValue
            case .day: day = newValue
            }
        }
    }
}

public struct TrendPoint: Sendable, Codable, Equatable {
    public var week: String
    public var start: String
    public var spend: Double
    public init(week: String, start: String, spend: Double) { self.week = week; self.start = start; self.spend = spend }
}

public enum BudgetStatus: String, Sendable, Codable {
    case ok = "OK", warning = "WARNING", critical = "CRITICAL", over = "OVER"

    /// Spec §12: s > 1 OVER; s ≥ critical CRITICAL; s ≥ warn WARNING; else OK.
    public init(share: Double, warnAt: Double, criticalAt: Double) {
        if share > 1 { self = .over } else if share >= criticalAt { self = .critical }
        else if share >= warnAt { self = .warning } else { self = .ok }
    }
}

public struct Budget: Sendable, Codable, Equatable {
    public var monthly: Double
    public var preset: String?
    /// The as-of date's month, `2026-11`.
    public var month: String
    public var daysElapsed: Int
    public var daysInMonth: Int
    public var monthToDate: Double
    public var share: Double
    public var projected: Double
    public var projectedShare: Double
    public var status: BudgetStatus
    public var projectedStatus: BudgetStatus
    public var warnAt: Double
    public var criticalAt: Double
    public var dailyAlert: Double
    public var developers: [DeveloperBudget]
    public var alertDays: [AlertDay]
    /// False when `monthly` / `daily_alert` are the defaults, not set in costreport.yml: the
    /// pages then say which budget they grade against and how to set one (issue 13 part 6).
    public var monthlyConfigured: Bool = true
    public var dailyAlertConfigured: Bool = true

    public init(monthly: Double, preset: String?, month: String, daysElapsed: Int, daysInMonth: Int,
                monthToDate: Double, share: Double, projected: Double, projectedShare: Double,
                status: BudgetStatus, projectedStatus: BudgetStatus, warnAt: Double, criticalAt: Double,
                dailyAlert: Double, developers: [DeveloperBudget], alertDays: [AlertDay]) {
        self.monthly = monthly; self.preset = preset; self.month = month; self.daysElapsed = daysElapsed
        self.daysInMonth = daysInMonth; self.monthToDate = monthToDate; self.share = share
        self.projected = projected; self.projectedShare = projectedShare; self.status = status
        self.projectedStatus = projectedStatus; self.warnAt = warnAt; self.criticalAt = criticalAt
        self.dailyAlert = dailyAlert; self.developers = developers; self.alertDays = alertDays
    }
}

public struct DeveloperBudget: Sendable, Codable, Equatable {
    public var key: String
    public var allocation: Double
    public var spend: Double
    /// Spend / allocation; nil when the allocation is 0.
    public var share: Double?
    public var status: BudgetStatus
    /// The developers folded into `shared` (everyone without an allocation), empty otherwise.
    public var members: [String]
    public init(key: String, allocation: Double, spend: Double, share: Double?, status: BudgetStatus, members: [String]) {
        self.key = key; self.allocation = allocation; self.spend = spend; self.share = share
        self.status = status; self.members = members
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key); try c.encode(allocation, forKey: .allocation)
        try c.encode(spend, forKey: .spend); try c.encode(share, forKey: .share)
        try c.encode(status, forKey: .status); try c.encode(members, forKey: .members)
    }
}

public struct AlertDay: Sendable, Codable, Equatable {
    public var day: String
    public var spend: Double
    public init(day: String, spend: Double) { self.day = day; self.spend = spend }
}

public struct UnknownInstance: Sendable, Codable, Equatable {
    public var key: String
    public var records: Int
    public var spend: Double
    public init(key: String, records: Int, spend: Double) { self.key = key; self.records = records; self.spend = spend }
}

public struct SpotAboveOnDemand: Sendable, Codable, Equatable {
    public var records: Int = 0
    /// Spend above the on-demand equivalent (the negative realized savings, as a positive number).
    public var excess: Double = 0
    public init() {}
}

/// Spec §9, over every record read from every source (not only the period).
public struct DataQuality: Sendable, Codable, Equatable {
    public var read: Int
    public var accepted: Int
    /// Reason → count, every reason listed (0 when none), so readers see what was checked.
    public var rejected: [String: Int]
    public var estimated: Int
    public var estimatedSpend: Double
    public var inferredMarket: Int
    public var metadataNotObject: Int
    public var unknownInstances: [UnknownInstance]
    public var spotAboveOnDemand: SpotAboveOnDemand
    public var suspectedDoubleCounting: DoubleCounting
    /// Accepted records after the as-of date, counted here only.
    public var afterAsOf: Int
    public var costAttribution: String
    /// Plain-language warnings, in a fixed order, for the report's data-quality section; empty until
    /// the render stage words the counts (`words/data-quality.mustache`).
    public var warnings: [String]
    /// Each source in the order read (the database first, then each results folder).
    public var sources: [SourceRead]
    /// Result files read, over every results folder (unreadable ones not included).
    public var filesRead: Int
    /// Result files that contributed nothing, with the reason (spec §10 `unreadable_files`).
    public var unreadableFiles: [UnreadableFile]
    /// Accepted records with a test count that is not a whole number 0…2^53, read as 0 (spec §12).
    public var invalidTestCounts: Int = 0

    public init(read: Int, accepted: Int, rejected: [String: Int], estimated: Int, estimatedSpend: Double,
                inferredMarket: Int, metadataNotObject: Int, unknownInstances: [UnknownInstance],
                spotAboveOnDemand: SpotAboveOnDemand, suspectedDoubleCounting: DoubleCounting,
                afterAsOf: Int, costAttribution: String, warnings: [String] = [],
                sources: [SourceRead] = [], filesRead: Int = 0, unreadableFiles: [UnreadableFile] = [],
                invalidTestCounts: Int = 0) {
        self.read = read; self.accepted = accepted; self.rejected = rejected; self.estimated = estimated
        self.estimatedSpend = estimatedSpend; self.inferredMarket = inferredMarket
        self.metadataNotObject = metadataNotObject; self.unknownInstances = unknownInstances
        self.spotAboveOnDemand = spotAboveOnDemand; self.suspectedDoubleCounting = suspectedDoubleCounting
        self.afterAsOf = afterAsOf; self.costAttribution = costAttribution; self.warnings = warnings
        self.sources = sources; self.filesRead = filesRead; self.unreadableFiles = unreadableFiles
        self.invalidTestCounts = invalidTestCounts
    }
}

/// What one source gave (spec §9: records read per source): `data_quality.sources[]`.
public struct SourceRead: Sendable, Codable, Equatable {
    /// The database path or results folder, as given.
    public var name: String
    /// Records read from it, accepted or not (a result file's bad line or element counts as one).
    public var read: Int
    public var accepted: Int
    /// Reason → count, every reason listed (0 when none), like `DataQuality.rejected`.
    public var rejected: [String: Int]
    /// Result files read from it; 0 for a database.
    public var filesRead: Int
    public var unreadableFiles: [UnreadableFile]

    public init(name: String, read: Int, accepted: Int, rejected: [String: Int], filesRead: Int,
                unreadableFiles: [UnreadableFile]) {
        self.name = name; self.read = read; self.accepted = accepted; self.rejected = rejected
        self.filesRead = filesRead; self.unreadableFiles = unreadableFiles
    }
}

public struct ReportSettings: Sendable, Codable, Equatable {
    public var timezone: String
    public var costAttribution: String
    public var currency: String = "USD"
    /// Rows a breakdown table shows (largest first) before the rest is summed in `breakdowns_omitted`;
    /// the day table is always shown whole. The JSON's `breakdowns` keep every row.
    public var breakdownRowLimit: Int = ReportSettings.defaultBreakdownRowLimit
    public init(timezone: String, costAttribution: String) { self.timezone = timezone; self.costAttribution = costAttribution }

    public static let defaultBreakdownRowLimit = 10
}

/// What the site index needs besides one period's report: every week and month with data.
public struct SiteOverview: Sendable, Codable, Equatable {
    public var asOf: String
    /// The report of the week containing as-of (the dashboard's "this week").
    public var currentWeek: Report
    /// The report of the month containing as-of (month to date).
    public var currentMonth: Report
    /// Newest first.
    public var weeks: [PeriodSummary]
    public var months: [PeriodSummary]
    /// Performance per dollar over the 12 weeks up to as-of (the site's efficiency page).
    public var efficiency: EfficiencyPage

    public init(asOf: String, currentWeek: Report, currentMonth: Report, weeks: [PeriodSummary], months: [PeriodSummary],
                efficiency: EfficiencyPage? = nil) {
        self.asOf = asOf; self.currentWeek = currentWeek; self.currentMonth = currentMonth
        self.weeks = weeks; self.months = months
        self.efficiency = efficiency ?? EfficiencyPage(asOf: asOf, from: asOf, through: asOf, weeks: 0, rows: [])
    }
}

public struct PeriodSummary: Sendable, Codable, Equatable {
    /// The period itself, typed; JSON spells it as `id`, `kind`, `start` and `end`.
    public var period: Period
    public var runs: Int
    public var records: Int
    public var spend: Double
    public var change: Change

    public var id: String { period.id }
    public var kind: Period.Kind { period.kind }
    public var start: String { period.start.iso }
    public var end: String { period.end.iso }

    public init(period: Period, runs: Int, records: Int, spend: Double, change: Change) {
        self.period = period; self.runs = runs; self.records = records; self.spend = spend; self.change = change
    }

    /// From the JSON spelling (fixtures); a day that does not parse falls back to 1970-01-01.
    public init(id: String, kind: Period.Kind, start: String, end: String, runs: Int, records: Int, spend: Double, change: Change) {
        let first = Day(iso: start) ?? Day(ordinal: 0), last = Day(iso: end) ?? Day(ordinal: 0)
        self.init(period: Period(parsing: id) ?? Period(kind: kind, start: first, end: last),
                  runs: runs, records: records, spend: spend, change: change)
    }

    private enum CodingKeys: String, CodingKey { case id, kind, start, end, runs, records, spend, change }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(runs, forKey: .runs)
        try c.encode(records, forKey: .records)
        try c.encode(spend, forKey: .spend)
        try c.encode(change, forKey: .change)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(String.self, forKey: .id)
        guard let period = Period(parsing: id) else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "'\(id)' is not a period")
        }
        self.init(period: period, runs: try c.decode(Int.self, forKey: .runs), records: try c.decode(Int.self, forKey: .records),
                  spend: try c.decode(Double.self, forKey: .spend), change: try c.decode(Change.self, forKey: .change))
    }
}

/// One of a report's biggest movers (issue 13 part 2): a key of a breakdown whose spend changed
/// most against the compared window (spec §12, like for like). `movers` in the JSON.
public struct Mover: Sendable, Codable, Equatable {
    public var dimension: BreakdownDimension
    public var key: String
    public var spend: Double
    public var previousSpend: Double
    /// `spend − previous_spend`.
    public var change: Double

    public init(dimension: BreakdownDimension, key: String, spend: Double, previousSpend: Double) {
        self.dimension = dimension; self.key = key; self.spend = spend; self.previousSpend = previousSpend
        change = spend - previousSpend
    }

    /// How many a report keeps.
    public static let limit = 3
}
