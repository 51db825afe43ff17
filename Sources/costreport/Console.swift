import ArgumentParser
import CostPipeline
import Foundation

/// ProgressLines on stderr (so stdout stays clean for `report`), and the one-line error exit.
struct Console: Sendable {
    var quiet = false

    func say(_ line: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data(("costreport: " + line + "\n").utf8))
    }

    /// A problem that does not stop the command, one line on stderr; shown even with `--quiet`,
    /// which silences progress only.
    func warn(_ line: String) {
        FileHandle.standardError.write(Data(("costreport: warning: " + line + "\n").utf8))
    }

    /// The pipeline's progress and warnings, printed here.
    var progress: ProgressLines {
        let console = self
        return ProgressLines(say: { console.say($0) }, warn: { console.warn($0) })
    }

    /// Every failure ends here: one line naming the file and the fix, exit code 2 (an input
    /// error, as a usage error), no stack trace.
    static func fail(_ error: Error, exitCode: Int32 = CostReport.usageErrorCode) -> ExitCode {
        // Our own errors describe themselves in one line; Foundation's have a localized description.
        let message = (error as? PipelineError)?.description ?? (error as? CLIError)?.description
            ?? error.localizedDescription
        FileHandle.standardError.write(Data(("costreport: error: " + message + "\n").utf8))
        return ExitCode(exitCode)
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A usage problem found by the CLI itself (an option combination ArgumentParser cannot express).
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
