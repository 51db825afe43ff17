import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostDemo

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
               gpu = 7, name = 8, suite = 9, throughput = 11, passed = 13, failed = 14, duration = 16, cost = 17, metadata = 18
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
        let expected = PythonSchema.benchmarks
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
            "p5.48xlarge", "p4d.24xlarge", "g5.xlarge", "g5.12xlarge", "c6i.8xlarge", "a2-highgpu-1g", "a2-highgpu-2g",
            "a3-highgpu-8g", "g2-standard-4", "n2-standard-32", "v5litepod-1", "v5litepod-4", "v5litepod-8", "v5p-8", "v6e-1",
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
            case "a2-highgpu-2g": return (7.35, 7.35 * 0.30)
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
        // Full calendar months inside 2026-08-31 ... 2026-11-27: September and October, each near
        // the default monthly budget of 2,000 USD.
        #expect(months == ["2026-08", "2026-09", "2026-10", "2026-11"])
        for month in ["2026-09", "2026-10"] {
            let spend = byMonth[month] ?? 0
            #expect(spend >= 1600 && spend <= 2500, "\(month) spend \(spend)")
        }
        // November to the 27th (the as-of date): WARNING or CRITICAL against the default budget
        // (75 % / 90 % of 2,000 USD), not yet OVER.
        let november = byMonth["2026-11"] ?? 0
        #expect(november >= 1500 && november <= 2000, "2026-11 month to date \(november)")
        #expect(busyDays.count >= 2 && busyDays.count <= 15)
    }

    /// Spec §5 reserved capacity: one instance type (the CI's g5.xlarge, busy with the nightly
    /// soak) runs on-demand steadily enough over the full months that a commitment pays off; no
    /// other type comes near its break-even.
    @Test func aSteadyOnDemandFleetMakesACommitmentPay() throws {
        let records = demoRecords(defaultDemo.rows)
        var hours: [String: Double] = [:]  // "instance month" → on-demand hours
        for r in records where r.market == "on-demand" && (r.month == "2026-09" || r.month == "2026-10") {
            hours[r.instance + " " + r.month, default: 0] += r.hours
        }
        // aws 3-year midpoint discount 0.55: break-even 45 %; 1-year 0.35: 65 %.
        let monthly = [hours["g5.xlarge 2026-09"] ?? 0, hours["g5.xlarge 2026-10"] ?? 0]
        let mean = (monthly[0] + monthly[1]) / 2
        print("demo g5.xlarge on-demand hours: 2026-09 \(String(format: "%.1f", monthly[0])), 2026-10 \(String(format: "%.1f", monthly[1]))")
        for h in monthly { #expect(h >= 0.45 * 730 && h <= 0.8 * 730, "g5.xlarge on-demand hours \(h)") }
        let utilization = mean / 730
        #expect(utilization >= 0.55 && utilization <= 0.8, "utilization \(utilization)")
        let threeYearSaving = mean * 1.006 - 730 * 1.006 * (1 - 0.55)
        #expect(threeYearSaving >= 50, "3-year commitment saves \(threeYearSaving) USD/month")
        // Every other instance type stays well below the lowest break-even (45 %).
        var others: [String: Double] = [:]
        for (key, h) in hours where !key.hasPrefix("g5.xlarge ") {
            others[String(key.split(separator: " ")[0]), default: 0] += h / 2
        }
        for (instance, h) in others { #expect(h / 730 < 0.3, "\(instance) on-demand utilization \(h / 730)") }

        // The soak itself: one run every night, on-demand on g5.xlarge, starting at 01:xx.
        var soakRuns: [String: Set<String>] = [:]  // day of the run's first record → run ids
        var firstOfRun: [String: String] = [:]
        for r in records where r.suite == "nightly_soak" {
            #expect(r.instance == "g5.xlarge" && r.market == "on-demand", "soak row on \(r.instance) \(r.market)")
            if let t = firstOfRun[r.runID], t <= r.timestamp { continue }
            firstOfRun[r.runID] = r.timestamp
        }
        for (id, t) in firstOfRun {
            soakRuns[String(t.prefix(10)), default: []].insert(id)
            #expect(t.dropFirst(11).prefix(3) == "01:", "soak run \(id) starts at \(t)")
        }
        let span = defaultDemo.summary.lastDay - defaultDemo.summary.firstDay + 1
        #expect(soakRuns.count >= span - 2, "soak runs on \(soakRuns.count) of \(span) days")
        #expect(soakRuns.values.allSatisfy { $0.count == 1 })
    }

    /// Spec §5 right-size: runs whose test type is known land on instances dearer than the
    /// recommendation for it (same provider and accelerator kind), enough to matter but not most.
    @Test func someRunsAreOversizedForTheirTestType() throws {
        let records = demoRecords(defaultDemo.rows)
        var oversizedKinds: Set<String> = []  // "test type instance"
        var knownSpend: [String: Double] = [:], oversizedSpend: [String: Double] = [:]
        var potential = 0.0, total = 0.0
        for r in records {
            total += r.cost
            guard let type = r.testType else { continue }
            knownSpend[r.month, default: 0] += r.cost
            guard let rate = r.rate, let rec = recommendedRate(testType: type, instance: r.instance, region: r.region),
                  rate > rec else { continue }
            oversizedKinds.insert(type + " " + r.instance)
            oversizedSpend[r.month, default: 0] += r.cost
            potential += r.cost * (1 - rec / rate)
        }
        print("demo oversized: \(oversizedKinds.sorted().joined(separator: ", ")); potential \(String(format: "%.2f", potential)) of \(String(format: "%.2f", total))")
        for kind in ["unit g5.12xlarge", "unit p4d.24xlarge", "unit v5litepod-8", "quick g5.12xlarge",
                     "integration a2-highgpu-2g", "integration v5litepod-8"] {
            #expect(oversizedKinds.contains(kind), "no \(kind.replacingOccurrences(of: " ", with: " tests on "))")
        }
        // Checklist item 2 lands partial (over 5 %, at most 20 % of known-type spend) or just todo.
        for month in ["2026-09", "2026-10", "2026-11"] {
            let share = (oversizedSpend[month] ?? 0) / (knownSpend[month] ?? 1)
            #expect(share > 0.05 && share <= 0.25, "\(month) oversized share \(share)")
        }
        let potentialShare = potential / total
        #expect(potentialShare >= 0.04 && potentialShare <= 0.15, "right-size potential share \(potentialShare)")
    }

    /// Issue 12's acceptance: throughput grows with the accelerators, benchmark by benchmark
    /// (`DemoFleet.scaling(of:)`), so the best throughput per on-demand dollar is not always the
    /// cheapest instance a benchmark ran on.
    @Test func throughputGrowsWithAcceleratorsAndTheBestValueIsNotAlwaysTheCheapest() throws {
        var samples: [String: [String: [Double]]] = [:]  // benchmark → instance → throughputs
        for row in defaultDemo.rows {
            guard let name = row[Col.name], let instance = row[Col.instance],
                  let t = row[Col.throughput].flatMap(Double.init), t > 0 else { continue }
            samples[name, default: [:]][instance, default: []].append(t)
        }
        func median(_ b: String, _ i: String) -> Double {
            let s = (samples[b]?[i] ?? []).sorted()
            return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        // Same A10G GPU, 1 against 4: a collective scales almost linearly, an element-wise kernel barely.
        #expect(median("allreduce_bw", "g5.12xlarge") > 3 * median("allreduce_bw", "g5.xlarge"))
        #expect(median("fused_gelu", "g5.12xlarge") < 1.5 * median("fused_gelu", "g5.xlarge"))
        // A 7B model does not fit a 16 GB card: the 40 GB A100 is far ahead of the A10G.
        #expect(median("llama_7b_infer", "a2-highgpu-1g") > 3 * median("llama_7b_infer", "g5.xlarge"))

        let rates = Dictionary(DemoFleet.Suite.allCases.flatMap(\.fleet).map { ($0.0.type, $0.0.onDemand) }) { a, _ in a }
        var notCheapest: [String] = []
        for (benchmark, byInstance) in samples where byInstance.count > 1 {
            let measured = byInstance.keys.filter { rates[$0] != nil }
            guard let cheapest = measured.min(by: { rates[$0]! < rates[$1]! }),
                  let best = measured.max(by: { median(benchmark, $0) / rates[$0]! < median(benchmark, $1) / rates[$1]! })
            else { continue }
            if best != cheapest { notCheapest.append(benchmark) }
        }
        for benchmark in ["allreduce_bw", "end_to_end_training", "spmd_sharding", "llama_7b_infer"] {
            #expect(notCheapest.contains(benchmark), "\(benchmark)'s best value is its cheapest instance")
        }
        #expect(abs(DemoFleet.throughputFactor(of: "allreduce_bw", on: DemoFleet.p4d) - 1 / (0.01 + 0.99 / 8)) < 1e-12)
        #expect(DemoFleet.throughputFactor(of: "llama_7b_infer", on: DemoFleet.g5x) == 0.25, "1 × 16 GB < 28 GB: offloading")
    }

    /// Spec §5 region: a share of the on-demand runs of the regionally priced instances
    /// (a2-highgpu-1g, p4d.24xlarge) runs in their dearest region, every week, while most run in the
    /// cheapest (checklist item 6 partial).
    @Test func someOnDemandRunsUseTheDearerRegion() throws {
        let records = demoRecords(defaultDemo.rows)
        var runsInRegion: [String: Bool] = [:]  // on-demand run → in the dear region
        var dearWeeks: Set<String> = [], weeks: Set<String> = []
        var cheapestSpend = 0.0, regionalSpend = 0.0
        var dearInstances: Set<String> = []
        for r in records {
            weeks.insert(r.week)
            guard r.market == "on-demand", r.instance == "a2-highgpu-1g" || r.instance == "p4d.24xlarge" else { continue }
            let dear = r.region.hasPrefix("europe-west4") || r.region.hasPrefix("eu-west-1")
            runsInRegion[r.runID] = dear
            regionalSpend += r.cost
            if dear {
                dearWeeks.insert(r.week)
                dearInstances.insert(r.instance)
            } else {
                cheapestSpend += r.cost
            }
        }
        #expect(dearInstances == ["a2-highgpu-1g", "p4d.24xlarge"])
        #expect(dearWeeks == weeks, "weeks without an on-demand run in a dear region: \(weeks.subtracting(dearWeeks).sorted())")
        let runShare = Double(runsInRegion.values.filter { $0 }.count) / Double(max(runsInRegion.count, 1))
        #expect(runShare >= 0.2 && runShare <= 0.4, "dear-region share of on-demand runs \(runShare)")
        let cheapestShare = cheapestSpend / regionalSpend
        #expect(cheapestShare >= 0.6 && cheapestShare < 0.9, "cheapest-region share of on-demand spend \(cheapestShare)")
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

/// A demo row as the opportunity checks see it (spec §3, §12): only rows with a valid timestamp,
/// a positive cost and duration, and object metadata (the deliberately bad rows are left out).
private struct DemoRecord {
    let runID, timestamp, instance, region, suite: String
    let month: String  // "2026-11"
    let week: String   // Monday of its ISO week
    let hours, cost: Double
    /// spot | on-demand | reserved: from metadata (spec §12 precedence), else inferred from the rate.
    let market: String
    let testType: String?
    /// On-demand R by region (catalog, spec §2); nil for an unknown instance.
    let rate: Double?
}

private func demoRecords(_ rows: [[String?]]) -> [DemoRecord] {
    rows.compactMap { row in
        guard let ts = row[Col.timestamp], isPythonIsoformat(ts), let day = Day(iso: String(ts.prefix(10))),
              let cost = Double(row[Col.cost] ?? ""), let seconds = Double(row[Col.duration] ?? ""),
              cost > 0, seconds > 0, let meta = metadataObject(row[Col.metadata]) else { return nil }
        let instance = row[Col.instance] ?? "", region = (row[Col.region] ?? "").lowercased()
        let suite = row[Col.suite] ?? "", name = row[Col.name] ?? ""
        let hours = seconds / 3600
        let rate = onDemandRate(instance, region)
        var market: String?
        for key in ["market", "purchase_option"] {
            if let value = meta[key] as? String { market = value == "preemptible" ? "spot" : value; break }
        }
        if market == nil {
            for key in ["spot_instance", "preemptible", "spot"] {
                if let value = meta[key] as? Bool { market = value ? "spot" : "on-demand"; break }
            }
        }
        if market == nil, let rate { market = cost / hours <= 0.6 * rate ? "spot" : "on-demand" }
        return DemoRecord(runID: row[Col.runID] ?? "", timestamp: ts, instance: instance, region: region, suite: suite,
                          month: String(ts.prefix(7)), week: day.startOfISOWeek.iso, hours: hours, cost: cost,
                          market: market ?? "unknown", testType: (meta["test_type"] as? String) ?? wordTestType(suite)
                              ?? wordTestType(name), rate: rate)
    }
}

/// Spec §12: the first token (split on non-alphanumerics) that names a test type.
private func wordTestType(_ text: String) -> String? {
    for token in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
        if token.hasPrefix("unit") { return "unit" }
        if token == "smoke" || token == "quick" { return "quick" }
        if token == "integration" { return "integration" }
        if token.hasPrefix("benchmark") || token.hasPrefix("perf") { return "benchmark" }
    }
    return nil
}

/// Catalog on-demand R (spec §2), by region where the catalog lists one.
private func onDemandRate(_ instance: String, _ region: String) -> Double? {
    switch instance {
    case "p4d.24xlarge": return region.hasPrefix("eu-west-1") ? 35.92 : 32.77
    case "a2-highgpu-1g": return region.hasPrefix("europe-west4") ? 4.03 : 3.67
    default: return catalogRates[instance]?.rate
    }
}

/// (provider, accelerator kind, base on-demand R) of the demo fleet's instance types (spec §2).
private let catalogRates: [String: (provider: String, kind: String, rate: Double)] = [
    "p5.48xlarge": ("aws", "gpu", 98.32), "p4d.24xlarge": ("aws", "gpu", 32.77), "g5.xlarge": ("aws", "gpu", 1.006),
    "g5.12xlarge": ("aws", "gpu", 5.672), "c6i.8xlarge": ("aws", "cpu", 1.36), "a3-highgpu-8g": ("gcp", "gpu", 98.32),
    "a2-highgpu-1g": ("gcp", "gpu", 3.67), "a2-highgpu-2g": ("gcp", "gpu", 7.35), "g2-standard-4": ("gcp", "gpu", 0.84),
    "n2-standard-32": ("gcp", "cpu", 1.52), "v5litepod-1": ("gcp", "tpu", 1.20), "v5litepod-4": ("gcp", "tpu", 4.80),
    "v5litepod-8": ("gcp", "tpu", 9.60), "v5p-8": ("gcp", "tpu", 12.0), "v6e-1": ("gcp", "tpu", 2.40),
]

/// R of the default right-size recommendation (spec §11) for a test type, in the instance's
/// provider and accelerator kind, in the record's region; nil for CPU-only or unknown instances.
private func recommendedRate(testType: String, instance: String, region: String) -> Double? {
    guard let facts = catalogRates[instance], facts.kind != "cpu" else { return nil }
    let family = facts.kind == "tpu" ? "gcp-tpu" : facts.provider
    let recommended: [String: [String: String]] = [
        "unit": ["aws": "g5.xlarge", "gcp": "g2-standard-4", "gcp-tpu": "v5litepod-1"],
        "quick": ["aws": "g5.xlarge", "gcp": "g2-standard-4", "gcp-tpu": "v5litepod-1"],
        "integration": ["aws": "p4d.24xlarge", "gcp": "a2-highgpu-1g", "gcp-tpu": "v5litepod-4"],
        "benchmark": ["aws": "p5.48xlarge", "gcp": "a3-highgpu-8g", "gcp-tpu": "v5p-8"],
    ]
    guard let name = recommended[testType]?[family] else { return nil }
    return onDemandRate(name, region)
}

private final class ProgressLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
