import Foundation
import Testing

/// `--results` on the command line and `results:` in costreport.yml (issue 10), and a future-dated
/// row that can no longer hijack the report (issue 11).
@Suite(.serialized) struct ResultsCommandTests {
    func json(_ r: CLIRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// A results folder in two of the team's shapes, with hand-computed costs.
    func resultsFolder(_ dir: URL) throws {
        let daily = dir.appendingPathComponent("sync/daily/2026-11-02")
        try FileManager.default.createDirectory(at: daily, withIntermediateDirectories: true)
        try Data("""
            [{"run_id": "f-1", "timestamp": "2026-11-02T10:00:00", "cloud_provider": "aws", "instance_type": "g5.xlarge",
              "region": "us-east-1", "duration_seconds": 3600, "cost_usd": 1.25, "metadata": {"developer": "alice"}},
             {"run_id": "f-2", "timestamp": "2026-11-02T11:00:00", "cloud_provider": "aws", "instance_type": "g5.xlarge",
              "region": "us-east-1", "duration_seconds": 1800, "cost_usd": 0.5, "metadata": {}}]
            """.utf8).write(to: daily.appendingPathComponent("batch.json"))
        let harness = dir.appendingPathComponent("sync/results/20261103-090000")
        try FileManager.default.createDirectory(at: harness, withIntermediateDirectories: true)
        try Data("""
            {"instance_id": "i-0abc", "instance_type": "g5.xlarge", "region": "us-east-1",
             "start_time": "2026-11-03T09:00:00.123456", "end_time": "2026-11-03T10:00:00", "duration_seconds": 3600,
             "tests_passed": 10, "tests_failed": 0, "tests_skipped": 0, "test_output": "", "benchmark_results": {},
             "cloudwatch_metrics": {}, "cost_estimate_usd": 2.0, "success": true, "error_message": null}
            """.utf8).write(to: harness.appendingPathComponent("results.json"))
    }

    @Test func resultFilesAloneMakeAReport() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try resultsFolder(dir)
        let r = try CLIRunner.run(["report", "-q", "--format", "json", "--results", "sync", "--period", "2026-11"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try json(r)
        let totals = try #require(o["totals"] as? [String: Any])
        #expect(abs((totals["spend"] as? Double ?? 0) - 3.75) < 1e-9)  // 1.25 + 0.50 + 2.00
        #expect(totals["runs"] as? Int == 3)
        let quality = try #require(o["data_quality"] as? [String: Any])
        #expect(quality["files_read"] as? Int == 2)
        // The site from result files only.
        #expect(try CLIRunner.run(["build", "-q", "--results", "sync", "--today", "2026-11-03"], in: dir).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("site/weeks/2026-W45.html").path))
    }

    @Test func theDemoResultsFolderMayBeGivenWithATrailingSlash() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for _ in 0..<2 {  // the second run replaces the first folder
            let r = try CLIRunner.run(["demo", "-q", "--records", "200", "--weeks", "2", "--results-out", "out/"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        #expect(files.contains { $0.hasSuffix(".json") } && !files.contains { $0.contains(".tmp") })
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.tmp").path))
    }

    @Test func withNeitherSourceTheErrorNamesBothFlags() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["build", "-q"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("costreport: error: no data to read: there is no ./benchmarks.db — pass --db FILE"))
        #expect(r.stderr.contains("--results DIR"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func theConfigNamesResultFoldersRelativeToItselfAndTheFlagReplacesThem() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try resultsFolder(dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("conf"), withIntermediateDirectories: true)
        try Data("results: [../sync]\n".utf8).write(to: dir.appendingPathComponent("conf/costreport.yml"))
        let fromConfig = try CLIRunner.run(["report", "-q", "--format", "json", "--config", "conf/costreport.yml", "--period", "2026-11"], in: dir)
        #expect(fromConfig.status == 0, "\(fromConfig.stderr)")
        #expect(try json(fromConfig)["totals"].flatMap { ($0 as? [String: Any])?["runs"] as? Int } == 3)
        // --results replaces the config's list: an empty folder gives no records at all.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let replaced = try CLIRunner.run(["report", "-q", "--format", "json", "--config", "conf/costreport.yml", "--results", "empty"], in: dir)
        #expect(replaced.status == 2 && replaced.stderr.contains("no usable records"), "\(replaced.stderr)")
    }

    @Test func aRowDatedInTheFutureCannotMoveTheReportOrPassTheGate() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "-q", "--records", "600", "--weeks", "4", "--results-out", "none"], in: dir).status == 0)
        // One row from a CI runner whose clock says 2062.
        let future = Process()
        future.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        future.arguments = ["python3", "-c", """
            import sqlite3; c = sqlite3.connect('benchmarks.db')
            c.execute("INSERT INTO benchmarks (run_id, timestamp, cloud_provider, instance_type, region, duration_seconds, cost_usd, metadata) VALUES ('future', '2062-06-01T10:00:00', 'aws', 'g5.xlarge', 'us-east-1', 3600, 1.0, '{}')")
            c.commit()
            """]
        future.currentDirectoryURL = dir
        try future.run(); future.waitUntilExit()
        #expect(future.terminationStatus == 0)
        try Data("budget:\n  monthly: 1\n".utf8).write(to: dir.appendingPathComponent("tiny.yml"))

        let report = try CLIRunner.run(["report", "-q", "--format", "json", "--today", "2026-11-27"], in: dir)
        let o = try json(report)
        #expect(o["as_of"] as? String == "2026-11-27")
        #expect((o["data_quality"] as? [String: Any])?["after_as_of"] as? Int == 1)
        // The gate sees November 2026, over a $1 budget: it fails.
        let check = try CLIRunner.run(["check", "-q", "--config", "tiny.yml", "--today", "2026-11-27"], in: dir)
        #expect(check.status == 1)
        #expect(check.stdout.contains("budget 2026-11:") && check.stdout.contains("(OVER)"))
        // And build says so on stderr.
        let build = try CLIRunner.run(["build", "-q", "--today", "2026-11-27"], in: dir)
        #expect(build.stderr.contains("1 record lies after today 2026-11-27 (the latest on 2062-06-01)"), "\(build.stderr)")
        // The future row does not make old data look fresh: a month later the gate fails on age.
        try Data("budget:\n  monthly: 100000000\n  daily_alert: 100000000\n".utf8).write(to: dir.appendingPathComponent("huge.yml"))
        let stale = try CLIRunner.run(["check", "-q", "--config", "huge.yml", "--today", "2026-12-27"], in: dir)
        #expect(stale.status == 1 && stale.stdout.hasPrefix("data: the latest record is from 2026-11-27"), "\(stale.stdout)")
    }
}
