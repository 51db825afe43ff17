import Foundation
import Testing

/// The shipped GitHub workflows (docs/github-actions/) run the installed `costreport` from the
/// job's workspace, outside the costreport clone and without --templates: their command lines
/// must work exactly as written.
@Suite(.serialized) struct WorkflowTests {
    /// The `run: |` script of the step named `step` in a workflow file.
    static func script(_ file: String, step: String) throws -> String {
        let text = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("docs/github-actions/" + file), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "- name: \(step)" })
        let run = try #require(lines[start...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == "run: |" })
        let indent = lines[run + 1].prefix { $0 == " " }.count
        var body: [String] = []
        for line in lines[(run + 1)...] {
            if !line.trimmingCharacters(in: .whitespaces).isEmpty && line.prefix(while: { $0 == " " }).count < indent { break }
            body.append(String(line.dropFirst(min(indent, line.count))))
        }
        return body.joined(separator: "\n")
    }

    /// Runs `script` with bash in `dir`, `costreport` on the PATH from a folder of its own.
    func bash(_ script: String, in dir: URL, env: [String: String]) throws -> CLIRunner.Result {
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: bin.appendingPathComponent("costreport").path) {
            try FileManager.default.copyItem(at: CLIRunner.executable, to: bin.appendingPathComponent("costreport"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-euo", "pipefail", "-c", script]
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        for (k, v) in env { environment[k] = v }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                                stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func thePRWorkflowsCommandsWriteTheCommentAndTheSummary() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "-q"], in: dir).status == 0)
        let json = try CLIRunner.run(["report", "-q", "--format", "json", "--period", "2026-09-01..2026-11-27"], in: dir)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let rows = (object?["breakdowns"] as? [String: Any])?["pr"] as? [[String: Any]] ?? []
        let pr = try #require(rows.first { ($0["key"] as? String) != "(none)" && ($0["spend"] as? Double ?? 0) > 1 }?["key"] as? String)

        let script = try Self.script("pr-cost-comment.yml", step: "Write the comment and the job summary")
        #expect(script.contains("costreport pr"))
        let r = try bash(script, in: dir, env: ["PR": pr, "BASE": "main", "SITE_URL": "https://costs.example/",
                                                "GITHUB_STEP_SUMMARY": dir.appendingPathComponent("summary.md").path])
        #expect(r.status == 0, "\(r.stderr)")
        let comment = try String(contentsOf: dir.appendingPathComponent("comment.md"), encoding: .utf8)
        #expect(comment.hasPrefix("<!-- costreport:pr -->"))
        #expect(comment.contains("https://costs.example/"))
        let summary = try String(contentsOf: dir.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.hasPrefix("## Cloud test cost for PR \\#\(pr)"), "\(summary.prefix(80))")

        // The gate step fails the job (exit 1) above the threshold and passes below it.
        let gates = try Self.script("pr-cost-comment.yml", step: "Cost gates")
        let spend = try #require(rows.first { ($0["key"] as? String) == pr }?["spend"] as? Double)
        #expect(try bash(gates, in: dir, env: ["PR": pr, "BASE": "main", "FAIL_IF_OVER": "0.5", "FAIL_IF_CHANGE": ""]).status == 1)
        let pass = try bash(gates, in: dir, env: ["PR": pr, "BASE": "main", "FAIL_IF_OVER": String(Int(spend * 100) + 1000), "FAIL_IF_CHANGE": ""])
        #expect(pass.status == 0, "\(pass.stderr)")
    }

    @Test func thePublishWorkflowsCommandsBuildTheSite() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "-q"], in: dir).status == 0)
        let script = try Self.script("publish-site.yml", step: "Build the site")
        #expect(script.contains("costreport build"))
        let r = try bash(script, in: dir, env: ["GITHUB_STEP_SUMMARY": dir.appendingPathComponent("summary.md").path])
        #expect(r.status == 0, "\(r.stderr)")
        // The same site as the same command run by hand (the workflow reads the database alone).
        #expect(try CLIRunner.run(["build", "-q", "--db", "benchmarks.db", "--out", "by-hand"], in: dir).status == 0)
        #expect(try tree(dir.appendingPathComponent("site")) == tree(dir.appendingPathComponent("by-hand")))
        #expect(try tree(dir.appendingPathComponent("site")).count > 100)
        let summary = try String(contentsOf: dir.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.hasPrefix("# Cloud test spend: week 2026-W48"))
    }
}
