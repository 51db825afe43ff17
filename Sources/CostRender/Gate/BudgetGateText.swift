import CostAnalysis
import CostModel

/// The lines `costreport check` prints for a `BudgetGate`: one per problem, or one OK line.
public enum BudgetGateText {
    public static func lines(_ gate: BudgetGate) -> [String] {
        let b = gate.budget
        let monthly = Format.usd(b.monthly)
        let mtd = "month to date \(Format.usd(b.monthToDate)) is \(Format.percent(b.share)) of \(monthly) (\(b.status.rawValue))"
        let projected = "\(Format.usd(b.projected)) by the month's end is \(Format.percent(b.projectedShare)) of \(monthly) (\(b.projectedStatus.rawValue))"

        var problems: [String] = []
        if gate.monthToDateFails { problems.append("budget \(b.month): \(mtd)") }
        if gate.projectionFails { problems.append("projected \(b.month): \(projected)") }
        if gate.alertsFail {
            for day in gate.alertDays {
                problems.append("daily alert \(day.day): \(Format.usd(day.spend)) spent, above the daily alert of \(Format.usd(b.dailyAlert))")
            }
        }
        if !problems.isEmpty { return problems }

        let alertText: String
        switch (gate.alertDays.count, gate.level) {
        case (0, _): alertText = "no day above the daily alert of \(Format.usd(b.dailyAlert))"
        case (let n, .warning): alertText = "\(n) \(n == 1 ? "day" : "days") above the daily alert"
        case (let n, _): alertText = "\(n) \(n == 1 ? "day" : "days") above the daily alert of \(Format.usd(b.dailyAlert)) (a problem at --fail-on warning only)"
        }
        return ["OK at --fail-on \(gate.level.rawValue): budget \(b.month) \(mtd), projected \(projected); \(alertText)"]
    }
}
