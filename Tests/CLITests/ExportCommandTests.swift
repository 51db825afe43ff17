import CostTestSupport
import Foundation
import Testing

/// `costreport export` through the real program: the acceptance figures against `report --format
/// json`, and every CSV read back by Python's `csv` module.
@Suite(.serialized) struct ExportCommandTests {
    /// FOCUS 1.0's columns, spelled here independently of the exporter (issue 14 part 6), then ours.
    static let focus10Columns = [
        "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency",
        "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription",
        "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory",
        "CommitmentDiscountId", "CommitmentDiscountName", "CommitmentDiscountStatus", "CommitmentDiscountType",
        "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "ContractedUnitPrice", "EffectiveCost",
        "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory", "PricingQuantity", "PricingUnit",
        "ProviderName", "PublisherName", "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType",
        "ServiceCategory", "ServiceName", "SkuId", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags",
    ]
    /// The FOCUS 1.0 columns that may not be null.
    static let focus10NotNull = [
        "BilledCost", "BillingAccountId", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
        "ChargeCategory", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost", "EffectiveCost",
        "InvoiceIssuerName", "ListCost", "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
    ]
    static let focusColumns = focus10Columns + [
        "x_Developer", "x_PR", "x_Suite", "x_Benchmark", "x_RunId",
        "x_TestsPassed", "x_TestsFailed", "x_CostEstimated", "x_MarketInferred",
    ]
    static let breakdownColumns = [
        "key", "runs", "records", "hours", "spend", "share", "on_demand_equivalent", "realized_savings",
        "savings_rate", "tests_passed", "tests_failed", "failed_run_spend",
    ]
    static let dimensions = ["provider", "instance_type", "region", "hardware_type", "gpu_model", "suite",
                             "benchmark", "market", "developer", "branch", "pr", "test_type", "day"]

