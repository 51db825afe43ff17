import CostModel

/// The index dashboard (`dashboard.html.mustache`): one screen answering "are we on budget, what
/// changed, what should we do". An HTML template, so every text is escaped by Mustache (`{{x}}`);
/// only the chart strings, built by `Charts` (which escape their own text), are placed raw.
/// Every figure is pre-formatted here; the template only places them.
struct DashboardView: TemplateFields {
    let title: String
    let asOf: String
    let budget: DashboardBudget
    let trend: DashboardTrend
    let opportunities: DashboardOpportunities
    let checklist: DashboardChecklist
    let breakdown: DashboardBreakdown
    let quality: DashboardQuality

    init(_ o: SiteOverview) {
        title = "Cloud test spend"
        asOf = o.asOf
        budget = DashboardBudget(o.currentMonth)
        trend = DashboardTrend(o.currentWeek)
        opportunities = DashboardOpportunities(week: o.currentWeek, month: o.currentMonth)
        checklist = DashboardChecklist(o.currentWeek.checklist)
        breakdown = DashboardBreakdown(o.currentMonth)
        quality = DashboardQuality(o.currentWeek.dataQuality)
    }
}

/// `status-ok`, `status-warning`…: a class for colour; the word itself is always shown too.
enum StatusClass {
    static func of(_ s: BudgetStatus) -> String { "status-" + s.rawValue.lowercased() }
}

struct DashboardBudget: TemplateFields {
    let month: String
    let monthHref: String
    let status: String
    let statusClass: String
    let monthToDate: String
    let monthly: String
    let share: String
    let projected: String
    let projectedShare: String
    let projectedStatus: String
    let projectedStatusClass: String
    let daysElapsed: String
    let daysInMonth: String
    let alertDays: String
    let dailyAlert: String
    /// False for the default budget / alert (not in costreport.yml): the template says so.
    let monthlyConfigured: Bool
    let dailyAlertConfigured: Bool
    let chart: String

    init(_ month: Report) {
        let b = month.budget
        self.month = b.month
        monthHref = SitePaths.stem(month.period.kind, id: month.period.id) + ".html"
        status = StatusText.label(b.status)
        statusClass = StatusClass.of(b.status)
        monthToDate = Format.usd(b.monthToDate)
        monthly = Format.usd(b.monthly)
        share = Format.percent(b.share)
        projected = Format.usd(b.projected)
        projectedShare = Format.percent(b.projectedShare)
        projectedStatus = StatusText.label(b.projectedStatus)
        projectedStatusClass = StatusClass.of(b.projectedStatus)
        daysElapsed = Format.count(b.daysElapsed)
        daysInMonth = Format.count(b.daysInMonth)
        let count = b.alertDays.count
        alertDays = count == 1 ? "1 day" : "\(Format.count(count)) days"
        dailyAlert = Format.usd(b.dailyAlert)
        monthlyConfigured = b.monthlyConfigured
        dailyAlertConfigured = b.dailyAlertConfigured
        // Rows are sorted by spend in the model; the chart needs calendar order.
        let days = month.breakdowns.day.sorted { $0.key < $1.key }.map { (day: $0.key, spend: $0.spend) }
        chart = Charts.burnDown(days: days, budget: b.monthly, daysInMonth: b.daysInMonth,
                                projected: b.projected, id: "chart-burn")
    }
}

struct DashboardTrend: TemplateFields {
    let week: String
    let weekHref: String
    let spend: String
    let change: String
    let compared: ComparedView
    let chart: String

    init(_ week: Report) {
        self.week = week.period.id
        weekHref = SitePaths.stem(week.period.kind, id: week.period.id) + ".html"
        spend = Format.usd(week.totals.spend)
        change = ChangeText.describe(week.change)
        compared = ComparedView(week)
        chart = Charts.trend(week.trend, id: "chart-trend")
    }
}

struct DashboardOpportunities: TemplateFields {
    /// `this month (2026-11)` or `this week (2026-W48)`.
    /// Which report the card shows: this week's or this month's.
    let isWeek: Bool
    let periodID: String
    let href: String
    let spot: DashboardOpportunityRow
    let rightSize: DashboardOpportunityRow
    let region: DashboardOpportunityRow
    let combined: DashboardOpportunityRow
    let hasPotential: Bool
    let actions: [DashboardAction]
    let hasActions: Bool
    /// No potential: because there was no spend (else nothing could move).
    let hasSpend: Bool

