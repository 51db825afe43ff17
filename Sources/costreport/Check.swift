import ArgumentParser
import CostModel
import CostPipeline

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

            Stale data fails too: without --as-of, when the latest record is more than \
            --max-data-age days before today (the clock's, or --today), one more problem line says so.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Check the budget as of this period's end: an ISO week (2026-W48), a month (2026-11) or a range (2026-10-01..2026-11-30). Default: the month of the as-of date.", valueName: "period"), transform: Parse.period)
    var period: Period?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Lowest status that fails: warning, critical or over. Daily alerts fail at warning only.", valueName: "level"))
    var failOn: CheckJob.Level = .critical

    @Option(name: .customLong("max-data-age"), help: ArgumentHelp("Fail when the latest record is more than DAYS days before today (not applied with --as-of).", valueName: "days"))
    var maxDataAge: Int = CheckJob.defaultMaxDataAge

    func validate() throws {
        guard (0...3650).contains(maxDataAge) else {
            throw ValidationError("--max-data-age \(maxDataAge) is not a number of days from 0 to 3650")
        }
    }

    func run() async throws {
        let outcome: CheckJob.Outcome
        do {
            outcome = try CheckJob(inputs: input.settings(), period: period, level: failOn, maxDataAge: maxDataAge)
                .run(progress: common.console.progress)
        } catch {
            throw Console.fail(error)
        }
        Console.write(outcome.lines.joined(separator: "\n") + "\n")
        if !outcome.passes { throw ExitCode(1) }
    }
}

extension CheckJob.Level: ExpressibleByArgument {}