    /// A scratch folder with the default demo database.
    func demo() throws -> URL {
        let dir = try CLIRunner.scratch()
        let r = try CLIRunner.run(["demo"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return dir
    }

    func run(_ args: [String], in dir: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try CLIRunner.run(args, in: dir)
        #expect(r.status == 0, "\(args): \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    func reportJSON(_ period: String, in dir: URL) throws -> [String: Any] {
        let json = try run(["report", "--period", period, "--format", "json"], in: dir)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static func breakdown(_ report: [String: Any], _ dimension: String) -> [[String: Any]] {
        ((report["breakdowns"] as? [String: Any])?[dimension] as? [[String: Any]]) ?? []
    }

    /// The header and the rows as dictionaries.
    static func records(_ rows: [[String]]) -> (header: [String], rows: [[String: String]]) {
        guard let header = rows.first else { return ([], []) }
        return (header, rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }

    /// FOCUS 1.0: every column present, the not-null ones filled in every row, values FOCUS
    /// allows (ISO 8601 UTC times, the charge inside its billing month), the account from the config.
    @Test func theExportConformsToFOCUS10() throws {
        let dir = try demo()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "focus: {billing_account_id: ml-ci-0001}\n".write(to: dir.appendingPathComponent("costreport.yml"), atomically: true, encoding: .utf8)
        let csv = try run(["export", "--format", "focus-csv", "--period", "2026-11", "--focus-version", "1.0"], in: dir)
        let (header, rows) = ExportCommandTests.records(try PythonCSV.parse(csv))
        #expect(Array(header.prefix(ExportCommandTests.focus10Columns.count)) == ExportCommandTests.focus10Columns)
        #expect(!rows.isEmpty)
        let iso = try Regex(#"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#)
        for row in rows {
            for column in ExportCommandTests.focus10NotNull { #expect(row[column]?.isEmpty == false, "\(column) is empty") }
            for column in ["BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd"] {
                #expect((try? iso.wholeMatch(in: row[column]!)) != nil, "\(column) = \(row[column]!)")
            }
            #expect(row["BillingPeriodStart"]! <= row["ChargePeriodStart"]! && row["ChargePeriodStart"]! < row["BillingPeriodEnd"]!)
            #expect(row["BillingCurrency"] == "USD" && row["ChargeCategory"] == "Usage" && row["ChargeClass"] == "")
            #expect(row["BillingAccountId"] == "ml-ci-0001")
            #expect(row["ProviderName"] == row["PublisherName"] && row["ProviderName"] == row["InvoiceIssuerName"])
            #expect(row["Tags"]!.hasPrefix("{") && row["Tags"]!.hasSuffix("}"))
        }
        let bad = try CLIRunner.run(["export", "--format", "focus-csv", "--focus-version", "1.2", "-q"], in: dir)
        #expect(bad.status == 2 && bad.stderr.contains("FOCUS 1.0 only"))
    }

    /// Acceptance: Σ (ListCost − EffectiveCost) over Dynamic rows = the report's realized spot savings, to the cent.
    @Test func dynamicRowSavingsEqualTheReportsRealizedSpotSavings() throws {
        let dir = try demo()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try run(["export", "--format", "focus-csv", "--period", "2026-11"], in: dir)
        let report = try reportJSON("2026-11", in: dir)
        let (header, rows) = ExportCommandTests.records(try PythonCSV.parse(csv))
        #expect(header == ExportCommandTests.focusColumns)

        let dynamic = rows.filter { $0["PricingCategory"] == "Dynamic" }
        #expect(!dynamic.isEmpty)
        let savings = dynamic.reduce(0.0) { $0 + Double($1["ListCost"]!)! - Double($1["EffectiveCost"]!)! }
        let spot = try #require(ExportCommandTests.breakdown(report, "market").first { $0["key"] as? String == "spot" })
        let realized = try #require(spot["realized_savings"] as? Double)
        #expect(realized > 0)
        #expect((savings * 100).rounded() == (realized * 100).rounded(), "\(savings) vs \(realized)")
        #expect(abs(savings - realized) < 0.005)

        // The same records as the report: count, spend, and spot records.
        let totals = try #require(report["totals"] as? [String: Any])
        #expect(rows.count == totals["records"] as? Int)
        let spend = rows.reduce(0.0) { $0 + Double($1["BilledCost"]!)! }
        #expect(abs(spend - (totals["spend"] as? Double ?? -1)) < 0.005)
        #expect(dynamic.count == spot["records"] as? Int)
        #expect(Set(rows.map { $0["PricingCategory"]! }).isSubset(of: ["Standard", "Dynamic", "Committed", ""]))
    }

    /// Every CSV the command writes (focus-csv, and csv for every dimension) parses with Python's
    /// `csv` module back into the same values: the FOCUS rows field by field against an independent
    /// RFC 4180 reader, the breakdowns number by number against the report's JSON.
    @Test func everyCSVParsesBackIntoTheSameValues() throws {
        let dir = try demo()
        defer { try? FileManager.default.removeItem(at: dir) }
        let period = "2026-11"

        let focus = try run(["export", "--format", "focus-csv", "--period", period], in: dir)
        let python = try PythonCSV.parse(focus)
        #expect(python == RFC4180.parse(focus), "Python and the RFC 4180 reader disagree")
        #expect(focus.hasSuffix("\r\n"))
        let (header, rows) = ExportCommandTests.records(python)
        #expect(header == ExportCommandTests.focusColumns)
        #expect(python.dropFirst().allSatisfy { $0.count == ExportCommandTests.focusColumns.count })
        for row in rows {
            for column in ["BilledCost", "EffectiveCost", "ListCost", "ListUnitPrice", "PricingQuantity"] {
                let text = row[column]!
                #expect(text.isEmpty || (Double(text) != nil && !text.contains("e")), "\(column) = \(text)")
            }
            #expect(row["ChargePeriodStart"]!.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
            #expect(row["ChargePeriodEnd"]! >= row["ChargePeriodStart"]!)
            #expect(row["ChargePeriodStart"]!.hasPrefix("2026-11-"))
            #expect(["true", "false"].contains(row["x_CostEstimated"]!))
            #expect(Int(row["x_TestsPassed"]!) != nil)
        }

        let reportText = try run(["report", "--period", period, "--format", "json"], in: dir)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(reportText.utf8)) as? [String: Any])
        for dimension in ExportCommandTests.dimensions {
            let csv = try run(["export", "--format", "csv", "--breakdown", dimension, "--period", period], in: dir)
            let parsed = try PythonCSV.parse(csv)
            #expect(parsed == RFC4180.parse(csv), "\(dimension)")
            #expect(parsed.first == ExportCommandTests.breakdownColumns, "\(dimension)")
            let expected = ExportCommandTests.breakdown(report, dimension)
            #expect(parsed.count - 1 == expected.count, "\(dimension)")
            #expect(!expected.isEmpty, "\(dimension)")
            // Exactly, in Python: float(field) is the very Double the JSON holds, every field of every row.
            let problems = try PythonCSV.mismatches(csv: csv, reportJSON: reportText, dimension: dimension)
            #expect(problems.isEmpty, "\(dimension): \(problems.prefix(5))")
            // And in Swift, where Foundation's JSON reader may be an ulp off: keys, counts, numbers.
            for (fields, json) in zip(parsed.dropFirst(), expected) {
                let row = Dictionary(uniqueKeysWithValues: zip(ExportCommandTests.breakdownColumns, fields))
                #expect(row["key"] == json["key"] as? String, "\(dimension)")
                for column in ["runs", "records", "tests_passed", "tests_failed"] {
                    #expect(Int(row[column]!) == json[column] as? Int, "\(dimension).\(column)")
                }
                for column in ["hours", "spend", "share", "on_demand_equivalent", "realized_savings",
                               "savings_rate", "failed_run_spend"] {
                    let text = row[column]!
                    #expect(!text.contains("e"), "\(dimension).\(column): \(text)")
                    if json[column] is NSNull {
                        #expect(text == "", "\(dimension).\(column)")
                    } else if let value = Double(text), let want = json[column] as? Double {
                        #expect(abs(value - want) <= 1e-12 * max(1, abs(want)), "\(dimension).\(column): \(text) vs \(want)")
                    } else {
                        Issue.record("\(dimension).\(column): \(text) is not a number")
                    }
                }
            }
        }
    }

    /// Commas, quotes, line breaks, markup and non-ASCII text in the team's data come back unchanged.
    @Test func hostileTextRoundTripsThroughTheProgram() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = ["a,b", "say \"hi\"", "line\nbreak", "crlf\r\ninside", "<script>alert(\"x,y\")</script>",
                     "größte ✓ 日本 🚀", "=SUM(A1:A2)", "semi;colon|pipe"]
        let script = """
            import json, sqlite3, sys
            names = json.loads(sys.argv[1])
            c = sqlite3.connect('benchmarks.db')
            c.execute('''CREATE TABLE benchmarks (id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL,
              timestamp TEXT NOT NULL, cloud_provider TEXT, instance_type TEXT, region TEXT,
              hardware_type TEXT, gpu_model TEXT, benchmark_name TEXT, benchmark_suite TEXT,
              latency_ms REAL, throughput REAL, memory_mb REAL, tests_passed INTEGER,
              tests_failed INTEGER, tests_skipped INTEGER, duration_seconds REAL, cost_usd REAL,
              metadata TEXT)''')
            for i, name in enumerate(names):
                c.execute('INSERT INTO benchmarks (run_id, timestamp, cloud_provider, instance_type, region, '
                          'hardware_type, gpu_model, benchmark_name, benchmark_suite, tests_passed, tests_failed, '
                          'tests_skipped, duration_seconds, cost_usd, metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                          ('run,%d' % i, '2026-11-%02dT10:00:00' % (i + 2), 'aws', 'p4d.24xlarge', 'us-west-2',
                           'nvidia', 'A100', name, name, 1, 0, 0, 3600.0, 12.5 + i,
                           json.dumps({'developer': name, 'market': 'spot' if i % 2 else 'on-demand'})))
            c.commit()
            """
        let data = try JSONSerialization.data(withJSONObject: names)
        let setup = Process()
        setup.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        setup.arguments = ["python3", "-c", script, String(decoding: data, as: UTF8.self)]
        setup.currentDirectoryURL = dir
        try setup.run()
        setup.waitUntilExit()
        #expect(setup.terminationStatus == 0)

        let focus = try run(["export", "--format", "focus-csv", "--period", "2026-11"], in: dir)
        let parsed = try PythonCSV.parse(focus)
        #expect(parsed == RFC4180.parse(focus))
        let (_, rows) = ExportCommandTests.records(parsed)
        #expect(rows.count == names.count)
        // Text comes back whole; formula-like text (`=SUM(…)`) with the leading `'` that keeps a
        // spreadsheet from running it (issue 11).
        func written(_ name: String) -> [UInt8] { Array(((name.hasPrefix("=") ? "'" : "") + name).utf8) }
        for (row, name) in zip(rows, names) {
            #expect(Array(row["x_Benchmark"]!.utf8) == written(name), "\(row["x_Benchmark"]!.debugDescription)")
            #expect(Array(row["x_Suite"]!.utf8) == written(name))
            #expect(Array(row["x_Developer"]!.utf8) == written(name))
            #expect(row["x_RunId"]!.hasPrefix("run,"))
        }
        for dimension in ["benchmark", "developer", "suite"] {
            let csv = try run(["export", "--format", "csv", "--breakdown", dimension, "--period", "2026-11"], in: dir)
            let keys = try PythonCSV.parse(csv).dropFirst().map { $0[0] }
            #expect(Set(keys.map { Array($0.utf8) }) == Set(names.map(written)), "\(dimension)")
        }
    }

    @Test func csvWithoutBreakdownNamesTheDimensions() throws {
        let dir = try demo()
        defer { try? FileManager.default.removeItem(at: dir) }
        for args in [["export", "--format", "csv"], ["export", "--format", "csv", "--breakdown", "colour"]] {
            let r = try CLIRunner.run(args, in: dir)
            #expect(r.status != 0)
            #expect(r.stdout.isEmpty)
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(r.stderr)")
            #expect(r.stderr.hasPrefix("costreport: error:"))
            for dimension in ExportCommandTests.dimensions { #expect(r.stderr.contains(dimension)) }
        }
        let focusWithBreakdown = try CLIRunner.run(["export", "--format", "focus-csv", "--breakdown", "suite"], in: dir)
        #expect(focusWithBreakdown.status != 0)
        #expect(focusWithBreakdown.stderr.split(separator: "\n").count == 1)
    }

    @Test func outFileEqualsStdoutAndDefaultPeriodIsTheAsOfWeek() throws {
        let dir = try demo()
        defer { try? FileManager.default.removeItem(at: dir) }
        let stdout = try run(["export", "--format", "focus-csv"], in: dir)
        _ = try run(["export", "--format", "focus-csv", "--out", "focus.csv"], in: dir)
        let file = try Data(contentsOf: dir.appendingPathComponent("focus.csv"))
        #expect(file == Data(stdout.utf8))
        // Written again over the old file, with nothing left beside it.
        _ = try run(["export", "--format", "csv", "--breakdown", "day", "--out", "focus.csv"], in: dir)
        let again = try String(contentsOf: dir.appendingPathComponent("focus.csv"), encoding: .utf8)
        #expect(again.hasPrefix("key,runs,records,"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)

        // Default period: the week of the as-of date, like `report`.
        let report = try run(["report", "--format", "json"], in: dir)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let records = (object["totals"] as? [String: Any])?["records"] as? Int
        #expect(try PythonCSV.parse(stdout).count - 1 == records)
    }
}

/// The export checks' own Python script, beside the shared `PythonCSV.parse` (CostTestSupport).
extension PythonCSV {
    /// Compares a breakdown CSV with the report JSON's rows of `dimension`, in Python (whose JSON and
    /// `float` readers are exact): "" for null, the same text for strings, `float(field) == value` for
    /// numbers. Returns one line per difference.
    static let compareScript = """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            rows = list(csv.DictReader(f))
        with open(sys.argv[2], encoding='utf-8') as f:
            expected = json.load(f)['breakdowns'][sys.argv[3]]
        problems = []
        if len(rows) != len(expected):
            problems.append('rows: %d vs %d' % (len(rows), len(expected)))
        for i, (row, want) in enumerate(zip(rows, expected)):
            for column, text in row.items():
                value = want[column]
                if value is None:
                    same = text == ''
                elif isinstance(value, str):
                    same = text == value
                else:
                    same = float(text) == float(value)
                if not same:
                    problems.append('row %d %s: %r vs %r' % (i, column, text, value))
        sys.stdout.write(json.dumps(problems))
        """

    static func mismatches(csv: String, reportJSON: String, dimension: String) throws -> [String] {
        let out = try python(compareScript, files: [csv, reportJSON], arguments: [dimension])
        guard let problems = try JSONSerialization.jsonObject(with: out) as? [String] else {
            throw PythonError(message: "python3 compare: unexpected output")
        }
        return problems
    }
}

/// An independent RFC 4180 reader (CRLF records, quoted fields with doubled quotes), byte-based.
enum RFC4180 {
    static func parse(_ text: String) -> [[String]] {
        let bytes = Array(text.utf8)
        var rows: [[String]] = [], row: [String] = [], field: [UInt8] = []
        var i = 0, quoted = false
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field = [] }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 2; continue }
                    quoted = false
                } else {
                    field.append(b)
                }
                i += 1
            } else if b == UInt8(ascii: "\"") && field.isEmpty {
                quoted = true; i += 1
            } else if b == UInt8(ascii: ",") {
                endField(); i += 1
            } else if b == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") {
                endField(); rows.append(row); row = []; i += 2
            } else {
                field.append(b); i += 1
            }
        }
        if !field.isEmpty || !row.isEmpty { endField(); rows.append(row) }
        return rows
    }
}
