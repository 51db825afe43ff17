import ArgumentParser
import CostDemo
import CostModel

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic sample benchmarks.db in the team's schema (deterministic).",
        discussion: "AWS and GCP instances from the pricing catalog, spot and on-demand, several developers, suites, branches and PRs, and a few bad rows. The same options always give the same file.")

    @Option(name: .long, help: ArgumentHelp("Database file to write (replaced if it exists).", valueName: "file"))
    var out: String = "benchmarks.db"

    @Option(name: .long, help: "Number of records.")
    var records: Int = DemoOptions().records

    @Option(name: .long, help: "Number of ISO weeks of history, ending with --end-date.")
    var weeks: Int = DemoOptions().weeks

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = DemoOptions().seed

    @Option(name: .customLong("end-date"), help: ArgumentHelp("Last day with runs (YYYY-MM-DD).", valueName: "date"))
    var endDate: String = DemoOptions().endDate.iso

    func validate() throws {
        guard records > 0 else { throw ValidationError("--records must be at least 1") }
        guard (1...520).contains(weeks) else { throw ValidationError("--weeks must be between 1 and 520") }
        guard Day(iso: endDate) != nil else { throw ValidationError("--end-date '\(endDate)' is not a date: use YYYY-MM-DD") }
    }

    func run() async throws {
        let console = Console()
        var options = DemoOptions()
        options.records = records
        options.weeks = weeks
        options.seed = seed
        options.endDate = Day(iso: endDate)!
        do {
            let summary = try DemoDatabase.write(to: out, options: options, progress: { console.say($0) })
            console.say("wrote \(out): \(summary.records) records in \(summary.runs) runs, \(summary.firstDay.iso) to \(summary.lastDay.iso), \(summary.badRows) deliberately bad rows")
        } catch {
            throw Console.fail(error)
        }
    }
}
