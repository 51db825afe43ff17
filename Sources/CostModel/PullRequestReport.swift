import Foundation

/// What `costreport pr` reports for one pull request (or one branch): the model behind the PR
/// comment, the GitHub job summary and `--format json`. Encoded with snake_case keys like `Report`;
/// money is USD, unrounded; changes and shares are fractions (0.123 = 12.3 %).
///
/// Choices the cost model leaves open (also in the README's "Pull requests" section):
/// - The PR's records are every accepted record up to as-of whose normalised PR key (`pr_number`,
///   else `pr`; `#123`, `pr-123` and `123` are all `123`) or whose `branch` equals the selector.
/// - The base is the records on the base branch in the 28 days before the PR's first run (the 28
///   days ending at as-of for a PR without runs),
///   minus any record of the PR itself.
/// - The comparison is **spend per run**, per suite: a PR runs fewer or more suites than the base
///   branch, so total spend would compare different work. The base "average" is the base's spend in
///   the suite over the window divided by its runs in the suite there (a run-weighted mean, so one
///   very long run counts as what it cost, not as one vote among many).
public struct PullRequestReport: Sendable, Codable, Equatable {
    public var selector: PullRequestSelector
    /// The base branch compared against (`main` unless `--base` says otherwise).
    public var base: String
    public var asOf: String
    /// The base's comparison window: the `baseWindowDays` days ending at as-of.
    public var baseWindow: DayRange
    /// First and last local day with a run of the PR; nil when it has none.
    public var firstDay: String?
    public var lastDay: String?
    /// runs, records, instance-hours, spend, on-demand equivalent, realized savings, tests and the
    /// spend on runs with failed tests, over the PR's records (spec §4 rules).
    public var totals: Totals
    /// The PR's spend per run against the base's, over the suites the base ran in the window.
    public var comparison: PullRequestComparison
    /// Market mix: one row per market (spot, on-demand, reserved, unknown), largest spend first.
    public var markets: [BreakdownRow]
    /// One row per suite the PR ran, largest spend first (ties by suite).
    public var suites: [SuiteComparison]
    /// Every run of the PR, oldest first.
    public var runs: [PullRequestRun]
    /// Spec §5 over the PR's records only (shares are of the PR's spend). Reserved capacity is a
    /// fleet-wide, monthly decision, not a PR's: `reserved` is always empty here.
    public var opportunities: Opportunities
    /// `--site-url`, when given: the published cost-report site.
    public var siteURL: String?
    /// Each benchmark the PR ran, per instance type, against the fleet's measurements over
    /// `efficiency_window`: sorted by benchmark, then instance type.
    public var efficiency: [PullRequestEfficiency] = []
    /// The base window, reaching back to the PR's first sample when that is earlier; nil without samples.
    public var efficiencyWindow: DayRange?
    /// What the PR does to the as-of month's budget (issue 14 part 4).
    public var budgetImpact: BudgetImpact?
    /// The comment's first table (issue 14 part 1): the PR's compared runs against what the same
    /// runs cost at the base's per-run averages, suite by suite.
    public var headline: [HeadlineMeasure] = []
    /// The PR's runs by the commit they tested (issue 14 part 2), the latest commit first.
    public var commits: [CommitRuns] = []
    /// `--commit SHA`: the report covers that commit's runs only; nil for all.
    public var commitFilter: String?

    /// The base window's length: 4 weeks, ending the day before the PR's first run.
    public static let baseWindowDays = 28

    public init(selector: PullRequestSelector, base: String, asOf: String, baseWindow: DayRange,
                firstDay: String?, lastDay: String?, totals: Totals, comparison: PullRequestComparison,
                markets: [BreakdownRow], suites: [SuiteComparison], runs: [PullRequestRun],
                opportunities: Opportunities, siteURL: String? = nil) {
        self.selector = selector; self.base = base; self.asOf = asOf; self.baseWindow = baseWindow
        self.firstDay = firstDay; self.lastDay = lastDay; self.totals = totals; self.comparison = comparison
        self.markets = markets; self.suites = suites; self.runs = runs; self.opportunities = opportunities
        self.siteURL = siteURL
    }

