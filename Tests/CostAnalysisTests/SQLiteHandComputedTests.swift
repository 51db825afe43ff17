import CostAnalysis
import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest

// The acceptance test, end to end: a SQLite file created with the exact Python schema (spec §1) and
// Python-style rows (naive `isoformat()` timestamps with and without microseconds, metadata as
// `json.dumps` text) is read with `BenchmarksDatabase.read`, priced with the bundled catalog, analysed,
// and every figure is compared to the hand computation below, to the cent.
//
// ════════════════════════════════════════════════════════════════════════════════════════════════
// FIXTURE: 18 rows in the `benchmarks` table (rowid order = insert order). Time zone UTC (naive = UTC).
// As-of 2026-11-05 (Thu). Period 2026-W45 = Mon 2026-11-02 … Sun 2026-11-08; month 2026-11.
//
// Rates from Resources/catalog.yml (spec §2): R = region's price if listed, else the instance's.
//   aws p4d.24xlarge   32.77; regions us-east-2 32.77, us-west-2 32.77, eu-west-1 35.92
//   aws g5.xlarge      1.006 (no regional prices)
//   gcp a2-highgpu-1g  3.67;  regions us-central1 3.67, us-east4 3.67, europe-west4 4.03
//   gcp g2-standard-4  0.84
//   gcp v5litepod-8    9.60 (us-central1 not listed → base price)
//   aws x9.mystery     not in the catalog → no R
// Zones: `us-west-2a` → us-west-2; `europe-west4-a` → europe-west4 (spec §12).
//
// hours = duration_seconds / 3600; OD = on-demand equivalent = hours × R; RS = realized savings =
// OD − cost (spot and reserved only, never clamped).
//
// | row | timestamp (as stored)         | run    | prov | instance      | region raw → R         | secs  | h   | cost_usd | market (evidence)                         | OD      | RS     | developer      |
// |-----|-------------------------------|--------|------|---------------|------------------------|-------|-----|----------|-------------------------------------------|---------|--------|----------------|
// | r0  | 2026-10-30T12:00:00           | run-00 | gcp  | g2-standard-4 | us-central1   0.84     | 3600  | 1   |   0.84   | on-demand (market "on-demand")            |  0.84   |  —     | carol          |
// | r1  | 2026-11-01T10:00:00           | run-01 | aws  | p4d.24xlarge  | us-east-2    32.77     | 3600  | 1   |  32.77   | on-demand (market "on-demand")            | 32.77   |  —     | alice          |
// | r2  | 2026-11-02T22:15:03           | run-02 | aws  | p4d.24xlarge  | eu-west-1    35.92 (!) | 5400  | 1.5 |  53.88   | on-demand (market "on-demand")            | 53.88   |  —     | alice          |
// | r3  | 2026-11-03T09:00:00.250000    | run-03 | aws  | p4d.24xlarge  | us-west-2a → 32.77     | 7200  | 2   |  25.00   | spot (spot_instance: true)                | 65.54   | 40.54  | bob            |
// | r4  | 2026-11-03T11:30:00           | run-04 | gcp  | a2-highgpu-1g | europe-west4-a → 4.03  | 3600  | 1   |   1.20   | spot (preemptible: true)                  |  4.03   |  2.83  | carol          |
// | r5  | 2026-11-03T15:00:00.000001    | run-05 | gcp  | v5litepod-8   | us-central1   9.60     | 7200  | 2   |  12.48   | reserved (market "reserved")              | 19.20   |  6.72  | alice          |
// | X1  | 2026-11-31T10:00:00           | run-x1 |      |               |                        | 3600  |     |  32.77   | REJECTED invalid_timestamp (no Nov 31)    |         |        |                |
// | r6  | 2026-11-04T01:00:00           | run-06 | gcp  | a2-highgpu-1g | us-central1   3.67     | 7200  | 2   |   4.404  | spot INFERRED: 4.404/2 = 2.202 = 0.6×3.67 |  7.34   |  2.936 | bob            |
// | r7  | 2026-11-04T07:45:12.123456    | run-07 | aws  | g5.xlarge     | us-east-1     1.006    | 10800 | 3   |   3.018  | on-demand INFERRED: 1.006 > 0.6036        |  3.018  |  —     | (unattributed) |
// | X2  | 2026-11-04T08:00:00           | run-x2 |      |               |                        | 3600  |     |  -5.00   | REJECTED negative_cost                    |         |        |                |
// | r8  | 2026-11-04T13:20:00           | run-08 | aws  | x9.mystery    | us-east-1     —        | 3600  | 1   |  20.00   | unknown (no R: nothing to infer from)     |  —      |  —     | carol          |
// | X3  | 2026-11-04T16:00:00           | run-x3 |      |               |                        | -60   |     |   1.00   | REJECTED negative_duration                |         |        |                |
// | r9  | 2026-11-05T09:00:00           | run-09 | aws  | g5.xlarge     | us-east-1     1.006    | 36000 | 10  |   0.0    | on-demand: cost 0.0 with duration > 0 is  | 10.06   |  —     | bob            |
// |     |                               |        |      |               |                        |       |     |          | missing → ESTIMATED 10 × 1.006 = 10.06    |         |        |                |
// | r10 | 2026-11-05T11:00:00           | run-10 | gcp  | a2-highgpu-1g | us-central1   3.67     | 3600  | 1   |   4.00   | spot (spot: true) — costs MORE than OD    |  3.67   | -0.33  | (unattributed) |
// | X4  | 2026-11-05T12:00:00           | run-x4 |      |               |                        | NULL  |     |  NULL    | REJECTED missing_cost                     |         |        |                |
// | r11 | 2026-11-05T14:30:00           | run-11 | aws  | p4d.24xlarge  | us-east-2    32.77     | 3600  | 1   |  32.77   | on-demand (purchase_option "on-demand")   | 32.77   |  —     | alice          |
// | r12 | 2026-11-05T14:30:00.500000    | run-11 | aws  | p4d.24xlarge  | us-east-2    32.77     | 1800  | 0.5 |  16.385  | on-demand (purchase_option "on-demand")   | 16.385  |  —     | alice          |
// | r13 | 2026-11-06T08:00:00           | run-13 | aws  | p4d.24xlarge  | us-east-2    32.77     | 3600  | 1   |  32.77   | on-demand INFERRED; AFTER AS-OF           | 32.77   |  —     | bob            |
//
// r11 and r12 share run-11 (runs ≠ records); their costs differ, so no double-counting warning.
// Tests: every accepted row passes 10 and fails 0, except r12: 8 passed, 2 failed (run-11 fails).
//
// Config (YAML): budget monthly 250, warn 0.75, critical 0.90, daily alert 50, allocations
// alice 120, bob 40 (nobody else) → `shared` = 250 − 120 − 40 = 90, covering carol and (unattributed).
// ════════════════════════════════════════════════════════════════════════════════════════════════

