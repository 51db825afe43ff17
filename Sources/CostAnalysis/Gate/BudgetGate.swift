import CostModel

/// `costreport check`'s decision (and any later gate's): which of a budget's statuses and alert
/// days are problems at a level. Pure; the wording is the render layer's (`BudgetGateText`).
public struct BudgetGate: Sendable, Equatable {
    /// The lowest status that fails, in the order WARNING < CRITICAL < OVER. Daily alerts are
    /// problems at `warning` only.
    public enum Level: String, Sendable, CaseIterable {
        case warning, critical, over

        /// True when `status` is at or above this level.
        public func includes(_ status: BudgetStatus) -> Bool { Self.rank(status) >= rank }

        private var rank: Int {
            switch self {
            case .warning: return 1
            case .critical: return 2
            case .over: return 3
            }
        }

        private static func rank(_ status: BudgetStatus) -> Int {
            switch status {
            case .ok: return 0
            case .warning: return 1
            case .critical: return 2
            case .over: return 3
            }
        }
    }

    public let budget: Budget
    public let level: Level
    /// Alert days that count: those inside the checked period (all of the month without one).
    public let alertDays: [AlertDay]
    public let monthToDateFails: Bool
    public let projectionFails: Bool

    /// Alert days fail only at `warning`.
    public var alertsFail: Bool { level == .warning && !alertDays.isEmpty }
    public var passes: Bool { !monthToDateFails && !projectionFails && !alertsFail }

    public init(_ budget: Budget, level: Level, within period: Period?) {
        self.budget = budget
        self.level = level
        alertDays = budget.alertDays.filter { day in
            guard let period else { return true }
            // ISO days (YYYY-MM-DD) order as text; the period's ends are spelled the same way.
            return day.day >= period.start.iso && day.day <= period.end.iso
        }
        monthToDateFails = level.includes(budget.status)
        projectionFails = level.includes(budget.projectedStatus)
    }
}
