import CostModel
import Foundation
import Testing

@testable import CostIngest

/// The demo database written once with the default options; the read-only tests share what was
/// read back from it (the file itself is deleted at once).
private struct DemoFixture: Sendable {
    let summary: DemoSummary
    /// `select * from benchmarks order by id`, as text.
    let rows: [[String?]]
    /// `sqlite_master.sql` of the `benchmarks` table.
    let tableSQL: [[String?]]
    /// Names of all tables.
    let tables: [String]
    let fileBytes: Data?
}

/// A path in a new private folder; `removeScratch` deletes the folder and everything in it.
private func scratchPath(_ name: String) -> String {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("demo-db-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name).path
}

private func removeScratch(_ path: String) {
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
}

private let defaultDemo: DemoFixture = {
    let path = scratchPath("default.db")
    defer { removeScratch(path) }
    do {
        let summary = try DemoDatabase.write(to: path, options: DemoOptions())
        return DemoFixture(
            summary: summary,
            rows: try DemoInspection.query(path, "SELECT * FROM benchmarks ORDER BY id"),
            tableSQL: try DemoInspection.query(
                path, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'benchmarks'"),
            tables: try DemoInspection.query(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .map { $0[0] ?? "" },
            fileBytes: FileManager.default.contents(atPath: path))
    } catch {
        fatalError("cannot write the demo database: \(error)")
    }
}()

// Column positions in `SELECT *`.
private enum Col {
    static let id = 0, runID = 1, timestamp = 2, provider = 3, instance = 4, region = 5, hardware = 6,
               gpu = 7, name = 8, suite = 9, passed = 13, failed = 14, duration = 16, cost = 17, metadata = 18
}

/// `2026-11-02T22:15:03` or `2026-11-02T22:15:03.123456`, with a real calendar day.
private func isPythonIsoformat(_ text: String) -> Bool {
    let chars = Array(text.utf8)
    guard chars.count == 19 || chars.count == 26 else { return false }
    let pattern = Array("dddd-dd-ddTdd:dd:dd.dddddd".utf8)
    for (i, c) in chars.enumerated() {
        if pattern[i] == UInt8(ascii: "d") {
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return false }
        } else if c != pattern[i] {
            return false
        }
    }
    guard Day(iso: String(text.prefix(10))) != nil,
          let h = Int(text.dropFirst(11).prefix(2)), let m = Int(text.dropFirst(14).prefix(2)),
          let s = Int(text.dropFirst(17).prefix(2)) else { return false }
    return h < 24 && m < 60 && s < 60
}

private func metadataObject(_ text: String?) -> [String: Any]? {
    guard let data = text?.data(using: .utf8) else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
}

private func normalisedSQL(_ sql: String) -> String {
    sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        .replacingOccurrences(of: "( ", with: "(").replacingOccurrences(of: " )", with: ")")
}

@Suite
struct DemoDatabaseTests {
    @Test func schemaIsTheTeamsTable() throws {
        let demo = defaultDemo
        let sql = demo.tableSQL
        let expected = """
            CREATE TABLE benchmarks (id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL,
              timestamp TEXT NOT NULL, cloud_provider TEXT, instance_type TEXT, region TEXT,
              hardware_type TEXT, gpu_model TEXT, benchmark_name TEXT, benchmark_suite TEXT,
              latency_ms REAL, throughput REAL, memory_mb REAL, tests_passed INTEGER,
              tests_failed INTEGER, tests_skipped INTEGER, duration_seconds REAL, cost_usd REAL,
              metadata TEXT)
            """
        #expect(sql.count == 1)
        #expect(normalisedSQL(sql.first?.first.flatMap { $0 } ?? "") == normalisedSQL(expected))
        #expect(demo.tables == ["benchmarks", "sqlite_sequence"])
    }

    @Test func writesExactlyTheRequestedRecordsAndCountsRuns() throws {
        let demo = defaultDemo
        #expect(demo.rows.count == 4000)
        #expect(demo.summary.records == 4000)
        let ids = demo.rows.map { Int($0[Col.id] ?? "") ?? -1 }
        #expect(ids == Array(1...4000))
        let distinctRuns = Set(demo.rows.map { $0[Col.runID] ?? "" })
        #expect(demo.summary.runs == distinctRuns.count)
        #expect(demo.summary.runs > 500 && demo.summary.runs < 4000)
        #expect(demo.summary.firstDay == Day(year: 2026, month: 8, day: 31))
        #expect(demo.summary.lastDay == Day(year: 2026, month: 11, day: 27))

        let small = scratchPath("small.db")
        defer { removeScratch(small) }
        var options = DemoOptions()
        options.records = 137
        options.weeks = 2
        let summary = try DemoDatabase.write(to: small, options: options)
        #expect(summary.records == 137)
        #expect(try DemoInspection.query(small, "SELECT COUNT(*) FROM benchmarks") == [["137"]])
    }

    @Test func sameOptionsGiveIdenticalContentAndAnotherSeedDiffers() throws {
        let demo = defaultDemo
        let again = scratchPath("again.db")
        defer { removeScratch(again) }
        _ = try DemoDatabase.write(to: again, options: DemoOptions())
        let rows = try DemoInspection.query(again, "SELECT * FROM benchmarks ORDER BY id")
        #expect(rows == demo.rows)
        #expect(demo.fileBytes != nil && FileManager.default.contents(atPath: again) == demo.fileBytes)

        var options = DemoOptions()
        options.seed = 43
        let other = scratchPath("seed43.db")
        defer { removeScratch(other) }
        _ = try DemoDatabase.write(to: other, options: options)
        let otherRows = try DemoInspection.query(other, "SELECT * FROM benchmarks ORDER BY id")
        #expect(otherRows.count == 4000)
        #expect(otherRows != demo.rows)
        let sameRunIDs = zip(otherRows, demo.rows).filter { $0[Col.runID] == $1[Col.runID] }.count
        #expect(sameRunIDs < 400)
    }

    @Test func timestampsStayInsideTheWeeksAndUseBothForms() throws {
        let demo = defaultDemo
        let end = Day(year: 2026, month: 11, day: 27)
        let firstMonday = end.startOfISOWeek.adding(days: -7 * 12)
        #expect(firstMonday.iso == "2026-08-31")
        let lower = firstMonday.iso + "T00:00:00"
        let upper = end.iso + "T23:59:59.999999"
        var valid: [String] = []
        for row in demo.rows {
            guard let ts = row[Col.timestamp], isPythonIsoformat(ts) else { continue }
            valid.append(ts)
            #expect(ts >= lower, "before the first week: \(ts)")
            #expect(ts <= upper, "after the end date: \(ts)")
        }
        #expect(valid.count > 3950)
        #expect(valid.contains { $0.count == 19 }, "no timestamp without microseconds")
        #expect(valid.contains { $0.count == 26 }, "no timestamp with microseconds")
        // Spread over the whole span: the first and the last week both have records.
        #expect(valid.contains { $0 < firstMonday.adding(days: 7).iso })
        #expect(valid.contains { $0 >= end.startOfISOWeek.iso })
        // Runs start (their earliest record) at night when nightly, in working hours when PR runs.
        var starts: [String: String] = [:]
        for row in demo.rows {
            guard let id = row[Col.runID], let ts = row[Col.timestamp], isPythonIsoformat(ts) else { continue }
            if let known = starts[id], known <= ts { continue }
            starts[id] = ts
        }
        func hour(_ ts: String) -> Int { Int(ts.dropFirst(11).prefix(2)) ?? -1 }
        let nightly = starts.filter { $0.key.hasPrefix("nightly-") }.map { hour($0.value) }
        #expect(nightly.count > 100)
        #expect(nightly.filter { $0 < 6 || $0 >= 22 }.count == nightly.count)
        #expect(nightly.filter { (1...3).contains($0) }.count * 10 >= nightly.count * 7)
        let pr = starts.filter { $0.key.hasPrefix("pr-") }.map { hour($0.value) }
        #expect(pr.count > 100)
        #expect(pr.filter { (9...18).contains($0) }.count * 10 >= pr.count * 7)
    }

    @Test func everyKindOfBadRowOccurs() throws {
        let demo = defaultDemo
        let rows = demo.rows
        func count(_ predicate: ([String?]) -> Bool) -> Int { rows.filter(predicate).count }
        let notADate = count { $0[Col.timestamp] == "not-a-date" }
        let emptyTimestamp = count { $0[Col.timestamp] == "" }
        let otherBadTimestamp = count {
            guard let ts = $0[Col.timestamp] else { return true }
            return !ts.isEmpty && ts != "not-a-date" && !isPythonIsoformat(ts)
        }
        let negativeCost = count { (Double($0[Col.cost] ?? "") ?? 0) < 0 }
        let negativeDuration = count { (Double($0[Col.duration] ?? "") ?? 0) < 0 }
        let bothNull = count { $0[Col.cost] == nil && $0[Col.duration] == nil }
        let zeroCost = count { Double($0[Col.cost] ?? "") == 0 && (Double($0[Col.duration] ?? "") ?? 0) > 0 }
        let oops = count { $0[Col.metadata] == "oops" }
        let array = count { $0[Col.metadata] == "[1,2]" }
        let script = count { ($0[Col.name] ?? "").contains("<script>") }
        let unicodePipe = count { let n = $0[Col.name] ?? ""; return n.contains("|") && n.unicodeScalars.contains { $0.value > 0x7F } }
        for (kind, n) in [("not-a-date", notADate), ("empty timestamp", emptyTimestamp), ("negative cost", negativeCost),
                          ("negative duration", negativeDuration), ("cost and duration NULL", bothNull),
                          ("cost 0 with duration", zeroCost), ("metadata text", oops), ("metadata array", array),
                          ("<script> name", script), ("unicode|pipe name", unicodePipe)] {
            #expect(n >= 1, "no bad row of kind \(kind)")
        }
        // Each bad row has exactly one defect, and there are no others: the counts add up.
        let total = notADate + emptyTimestamp + otherBadTimestamp + negativeCost + negativeDuration + bothNull
            + zeroCost + oops + array + script + unicodePipe
        #expect(total == demo.summary.badRows)
        #expect(demo.summary.badRows >= 5)
        #expect(demo.summary.badRows >= 16 && demo.summary.badRows <= 28)  // about 0.5 % of 4,000
        // Every other metadata is a JSON object.
        let objects = count { metadataObject($0[Col.metadata]) != nil }
        #expect(objects == rows.count - oops - array)
    }

    @Test func runsLookLikeTheTeamsRuns() throws {
        let demo = defaultDemo
        var byRun: [String: [[String?]]] = [:]
        for row in demo.rows { byRun[row[Col.runID] ?? "", default: []].append(row) }
        var copied = 0, perRecord = 0
        for row in demo.rows {
            #expect(row.count == 19)
            for column in [Col.provider, Col.instance, Col.region, Col.hardware, Col.name, Col.suite, Col.metadata] {
                #expect(row[column] != nil, "NULL in column \(column) of row \(row[Col.id] ?? "?")")
            }
        }
        for (runID, rows) in byRun {
            #expect((1...8).contains(rows.count), "run \(runID) has \(rows.count) records")
            #expect(Set(rows.map { $0[Col.instance] ?? "" }).count == 1, "run \(runID) changes instance")
            guard rows.count >= 2 else { continue }
            let costs = rows.compactMap { $0[Col.cost] }
            if Set(costs).count == 1, costs.count == rows.count { copied += 1 } else { perRecord += 1 }
        }
        #expect(copied >= 10, "no run copies its cost onto every record")
        #expect(perRecord > copied * 3, "most runs should have per-record costs")
        let prefixes = ["nightly-", "pr-", "manual-", "weekly-"]
        for prefix in prefixes {
            #expect(byRun.keys.contains { $0.hasPrefix(prefix) }, "no run id starting with \(prefix)")
        }
    }

    @Test func fleetPeopleAndSuitesAreVaried() throws {
        let demo = defaultDemo
        let rows = demo.rows
        let providers = Set(rows.compactMap { $0[Col.provider] })
        #expect(providers == ["aws", "gcp"])
        let catalog: Set<String> = [
            "p5.48xlarge", "p4d.24xlarge", "g5.xlarge", "g5.12xlarge", "c6i.8xlarge", "a2-highgpu-1g", "a3-highgpu-8g",
            "g2-standard-4", "n2-standard-32", "v5litepod-1", "v5litepod-4", "v5litepod-8", "v5p-8", "v6e-1",
        ]
        let instances = Set(rows.compactMap { $0[Col.instance] })
        #expect(instances.isSubset(of: catalog))
        #expect(instances.count >= 10)
        #expect(Set(rows.compactMap { $0[Col.hardware] }) == ["nvidia", "tpu", "cpu"])
        #expect(rows.contains { ($0[Col.region] ?? "").hasSuffix("-2a") || ($0[Col.region] ?? "").hasSuffix("-2b")
            || ($0[Col.region] ?? "").hasSuffix("-2c") }, "no AWS availability zone in region")
        let suites = Set(rows.compactMap { $0[Col.suite] })
        #expect(suites.count >= 4)
        let developers = Set(rows.compactMap { metadataObject($0[Col.metadata])?["developer"] as? String })
        #expect(developers.subtracting(["ci"]).count >= 5)
        #expect(developers.contains("ci"))
        #expect(rows.contains { metadataObject($0[Col.metadata]).map { $0["developer"] == nil } ?? false })
        #expect(rows.contains { (Int($0[Col.failed] ?? "") ?? 0) > 0 }, "no failing tests at all")
        let pr = rows.compactMap { metadataObject($0[Col.metadata]) }.compactMap { $0["pr_number"] ?? $0["pr"] }
        #expect(pr.contains { $0 is String } && pr.contains { $0 is NSNumber })
        let parallel = rows.contains {
            (metadataObject($0[Col.metadata])?["pytest_args"] as? [String])?.contains("-n") ?? false
        }
        #expect(parallel)
    }

    @Test func marketIsRecordedForSomeRunsOnly() throws {
        let demo = defaultDemo
        var runs: [String: [String: Any]] = [:]
        var instanceOf: [String: String] = [:]
        for row in demo.rows {
            guard let id = row[Col.runID], let meta = metadataObject(row[Col.metadata]) else { continue }
            runs[id] = meta
            instanceOf[id] = row[Col.instance] ?? ""
        }
        let booleanKeys = ["spot_instance", "preemptible", "spot"]
        let stringKeys = ["market", "purchase_option"]
        let boolean = runs.values.filter { m in booleanKeys.contains { m[$0] != nil } }.count
        let string = runs.values.filter { m in stringKeys.contains { m[$0] != nil } }.count
        let none = runs.values.filter { m in !(booleanKeys + stringKeys).contains { m[$0] != nil } }.count
        let n = Double(runs.count)
        #expect(Double(boolean) / n > 0.3 && Double(boolean) / n < 0.5, "boolean market share \(boolean)/\(runs.count)")
        #expect(Double(string) / n > 0.1 && Double(string) / n < 0.25, "string market share \(string)/\(runs.count)")
        #expect(Double(none) / n > 0.35, "unrecorded market share \(none)/\(runs.count)")
        let reserved = runs.filter { ($0.value["market"] as? String) == "reserved" }
        #expect(reserved.count >= 3)
        #expect(reserved.keys.allSatisfy { instanceOf[$0] == "p4d.24xlarge" })
    }

    @Test func costsFollowTheCatalogRates() throws {
        let demo = defaultDemo
        // (on-demand R by region, spot S) from the catalog (spec §2): S is the spot midpoint, else
        // R × (1 − the provider's typical discount midpoint): aws 0.35 R, gcp 0.30 R.
        func rates(_ instance: String, _ region: String) -> (Double, Double)? {
            switch instance {
            case "p5.48xlarge": return (98.32, 34.5)
            case "p4d.24xlarge": return (region.hasPrefix("eu-west-1") ? 35.92 : 32.77, 12.5)
            case "g5.xlarge": return (1.006, 0.35)
            case "g5.12xlarge": return (5.672, 5.672 * 0.35)
            case "c6i.8xlarge": return (1.36, 1.36 * 0.35)
            case "a3-highgpu-8g": return (98.32, 29.5)
            case "a2-highgpu-1g": return (region.hasPrefix("europe-west4") ? 4.03 : 3.67, 1.10)
            case "g2-standard-4": return (0.84, 0.25)
            case "n2-standard-32": return (1.52, 1.52 * 0.30)
            case "v5litepod-1": return (1.20, 0.36)
            case "v5litepod-4": return (4.80, 1.44)
            case "v5litepod-8": return (9.60, 2.88)
            case "v5p-8": return (12.0, 3.6)
            case "v6e-1": return (2.40, 0.72)
            default: return nil
            }
        }
        var onDemand = 0, spot = 0, reserved = 0
        for row in demo.rows {
            guard let cost = Double(row[Col.cost] ?? ""), let seconds = Double(row[Col.duration] ?? ""),
                  cost > 0.05, seconds > 0, let (r, s) = rates(row[Col.instance] ?? "", (row[Col.region] ?? "").lowercased())
            else { continue }
            let rate = cost / (seconds / 3600)
            if abs(rate - r) <= r * 0.01 { onDemand += 1 }
            else if abs(rate - r * 0.65) <= r * 0.01 { reserved += 1 }
            else if rate >= s * 0.84 && rate <= s * 1.16 { spot += 1 }
            else { Issue.record("rate \(rate) for \(row[Col.instance] ?? "") is neither on-demand, reserved nor spot") }
        }
        #expect(onDemand > spot && spot > 500 && reserved > 0)
    }

    @Test func monthlySpendIsAroundTheBudget() throws {
        let demo = defaultDemo
        var byMonth: [String: Double] = [:]
        var byDay: [String: Double] = [:]
        for row in demo.rows {
            guard let ts = row[Col.timestamp], isPythonIsoformat(ts), let cost = Double(row[Col.cost] ?? "") else { continue }
            byMonth[String(ts.prefix(7)), default: 0] += cost
            byDay[String(ts.prefix(10)), default: 0] += cost
        }
        let months = byMonth.keys.sorted()
        print("demo monthly spend: " + months.map { "\($0) \(String(format: "%.2f", byMonth[$0]!))" }.joined(separator: ", "))
        let busyDays = byDay.filter { $0.value > 100 }.keys.sorted()
        print("demo days above 100 USD: \(busyDays.count) (\(busyDays.joined(separator: ", "))); max \(String(format: "%.2f", byDay.values.max() ?? 0))")
        // Full calendar months inside 2026-08-31 ... 2026-11-27: September and October.
        #expect(months == ["2026-08", "2026-09", "2026-10", "2026-11"])
        for month in ["2026-09", "2026-10"] {
            let spend = byMonth[month] ?? 0
            #expect(spend >= 1500 && spend <= 3000, "\(month) spend \(spend)")
        }
        #expect(busyDays.count >= 2 && busyDays.count <= 15)
    }

    @Test func writingOverAnExistingFileReplacesIt() throws {
        let path = scratchPath("replace.db")
        defer { removeScratch(path) }
        try Data("not a database at all".utf8).write(to: URL(fileURLWithPath: path))
        try Data("stale journal".utf8).write(to: URL(fileURLWithPath: path + "-journal"))
        try Data("stale tmp".utf8).write(to: URL(fileURLWithPath: path + ".tmp"))
        var options = DemoOptions()
        options.records = 60
        let first = try DemoDatabase.write(to: path, options: options)
        #expect(first.records == 60)
        #expect(try DemoInspection.query(path, "SELECT COUNT(*) FROM benchmarks") == [["60"]])
        options.records = 25
        options.seed = 7
        _ = try DemoDatabase.write(to: path, options: options)
        #expect(try DemoInspection.query(path, "SELECT COUNT(*) FROM benchmarks") == [["25"]])
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
    }

    @Test func invalidOptionsAreRejected() {
        let path = scratchPath("invalid.db")
        defer { removeScratch(path) }
        var options = DemoOptions()
        options.weeks = 0
        #expect(throws: (any Error).self) { try DemoDatabase.write(to: path, options: options) }
        options.weeks = 1
        options.records = -1
        #expect(throws: (any Error).self) { try DemoDatabase.write(to: path, options: options) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// A million records in seconds (release build); opt in with DEMO_BIG=1, it is not a quick test.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DEMO_BIG"] != nil))
    func aMillionRecordsWithProgress() throws {
        let lines = ProgressLines()
        var options = DemoOptions()
        options.records = 1_000_000
        let path = scratchPath("big.db")
        defer { removeScratch(path) }
        let started = Date()
        let summary = try DemoDatabase.write(to: path, options: options) { lines.append($0) }
        let elapsed = Date().timeIntervalSince(started)
        print("demo: 1,000,000 records, \(summary.runs) runs, \(summary.badRows) bad rows in \(String(format: "%.1f", elapsed)) s")
        #expect(summary.records == 1_000_000)
        #expect(try DemoInspection.query(path, "SELECT COUNT(*), COUNT(DISTINCT run_id) FROM benchmarks")
            == [["1000000", String(summary.runs)]])
        #expect(lines.all.count == 10)
        #expect(lines.all.first == "demo: 100000/1000000 records")
    }

    @Test func progressIsReportedEveryHundredThousandRows() throws {
        let lines = ProgressLines()
        var options = DemoOptions()
        options.records = 100_000
        let path = scratchPath("progress.db")
        defer { removeScratch(path) }
        _ = try DemoDatabase.write(to: path, options: options) { lines.append($0) }
        #expect(lines.all == ["demo: 100000/100000 records"])
    }
}

private final class ProgressLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
