import CostTestSupport
import Foundation
import Testing

/// The help text of the program and of every subcommand, pinned: a change to an option, a default
/// or a sentence shows up as a diff to review (swift-argument-parser's own practice).
@Suite struct HelpSnapshotTests {
    static let commands = ["", "build", "report", "check", "pr", "export", "demo", "init", "catalog"]

    @Test(arguments: commands)
    func helpText(_ command: String) throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A fixed width: the text wraps to COLUMNS, else to the terminal.
        let r = try CLIRunner.run(command.isEmpty ? ["--help"] : ["help", command], in: dir, environment: ["COLUMNS": "100"])
        #expect(r.status == 0, "\(r.stderr)")
        assertSnapshot(r.stdout, named: "help-\(command.isEmpty ? "costreport" : command).txt")
    }
}
