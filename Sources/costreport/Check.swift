import ArgumentParser
import CostModel
import Foundation

/// `costreport check`: a CI gate on the budget. Exit 0 when the month-to-date status, the
/// projected status and the daily alerts are within `--fail-on`, 1 with one line per problem
/// otherwise, 2 for usage and input errors (see `CostReport.main`).
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exit 1 when the budget needs attention (for CI); print one line per problem.",
        discussion: """
            Exit codes: 0 within the --fail-on level (one OK line on stdout), 1 one line per problem \
            on stdout, 2 usage or input error (one line on stderr).

            Levels: a budget status (month to date or projected) is a problem when it is at or above \
            the level, in the order WARNING < CRITICAL < OVER: --fail-on warning fails on WARNING, \
            CRITICAL and OVER; critical (the default) on CRITICAL and OVER; over on OVER only. \
            Days above the daily alert are problems at --fail-on warning only.

            The budget checked is the month of the as-of date (the latest record's day unless \
            --as-of says otherwise). With --period P (and no --as-of) the as-of date becomes P's \
            last day (or the latest record's day, if earlier) and only the alert days inside P count.
            """)

    /// Exit code for usage and input errors (ArgumentParser's default for usage is 64).
    static let usageErrorCode: Int32 = 2

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case warning, critical, over

        /// True when `status` is at or above this level.
        func includes(_ status: BudgetStatus) -> Bool { FailOn.rank(status) >= rank }

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

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp("Check the budget as of this period's end: an ISO week (2026-W48), a month (2026-11) or a range (2026-10-01..2026-11-30). Default: the month of the as-of date.", valueName: "period"))
    var period: String?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Lowest status that fails: warning, critical or over. Daily alerts fail at warning only.", valueName: "level"))
    var failOn: FailOn = .critical

    func validate() throws {
        if let period, Period(parsing: period) == nil {
            throw ValidationError("--period '\(period)' is not a period: use 2026-W48, 2026-11 or 2026-10-01..2026-11-30")
        }
    }

    func run() async throws {
        let console = Console(quiet: true)
        let chosen = period.flatMap(Period.init(parsing:))
        let budget: Budget
        do {
            let p = try Pipeline.load(input, progress: console, defaultAsOf: { latest in
                guard let chosen else { return latest }
                return max(chosen.start, min(latest, chosen.end))
            })
            budget = p.analyzer.report(for: chosen ?? .month(containing: p.asOf), asOf: p.asOf).budget
        } catch {
            throw Console.fail(error, exitCode: Check.usageErrorCode)
        }
        let result = Check.evaluate(budget, failOn: failOn, within: chosen)
        Console.write(result.lines.joined(separator: "\n") + "\n")
        if !result.ok { throw ExitCode(1) }
    }

    /// The problem lines (or the one OK line) for `budget` at level `failOn`.
    static func evaluate(_ b: Budget, failOn: FailOn, within period: Period?) -> (ok: Bool, lines: [String]) {
        let monthly = Format.usd(b.monthly)
        let mtd = "month to date \(Format.usd(b.monthToDate)) is \(Format.percent(b.share)) of \(monthly) (\(b.status.rawValue))"
        let projected = "\(Format.usd(b.projected)) by the month's end is \(Format.percent(b.projectedShare)) of \(monthly) (\(b.projectedStatus.rawValue))"
        let alerts = b.alertDays.filter { day in
            guard let period, let d = Day(iso: day.day) else { return true }
            return period.contains(d)
        }

        var problems: [String] = []
        if failOn.includes(b.status) { problems.append("budget \(b.month): \(mtd)") }
        if failOn.includes(b.projectedStatus) { problems.append("projected \(b.month): \(projected)") }
        if failOn == .warning {
            for day in alerts {
                problems.append("daily alert \(day.day): \(Format.usd(day.spend)) spent, above the daily alert of \(Format.usd(b.dailyAlert))")
            }
        }
        if !problems.isEmpty { return (false, problems) }

        let alertText: String
        switch (alerts.count, failOn) {
        case (0, _): alertText = "no day above the daily alert of \(Format.usd(b.dailyAlert))"
        case (let n, .warning): alertText = "\(n) \(n == 1 ? "day" : "days") above the daily alert"
        case (let n, _): alertText = "\(n) \(n == 1 ? "day" : "days") above the daily alert of \(Format.usd(b.dailyAlert)) (a problem at --fail-on warning only)"
        }
        return (true, ["OK at --fail-on \(failOn.rawValue): budget \(b.month) \(mtd), projected \(projected); \(alertText)"])
    }
}
