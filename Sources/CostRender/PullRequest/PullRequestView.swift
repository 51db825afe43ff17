import CostModel

/// What `pr.mustache` and `pr-summary.mustache` see: every figure pre-formatted (spec §8), every
/// list in the model's order. `cap` cuts the long tables (suites, opportunity items, runs) in the
/// middle; nil keeps every row.
struct PullRequestView: TemplateFields {
    let subject: String
    let hasRuns: Bool
    let asOf: String
    let base: String
    let windowStart: String
    let windowEnd: String
    /// First and last day with a run; `oneDay` when they are the same.
    let firstDay: String
    let lastDay: String
    let oneDay: Bool
    let spend: String
    let runCount: String
    let oneRun: Bool
    let hoursText: String
    /// The spend-per-run comparison with the base, as figures and flags (`pr-body.mustache` words it).
    let comparison: ComparisonView
    let totals: TotalsRowView
    let markets: [MarketRowView]
    let hasMarkets: Bool
    let suites: CutTable<SuiteRowView>
    let savings: PullRequestSavingsView
    let runs: CutTable<RunRowView>
    /// Issue 12 part 5: each benchmark the PR ran against the fleet's best value.
    let efficiency: CutTable<PullRequestEfficiencyRow>
    let efficiencyFrom: String
    /// The PR against the month's budget; nil without one.
    let budget: BudgetImpactView?
    /// The first table (issue 14 part 1), by measure; nil when the report has none.
    let headline: HeadlineTableView?
    /// The combined potential of what would have been cheaper; nil when nothing would.
    let cheaper: OpportunityRow?
    /// Runs per commit, the latest first; shown when the runs span two or more commits.
    /// Cut to fit like the other long tables, and folded when long.
    let commits: CutTable<CommitRowView>
    let hasCommits: Bool
    let commitFilter: String?
    let siteURL: String?

    /// Tables with more rows than this are folded into `<details>`.
    static let foldAbove = 10

    init(_ r: PullRequestReport, cap: Int?, runURL: RunURL? = nil) {
        subject = Clip.text(r.selector.description, 120)
        hasRuns = r.hasRuns
        asOf = r.asOf
        base = Clip.text(r.base, 80)
        windowStart = r.baseWindow.start
        windowEnd = r.baseWindow.end
        firstDay = r.firstDay ?? ""
        lastDay = r.lastDay ?? ""
        oneDay = r.firstDay == r.lastDay
        let t = r.totals
        spend = Format.usd(t.spend)
        runCount = Format.count(t.runs)
        oneRun = t.runs == 1
        hoursText = Format.hours(t.hours)
        comparison = ComparisonView(r.comparison, runs: t.runs)
        totals = TotalsRowView(t)
        markets = r.markets.map(MarketRowView.init)
        hasMarkets = !markets.isEmpty
        suites = CutTable(r.suites.map { SuiteRowView($0) }, cap: cap)
        savings = PullRequestSavingsView(r, cap: cap, runURL: runURL)
        runs = CutTable(r.runs.map { RunRowView($0, href: runURL?.linkIfRecorded($0.runID)) }, cap: cap)
        efficiency = CutTable(r.efficiency.map(PullRequestEfficiencyRow.init), cap: cap)
        efficiencyFrom = r.efficiencyWindow?.start ?? r.baseWindow.start
        budget = r.budgetImpact.map(BudgetImpactView.init)
        headline = HeadlineTableView(r.headline)
        commits = CutTable(r.commits.map(CommitRowView.init), cap: cap)
        hasCommits = r.commits.count > 1
        commitFilter = r.commitFilter
        cheaper = r.opportunities.combined.potential > 0 ? OpportunityRow(r.opportunities.combined) : nil
        siteURL = r.siteURL.flatMap(SafeURL.markdownDestination)
    }

    /// The longest table that `cap` can cut (what `BudgetFit` searches over).
    static func longestTable(_ r: PullRequestReport) -> Int {
        max(r.suites.count, r.runs.count, r.efficiency.count, r.commits.count, PullRequestSavingsView.itemCount(r))
    }

}

/// The headline table's rows by measure (the template labels them).
struct HeadlineTableView: TemplateFields {
    let spend, runs, hours, spendPerRun, failedRunSpend: HeadlineRowView

