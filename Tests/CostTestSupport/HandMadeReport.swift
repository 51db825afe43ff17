import CostModel

/// Reports built field by field, so a test states exactly the figures a view must show
/// (no analysis involved). Hostile text sits where data can put it: suite and run ids, actions,
/// resource ids, file names. One copy, shared by the render and site tests.
public enum HandMade {
    public static let hostile = "evil|<script>alert(1)</script> **x** [l](javascript:alert(1))"

    public static func item(_ key: String, records: Int, spend: Double, potential: Double, action: String) -> OpportunityItem {
        OpportunityItem(key: key, records: records, spend: spend, potential: potential, action: action)
    }

    public static let spot = Opportunity(
        potential: 812.345, records: 120, spend: 1250.5, share: 0.4321,
        topSuites: [item("suite|\(hostile)", records: 60, spend: 700, potential: 455.5, action: "use spot (d = 65.0%) <b>now</b>"),
                    item("nightly", records: 60, spend: 550.5, potential: 356.845, action: "use spot (d = 65.0%)")],
        topInstanceTypes: [item("p4d.24xlarge", records: 120, spend: 1250.5, potential: 812.345, action: "use spot")],
        topRuns: (1...7).map { item("run-\($0)|\(hostile)", records: 1, spend: 10, potential: Double($0), action: "use spot") })
    public static let rightSize = Opportunity(
        potential: 1500.25, records: 40, spend: 1800, share: 0.7979,
        topSuites: [item("unit", records: 40, spend: 1800, potential: 1500.25, action: "move to g5.xlarge")],
        topInstanceTypes: [item("p5.48xlarge", records: 40, spend: 1800, potential: 1500.25, action: "move to g5.xlarge")],
        topRuns: [])
    public static let region = Opportunity(
        potential: 0, records: 3, spend: 90, share: 0, topSuites: [], topInstanceTypes: [], topRuns: [])
    public static let combined = Opportunity(
        potential: 1999.99, records: 150, spend: 2500, share: 0.9876,
        topSuites: [item("unit", records: 40, spend: 1800, potential: 1650.5, action: "move to g5.xlarge and use spot")],
        topInstanceTypes: [], topRuns: [])

    public static let reserved = [
        ReservedCapacity(provider: "aws", instanceType: "p4d.24xlarge", months: 3, monthIds: ["2026-08", "2026-09", "2026-10"],
                         meanHours: 612.34, utilization: 0.83882, term: "3y", breakEven: 0.45, monthlySavings: 9876.543, terms: []),
        ReservedCapacity(provider: "gcp", instanceType: "a2-highgpu-1g", months: 3, monthIds: ["2026-08", "2026-09", "2026-10"],
                         meanHours: 100.06, utilization: 0.13707, term: nil, breakEven: 0.63, monthlySavings: 0, terms: []),
    ]

    public static let opportunities = Opportunities(spot: spot, rightSize: rightSize, region: region, combined: combined,
                                             offPeakShare: 0.2789, offPeakSpend: 532.1, reserved: reserved,
                                             // One recommended term (aws p4d.24xlarge, 3y) over the rows' three months.
                                             reservedSummary: ReservedSummary(monthIds: ["2026-08", "2026-09", "2026-10"],
                                                                              recommended: 1, monthlySavings: 9876.543),
                                             // By potential: right-size's p5.48xlarge and unit (1,500.25 each,
                                             // instance type first), then spot's p4d.24xlarge (812.345).
                                             topActions: [
                                                TopAction(opportunity: .rightSize, subject: .instanceType, key: "p5.48xlarge",
                                                          records: 40, spend: 1800, potential: 1500.25, action: "move to g5.xlarge"),
                                                TopAction(opportunity: .rightSize, subject: .suite, key: "unit",
                                                          records: 40, spend: 1800, potential: 1500.25, action: "move to g5.xlarge"),
                                                TopAction(opportunity: .spot, subject: .instanceType, key: "p4d.24xlarge",
                                                          records: 120, spend: 1250.5, potential: 812.345, action: "use spot"),
                                             ])