    /// The month to date when it has something to save, else the week.
    init(week: Report, month: Report) {
        func anyPotential(_ r: Report) -> Bool {
            let o = r.opportunities
            return [o.spot, o.rightSize, o.region, o.combined].contains { $0.potential > 0 }
        }
        let r = anyPotential(month) || !anyPotential(week) ? month : week
        isWeek = r.period.kind == .week
        periodID = r.period.id
        href = SitePaths.stem(r.period.kind, id: r.period.id) + ".html"
        let o = r.opportunities
        spot = DashboardOpportunityRow(o.spot)
        rightSize = DashboardOpportunityRow(o.rightSize)
        region = DashboardOpportunityRow(o.region)
        combined = DashboardOpportunityRow(o.combined)
        hasPotential = anyPotential(r)
        // Ranked by the analysis (`Opportunities.topActions`); the card shows them as they come.
        let actions = o.topActions.map {
            DashboardAction(isInstanceType: $0.subject == .instanceType, key: $0.key,
                            action: $0.action, potential: Format.usd($0.potential))
        }
        self.actions = actions
        hasActions = !actions.isEmpty
        hasSpend = r.totals.spend > 0
    }
}

struct DashboardOpportunityRow: TemplateFields {
    let potential: String
    let share: String

    init(_ o: Opportunity) { potential = Format.usd(o.potential); share = Format.percent(o.share) }
}

struct DashboardAction: TemplateFields {
    /// An instance type, else a suite.
    let isInstanceType: Bool
    let key: String
    let action: String
    let potential: String
}

struct DashboardChecklist: TemplateFields {
    let href: String
    let itemCount: String
    let oneItem: Bool
    let presentCounts: [StatusCount]
    let statusCounts: [StatusCount]
    let items: [DashboardChecklistItem]
    let hasItems: Bool

    init(_ checklist: [ChecklistItem]) {
        href = SitePaths.checklist
        let view = ChecklistView(checklist)
        itemCount = view.itemCount
        oneItem = view.oneItem
        presentCounts = view.presentCounts
        statusCounts = view.statusCounts
        items = checklist.map {
            DashboardChecklistItem(id: String($0.id), title: $0.title, status: ChecklistStatusText.word($0),
                                   statusClass: "check-" + $0.status.rawValue)
        }
        hasItems = !items.isEmpty
    }
}

struct DashboardChecklistItem: TemplateFields {
    let id: String
    let title: String
    let status: String
    let statusClass: String
}

struct DashboardBreakdown: TemplateFields {
    let month: String
    let providerChart: String
    let instanceChart: String

    init(_ month: Report) {
        self.month = month.period.id
        providerChart = Charts.bars(month.breakdowns.provider, title: "Spend by provider, \(month.period.id)",
                                    limit: 4, id: "chart-provider")
        instanceChart = Charts.bars(month.breakdowns.instanceType, title: "Spend by instance type, \(month.period.id)",
                                    limit: 5, id: "chart-instance")
    }
}

struct DashboardQuality: TemplateFields {
    let warnings: String
    let hasWarnings: Bool
    let rejected: String
    let read: String
    let href: String

    init(_ q: DataQuality) {
        let count = q.warnings.count
        warnings = count == 1 ? "1 warning" : "\(Format.count(count)) warnings"
        hasWarnings = count > 0
        rejected = Format.count(q.rejected.values.reduce(0, +))
        read = Format.count(q.read)
        href = "#data-quality"
    }
}

/// The charts at the top of a weekly or monthly page: the 12-week trend and spend by provider.
/// The same figures are in the Markdown tables below (the accessible version).
struct ReportChartsView: TemplateFields {
    let trend: String
    let providers: String

    init(_ r: Report) {
        trend = Charts.trend(r.trend, id: "chart-trend")
        providers = Charts.bars(r.breakdowns.provider, title: "Spend by provider, \(r.period.id)", limit: 6,
                                id: "chart-provider")
    }
}