    init?(_ measures: [HeadlineMeasure]) {
        func row(_ m: HeadlineMeasure.Measure, _ text: (Double) -> String, _ signed: (Double) -> String) -> HeadlineRowView? {
            measures.first { $0.measure == m }.map { HeadlineRowView($0, text: text, signed: signed) }
        }
        let hours = { (x: Double) in Format.hours(x) }, signedHours = { (x: Double) in ChangeText.hours(x) }
        let count = { (x: Double) in Format.count(Int(saturating: x)) }
        guard let spend = row(.spend, Format.usd, Format.signedUSD), let runs = row(.runs, count, count),
              let h = row(.hours, hours, signedHours), let perRun = row(.spendPerRun, Format.usd, Format.signedUSD),
              let failed = row(.failedRunSpend, Format.usd, Format.signedUSD) else { return nil }
        self.spend = spend; self.runs = runs; self.hours = h; spendPerRun = perRun; failedRunSpend = failed
    }
}

struct HeadlineRowView: TemplateFields {
    let pr: String
    /// "–" without a base.
    let base: String
    let difference: String
    /// `▲ +127.2%`, `▼ -5.1%`, `= 0.0%`; empty without a base.
    let change: String

    init(_ m: HeadlineMeasure, text: (Double) -> String, signed: (Double) -> String) {
        pr = text(m.pr)
        base = m.base.map(text) ?? "–"
        difference = m.difference.map(signed) ?? ""
        change = m.base == nil ? "" : m.change == nil ? "new" : ChangeMark.text(m.change, m.direction)
    }
}

struct CommitRowView: TemplateFields {
    /// The commit's first 12 characters (a SHA), or nil for runs without one.
    let commit: String?
    let runs: String
    let spend: String
    let firstStart: String
    let lastStart: String
    let sincePrevious: String?

    init(_ c: CommitRuns) {
        commit = c.commit.map { String($0.prefix(12)) }  // a SHA, shortened as git shortens it
        runs = Format.count(c.runs)
        spend = Format.usd(c.spend)
        firstStart = c.firstStart
        lastStart = c.lastStart
        sincePrevious = c.sincePrevious.map(Format.signedUSD)
    }
}

struct BudgetImpactView: TemplateFields {
    let month: String
    let spend: String
    let share: String
    let monthToDate: String
    let projected: String
    let monthly: String
    let status: String
    let monthlyConfigured: Bool

    init(_ b: BudgetImpact) {
        month = b.month; spend = Format.usd(b.spend); share = Format.percent(b.share)
        monthToDate = Format.usd(b.monthToDate); projected = Format.usd(b.projected); monthly = Format.usd(b.monthly)
        status = StatusText.label(b.projectedStatus); monthlyConfigured = b.monthlyConfigured
    }
}

/// `PullRequestComparison` for the template: which case applies and the figures of each.
struct ComparisonView: TemplateFields {
    /// The base ran comparable suites: `up`, `down` or `same` says how the PR's runs compare.
    let compared: Bool
    let baseHasNoRuns: Bool
    let up: Bool
    let down: Bool
    let same: Bool
    /// The change's size, unsigned (`12.3%`).
    let percent: String
    /// Every run of the PR was compared; else how many were.
    let allRuns: Bool
    let comparedRuns: String
    let oneCompared: Bool
    let comparedSpend: String
    let expectedSpend: String
    /// Runs in suites the base did not run (shown only when some runs were compared).
    let uncompared: Bool
    let uncomparedRuns: String
    let oneUncompared: Bool
    let uncomparedSpend: String

    init(_ c: PullRequestComparison, runs: Int) {
        compared = c.change != nil
        baseHasNoRuns = c.baseRuns == 0
        up = c.change != nil && c.direction == .up
        down = c.change != nil && c.direction == .down
        same = c.change != nil && !up && !down
        percent = c.change.map { Format.percent($0.magnitude) } ?? ""
        allRuns = c.comparedRuns == runs
        comparedRuns = Format.count(c.comparedRuns)
        oneCompared = c.comparedRuns == 1
        comparedSpend = Format.usd(c.comparedSpend)
        expectedSpend = Format.usd(c.expectedSpend)
        uncompared = c.uncomparedRuns > 0 && c.comparedRuns > 0
        uncomparedRuns = Format.count(c.uncomparedRuns)
        oneUncompared = c.uncomparedRuns == 1
        uncomparedSpend = Format.usd(c.uncomparedSpend)
    }
}

/// A table that may be cut in the middle: `head` rows, then (when cut) one row saying how many were
/// left out, then `tail` rows. Folded into `<details>` when long; `summary` sits inside raw HTML, so
/// it holds counts and fixed words only, never data.
/// A table that may be cut in the middle to fit a size budget, and folded into `<details>` when
/// long. The counts are figures; the template words them ("12 runs (8 shown, 4 left out)").
struct CutTable<Row>: TemplateFields {
    let head: [Row]
    let tail: [Row]
    let folded: Bool
    let hasRows: Bool
    /// Every row, and whether that is one.
    let count: String
    let one: Bool
    /// Rows left out to fit (nil when none), whether that is one, and how many are shown.
    let leftOut: String?
    let oneLeftOut: Bool
    let shown: String