/// Builds the database, reads it, and produces the week and month reports once for every test.
enum SQLiteHandFixture {
    static let asOf = Day(iso: "2026-11-05")!
    static let week = Period(parsing: "2026-W45")!
    static let month = Period(parsing: "2026-11")!

    static let configYAML = HandComputedRows.configYAML

    struct Built: Sendable {
        var config: Config
        var dataset: Dataset
        var latestDay: Day?
        var week: Report
        var month: Report
    }

    static func build() throws -> Built {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("costreport-sqlite-hand-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("benchmarks.db").path
        try HandComputedRows.writeDatabase(at: path)

        let catalog = try CatalogLoader.bundled()
        let config = try ConfigLoader.parse(yaml: configYAML, path: "costreport.yml")
        let dataset = try BenchmarksDatabase.read(path: path, catalog: catalog, config: config)
        let analyzer = Analyzer(dataset: dataset, catalog: catalog, config: config)
        return Built(config: config, dataset: dataset, latestDay: analyzer.latestDay,
                     week: analyzer.report(for: week, asOf: asOf),
                     month: analyzer.report(for: month, asOf: asOf))
    }

    static let shared = Result { try build() }
}

// MARK: - Assertion helpers (to the cent for money)

private func expectUSD(_ actual: Double?, _ expected: Double, _ label: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("\(label): nil, expected \(expected)", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(actual - expected) < 0.005, "\(label): got \(actual), hand-computed \(expected)",
            sourceLocation: sourceLocation)
}

/// Shares, rates and hours (exact hand values, written as fractions of exact sums).
private func expectClose(_ actual: Double?, _ expected: Double, _ label: String, tolerance: Double = 1e-6,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("\(label): nil, expected \(expected)", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(actual - expected) < tolerance, "\(label): got \(actual), hand-computed \(expected)",
            sourceLocation: sourceLocation)
}

/// A hand-computed breakdown row: key, records, runs, hours, spend, on-demand equivalent, realized savings.
private struct Expected {
    var key: String
    var records: Int
    var runs: Int
    var hours: Double
    var spend: Double
    var od: Double
    var realized: Double
    init(_ key: String, records: Int, runs: Int, hours: Double, spend: Double, od: Double, realized: Double) {
        self.key = key; self.records = records; self.runs = runs; self.hours = hours; self.spend = spend
        self.od = od; self.realized = realized
    }
}

/// Key order and every figure of each row; share = row spend / period spend.
private func expectRows(_ rows: [BreakdownRow], _ expected: [Expected], periodSpend: Double, _ dimension: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(rows.map(\.key) == expected.map(\.key), "\(dimension): key order", sourceLocation: sourceLocation)
    for e in expected {
        guard let r = rows.first(where: { $0.key == e.key }) else {
            Issue.record("\(dimension): no row \(e.key)", sourceLocation: sourceLocation)
            continue
        }
        let label = "\(dimension)[\(e.key)]"
        #expect(r.records == e.records, "\(label).records \(r.records) ≠ \(e.records)", sourceLocation: sourceLocation)
        #expect(r.runs == e.runs, "\(label).runs \(r.runs) ≠ \(e.runs)", sourceLocation: sourceLocation)
        expectClose(r.hours, e.hours, "\(label).hours", tolerance: 1e-9, sourceLocation: sourceLocation)
        expectUSD(r.spend, e.spend, "\(label).spend", sourceLocation: sourceLocation)
        expectClose(r.share, e.spend / periodSpend, "\(label).share", sourceLocation: sourceLocation)
        expectUSD(r.onDemandEquivalent, e.od, "\(label).on_demand_equivalent", sourceLocation: sourceLocation)
        expectUSD(r.realizedSavings, e.realized, "\(label).realized_savings", sourceLocation: sourceLocation)
    }
}

// MARK: - Tests

@Suite struct SQLiteHandComputedTests {
    private var built: SQLiteHandFixture.Built { get throws { try SQLiteHandFixture.shared.get() } }

