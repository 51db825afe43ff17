import CostModel

/// What a weekly or monthly Markdown template sees: every figure pre-formatted (spec §8), arrays in
/// a fixed order. Built from a `Report` only; templates never compute.
struct ReportView: TemplateFields {
    let title: String
    let kind: String
    let kindLabel: String
    let periodID: String
    let start: String
    let end: String
    let asOf: String
    let isPartial: Bool
    /// False for a period without a record up to as-of (the page says so).
    let hasRecords: Bool
    let daysCovered: Int
    let days: Int
    let previousID: String
    let compared: ComparedView
    let summary: SummaryRows
    /// The sentence a team lead reads first (`partials/headline.mustache`).
    let headline: HeadlineView
    let glance: GlanceView
    let budget: BudgetView
    let trend: [TrendRow]
    let hasTrend: Bool
    let breakdowns: [BreakdownSection]
    let dataQuality: QualityView
    let efficiency: EfficiencyView
    let savings: SavingsView
    let timezone: String
    let costAttribution: String

    init(_ r: Report, links: ReportLinks = .none) {
        let label = r.period.kind == .week ? "Week" : r.period.kind == .month ? "Month" : "Period"
        kind = r.period.kind.rawValue
        kindLabel = label
        periodID = r.period.id
        title = "Cloud test spend: \(label.lowercased()) \(r.period.id)"
        start = r.period.start
        end = r.period.end
        asOf = r.asOf
        isPartial = r.period.daysCovered < r.period.days
        hasRecords = r.totals.records > 0
        daysCovered = r.period.daysCovered
        days = r.period.days
        previousID = r.previousPeriod.id
        compared = ComparedView(r)
        timezone = r.settings.timezone
        costAttribution = r.settings.costAttribution
        let t = r.totals, p = r.previousTotals, d = r.totalsChange
        // Without a comparison (spec §12) no change is shown: the previous figures are incomplete.
        let comparable = compared.comparable
        func versus(_ text: String) -> String { comparable ? text : "–" }
        summary = SummaryRows(
            spend: SummaryRow(current: Format.usd(t.spend), previous: Format.usd(p.spend),
                       change: ChangeText.describe(r.change)),
            runs: SummaryRow(current: Format.count(t.runs), previous: Format.count(p.runs),
                       change: versus(ChangeText.count(d.runs))),
            records: SummaryRow(current: Format.count(t.records), previous: Format.count(p.records),
                       change: versus(ChangeText.count(d.records))),
            hours: SummaryRow(current: Format.hours(t.hours), previous: Format.hours(p.hours),
                       change: versus(ChangeText.hours(d.hours))),
            onDemandEquivalent: SummaryRow(current: Format.usd(t.onDemandEquivalent),
                       previous: Format.usd(p.onDemandEquivalent), change: versus(Format.signedUSD(d.onDemandEquivalent))),
            realizedSavings: SummaryRow(current: Format.usd(t.realizedSavings),
                       previous: Format.usd(p.realizedSavings), change: versus(Format.signedUSD(d.realizedSavings))),
            savingsRate: SummaryRow(current: t.savingsRate.map(Format.percent) ?? "n/a",
                       previous: p.savingsRate.map(Format.percent) ?? "n/a", change: ""),
            tests: SummaryRow(current: "\(Format.count(t.testsPassed)) / \(Format.count(t.testsFailed))",
                       previous: "\(Format.count(p.testsPassed)) / \(Format.count(p.testsFailed))", change: ""),
            failedRunSpend: SummaryRow(current: Format.usd(t.failedRunSpend),
                       previous: Format.usd(p.failedRunSpend), change: versus(Format.signedUSD(d.failedRunSpend))))
        headline = HeadlineView(r)
        glance = GlanceView(r)
        budget = BudgetView(r.budget)
        let maxTrend = r.trend.map(\.spend).max() ?? 0
        trend = r.trend.map { TrendRow(week: $0.week, start: $0.start, spend: Format.usd($0.spend), bar: Bar.of($0.spend, max: maxTrend)) }
        hasTrend = r.trend.contains { $0.spend > 0 }
        breakdowns = BreakdownSection.sections(for: r, links: links)
        dataQuality = QualityView(r.dataQuality)
        efficiency = EfficiencyView(r.efficiency)
        savings = SavingsView(r, runURL: links.run)
    }

}

/// What a report's change is measured against (spec §12, like for like), for the templates: the
/// previous period, the last day of its compared window when that is cut short, or why there is none.
struct ComparedView: TemplateFields {
    let comparable: Bool
    let previous: String
    /// The window is the first days of the previous period, ending on `windowEnd`.
    let partial: Bool
    let windowEnd: String
    /// The first day of data, named when there is no comparison.
    let dataStarts: String