    init(_ rows: [Row], cap: Int?, foldAbove: Int = PullRequestView.foldAbove) {
        let cut = TableCut(count: rows.count, cap: cap)
        head = Array(rows.prefix(cut.head))
        tail = Array(rows.suffix(cut.tail))
        folded = rows.count > foldAbove
        hasRows = !rows.isEmpty
        count = Format.count(rows.count)
        one = rows.count == 1
        leftOut = cut.leftOut > 0 ? Format.count(cut.leftOut) : nil
        oneLeftOut = cut.leftOut == 1
        shown = Format.count(rows.count - cut.leftOut)
    }
}

/// One benchmark on one instance type of the PR, against the fleet's measurements (spec §13).
struct PullRequestEfficiencyRow: TemplateFields {
    let benchmark: String
    let instanceType: String
    /// `62.5%` of the best value; nil without a catalog price.
    let relative: String?
    let isBest: Bool
    /// The only instance type the benchmark was measured on: nothing to compare.
    let alone: Bool
    let best: String
    let samples: String

    init(_ e: PullRequestEfficiency) {
        benchmark = e.benchmark
        instanceType = e.instanceType
        relative = e.relativeValue.map(Format.percent)
        isBest = e.relativeValue != nil && e.bestInstanceType == e.instanceType && e.bestProvider == e.provider
        alone = e.instanceTypes < 2
        best = e.bestInstanceType ?? ""
        samples = Format.count(e.samples)
    }
}

struct TotalsRowView: TemplateFields {
    let runs: String
    let hours: String
    let spend: String
    let testsPassed: String
    let testsFailed: String
    let failedRunSpend: String

    init(_ t: Totals) {
        runs = Format.count(t.runs)
        hours = Format.hours(t.hours)
        spend = Format.usd(t.spend)
        testsPassed = Format.count(t.testsPassed)
        testsFailed = Format.count(t.testsFailed)
        failedRunSpend = Format.usd(t.failedRunSpend)
    }
}

struct MarketRowView: TemplateFields {
    let market: String
    let runs: String
    let hours: String
    let spend: String
    let share: String

    init(_ row: BreakdownRow) {
        market = row.key
        runs = Format.count(row.runs)
        hours = Format.hours(row.hours)
        spend = Format.usd(row.spend)
        share = Format.percent(row.share)
    }
}

struct SuiteRowView: TemplateFields {
    let suite: String
    let runs: String
    let spend: String
    let spendPerRun: String
    let baseSpendPerRun: String
    let change: String

    init(_ s: SuiteComparison) {
        suite = Clip.text(s.suite)
        runs = Format.count(s.runs)
        spend = Format.usd(s.spend)
        spendPerRun = Format.usd(s.spendPerRun)
        baseSpendPerRun = s.baseSpendPerRun.map(Format.usd) ?? "–"
        change = ChangeMark.text(s.change, s.direction)
    }
}

enum ChangeMark {
    /// `▲ +12.3%`, `▼ -8.0%`, `= 0.0%`, `no base runs`.
    static func text(_ change: Double?, _ direction: ChangeDirection) -> String {
        switch (direction, change) {
        case (.up, let c?): return "▲ " + Format.signedPercent(c)
        case (.down, let c?): return "▼ " + Format.signedPercent(c)
        case (.unchanged, _): return "= 0.0%"
        default: return "no base runs"
        }
    }
}

struct RunRowView: TemplateFields {
    let runID: String
    /// The run on the CI (`--run-url`); nil: plain text.
    let href: String?
    let start: String
    let suite: String
    let instance: String
    let market: String
    let hours: String
    let spend: String
    let tests: String

    init(_ r: PullRequestRun, href: String? = nil) {
        runID = Clip.text(r.runID)
        self.href = href
        start = r.start
        suite = Clip.text(r.suite)
        instance = Clip.text(r.instanceType + " (" + r.region + ")")
        market = r.market
        hours = Format.hours(r.hours)
        spend = Format.usd(r.spend)
        tests = "\(Format.count(r.testsPassed)) / \(Format.count(r.testsFailed))"
    }
}

/// "What would have been cheaper": spec §5 over the PR's records. Which opportunity a row or an
/// item is, is a flag (`OpportunityKind`); the names and sentences are in `pr-savings.mustache`.
struct PullRequestSavingsView: TemplateFields {
    let rows: [PROpportunityRow]
    let hasOpportunities: Bool
    let hasSpend: Bool
    /// Two or more opportunities: they overlap, and the combined row is shown.
    let overlaps: Bool
    let items: CutTable<PROpportunityItemRow>

    /// Items per kind (suite, instance type, run) and opportunity.
    static let itemLimit = 5

