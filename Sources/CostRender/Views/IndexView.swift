import CostModel

/// The site index: this week and this month at a glance, then every period with data.
struct IndexView: TemplateFields {
    let title: String
    let asOf: String
    let week: ReportView
    let month: ReportView
    let weekHref: String
    let monthHref: String
    let weeks: [PeriodLink]
    let months: [PeriodLink]
    let hasWeeks: Bool
    let hasMonths: Bool
    /// The checklist of the current week, one line per item, with the Checklist page's link.
    let checklist: ChecklistView
    let checklistHref: String
    let methodologyHref: String
    let dimensionsHref = SitePaths.dimensions
    let dataHref = SitePaths.data
    let feedHref = SitePaths.feed

    init(_ o: SiteOverview) {
        title = "Cloud test spend"
        asOf = o.asOf
        week = ReportView(o.currentWeek)
        month = ReportView(o.currentMonth)
        weekHref = SitePaths.stem(.week, id: o.currentWeek.period.id) + ".html"
        monthHref = SitePaths.stem(.month, id: o.currentMonth.period.id) + ".html"
        weeks = o.weeks.map(PeriodLink.init)
        months = o.months.map(PeriodLink.init)
        hasWeeks = !weeks.isEmpty
        hasMonths = !months.isEmpty
        checklist = ChecklistView(o.currentWeek.checklist)
        checklistHref = SitePaths.checklist
        methodologyHref = SitePaths.methodology
    }
}

struct PeriodLink: TemplateFields {
    let id: String
    let href: String
    let start: String
    let end: String
    let runs: String
    let spend: String
    let change: String

    init(_ s: PeriodSummary) {
        id = s.id
        href = SitePaths.stem(s.kind, id: s.id) + ".html"
        start = s.start
        end = s.end
        runs = Format.count(s.runs)
        spend = Format.usd(s.spend)
        change = ChangeText.describe(s.change)
    }
}