    /// Optional figures are written as `null`, not left out: readers expect every key.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(selector, forKey: .selector); try c.encode(base, forKey: .base)
        try c.encode(asOf, forKey: .asOf); try c.encode(baseWindow, forKey: .baseWindow)
        try c.encode(firstDay, forKey: .firstDay); try c.encode(lastDay, forKey: .lastDay)
        try c.encode(totals, forKey: .totals); try c.encode(comparison, forKey: .comparison)
        try c.encode(markets, forKey: .markets); try c.encode(suites, forKey: .suites)
        try c.encode(runs, forKey: .runs); try c.encode(opportunities, forKey: .opportunities)
        try c.encode(siteURL, forKey: .siteURL); try c.encode(efficiency, forKey: .efficiency)
        try c.encode(efficiencyWindow, forKey: .efficiencyWindow); try c.encode(budgetImpact, forKey: .budgetImpact)
        try c.encode(headline, forKey: .headline); try c.encode(commits, forKey: .commits)
        try c.encode(commitFilter, forKey: .commitFilter)
    }

    /// True when the PR has at least one run up to as-of.
    public var hasRuns: Bool { totals.records > 0 }
}

/// Which records belong to the pull request: a normalised PR key, or a branch name.
public struct PullRequestSelector: Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable { case pr, branch }
    public var kind: Kind
    /// The PR key as ingest stores it (`123`), or the branch name as recorded.
    public var value: String

    public init(kind: Kind, value: String) { self.kind = kind; self.value = value }

    public static func pr(_ key: String) -> PullRequestSelector { .init(kind: .pr, value: key) }
    public static func branch(_ name: String) -> PullRequestSelector { .init(kind: .branch, value: name) }

    /// `PR #123`, `branch feature/x`.
    public var description: String { kind == .pr ? "PR #\(value)" : "branch \(value)" }
}

/// An inclusive range of local days.
public struct DayRange: Sendable, Codable, Equatable {
    public var start: String
    public var end: String
    public var days: Int
    public init(start: Day, end: Day) { self.start = start.iso; self.end = end.iso; days = end - start + 1 }
}

/// Up, down or unchanged against the base; `no_base` when the base ran nothing comparable.
public enum ChangeDirection: String, Sendable, Codable {
    case up, down, unchanged
    case noBase = "no_base"

    /// Below half a tenth of a percent the displayed change is `0.0%`: called unchanged.
    public static let unchangedBelow = 0.0005

    public init(_ change: Double?) {
        guard let change else { self = .noBase; return }
        if abs(change) < ChangeDirection.unchangedBelow { self = .unchanged }
        else { self = change > 0 ? .up : .down }
    }
}

/// One suite of the PR against the base branch's 4 weeks before the PR.
public struct SuiteComparison: Sendable, Codable, Equatable {
    public var suite: String
    public var runs: Int
    public var records: Int
    public var hours: Double
    public var spend: Double
    /// spend / runs.
    public var spendPerRun: Double
    public var testsPassed: Int
    public var testsFailed: Int
    /// The base branch's runs and spend in this suite over the window.
    public var baseRuns: Int
    public var baseSpend: Double
    /// baseSpend / baseRuns; nil when the base did not run the suite in the window.
    public var baseSpendPerRun: Double?
    /// spendPerRun / baseSpendPerRun − 1; nil without a base average (or when it is 0).
    public var change: Double?
    public var direction: ChangeDirection

    public init(suite: String, runs: Int, records: Int, hours: Double, spend: Double, testsPassed: Int,
                testsFailed: Int, baseRuns: Int, baseSpend: Double) {
        self.suite = suite; self.runs = runs; self.records = records; self.hours = hours; self.spend = spend
        let perRun = runs > 0 ? spend / Double(runs) : 0
        let basePerRun = baseRuns > 0 ? baseSpend / Double(baseRuns) : nil
        spendPerRun = perRun
        self.testsPassed = testsPassed; self.testsFailed = testsFailed
        self.baseRuns = baseRuns; self.baseSpend = baseSpend
        baseSpendPerRun = basePerRun
        let change: Double?
        if let basePerRun, basePerRun > 0, runs > 0 { change = perRun / basePerRun - 1 } else { change = nil }
        self.change = change
        direction = ChangeDirection(change)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(suite, forKey: .suite); try c.encode(runs, forKey: .runs); try c.encode(records, forKey: .records)
        try c.encode(hours, forKey: .hours); try c.encode(spend, forKey: .spend)
        try c.encode(spendPerRun, forKey: .spendPerRun); try c.encode(testsPassed, forKey: .testsPassed)
        try c.encode(testsFailed, forKey: .testsFailed); try c.encode(baseRuns, forKey: .baseRuns)
        try c.encode(baseSpend, forKey: .baseSpend); try c.encode(baseSpendPerRun, forKey: .baseSpendPerRun)
        try c.encode(change, forKey: .change); try c.encode(direction, forKey: .direction)
    }
}