    private static func entries(_ o: Opportunities) -> [(kind: OpportunityKind, opportunity: Opportunity)] {
        let parts: [(OpportunityKind, Opportunity)] = [(.spot, o.spot), (.rightSize, o.rightSize), (.region, o.region)]
        let withPotential = parts.filter { $0.1.potential > 0 }
        // With one opportunity alone the combined one says the same thing: shown only when they mix.
        return withPotential + (withPotential.count > 1 ? [(.combined, o.combined)] : [])
    }

    static func itemCount(_ r: PullRequestReport) -> Int {
        entries(r.opportunities).reduce(0) { total, e in
            total + [e.opportunity.topSuites, e.opportunity.topInstanceTypes, e.opportunity.topRuns]
                .map { min($0.count, itemLimit) }.reduce(0, +)
        }
    }

    init(_ r: PullRequestReport, cap: Int?, runURL: RunURL? = nil) {
        let entries = PullRequestSavingsView.entries(r.opportunities)
        rows = entries.map { PROpportunityRow(opportunity: $0.kind, row: OpportunityRow($0.opportunity)) }
        hasOpportunities = !rows.isEmpty
        hasSpend = r.totals.spend > 0
        overlaps = entries.count > 1
        let limit = PullRequestSavingsView.itemLimit
        let items: [PROpportunityItemRow] = entries.flatMap { e in
            [(ItemKind.suite, e.opportunity.topSuites), (.instanceType, e.opportunity.topInstanceTypes),
             (.run, e.opportunity.topRuns)].flatMap { kind, list in
                list.prefix(limit).map {
                    PROpportunityItemRow(opportunity: e.kind, kind: kind, $0,
                                         href: kind.isRun ? runURL?.linkIfRecorded($0.key) : nil)
                }
            }
        }
        self.items = CutTable(items, cap: cap, foldAbove: 0)
    }
}

/// Which opportunity a row is, as flags a template can test (`{{#isSpot}}Spot{{/isSpot}}`).
struct OpportunityKind: TemplateFields {
    let isSpot: Bool, isRightSize: Bool, isRegion: Bool, isCombined: Bool
    static let spot = OpportunityKind(isSpot: true, isRightSize: false, isRegion: false, isCombined: false)
    static let rightSize = OpportunityKind(isSpot: false, isRightSize: true, isRegion: false, isCombined: false)
    static let region = OpportunityKind(isSpot: false, isRightSize: false, isRegion: true, isCombined: false)
    static let combined = OpportunityKind(isSpot: false, isRightSize: false, isRegion: false, isCombined: true)
}

/// What an opportunity item names: a suite, an instance type or a run.
struct ItemKind: TemplateFields {
    let isSuite: Bool, isInstanceType: Bool, isRun: Bool
    static let suite = ItemKind(isSuite: true, isInstanceType: false, isRun: false)
    static let instanceType = ItemKind(isSuite: false, isInstanceType: true, isRun: false)
    static let run = ItemKind(isSuite: false, isInstanceType: false, isRun: true)
}

struct PROpportunityRow: TemplateFields {
    let opportunity: OpportunityKind
    let row: OpportunityRow
}

struct PROpportunityItemRow: TemplateFields {
    let opportunity: OpportunityKind
    let kind: ItemKind
    let key: String
    /// A run on the CI (`--run-url`); nil: plain text.
    let href: String?
    let records: String
    let spend: String
    let potential: String
    let action: String

    init(opportunity: OpportunityKind, kind: ItemKind, _ item: OpportunityItem, href: String? = nil) {
        self.opportunity = opportunity
        self.kind = kind
        key = Clip.text(item.key)
        self.href = href
        records = Format.count(item.records)
        spend = Format.usd(item.spend)
        potential = Format.usd(item.potential)
        action = Clip.text(item.action, 120)
    }
}

enum Counted {
    /// `1 run`, `1,234 runs`.
    static func text(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(Format.count(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}

/// Long values (a run id or suite of hundreds of characters) would blow a table apart: cells keep
/// their first `limit` characters and an ellipsis. The JSON keeps every value whole.
enum Clip {
    static func text(_ s: String, _ limit: Int = 80) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }
}

/// `--site-url` as a Markdown link destination: http(s) only, and every character that could end
/// or break the destination (spaces, parentheses, angle brackets, quotes, backslashes, pipes,
/// backticks, control and non-ASCII characters) percent-encoded, so the URL cannot inject Markdown.
enum SafeURL {
    private static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'*+,;=%".unicodeScalars)

    static func markdownDestination(_ raw: String) -> String? {
        let lower = raw.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        var out = ""
        for scalar in raw.unicodeScalars {
            if allowed.contains(scalar) { out.unicodeScalars.append(scalar) } else { out += RunURL.percentEncoded(scalar) }
        }
        return out
    }
}
