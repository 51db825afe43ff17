import ArgumentParser
import CostIngest
import CostRender
import CostSite
import Foundation

/// Progress on stderr (so stdout stays clean for `report`), and the one-line error exit.
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

    /// Every failure ends here: one line naming the file and the fix, exit code 1, no stack trace.
    static func fail(_ error: Error, exitCode: Int32 = 1) -> ExitCode {
        let message: String
        // Our own errors describe themselves in one line; Foundation's have a localized description.
        if let e = error as? UserFacingError {
            message = e.description
        } else {
            message = error.localizedDescription
        }
        FileHandle.standardError.write(Data(("costreport: error: " + message + "\n").utf8))
        return ExitCode(exitCode)
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Errors whose description is already the one line a user should read (file named, fix given).
protocol UserFacingError: Error, CustomStringConvertible {}

extension CLIError: UserFacingError {}
extension IngestError: UserFacingError {}
extension TemplateError: UserFacingError {}
extension SiteWriteError: UserFacingError {}
extension PublicationLogError: UserFacingError {}
