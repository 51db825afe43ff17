import CostModel

struct BudgetView: TemplateFields {
    let month: String
    let monthly: String
    let preset: String?
    let monthToDate: String
    let share: String
    let status: String
    let projected: String
    let projectedShare: String
    let projectedStatus: String
    let daysElapsed: Int
    let daysInMonth: Int
    let warnAt: String
    let criticalAt: String
    let dailyAlert: String
    /// False for the default budget / alert (not in costreport.yml): the template says so.
    let monthlyConfigured: Bool
    let dailyAlertConfigured: Bool
    let developers: [DeveloperRow]
    let hasDevelopers: Bool
    let alertDays: [AlertRow]
    let hasAlertDays: Bool
    let alertDayCount: Int

    init(_ b: Budget) {
        month = b.month
        monthly = Format.usd(b.monthly)
        preset = b.preset
        monthToDate = Format.usd(b.monthToDate)
        share = Format.percent(b.share)
        status = StatusText.label(b.status)
        projected = Format.usd(b.projected)
        projectedShare = Format.percent(b.projectedShare)
        projectedStatus = StatusText.label(b.projectedStatus)
        daysElapsed = b.daysElapsed
        daysInMonth = b.daysInMonth
        warnAt = Format.percent(b.warnAt)
        criticalAt = Format.percent(b.criticalAt)
        dailyAlert = Format.usd(b.dailyAlert)
        monthlyConfigured = b.monthlyConfigured
        dailyAlertConfigured = b.dailyAlertConfigured
        developers = b.developers.map {
            DeveloperRow(key: $0.key, allocation: Format.usd($0.allocation), spend: Format.usd($0.spend),
                         share: $0.share.map(Format.percent) ?? "n/a", status: StatusText.label($0.status),
                         members: $0.members.joined(separator: ", "), hasMembers: !$0.members.isEmpty)
        }
        hasDevelopers = !developers.isEmpty
        alertDays = b.alertDays.map { AlertRow(day: $0.day, spend: Format.usd($0.spend)) }
        hasAlertDays = !alertDays.isEmpty
        alertDayCount = alertDays.count
    }
}

struct DeveloperRow: TemplateFields {
    let key: String
    let allocation: String
    let spend: String
    let share: String
    let status: String
    let members: String
    let hasMembers: Bool
}

struct AlertRow: TemplateFields {
    let day: String
    let spend: String
}

enum StatusText {
    /// The plain word: it reads the same in a PR, a terminal and a browser without emoji fonts.
    static func label(_ s: BudgetStatus) -> String { s.rawValue }
}