/// The PR as a whole against the base, like for like: what the PR's runs would have cost at the
/// base's spend per run in the same suites, and what they cost. Suites the base did not run in the
/// window cannot be compared and are counted apart.
public struct PullRequestComparison: Sendable, Codable, Equatable {
    /// The PR's runs and spend in suites with a base average.
    public var comparedRuns: Int
    public var comparedSpend: Double
    /// Σ over those suites of the PR's runs × the base's spend per run.
    public var expectedSpend: Double
    /// comparedSpend / expectedSpend − 1; nil when no suite can be compared.
    public var change: Double?
    public var direction: ChangeDirection
    /// The PR's runs and spend in suites the base did not run in the window.
    public var uncomparedRuns: Int
    public var uncomparedSpend: Double
    /// The base branch over the window, every suite.
    public var baseRuns: Int
    public var baseSpend: Double

    public init(comparedRuns: Int, comparedSpend: Double, expectedSpend: Double, uncomparedRuns: Int,
                uncomparedSpend: Double, baseRuns: Int, baseSpend: Double) {
        self.comparedRuns = comparedRuns; self.comparedSpend = comparedSpend; self.expectedSpend = expectedSpend
        change = expectedSpend > 0 ? comparedSpend / expectedSpend - 1 : nil
        direction = ChangeDirection(change)
        self.uncomparedRuns = uncomparedRuns; self.uncomparedSpend = uncomparedSpend
        self.baseRuns = baseRuns; self.baseSpend = baseSpend
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(comparedRuns, forKey: .comparedRuns); try c.encode(comparedSpend, forKey: .comparedSpend)
        try c.encode(expectedSpend, forKey: .expectedSpend); try c.encode(change, forKey: .change)
        try c.encode(direction, forKey: .direction); try c.encode(uncomparedRuns, forKey: .uncomparedRuns)
        try c.encode(uncomparedSpend, forKey: .uncomparedSpend); try c.encode(baseRuns, forKey: .baseRuns)
        try c.encode(baseSpend, forKey: .baseSpend)
    }
}

/// One run of the PR. A run with several records shows its earliest record's suite, instance,
/// region and market (as `cost_attribution: run` does) and the sums of its records' hours, spend
/// and tests.
public struct PullRequestRun: Sendable, Codable, Equatable {
    /// The `run_id`, or `(none)` for a record without one (then it is a run of its own).
    public var runID: String
    /// Local start of its earliest record: `2026-11-27 14:05`.
    public var start: String
    public var suite: String
    public var provider: String
    public var instanceType: String
    public var region: String
    public var market: String
    public var records: Int
    public var hours: Double
    public var spend: Double
    public var testsPassed: Int
    public var testsFailed: Int
    /// The commit the run tested (its first record's `metadata.commit`/`commit_sha`); nil when not recorded.
    public var commit: String? = nil

    public init(runID: String, start: String, suite: String, provider: String, instanceType: String, region: String,
                market: String, records: Int, hours: Double, spend: Double, testsPassed: Int, testsFailed: Int) {
        self.runID = runID; self.start = start; self.suite = suite; self.provider = provider
        self.instanceType = instanceType; self.region = region; self.market = market; self.records = records
        self.hours = hours; self.spend = spend; self.testsPassed = testsPassed; self.testsFailed = testsFailed
    }
}

extension PullRequestReport {
    /// `--only-if-over AMOUNT` and `--only-if-change PERCENT` (given as a fraction here: 10 % = 0.10).
    ///
    /// Each flag is a condition for speaking; with both, both must hold.
    /// - over: the PR's spend is at least `minSpend`.
    /// - change: the like-for-like total change, or some suite's change, is at least `minChange` in
    ///   size (up or down). Suites without a base average have no change and never count.
    /// Returns nil when the comment should be printed, else why it stays quiet (`PullRequestGateText`
    /// words it).
    public func quietReason(minSpend: Double?, minChange: Double?) -> QuietReason? {
        if let minSpend, totals.spend < minSpend {
            return .belowSpend(spend: totals.spend, minimum: minSpend)
        }
        if let minChange {
            let changes = ([comparison.change] + suites.map(\.change)).compactMap { $0 }
            let largest = changes.map(abs).max()
            if largest.map({ $0 < minChange }) ?? true {
                return .belowChange(largest: largest, minimum: minChange)
            }
        }
        return nil
    }

