import CostModel

/// `Dataset + Catalog + Config → Report` (spec §3–§6, §9, §10, §12). Pure and deterministic: no
/// files, no clock, no locale; every list in the output is sorted, never in dictionary order.
///
/// Built once per dataset: the constructor groups the records by day and computes the data-quality
/// figures in one pass, so each `report(for:asOf:)` only reads the records of its period, the
/// previous period, the trend's 12 weeks and the budget month.
public struct Analyzer: Sendable {
    /// Internal, not private: the exports (`Export/`) slice a period's records the same way.
    let timeline: Timeline
    let labels: Labels
    private let qualityBase: QualityBase
    private let ingestQuality: IngestQuality
    private let recordCount: Int
    /// Internal, not private: performance per dollar (`Efficiency/`) prices instances with it.
    let catalog: Catalog
    /// Internal, not private: a pull request's report (`PullRequest/`) reads the same per-record savings.
    let config: Config
    let savings: SavingsIndex
    /// Performance samples by day (spec §13).
    let efficiency: EfficiencyIndex
    private let inventory: Inventory?
    private var publicationLog: PublicationLog?

    /// `inventory` (checklist item 10) and `publicationLog` (item 8): without them those items are unknown.
    public init(dataset: Dataset, catalog: Catalog, config: Config, inventory: Inventory? = nil,
                publicationLog: PublicationLog? = nil) {
        timeline = Timeline(records: dataset.records)
        labels = Labels(strings: dataset.strings)
        qualityBase = QualityBase(records: timeline.records, labels: labels)
        ingestQuality = dataset.quality
        recordCount = dataset.records.count
        self.catalog = catalog
        self.config = config
        savings = SavingsIndex(records: timeline.records, labels: labels, catalog: catalog, config: config)
        efficiency = EfficiencyIndex(samples: dataset.samples)
        self.inventory = inventory
        self.publicationLog = publicationLog
    }

    /// The same analysis seeing `log` as the site's publication log (checklist item 8). The log
    /// depends on the as-of date, which without `--as-of` is `latestDay`, known only once the
    /// analyzer exists; the copy shares every computed table.
    public func seeing(publicationLog log: PublicationLog?) -> Analyzer {
        var copy = self
        copy.publicationLog = log
        return copy
    }

    /// Default as-of date: the local day of the latest record (never the wall clock); nil for an empty dataset.
    public var latestDay: Day? { timeline.days.last }

    /// The local day of the first record; nil for an empty dataset.
    public var firstDay: Day? { timeline.days.first }

    /// The latest day with records on or before `day`; nil when every record is later.
    public func latestDay(onOrBefore day: Day) -> Day? {
        timeline.days.last { $0 <= day }
    }

    /// Accepted records whose day lies after `day` (future-dated records, for warnings).
    public func recordCount(after day: Day) -> Int { timeline.count(after: day) }

    /// The report of one period as seen on `asOf`: records after as-of count only in data quality.
    public func report(for period: Period, asOf: Day) -> Report {
        let last = min(period.end, asOf)

        let indices = timeline.recordIndices(from: period.start, through: last)
        var current = PeriodAccumulator(labels: labels, runsContiguous: timeline.runsContiguous,
                                        span: timeline.runSpan(indices))
        var opportunities = SavingsAccumulator(index: savings, config: config)
        var bestValue = BestValueTally()
        for i in indices {
            let r = timeline.records[i], s = savings.savings(at: i, of: r)
            current.add(r, ordinal: timeline.runOrdinals[i])
            opportunities.add(r, s)
            bestValue.add(r, s, index: savings)
        }
        let days = period.start <= last ? (0...(last - period.start)).map { period.start.adding(days: $0) } : []

        // Like for like (spec §12): a period cut short by as-of against the same days of the previous one.
        let previousPeriod = period.previous
        let window = ComparedWindow(period, asOf: asOf, firstDay: timeline.days.first)
        let previousIndices = timeline.recordIndices(from: window.start, through: min(window.end, asOf))
        var previous = TotalsAccumulator(runsContiguous: timeline.runsContiguous, span: timeline.runSpan(previousIndices))
        var movers = MoverTally(labels: labels)
        for i in previousIndices {
            previous.add(timeline.records[i], ordinal: timeline.runOrdinals[i])
            movers.add(timeline.records[i])
        }

        var totals = current.totals
        let previousTotals = previous.totals
        let change = Change.between(totals.spend, previous: previousTotals.spend, comparable: window.comparable)
        totals.comparison = TotalsComparison(previousPeriod: window.info(spend: previousTotals.spend), change: change)
        let settings = ReportSettings(timezone: config.timezone, costAttribution: config.costAttribution.rawValue)
        let breakdowns = current.breakdowns(days: days)
        let savingsReport = SavingsReport(opportunities, index: savings, labels: labels, catalog: catalog, config: config,
                                          inventory: inventory, publicationLog: publicationLog, asOf: asOf)
        var report = Report(
            asOf: asOf.iso,
            period: PeriodInfo(period, asOf: asOf),
            previousPeriod: PeriodInfo(previousPeriod, asOf: asOf),
            totals: totals,
            previousTotals: previousTotals,
            change: change,
            totalsChange: .between(totals, previous: previousTotals),
            breakdowns: breakdowns,
            breakdownsOmitted: .beyond(settings.breakdownRowLimit, of: breakdowns),
            trend: timeline.trend(endingWithWeekOf: last, asOf: asOf),
            budget: BudgetCalculator.budget(timeline: timeline, labels: labels, config: config.budget, asOf: asOf),
            dataQuality: qualityBase.report(quality: ingestQuality, recordCount: recordCount, config: config,
                                            asOf: asOf, afterAsOf: timeline.count(after: asOf)),
            settings: settings,
            opportunities: savingsReport.opportunities, checklist: savingsReport.checklist,
            unusedResources: savingsReport.unusedResources)
        // Over the period's accepted samples, whatever the cost attribution (spec §13).
        report.efficiency = efficiency.rows(from: period.start, through: last, labels: labels, catalog: catalog)
        report.rightSizeBestValue = bestValue.notes(rows: report.efficiency, labels: labels, index: savings)
        if window.comparable { report.movers = movers.movers(current: breakdowns) }
        return report
    }

    /// Weeks and months (up to as-of) that have at least one accepted record, newest first, with totals and change.
    public func periodsWithData(asOf: Day) -> (weeks: [PeriodSummary], months: [PeriodSummary]) {
        timeline.periodSummaries(asOf: asOf)
    }

    /// The site index: this week's and this month's reports, and every week and month with data.
    public func overview(asOf: Day) -> SiteOverview {
        overview(asOf: asOf, currentWeek: report(for: .week(containing: asOf), asOf: asOf),
                 currentMonth: report(for: .month(containing: asOf), asOf: asOf), efficiency: efficiencyPage(asOf: asOf))
    }

    /// The same from the as-of week's and month's reports and the efficiency page, already computed
    /// (the site build computes every period's report anyway).
    public func overview(asOf: Day, currentWeek: Report, currentMonth: Report, efficiency: EfficiencyPage) -> SiteOverview {
        let periods = periodsWithData(asOf: asOf)
        return SiteOverview(asOf: asOf.iso, currentWeek: currentWeek, currentMonth: currentMonth,
                            weeks: periods.weeks, months: periods.months, efficiency: efficiency)
    }
}
