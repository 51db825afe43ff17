import ArgumentParser
import Foundation

@main
struct CostReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costreport",
        abstract: "Cloud cost reports for GPU/TPU test and benchmark runs.",
        discussion: """
            Reads the benchmarks.db written by the team's Python tooling, prices every run with the \
            pricing catalog, and writes weekly and monthly cost reports in Markdown plus a static HTML site.

            Quick start:
              costreport demo      # writes a realistic sample ./benchmarks.db
              costreport build     # reads ./benchmarks.db, writes ./site/
            """,
        version: "0.1.0",
        subcommands: [Build.self, ReportCommand.self, Check.self, PR.self, Export.self, Demo.self],
        defaultSubcommand: nil
    )

    /// ArgumentParser's own `main`, except that `check` exits 2 (not 64) on a usage error, so a
    /// CI step can tell "over budget" (1) from "called wrongly" (2). `exit(withError:)` is not a
    /// protocol requirement, so overriding it would not be called: the choice is made here.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if arguments.first == "check", exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(Check.usageErrorCode))
            }
            exit(withError: error)
        }
    }
}