    public static let checklist: [ChecklistItem] = [
        ChecklistItem(id: 1, title: "Spot for non-critical tests", status: .partial, value: 0.62,
                      valueText: "62.0% of non-critical instance-hours on spot", threshold: "done at ≥ 80.0%, partial at ≥ 50.0%",
                      detail: "120.0 of 193.5 instance-hours ran on spot.", toDone: "move 34.8 more instance-hours to spot"),
        ChecklistItem(id: 2, title: "Right-size", status: .done, value: 0.01, valueText: "1.0% of spend oversized",
                      threshold: "done at ≤ 5.0%, partial at ≤ 20.0%", detail: "suite \(hostile) is fine", toDone: ""),
        ChecklistItem(id: 4, title: "Cache weights and kernels", status: .declared, value: nil, valueText: "",
                      threshold: "done at ≥ 80.0%", detail: "declared in costreport.yml", toDone: "", declared: "done"),
        ChecklistItem(id: 9, title: "Reserved capacity", status: .todo, value: 9876.543, valueText: "3-year on p4d.24xlarge saves $9,876.54/month",
                      threshold: "done when no commitment pays off", detail: "see the reserved-capacity table",
                      toDone: "commit to 3-year on p4d.24xlarge"),
        ChecklistItem(id: 10, title: "Clean up unused resources", status: .unknown, value: nil, valueText: "unknown",
                      threshold: "done at none unused, partial at ≤ $50.00/month",
                      detail: "no inventory given: pass --inventory DIR", toDone: "pass --inventory DIR"),
    ]

    public static let unused = UnusedResources(
        inventoryGiven: true,
        items: [UnusedResource(provider: "aws", kind: "volume", id: "vol-1|\(hostile)", location: "us-west-2a",
                               reason: "unattached gp3 volume, 500 GB", sizeGB: 500, monthlyCost: 40),
                UnusedResource(provider: "gcp", kind: "address", id: "ip-idle", location: "us-central1",
                               reason: "RESERVED static address", sizeGB: nil, monthlyCost: 7.3)],
        monthlyCost: 47.3, files: ["aws/volumes.json", "gcp/addresses.json"], unrecognizedFiles: ["notes|\(hostile).json"])

    /// A week report with the given savings, checklist and unused resources.
    public static func report(period: String = "2026-W48", asOf: String = "2026-11-27",
                       opportunities: Opportunities = HandMade.opportunities,
                       checklist: [ChecklistItem] = HandMade.checklist,
                       unused: UnusedResources = HandMade.unused) -> Report {
        let p = Period(parsing: period)!, day = Day(iso: asOf)!
        var totals = Totals()
        totals.records = 200; totals.runs = 50; totals.hours = 321.5; totals.spend = 2025.25
        totals.onDemandEquivalent = 3100.75; totals.realizedSavings = 1075.5; totals.savingsRate = 1075.5 / 3100.75
        let budget = Budget(monthly: 2000, preset: nil, month: "2026-11", daysElapsed: 27, daysInMonth: 30,
                            monthToDate: 1500, share: 0.75, projected: 1666.67, projectedShare: 0.8333,
                            status: .warning, projectedStatus: .warning, warnAt: 0.75, criticalAt: 0.9,
                            dailyAlert: 100, developers: [], alertDays: [])
        let quality = DataQuality(read: 200, accepted: 200, rejected: [:], estimated: 0, estimatedSpend: 0,
                                  inferredMarket: 0, metadataNotObject: 0, unknownInstances: [],
                                  spotAboveOnDemand: SpotAboveOnDemand(), suspectedDoubleCounting: DoubleCounting(),
                                  afterAsOf: 0, costAttribution: "record", warnings: [])
        return Report(asOf: day.iso, period: PeriodInfo(p, asOf: day), previousPeriod: PeriodInfo(p.previous, asOf: day),
                      totals: totals, previousTotals: Totals(), change: Change(spend: totals.spend, percent: nil),
                      // Against an empty previous period every change is the figure itself.
                      totalsChange: TotalsChange(runs: 50, records: 200, hours: 321.5, onDemandEquivalent: 3100.75,
                                                 realizedSavings: 1075.5, failedRunSpend: 0),
                      // No breakdown rows, so no table is cut.
                      breakdowns: Breakdowns(), breakdownsOmitted: BreakdownsOmitted(), trend: [], budget: budget, dataQuality: quality,
                      settings: ReportSettings(timezone: "UTC", costAttribution: "record"),
                      opportunities: opportunities, checklist: checklist, unusedResources: unused)
    }

    public static func overview(_ week: Report, month: Report? = nil) -> SiteOverview {
        let monthReport = month ?? report(period: "2026-11")
        return SiteOverview(asOf: week.asOf, currentWeek: week, currentMonth: monthReport,
                            weeks: [PeriodSummary(id: week.period.id, kind: .week, start: week.period.start, end: week.period.end,
                                                  runs: week.totals.runs, records: week.totals.records, spend: week.totals.spend,
                                                  change: week.change)],
                            months: [PeriodSummary(id: monthReport.period.id, kind: .month, start: monthReport.period.start,
                                                   end: monthReport.period.end, runs: monthReport.totals.runs,
                                                   records: monthReport.totals.records, spend: monthReport.totals.spend,
                                                   change: monthReport.change)])
    }
}
