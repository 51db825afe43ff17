import ArgumentParser
import Foundation

@main
struct CostReport: AsyncParsableCommand {
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "costreport",
        abstract: "Cloud cost reports for GPU/TPU test and benchmark runs.",
        discussion: """
            Reads the benchmarks.db written by the team's Python tooling, prices every run with the \
            pricing catalog, and writes weekly and monthly cost reports in Markdown plus a static HTML site.

            Quick start:
              costreport demo      # writes a realistic sample ./benchmarks.db
              costreport build     # reads ./benchmarks.db, writes ./site/

            Exit codes, the same for every subcommand: 0 success; 1 a check that found a problem \
            (check); 2 a usage or input error, reported as one line on stderr: \
            costreport: error: WHAT — HOW TO FIX.
            """,
        version: "costreport \(version)",
        subcommands: [Build.self, ReportCommand.self, Check.self, PR.self, Export.self, Demo.self, Init.self, CatalogCommand.self],
        defaultSubcommand: nil
    )

    /// Exit code for usage and input errors, on every subcommand (ArgumentParser's default for
    /// usage errors is 64): a CI step tells "over budget" (1) from "called wrongly" (2).
    static let usageErrorCode: Int32 = 2

    /// ArgumentParser's own `main`, except that a usage error is one `costreport: error:` line and
    /// exit 2. `exit(withError:)` is not a protocol requirement, so overriding it would not be
    /// called: the choice is made here.
    static func main() async {
        MemoryTuning.mapLargeBlocks()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                let subcommand = arguments.first.flatMap { name in configuration.subcommands.first { $0._commandName == name } }
                    .map { "costreport " + $0._commandName } ?? "costreport"
                let message = message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
                FileHandle.standardError.write(Data("costreport: error: \(message) — see `\(subcommand) --help`\n".utf8))
                exit(withError: ExitCode(usageErrorCode))
            }
            exit(withError: error)
        }
    }
}

/// glibc's allocator, set once at start.
enum MemoryTuning {
    /// Blocks of 256 KiB and more (a reader's chunk of rows, a page's text) are mapped and
    /// returned on free. glibc's default threshold rises as such blocks are freed, after which they
    /// come from the heap and freed ones stay resident: 10 MB of a million-record read (issue 15).
    /// `mallopt` is looked up at run time: Swift's Glibc module does not declare it (malloc.h).
    static func mapLargeBlocks() {
        #if os(Linux)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3   // M_MMAP_THRESHOLD in malloc.h
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallOpt.self)(mmapThreshold, 256 * 1024)
        #endif
    }
}
