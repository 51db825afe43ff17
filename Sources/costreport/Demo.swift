import ArgumentParser
import CostDemo
import Foundation
import CostModel

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic sample benchmarks.db and results folder in the team's shapes (deterministic).",
        discussion: """
            The database: AWS and GCP instances from the pricing catalog, spot and on-demand, several \
            developers, suites, branches and PRs, and a few bad rows. The results folder (--results-out): \
            JSON result files in the four shapes the team's CI uploads (daily/, weekly/, pr/pr-N/, \
            results/YYYYmmdd-HHMMSS/results.json), with one run the database also holds, one file synced \
            twice and one truncated upload. The same options always give the same files; build the site \
            from both with `costreport build --results results`.
            """)

    @Option(name: .long, help: ArgumentHelp("Database file to write (replaced if it exists).", valueName: "file"))
    var out: String = "benchmarks.db"

    @Option(name: .customLong("results-out"), help: ArgumentHelp("Results folder to write (replaced if it exists); \"none\" writes none.", valueName: "dir"))
    var resultsOut: String = "results"

    @Option(name: .long, help: "Number of records.")
    var records: Int = DemoOptions().records

    @Option(name: .long, help: "Number of ISO weeks of history, ending with --end-date.")
    var weeks: Int = DemoOptions().weeks

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = DemoOptions().seed

    @Option(name: .customLong("end-date"), help: ArgumentHelp("Last day with runs (YYYY-MM-DD). Default: \(DemoOptions().endDate.iso).", valueName: "date"), transform: Parse.day)
    var endDate: Day = DemoOptions().endDate

    @OptionGroup var common: CommonOptions

    func validate() throws {
        // The folder must exist: said here, naming it, rather than as SQLite's "unable to open".
        let folder = (out as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard folder.isEmpty || (FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) else {
            throw ValidationError("--out \(out): the folder \(folder) does not exist or is not a folder; create it first")
        }
        guard records > 0 else { throw ValidationError("--records must be at least 1") }
        guard (1...520).contains(weeks) else { throw ValidationError("--weeks must be between 1 and 520") }
    }

    func run() async throws {
        let console = common.console
        var options = DemoOptions()
        options.records = records
        options.weeks = weeks
        options.seed = seed
        options.endDate = endDate
        do {
            let summary = try DemoDatabase.write(to: out, options: options, progress: { console.say($0) })
            console.say("wrote \(out): \(summary.records) records in \(summary.runs) runs, \(summary.firstDay.iso) to \(summary.lastDay.iso), \(summary.badRows) deliberately bad rows")
            if resultsOut != "none" {
                let results = try DemoResults.write(to: resultsOut, options: options)
                console.say("wrote \(resultsOut)/: \(results.files) result files with \(results.runs) more runs, \(results.duplicateFiles) of them runs seen already, \(results.unreadableFiles) truncated upload")
            }
        } catch {
            throw Console.fail(error)
        }
    }
}