    init(_ r: Report) {
        let w = r.totals.comparison?.previousPeriod
        comparable = w?.comparable ?? true
        previous = r.previousPeriod.id
        partial = w?.partial ?? false
        windowEnd = w?.end ?? r.previousPeriod.end
        dataStarts = w?.dataStarts ?? "no day"
    }
}

/// The figures of the one sentence a report opens with (also the feed entry's summary).
struct HeadlineView: TemplateFields {
    let spend: String
    let runs: String
    let oneRun: Bool
    /// The change against the previous period, shown unless both periods are empty.
    let showChange: Bool
    let change: String
    let compared: ComparedView
    let saved: Bool
    let savings: String

    init(_ r: Report) {
        spend = Format.usd(r.totals.spend)
        runs = Format.count(r.totals.runs)
        oneRun = r.totals.runs == 1
        showChange = r.previousTotals.spend > 0 || r.totals.spend > 0
        change = ChangeText.describe(r.change)
        compared = ComparedView(r)
        saved = r.totals.realizedSavings != 0
        savings = Format.usd(r.totals.realizedSavings)
    }
}

/// The Summary table's rows by name: the template labels them.
struct SummaryRows: TemplateFields {
    let spend, runs, records, hours, onDemandEquivalent, realizedSavings, savingsRate, tests, failedRunSpend: SummaryRow
}

struct SummaryRow: TemplateFields {
    let current: String
    let previous: String
    let change: String
}

struct TrendRow: TemplateFields {
    let week: String
    let start: String
    let spend: String
    let bar: String
}

enum ChangeText {
    /// `+$134.56 (+12.2%)`, `+$134.56 (new)` when the compared window had no spend, `–` without
    /// a comparison (the window starts before the data; `ComparedView` says so in words).
    static func describe(_ c: Change) -> String {
        guard let spend = c.spend else { return "–" }
        guard let p = c.percent else { return spend == 0 ? "no change" : "\(Format.signedUSD(spend)) (new)" }
        return "\(Format.signedUSD(spend)) (\(Format.signedPercent(p)))"
    }

    static func count(_ delta: Int) -> String { delta > 0 ? "+" + Format.count(delta) : Format.count(delta) }

    static func hours(_ delta: Double) -> String {
        let text = Format.hours(delta)
        return delta > 0 && text != "0.0" ? "+" + text : text
    }
}

/// A text bar for Markdown tables, so a trend reads at a glance even in a PR comment.
enum Bar {
    static func of(_ value: Double, max: Double, width: Int = 20) -> String {
        guard max > 0, value > 0 else { return "" }
        let n = Int(saturating: (Swift.min(value, max) / max * Double(width)).rounded(.toNearestOrAwayFromZero))
        return String(repeating: "█", count: Swift.max(1, n))
    }
}

/// The block a weekly or monthly page opens with (issue 13 part 2): what changed, the biggest
/// movers, the budget, the top opportunity and the data-quality warnings, with links to the
/// sections below (`partials/at-a-glance.mustache`).
struct GlanceView: TemplateFields {
    let movers: [MoverRow]
    let hasMovers: Bool
    let topAction: TopActionRow?
    let warnings: String
    let oneWarning: Bool
    let hasWarnings: Bool
    /// Sections present, for the table of contents (anchors as `HeadingAnchors` makes them).
    let budgetAnchor: String
    let hasEfficiency: Bool

    init(_ r: Report) {
        movers = r.movers.enumerated().map { i, m in MoverRow(m, last: i == r.movers.count - 1) }
        hasMovers = !movers.isEmpty
        topAction = r.opportunities.topActions.first.map(TopActionRow.init)
        warnings = Format.count(r.dataQuality.warnings.count)
        oneWarning = r.dataQuality.warnings.count == 1
        hasWarnings = !r.dataQuality.warnings.isEmpty
        budgetAnchor = "budget-" + r.budget.month
        hasEfficiency = !r.efficiency.isEmpty
    }
}

struct MoverRow: TemplateFields {
    /// The dimension in words (`instance type`), the key and the change (`+$120.00`).
    let dimension: String
    let key: String
    let change: String
    let spend: String
    let previousSpend: String
    let last: Bool

    init(_ m: Mover, last: Bool) {
        dimension = BreakdownSection.layout.first { $0.dimension == m.dimension }?.keyLabel.lowercased() ?? m.dimension.rawValue
        key = m.key
        change = Format.signedUSD(m.change)
        spend = Format.usd(m.spend)
        previousSpend = Format.usd(m.previousSpend)
        self.last = last
    }
}

struct TopActionRow: TemplateFields {
    let isInstanceType: Bool
    let key: String
    let action: String
    let potential: String

    init(_ a: TopAction) {
        isInstanceType = a.subject == .instanceType
        key = a.key
        action = a.action
        potential = Format.usd(a.potential)
    }
}
