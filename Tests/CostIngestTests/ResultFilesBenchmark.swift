import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The benchmark of docs/benchmarks.md ("JSON result files"): the same records read from SQLite and
/// from a folder of result files. Not a timed unit test: it runs only when asked, in a release build,
///
///     COSTREPORT_RESULTS_BENCH=100000 COSTREPORT_RESULTS_BENCH_FILES=20000 \
///       swift test -c release --filter ResultFilesBenchmark
///
/// and prints the timings, the ratio and the peak memory of each read. The folder holds flat records
/// as the team's Python writes them: half the files `.json` arrays (`json.dumps(indent=2)`), half
/// `.jsonl`, in `daily/YYYY-MM-DD/` folders; the database holds the same rows in the Python schema.
/// `COSTREPORT_RESULTS_BENCH_KEEP=DIR` writes them into DIR and keeps them (and reuses them when
/// DIR already holds them, as for a profiler run).
@Suite struct ResultFilesBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let records = environment["COSTREPORT_RESULTS_BENCH"].flatMap(Int.init)
    static let files = environment["COSTREPORT_RESULTS_BENCH_FILES"].flatMap(Int.init) ?? 20_000

    @Test(.enabled(if: records != nil)) func sameRecordsFromSQLiteAndFromFiles() throws {
        let count = try #require(Self.records)
        let files = min(Self.files, count)
        let root = Self.environment["COSTREPORT_RESULTS_BENCH_KEEP"].map { URL(fileURLWithPath: $0) }
            ?? IngestFixtures.scratchFolder()
        defer { if Self.environment["COSTREPORT_RESULTS_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(at: root) } }
        let folder = root.appendingPathComponent("results")
        let db = root.appendingPathComponent("benchmarks.db").path

        var start = Date()
        if FileManager.default.fileExists(atPath: db) {
            print("reusing \(root.path)")
        } else {
            let bytes = try Self.generate(records: count, files: files, folder: folder, database: db)
            print(String(format: "generated %d records: %d files (%.1f MB) and a database in %.1f s",
                         count, files, Double(bytes) / 1e6, Date().timeIntervalSince(start)))
        }

        func timed(_ label: String, _ source: any RecordSource) throws -> (Double, Dataset) {
            var best = Double.infinity, bestCPU = Double.infinity
            var dataset: Dataset?
            for _ in 0..<5 {
                Memory.resetPeak()
                start = Date()
                let cpu = Memory.cpuSeconds()
                let d = try RecordSources.dataset(from: [source], catalog: IngestFixtures.catalog, config: Config())
                best = min(best, Date().timeIntervalSince(start))
                bestCPU = min(bestCPU, Memory.cpuSeconds() - cpu)
                dataset = d
            }
            print(String(format: "%@: %.3f s wall, %.3f s CPU (best of 5), peak RSS %.0f MB", label, best, bestCPU, Memory.peakMB()))
            return (best, dataset!)
        }
        let (sqlite, fromDB) = try timed("SQLite \(count) rows", SQLiteRecordSource(path: db))
        let (json, fromFiles) = try timed("\(files) result files", ResultFilesSource(folder: folder.path))
        print(String(format: "ratio files / SQLite: %.2f×", json / sqlite))

        #expect(fromFiles.records.count == count && fromDB.records.count == count)
        #expect(fromFiles.quality.unreadableFiles.isEmpty && fromFiles.quality.filesRead == files)
        #expect(abs(fromFiles.records.reduce(0) { $0 + $1.cost } - fromDB.records.reduce(0) { $0 + $1.cost }) < 1e-6)
        #expect(fromFiles.samples.count == fromDB.samples.count)
    }

    /// Memory while streaming a large folder: `COSTREPORT_RESULTS_BENCH_FOLDER=DIR swift test -c release
    /// --filter ResultFilesBenchmark` reads DIR once and prints its size, the time and the peak memory.
    @Test(.enabled(if: environment["COSTREPORT_RESULTS_BENCH_FOLDER"] != nil)) func largeFolder() throws {
        let folder = try #require(Self.environment["COSTREPORT_RESULTS_BENCH_FOLDER"])
        let listing = try ResultFileListing(folder: folder)
        let bytes = listing.files.reduce(0) { $0 + $1.size }
        Memory.resetPeak()
        let before = Memory.peakMB()
        let start = Date(), cpu = Memory.cpuSeconds()
        let d = try RecordSources.dataset(from: [ResultFilesSource(folder: folder)], catalog: IngestFixtures.catalog, config: Config())
        print(String(format: "%d files, %.0f MB: %d records read, %d accepted in %.2f s wall, %.2f s CPU; peak RSS %.0f MB (%.0f MB before)",
                     listing.files.count, Double(bytes) / 1e6, d.quality.read, d.records.count,
                     Date().timeIntervalSince(start), Memory.cpuSeconds() - cpu, Memory.peakMB(), before))
    }

    /// Writes `records` flat records into `files` result files and the same rows into a database.
    static func generate(records: Int, files: Int, folder: URL, database: String) throws -> Int {
        let instances = [("aws", "g5.xlarge", "us-east-1", "A10G"), ("gcp", "a2-highgpu-1g", "us-central1-a", "A100"),
                         ("aws", "p4d.24xlarge", "us-west-2", "A100"), ("gcp", "v5litepod-8", "us-west4-a", "TPU v5e")]
        let developers = ["alice", "bob", "carol", "dave", "ci"]
        let writer = try SQLiteWriterForTests(path: database)
        try writer.execute(PythonSchema.benchmarks)
        try writer.execute("BEGIN")
        var totalBytes = 0
        var next = 0
        for f in 0..<files {
            let perFile = records / files + (f < records % files ? 1 : 0)
            let day = Day(year: 2026, month: 1, day: 1).adding(days: f % 330)
            let lines = f % 2 == 1
            var objects: [String] = []
            for k in 0..<perFile {
                let i = next
                next += 1
                let (provider, instance, region, gpu) = instances[i % instances.count]
                let seconds = 300 + (i * 37) % 3300
                let cost = Double(seconds) / 3600 * [1.006, 3.67, 32.77, 9.6][i % 4] * (i % 3 == 0 ? 0.3 : 1)
                let run = "run-\(f)-\(k / 3)"   // runs of up to 3 records, never across files (one run, one source)
                let timestamp = "\(day.iso)T\(String(format: "%02d:%02d:%02d.%06d", (i / 60) % 24, i % 60, (i * 7) % 60, i % 1_000_000))"
                let meta: [(String, String)] = [("developer", "\"\(developers[(i / 3) % 5])\""), ("branch", "\"main\""),
                                                ("commit_sha", "\"\(String(format: "%07x", i / 3))\""), ("trigger", "\"nightly\"")]
                let fields: [(String, String)] = [
                    ("run_id", "\"\(run)\""), ("timestamp", "\"\(timestamp)\""), ("cloud_provider", "\"\(provider)\""),
                    ("instance_type", "\"\(instance)\""), ("region", "\"\(region)\""), ("hardware_type", "\"nvidia\""),
                    ("gpu_model", "\"\(gpu)\""), ("benchmark_name", "\"bench_\(i % 50)\""), ("benchmark_suite", "\"suite_\(i % 7)\""),
                    ("latency_ms", "\(Double(i % 1000) / 100 + 0.5)"), ("throughput", "\(Double(i % 5000) * 10.5 + 1)"),
                    ("memory_mb", "2048.0"), ("tests_passed", "\(i % 200)"), ("tests_failed", "\(i % 11 == 0 ? 1 : 0)"),
                    ("tests_skipped", "\(i % 5)"), ("duration_seconds", "\(seconds)"), ("cost_usd", "\(cost)"),
                ]
                let metaJSON = "{" + meta.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
                try writer.execute("INSERT INTO benchmarks (" + fields.map(\.0).joined(separator: ", ") + ", metadata) VALUES ("
                    + fields.map { $0.1.replacingOccurrences(of: "\"", with: "'") }.joined(separator: ", ")
                    + ", '" + metaJSON + "')")
                if lines {
                    objects.append("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + ", \"metadata\": " + metaJSON + "}")
                } else {
                    let body = fields.map { "    \"\($0.0)\": \($0.1)" }.joined(separator: ",\n")
                    let metaBody = meta.map { "      \"\($0.0)\": \($0.1)" }.joined(separator: ",\n")
                    objects.append("  {\n" + body + ",\n    \"metadata\": {\n" + metaBody + "\n    }\n  }")
                }
            }
            let text = lines ? objects.joined(separator: "\n") + "\n" : "[\n" + objects.joined(separator: ",\n") + "\n]"
            let url = folder.appendingPathComponent("daily/\(day.iso)/results-\(f).\(lines ? "jsonl" : "json")")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            totalBytes += text.utf8.count
        }
        try writer.execute("COMMIT")
        try writer.close()
        return totalBytes
    }
}

/// Peak resident memory of this process (Linux: VmHWM, reset through /proc/self/clear_refs), and
/// the CPU time of all its threads (user + system).
enum Memory {
    #if canImport(Glibc)
    static let RUSAGE_SELF_WHO = RUSAGE_SELF.rawValue
    #else
    static let RUSAGE_SELF_WHO = RUSAGE_SELF
    #endif

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Self.RUSAGE_SELF_WHO, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func peakMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
        return kb / 1024
    }
}