    // ── Ingest ──────────────────────────────────────────────────────────────────────────────────
    @Test func configAndIngestAsWritten() throws {
        let b = try built
        // Config parsed from YAML: 250 / 0.75 / 0.90 / 50, alice 120 and bob 40 in file order.
        #expect(b.config.budget.monthly == 250 && b.config.budget.warnAt == 0.75 && b.config.budget.criticalAt == 0.90)
        #expect(b.config.budget.dailyAlert == 50)
        #expect(b.config.budget.allocations == [Allocation(developer: "alice", monthly: 120),
                                                Allocation(developer: "bob", monthly: 40)])
        // 18 rows read: 14 accepted (r0 … r13), 4 rejected (X1 … X4), one reason each.
        #expect(b.dataset.quality.read == 18)
        #expect(b.dataset.records.count == 14)
        #expect(b.dataset.quality.rejected == [.invalidTimestamp: 1, .negativeCost: 1, .negativeDuration: 1, .missingCost: 1])
        // The latest record is r13 (11-06): the default as-of would be that day; the test passes 11-05.
        #expect(b.latestDay == Day(iso: "2026-11-06"))
    }

    // ── Week 2026-W45 (11-02 … 11-05 up to as-of): r2 … r12, 11 records ─────────────────────────
    @Test func weekTotals() throws {
        let r = try built.week
        #expect(r.asOf == "2026-11-05")
        #expect(r.period.id == "2026-W45" && r.period.start == "2026-11-02" && r.period.end == "2026-11-08")
        #expect(r.period.daysCovered == 4 && r.period.days == 7)
        let t = r.totals
        // records: r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12 = 11 (r0, r1 before; r13 after as-of)
        #expect(t.records == 11)
        // runs: run-02 … run-10 (9) + run-11 (r11 and r12 together) = 10
        #expect(t.runs == 10)
        // hours: 1.5 + 2 + 1 + 2 + 2 + 3 + 1 + 10 + 1 + 1 + 0.5 = 25
        expectClose(t.hours, 25, "totals.hours", tolerance: 1e-9)
        // spend: 53.88 + 25.00 = 78.88; + 1.20 = 80.08; + 12.48 = 92.56; + 4.404 = 96.964; + 3.018 = 99.982;
        //        + 20.00 = 119.982; + 10.06 (estimated) = 130.042; + 4.00 = 134.042; + 32.77 = 166.812;
        //        + 16.385 = 183.197
        expectUSD(t.spend, 183.197, "totals.spend")
        // on-demand equivalent (records with R and hours; not r8): 53.88 + 65.54 = 119.42; + 4.03 = 123.45;
        //        + 19.20 = 142.65; + 7.34 = 149.99; + 3.018 = 153.008; + 10.06 = 163.068; + 3.67 = 166.738;
        //        + 32.77 = 199.508; + 16.385 = 215.893
        expectUSD(t.onDemandEquivalent, 215.893, "totals.on_demand_equivalent")
        // realized savings (spot r3, r4, r6, r10; reserved r5):
        //        40.54 + 2.83 = 43.37; + 6.72 = 50.09; + 2.936 = 53.026; − 0.33 = 52.696
        expectUSD(t.realizedSavings, 52.696, "totals.realized_savings")
        // tests: passed 10 × 10 + 8 = 108; failed 2 (r12); spend on runs with failed tests = run-11 =
        // r11 + r12 = 32.77 + 16.385 = 49.155; estimated spend r9 10.06
        #expect(t.testsPassed == 108 && t.testsFailed == 2)
        expectUSD(t.failedRunSpend, 49.155, "totals.failed_run_spend")
        expectUSD(t.estimatedSpend, 10.06, "totals.estimated_spend")
    }

    @Test func weekChangeAndTrend() throws {
        let r = try built.week
        // Like for like (spec §12): W45 is 4 days in (Mon–Thu), so it is compared with Mon–Thu of W44,
        // 10-26 … 10-29: no record (r0 is Friday 10-30). That window starts before the data's first
        // day (10-30), so there is no comparison: change and percent null.
        #expect(r.previousPeriod.id == "2026-W44")
        let window = r.totals.comparison?.previousPeriod
        #expect(window?.start == "2026-10-26" && window?.end == "2026-10-29" && window?.comparable == false)
        #expect(window?.dataStarts == "2026-10-30")
        #expect(r.previousTotals.records == 0 && r.previousTotals.spend == 0)
        #expect(r.change == .none)
        // trend: 12 weeks W34 … W45; W44 33.61, W45 183.197, the ten before 0
        #expect(r.trend.count == 12)
        #expect(r.trend.first?.week == "2026-W34" && r.trend.last?.week == "2026-W45")
        expectUSD(r.trend.last?.spend, 183.197, "trend W45")
        expectUSD(r.trend.dropLast().last?.spend, 33.61, "trend W44")
        #expect(r.trend.dropLast(2).allSatisfy { $0.spend == 0 })
    }

    @Test func weekByProvider() throws {
        let r = try built.week
        // aws: r2 53.88, r3 25.00, r7 3.018, r8 20.00, r9 10.06, r11 32.77, r12 16.385
        //   spend 53.88 + 25 = 78.88; + 3.018 = 81.898; + 20 = 101.898; + 10.06 = 111.958; + 32.77 = 144.728;
        //         + 16.385 = 161.113  (share 161.113 / 183.197 = 0.8795)
        //   records 7; runs run-02, 03, 07, 08, 09, 11 = 6; hours 1.5 + 2 + 3 + 1 + 10 + 1 + 0.5 = 19
        //   OD 53.88 + 65.54 + 3.018 + 10.06 + 32.77 + 16.385 = 181.653; realized r3 40.54
        // gcp: r4 1.20, r5 12.48, r6 4.404, r10 4.00 → 22.084 (share 0.1205); 4 records, 4 runs;
        //   hours 1 + 2 + 2 + 1 = 6; OD 4.03 + 19.20 + 7.34 + 3.67 = 34.24;
        //   realized 2.83 + 6.72 + 2.936 − 0.33 = 12.156
        // check: 161.113 + 22.084 = 183.197; 181.653 + 34.24 = 215.893; 40.54 + 12.156 = 52.696
        expectRows(r.breakdowns.provider, [
            Expected("aws", records: 7, runs: 6, hours: 19, spend: 161.113, od: 181.653, realized: 40.54),
            Expected("gcp", records: 4, runs: 4, hours: 6, spend: 22.084, od: 34.24, realized: 12.156),
        ], periodSpend: 183.197, "provider")
    }

    @Test func weekByInstanceType() throws {
        let r = try built.week
        // p4d.24xlarge: r2 53.88 + r3 25.00 + r11 32.77 + r12 16.385 = 128.035; 4 records, runs 02, 03, 11 = 3;
        //   hours 1.5 + 2 + 1 + 0.5 = 5; OD 53.88 + 65.54 + 32.77 + 16.385 = 168.575; realized 40.54
        // x9.mystery: r8 20.00; 1 h; no R → OD 0, realized 0
        // g5.xlarge: r7 3.018 + r9 10.06 = 13.078; 2 runs; hours 3 + 10 = 13; OD 3.018 + 10.06 = 13.078
        // v5litepod-8: r5 12.48; 2 h; OD 19.20; realized 6.72
        // a2-highgpu-1g: r4 1.20 + r6 4.404 + r10 4.00 = 9.604; 3 runs; hours 1 + 2 + 1 = 4;
        //   OD 4.03 (europe-west4) + 7.34 + 3.67 = 15.04; realized 2.83 + 2.936 − 0.33 = 5.436
        // by spend: 128.035 > 20.00 > 13.078 > 12.48 > 9.604 (sum 183.197)
        expectRows(r.breakdowns.instanceType, [
            Expected("p4d.24xlarge", records: 4, runs: 3, hours: 5, spend: 128.035, od: 168.575, realized: 40.54),
            Expected("x9.mystery", records: 1, runs: 1, hours: 1, spend: 20.00, od: 0, realized: 0),
            Expected("g5.xlarge", records: 2, runs: 2, hours: 13, spend: 13.078, od: 13.078, realized: 0),
            Expected("v5litepod-8", records: 1, runs: 1, hours: 2, spend: 12.48, od: 19.20, realized: 6.72),
            Expected("a2-highgpu-1g", records: 3, runs: 3, hours: 4, spend: 9.604, od: 15.04, realized: 5.436),
        ], periodSpend: 183.197, "instance_type")
    }

    @Test func weekByRegionNormalisesZones() throws {
        let r = try built.week
        // eu-west-1 r2 53.88; us-east-2 r11 + r12 = 49.155 (1 run); us-east-1 r7 + r8 + r9 = 33.078;
        // us-west-2 (from us-west-2a) r3 25.00; us-central1 r5 + r6 + r10 = 12.48 + 4.404 + 4.00 = 20.884;
        // europe-west4 (from europe-west4-a) r4 1.20. Sum 183.197.
        // OD: eu-west-1 53.88; us-east-2 49.155; us-east-1 3.018 + 10.06 = 13.078 (r8 none); us-west-2 65.54;
        //     us-central1 19.20 + 7.34 + 3.67 = 30.21; europe-west4 4.03
        expectRows(r.breakdowns.region, [
            Expected("eu-west-1", records: 1, runs: 1, hours: 1.5, spend: 53.88, od: 53.88, realized: 0),
            Expected("us-east-2", records: 2, runs: 1, hours: 1.5, spend: 49.155, od: 49.155, realized: 0),
            Expected("us-east-1", records: 3, runs: 3, hours: 14, spend: 33.078, od: 13.078, realized: 0),
            Expected("us-west-2", records: 1, runs: 1, hours: 2, spend: 25.00, od: 65.54, realized: 40.54),
            Expected("us-central1", records: 3, runs: 3, hours: 5, spend: 20.884, od: 30.21,
                     realized: 6.72 + 2.936 - 0.33),
            Expected("europe-west4", records: 1, runs: 1, hours: 1, spend: 1.20, od: 4.03, realized: 2.83),
        ], periodSpend: 183.197, "region")
    }

    @Test func weekByMarket() throws {
        let r = try built.week
        // on-demand: r2 53.88 (recorded), r7 3.018 (inferred), r9 10.06 (estimated), r11 32.77, r12 16.385
        //   (purchase_option) = 116.113; 5 records, runs 02, 07, 09, 11 = 4; hours 1.5 + 3 + 10 + 1 + 0.5 = 16;
        //   OD = cost for each (all at exactly R) = 116.113; realized 0 (on-demand has none)
        // spot: r3 25.00 (spot_instance), r4 1.20 (preemptible), r6 4.404 (inferred at 0.6 R), r10 4.00 (spot)
        //   = 34.604; 4 runs; hours 2 + 1 + 2 + 1 = 6; OD 65.54 + 4.03 + 7.34 + 3.67 = 80.58;
        //   realized 40.54 + 2.83 + 2.936 − 0.33 = 45.976
        // unknown: r8 20.00 (no R); 1 h; OD 0
        // reserved: r5 12.48; 2 h; OD 19.20; realized 6.72
        expectRows(r.breakdowns.market, [
            Expected("on-demand", records: 5, runs: 4, hours: 16, spend: 116.113, od: 116.113, realized: 0),
            Expected("spot", records: 4, runs: 4, hours: 6, spend: 34.604, od: 80.58, realized: 45.976),
            Expected("unknown", records: 1, runs: 1, hours: 1, spend: 20.00, od: 0, realized: 0),
            Expected("reserved", records: 1, runs: 1, hours: 2, spend: 12.48, od: 19.20, realized: 6.72),
        ], periodSpend: 183.197, "market")
    }

    @Test func weekByDeveloper() throws {
        let r = try built.week
        // alice: r2 53.88 + r5 12.48 + r11 32.77 + r12 16.385 = 115.515; 4 records, 3 runs; hours 1.5 + 2 + 1 + 0.5 = 5;
        //   OD 53.88 + 19.20 + 32.77 + 16.385 = 122.235; realized r5 6.72
        // bob: r3 25.00 + r6 4.404 + r9 10.06 = 39.464; 3 runs; hours 2 + 2 + 10 = 14; OD 65.54 + 7.34 + 10.06 = 82.94;
        //   realized 40.54 + 2.936 = 43.476
        // carol: r4 1.20 + r8 20.00 = 21.20; 2 runs; hours 2; OD 4.03 (r8 none); realized 2.83
        // (unattributed): r7 3.018 + r10 4.00 = 7.018; 2 runs; hours 4; OD 3.018 + 3.67 = 6.688; realized −0.33
        // sum 115.515 + 39.464 + 21.20 + 7.018 = 183.197
        expectRows(r.breakdowns.developer, [
            Expected("alice", records: 4, runs: 3, hours: 5, spend: 115.515, od: 122.235, realized: 6.72),
            Expected("bob", records: 3, runs: 3, hours: 14, spend: 39.464, od: 82.94, realized: 43.476),
            Expected("carol", records: 2, runs: 2, hours: 2, spend: 21.20, od: 4.03, realized: 2.83),
            Expected("(unattributed)", records: 2, runs: 2, hours: 4, spend: 7.018, od: 6.688, realized: -0.33),
        ], periodSpend: 183.197, "developer")
    }

    @Test func weekByDay() throws {
        let r = try built.week
        // Every day of the week up to as-of, by spend like every dimension (11-06 … 11-08 are after as-of: not listed).
        // 11-02: r2 53.88 (22:15:03 naive = UTC, same day); hours 1.5; OD 53.88
        // 11-03: r3 25.00 + r4 1.20 + r5 12.48 = 38.68; hours 2 + 1 + 2 = 5; OD 65.54 + 4.03 + 19.20 = 88.77;
        //        realized 40.54 + 2.83 + 6.72 = 50.09
        // 11-04: r6 4.404 + r7 3.018 + r8 20.00 = 27.422; hours 2 + 3 + 1 = 6; OD 7.34 + 3.018 = 10.358; realized 2.936
        // 11-05: r9 10.06 + r10 4.00 + r11 32.77 + r12 16.385 = 63.215; 4 records, 3 runs; hours 10 + 1 + 1 + 0.5 = 12.5;
        //        OD 10.06 + 3.67 + 32.77 + 16.385 = 62.885; realized −0.33
        expectRows(r.breakdowns.day, [
            Expected("2026-11-05", records: 4, runs: 3, hours: 12.5, spend: 63.215, od: 62.885, realized: -0.33),
            Expected("2026-11-02", records: 1, runs: 1, hours: 1.5, spend: 53.88, od: 53.88, realized: 0),
            Expected("2026-11-03", records: 3, runs: 3, hours: 5, spend: 38.68, od: 88.77, realized: 50.09),
            Expected("2026-11-04", records: 3, runs: 3, hours: 6, spend: 27.422, od: 10.358, realized: 2.936),
        ], periodSpend: 183.197, "day")
    }

    // ── Data quality: every record read (r0 … r13 and X1 … X4), not only the period ─────────────
    @Test func dataQuality() throws {
        let b = try built
        for report in [b.week, b.month] {
            let q = report.dataQuality
            // read 18 = accepted 14 + rejected 4
            #expect(q.read == 18 && q.accepted == 14)
            // one per reason, every reason listed
            #expect(q.rejected == ["duplicate_run": 0, "invalid_record": 0, "invalid_timestamp": 1, "invalid_duration": 0, "negative_duration": 1,
                                   "invalid_cost": 0, "negative_cost": 1, "missing_cost": 1])
            // estimated: r9 only, 10 h × 1.006 = 10.06
            #expect(q.estimated == 1)
            expectUSD(q.estimatedSpend, 10.06, "data_quality.estimated_spend")
            // inferred markets: r6 (spot, exactly 0.6 R), r7 (on-demand), r13 (on-demand, after as-of) = 3.
            // Not r8 (no R → unknown, not inferred), not r9 (estimated: on-demand by rule, not inferred).
            #expect(q.inferredMarket == 3)
            // unknown instance types: aws/x9.mystery, 1 record, 20.00
            #expect(q.unknownInstances.map(\.key) == ["aws/x9.mystery"])
            #expect(q.unknownInstances.first?.records == 1)
            expectUSD(q.unknownInstances.first?.spend, 20.00, "unknown_instances[aws/x9.mystery].spend")
            // spot above on-demand: r10, 4.00 − 3.67 = 0.33
            #expect(q.spotAboveOnDemand.records == 1)
            expectUSD(q.spotAboveOnDemand.excess, 0.33, "spot_above_on_demand.excess")
            // run-11's two records cost 32.77 and 16.385 (different): no suspected double counting
            #expect(q.suspectedDoubleCounting == DoubleCounting())
            // r13 (11-06) is after as-of
            #expect(q.afterAsOf == 1)
            #expect(q.metadataNotObject == 0)
        }
    }

    // ── Budget (as-of month 2026-11, days elapsed 5 of 30) ───────────────────────────────────────
    @Test func budgetAndProjection() throws {
        let b = try built.week.budget
        #expect(b.month == "2026-11" && b.daysElapsed == 5 && b.daysInMonth == 30)
        #expect(b.monthly == 250 && b.preset == nil)
        // MTD = 11-01 … 11-05 = r1 32.77 + week 183.197 = 215.967 (r0 is October, r13 after as-of)
        expectUSD(b.monthToDate, 215.967, "budget.month_to_date")
        // share 215.967 / 250 = 0.863868 → ≥ 0.75 and < 0.90 → WARNING
        expectClose(b.share, 215.967 / 250, "budget.share")
        #expect(b.status == .warning)
        // projected = 215.967 / 5 × 30 = 1295.802; share 5.183208 > 1 → OVER
        expectUSD(b.projected, 1295.802, "budget.projected")
        expectClose(b.projectedShare, 1295.802 / 250, "budget.projected_share")
        #expect(b.projectedStatus == .over)
        // alert days (spend strictly above 50): 11-01 32.77 no; 11-02 53.88 yes; 11-03 38.68 no;
        // 11-04 27.422 no; 11-05 63.215 yes
        #expect(b.alertDays.map(\.day) == ["2026-11-02", "2026-11-05"])
        expectUSD(b.alertDays.first?.spend, 53.88, "alert 11-02")
        expectUSD(b.alertDays.last?.spend, 63.215, "alert 11-05")
        // The month report is about the same as-of: the same budget.
        let month = try built.month
        #expect(month.budget == b)
    }

    @Test func perDeveloperBudget() throws {
        let devs = try built.week.budget.developers
        // allocated developers in config order, then shared
        #expect(devs.map(\.key) == ["alice", "bob", "shared"])
        // alice: MTD r1 32.77 + r2 53.88 + r5 12.48 + r11 32.77 + r12 16.385 = 148.285 of 120
        //   → share 1.235708 > 1 → OVER
        let alice = try #require(devs.first { $0.key == "alice" })
        #expect(alice.allocation == 120 && alice.members.isEmpty)
        expectUSD(alice.spend, 148.285, "alice.spend")
        expectClose(alice.share, 148.285 / 120, "alice.share")
        #expect(alice.status == .over)
        // bob: r3 25.00 + r6 4.404 + r9 10.06 = 39.464 of 40 → 0.9866 ≥ 0.90 → CRITICAL (r13 is after as-of)
        let bob = try #require(devs.first { $0.key == "bob" })
        #expect(bob.allocation == 40 && bob.members.isEmpty)
        expectUSD(bob.spend, 39.464, "bob.spend")
        expectClose(bob.share, 39.464 / 40, "bob.share")
        #expect(bob.status == .critical)
        // shared: no allocation of its own → 250 − 120 − 40 = 90; members carol (r4 1.20 + r8 20.00 = 21.20;
        // r0 is October) and (unattributed) (r7 3.018 + r10 4.00 = 7.018) → 28.218 of 90 → 0.313533 → OK
        let shared = try #require(devs.first { $0.key == "shared" })
        #expect(shared.allocation == 90)
        #expect(shared.members == ["(unattributed)", "carol"])
        expectUSD(shared.spend, 28.218, "shared.spend")
        expectClose(shared.share, 28.218 / 90, "shared.share")
        #expect(shared.status == .ok)
        // every month-to-date dollar is in exactly one row: 148.285 + 39.464 + 28.218 = 215.967
        expectUSD(devs.reduce(0.0) { $0 + $1.spend }, 215.967, "developers sum")
    }

    // ── Month 2026-11 up to as-of (11-01 … 11-05): r1 … r12, 12 records ──────────────────────────
    @Test func monthReport() throws {
        let r = try built.month
        #expect(r.period.id == "2026-11" && r.period.daysCovered == 5 && r.period.days == 30)
        let t = r.totals
        // week figures + r1 (1 record, 1 run, 1 h, 32.77, OD 32.77, on-demand: no realized savings)
        #expect(t.records == 12 && t.runs == 11)
        expectClose(t.hours, 26, "month.hours", tolerance: 1e-9)
        expectUSD(t.spend, 215.967, "month.spend")
        expectUSD(t.onDemandEquivalent, 248.663, "month.on_demand_equivalent")
        expectUSD(t.realizedSavings, 52.696, "month.realized_savings")
        // Like for like: 5 days of November against October 1–5 (no record), a window before the
        // data's first day (10-30): no comparison.
        #expect(r.previousPeriod.id == "2026-10" && r.previousTotals.records == 0)
        #expect(r.totals.comparison?.previousPeriod.end == "2026-10-05" && r.change == .none)

        // provider: aws week 161.113 + r1 32.77 = 193.883 (8 records, 7 runs, 20 h, OD 181.653 + 32.77 = 214.423)
        expectRows(r.breakdowns.provider, [
            Expected("aws", records: 8, runs: 7, hours: 20, spend: 193.883, od: 214.423, realized: 40.54),
            Expected("gcp", records: 4, runs: 4, hours: 6, spend: 22.084, od: 34.24, realized: 12.156),
        ], periodSpend: 215.967, "month.provider")
        // instance type: p4d 128.035 + 32.77 = 160.805 (5 records, 4 runs, 6 h, OD 168.575 + 32.77 = 201.345)
        expectRows(r.breakdowns.instanceType, [
            Expected("p4d.24xlarge", records: 5, runs: 4, hours: 6, spend: 160.805, od: 201.345, realized: 40.54),
            Expected("x9.mystery", records: 1, runs: 1, hours: 1, spend: 20.00, od: 0, realized: 0),
            Expected("g5.xlarge", records: 2, runs: 2, hours: 13, spend: 13.078, od: 13.078, realized: 0),
            Expected("v5litepod-8", records: 1, runs: 1, hours: 2, spend: 12.48, od: 19.20, realized: 6.72),
            Expected("a2-highgpu-1g", records: 3, runs: 3, hours: 4, spend: 9.604, od: 15.04, realized: 5.436),
        ], periodSpend: 215.967, "month.instance_type")
        // market: on-demand 116.113 + 32.77 = 148.883 (6 records, 5 runs, 17 h)
        expectRows(r.breakdowns.market, [
            Expected("on-demand", records: 6, runs: 5, hours: 17, spend: 148.883, od: 148.883, realized: 0),
            Expected("spot", records: 4, runs: 4, hours: 6, spend: 34.604, od: 80.58, realized: 45.976),
            Expected("unknown", records: 1, runs: 1, hours: 1, spend: 20.00, od: 0, realized: 0),
            Expected("reserved", records: 1, runs: 1, hours: 2, spend: 12.48, od: 19.20, realized: 6.72),
        ], periodSpend: 215.967, "month.market")
        // developer: alice 115.515 + 32.77 = 148.285 (5 records, 4 runs, 6 h, OD 122.235 + 32.77 = 155.005)
        expectRows(r.breakdowns.developer, [
            Expected("alice", records: 5, runs: 4, hours: 6, spend: 148.285, od: 155.005, realized: 6.72),
            Expected("bob", records: 3, runs: 3, hours: 14, spend: 39.464, od: 82.94, realized: 43.476),
            Expected("carol", records: 2, runs: 2, hours: 2, spend: 21.20, od: 4.03, realized: 2.83),
            Expected("(unattributed)", records: 2, runs: 2, hours: 4, spend: 7.018, od: 6.688, realized: -0.33),
        ], periodSpend: 215.967, "month.developer")
        // day: 11-01 (Sunday) r1 32.77 and the week's four days, by spend
        expectRows(r.breakdowns.day, [
            Expected("2026-11-05", records: 4, runs: 3, hours: 12.5, spend: 63.215, od: 62.885, realized: -0.33),
            Expected("2026-11-02", records: 1, runs: 1, hours: 1.5, spend: 53.88, od: 53.88, realized: 0),
            Expected("2026-11-03", records: 3, runs: 3, hours: 5, spend: 38.68, od: 88.77, realized: 50.09),
            Expected("2026-11-01", records: 1, runs: 1, hours: 1, spend: 32.77, od: 32.77, realized: 0),
            Expected("2026-11-04", records: 3, runs: 3, hours: 6, spend: 27.422, od: 10.358, realized: 2.936),
        ], periodSpend: 215.967, "month.day")
    }

    // ── Savings rate, kept apart: spec §4 defines it as realized savings / on-demand equivalent over
    // records with a rate — every record with R and hours, on-demand ones included (FinOps' effective
    // savings rate). Week: 52.696 / 215.893 = 0.244084. Month: 52.696 / 248.663 = 0.211917.
    // (Dividing only by the spot and reserved records' on-demand equivalent, 65.54 + 4.03 + 19.20 + 7.34
    // + 3.67 = 99.78, would give 0.528122 for both.)
    @Test func savingsRateFollowsSpecSection4() throws {
        let b = try built
        expectClose(b.week.totals.savingsRate, 52.696 / 215.893, "week totals.savings_rate", tolerance: 1e-4)
        expectClose(b.month.totals.savingsRate, 52.696 / 248.663, "month totals.savings_rate", tolerance: 1e-4)
    }
}
