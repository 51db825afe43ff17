import Foundation
import Testing

/// `--db` naming a FIFO, a device or a folder: one error line within seconds (a FIFO hung the
/// build forever: reading its header waited for a writer), and the previous site untouched.
@Suite(.serialized) struct SpecialDatabaseFileTests {
    /// Runs `costreport` with a deadline: killed (and reported) if it has not ended by then.
    func run(_ arguments: [String], in dir: URL, deadline seconds: Double = 10) throws -> (CLIRunner.Result, Double) {
        let out = dir.appendingPathComponent("out.txt"), err = dir.appendingPathComponent("err.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = dir
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let start = Date()
        try process.run()
        while process.isRunning && Date().timeIntervalSince(start) < seconds { Thread.sleep(forTimeInterval: 0.05) }
        let elapsed = Date().timeIntervalSince(start)
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("costreport \(arguments.joined(separator: " ")) still running after \(seconds) s")
        }
        process.waitUntilExit()
        let result = CLIRunner.Result(status: process.terminationStatus,
                                      stdout: try String(contentsOf: out, encoding: .utf8),
                                      stderr: try String(contentsOf: err, encoding: .utf8))
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
        return (result, elapsed)
    }

    @Test func aFIFOADeviceOrAFolderAsDBIsOneErrorLineAtOnce() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "-q", "--records", "300", "--weeks", "2"], in: dir).status == 0)
        #expect(try CLIRunner.run(["build", "-q"], in: dir).status == 0)
        let site = try tree(dir.appendingPathComponent("site"))
        #expect(mkfifo(dir.appendingPathComponent("pipe.db").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder.db"), withIntermediateDirectories: true)
        for (db, what) in [("pipe.db", "is a named pipe (FIFO), not a database file"),
                           ("/dev/null", "is a character device, not a database file"),
                           ("folder.db", "is a folder, not a database")] {
            for command in [["build"], ["report"], ["check"]] {
                let (r, elapsed) = try run(command + ["-q", "--db", db], in: dir)
                #expect(elapsed < 5, "\(command) --db \(db) took \(elapsed) s")
                #expect(r.status == 2, "\(command) --db \(db): \(r.status) \(r.stderr)")
                let lines = r.stderr.split(separator: "\n")
                #expect(lines == ["costreport: error: \(db) \(what) — pass the benchmarks.db file with --db PATH"],
                        "\(command) --db \(db): \(r.stderr)")
            }
        }
        #expect(try tree(dir.appendingPathComponent("site")) == site)
    }
}