    /// Why `--only-if-over` or `--only-if-change` keeps a PR's comment unprinted.
    public enum QuietReason: Sendable, Equatable {
        /// The PR's spend is under `--only-if-over`.
        case belowSpend(spend: Double, minimum: Double)
        /// The largest change in size (nil: nothing could be compared) is under `--only-if-change`.
        case belowChange(largest: Double?, minimum: Double)
    }
}

/// The PR's share of the as-of month's spend so far, and the month's projection against its
/// budget (spec §6): "this PR's runs are 4.5 % of the month's spend so far; at this rate the month
/// projects to $2,295.35 against a budget of $2,000.00 (OVER)".
public struct BudgetImpact: Sendable, Codable, Equatable {
    public var month: String
    /// The PR's spend on records of the month up to as-of, and everyone's.
    public var spend: Double
    public var monthToDate: Double
    /// spend / month_to_date; 0 when the month has no spend.
    public var share: Double
    public var projected: Double
    public var monthly: Double
    public var projectedStatus: BudgetStatus
    /// False for the default budget (not in costreport.yml).
    public var monthlyConfigured: Bool

    public init(month: String, spend: Double, monthToDate: Double, projected: Double, monthly: Double,
                projectedStatus: BudgetStatus, monthlyConfigured: Bool) {
        self.month = month; self.spend = spend; self.monthToDate = monthToDate
        share = monthToDate > 0 ? spend / monthToDate : 0
        self.projected = projected; self.monthly = monthly; self.projectedStatus = projectedStatus
        self.monthlyConfigured = monthlyConfigured
    }
}

/// One row of a PR comment's headline table: a measure of the runs in suites the base also ran,
/// against the base's per-run average in each suite × the PR's runs there (spec §12's comparison,
/// measure by measure). `base` and `change` are nil when nothing could be compared.
public struct HeadlineMeasure: Sendable, Codable, Equatable {
    public enum Measure: String, Sendable, Codable { case spend, runs, hours, spendPerRun = "spend_per_run", failedRunSpend = "failed_run_spend" }
    public var measure: Measure
    public var pr: Double
    public var base: Double?
    /// pr − base.
    public var difference: Double?
    /// pr / base − 1; nil without a base or when it is 0.
    public var change: Double?
    public var direction: ChangeDirection

    public init(_ measure: Measure, pr: Double, base: Double?) {
        self.measure = measure; self.pr = pr; self.base = base
        difference = base.map { pr - $0 }
        change = base.flatMap { $0 > 0 ? pr / $0 - 1 : nil }
        direction = ChangeDirection(change)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(measure, forKey: .measure); try c.encode(pr, forKey: .pr); try c.encode(base, forKey: .base)
        try c.encode(difference, forKey: .difference); try c.encode(change, forKey: .change)
        try c.encode(direction, forKey: .direction)
    }
}

/// One commit of a PR: its runs, their spend, and the change since the commit before it (in the
/// order the commits were first run). `commit` is nil for runs that recorded none.
public struct CommitRuns: Sendable, Codable, Equatable {
    public var commit: String?
    /// Local start of the commit's first and last run (`2026-11-27 14:05`).
    public var firstStart: String
    public var lastStart: String
    public var runs: Int
    public var spend: Double
    /// spend − the previous commit's spend; nil for the first commit.
    public var sincePrevious: Double?

    public init(commit: String?, firstStart: String, lastStart: String, runs: Int, spend: Double, sincePrevious: Double?) {
        self.commit = commit; self.firstStart = firstStart; self.lastStart = lastStart; self.runs = runs
        self.spend = spend; self.sincePrevious = sincePrevious
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(commit, forKey: .commit); try c.encode(firstStart, forKey: .firstStart)
        try c.encode(lastStart, forKey: .lastStart); try c.encode(runs, forKey: .runs)
        try c.encode(spend, forKey: .spend); try c.encode(sincePrevious, forKey: .sincePrevious)
    }
}
