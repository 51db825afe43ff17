import CostModel

/// Spec §6 and §12: month-to-date spend against the monthly budget, the projection, per-developer
/// allocations and the days above the daily alert. Always about the as-of date's month, whatever
/// period the report covers.
enum BudgetCalculator {
    static let shared = "shared"

    static func budget(timeline: Timeline, labels: Labels, config: BudgetConfig, asOf: Day) -> Budget {
        let month = Period.month(containing: asOf)
        let daysElapsed = asOf.dayOfMonth
        let daysInMonth = month.dayCount

        // Month to date, and each developer's share of it.
        var monthToDate = 0.0
        var byDeveloper: [StringID: Double] = [:]
        for i in timeline.recordIndices(from: month.start, through: asOf) {
            let r = timeline.records[i]
            monthToDate += r.cost
            byDeveloper[labels.developerKey(r.developer), default: 0] += r.cost
        }
        var spendByName: [String: Double] = [:]
        for (id, spend) in byDeveloper { spendByName[labels.developer(id)] = spend }

        // Projection = MTD / days elapsed (inclusive) × days in month.
        let projected = monthToDate / Double(daysElapsed) * Double(daysInMonth)
        let (share, status) = judge(spend: monthToDate, against: config.monthly, config: config)
        let (projectedShare, projectedStatus) = judge(spend: projected, against: config.monthly, config: config)

        let developers = developerBudgets(spendByName: spendByName, config: config)

        // Days of the month up to as-of whose spend is strictly above the daily alert.
        var alertDays: [AlertDay] = []
        for d in timeline.dayIndices(from: month.start, through: asOf) where timeline.daySpend[d] > config.dailyAlert {
            alertDays.append(AlertDay(day: timeline.days[d].iso, spend: timeline.daySpend[d]))
        }

        var budget = Budget(monthly: config.monthly, preset: config.preset, month: month.id, daysElapsed: daysElapsed,
                            daysInMonth: daysInMonth, monthToDate: monthToDate, share: share ?? 0,
                            projected: projected, projectedShare: projectedShare ?? 0,
                            status: status, projectedStatus: projectedStatus, warnAt: config.warnAt,
                            criticalAt: config.criticalAt, dailyAlert: config.dailyAlert,
                            developers: developers, alertDays: alertDays)
        budget.monthlyConfigured = config.monthlyConfigured
        budget.dailyAlertConfigured = config.dailyAlertConfigured
        return budget
    }

    /// Share and status of a spend against a limit. A limit of 0 (or less) has no share: nothing
    /// spent is OK, anything spent is OVER.
    static func judge(spend: Double, against limit: Double, config: BudgetConfig) -> (Double?, BudgetStatus) {
        guard limit > 0 else { return (nil, spend > 0 ? .over : .ok) }
        let share = spend / limit
        return (share, BudgetStatus(share: share, warnAt: config.warnAt, criticalAt: config.criticalAt))
    }

    /// Every allocated developer in config order (spend 0 if none), then `shared`: everyone without an
    /// allocation, `(unattributed)` included, with the rest of the budget unless `shared` is allocated.
    static func developerBudgets(spendByName: [String: Double], config: BudgetConfig) -> [DeveloperBudget] {
        var seen = Set<String>()
        let allocations = config.allocations.filter { seen.insert($0.developer).inserted }
        let named = allocations.filter { $0.developer != shared }
        let namedSet = Set(named.map(\.developer))

        var rows = named.map { a -> DeveloperBudget in
            let spend = spendByName[a.developer] ?? 0
            let (share, status) = judge(spend: spend, against: a.monthly, config: config)
            return DeveloperBudget(key: a.developer, allocation: a.monthly, spend: spend, share: share,
                                   status: status, members: [])
        }

        let members = spendByName.keys.filter { !namedSet.contains($0) }.sorted()
        let sharedSpend = members.reduce(0.0) { $0 + (spendByName[$1] ?? 0) }
        let sharedAllocation = allocations.first { $0.developer == shared }?.monthly
            ?? max(0, config.monthly - named.reduce(0.0) { $0 + $1.monthly })
        let (share, status) = judge(spend: sharedSpend, against: sharedAllocation, config: config)
        rows.append(DeveloperBudget(key: shared, allocation: sharedAllocation, spend: sharedSpend, share: share,
                                    status: status, members: members))
        return rows
    }
}
