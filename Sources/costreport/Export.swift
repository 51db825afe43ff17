import ArgumentParser
import CostAnalysis
import CostModel
import CostRender
import Foundation

/// `costreport export`: one period as CSV for other tools — FOCUS-shaped charge rows (one per
/// record) or a breakdown of the report. RFC 4180, UTF-8, CRLF, on stdout or into `--out`.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export one period as CSV: FOCUS-shaped charge rows, or any breakdown of the report.",
        discussion: """
            --format focus-csv: one row per record of the period (FinOps FOCUS column names: BilledCost, \
            EffectiveCost, ListCost, ListUnitPrice, PricingCategory, PricingQuantity, PricingUnit, \
            ChargePeriodStart, ChargePeriodEnd, ServiceProviderName, RegionId, ResourceType, SkuId, then \
            x_Developer, x_PR, x_Suite, x_Benchmark, x_RunId, x_TestsPassed, x_TestsFailed, \
            x_CostEstimated, x_MarketInferred).

            --format csv --breakdown DIM: the report's rows for one dimension (key, runs, records, hours, \
            spend, share, on_demand_equivalent, realized_savings, savings_rate, tests_passed, tests_failed, \
            failed_run_spend). DIM is one of \(BreakdownExport.dimensions.joined(separator: ", ")).

            Examples:
              costreport export --format focus-csv --period 2026-11 > focus-2026-11.csv
              costreport export --format csv --breakdown developer --period 2026-W48
            """)

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case focusCSV = "focus-csv"
        case csv
    }

    /// Exit code for a wrong combination of options, as ArgumentParser uses for usage errors.
    static let usageErrorCode: Int32 = 64

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Output format: focus-csv or csv (csv needs --breakdown).")
    var format: ExportFormat

    @Option(name: .long, help: ArgumentHelp("An ISO week (2026-W48), a month (2026-11) or a range (2026-10-01..2026-11-30). Default: the week of the as-of date.", valueName: "period"))
    var period: String?

    @Option(name: .long, help: ArgumentHelp("With --format csv: the breakdown to export (\(BreakdownExport.dimensions.joined(separator: ", "))).", valueName: "dimension"))
    var breakdown: String?

    @Option(name: .long, help: ArgumentHelp("Write the CSV to this file (replaced atomically) instead of stdout.", valueName: "file"))
    var out: String?

    func validate() throws {
        if let period, Period(parsing: period) == nil {
            throw ValidationError("--period '\(period)' is not a period: use 2026-W48, 2026-11 or 2026-10-01..2026-11-30")
        }
    }

    /// The one-line problem with the format/breakdown combination, nil when it is fine. Checked
    /// before any input is read.
    static func usageProblem(format: ExportFormat, breakdown: String?) -> String? {
        let valid = BreakdownExport.dimensions.joined(separator: ", ")
        switch (format, breakdown) {
        case (.csv, nil):
            return "--format csv needs --breakdown DIM, one of: \(valid)"
        case (.csv, let dimension?) where !BreakdownExport.dimensions.contains(dimension):
            return "--breakdown '\(dimension)' is not a dimension: use one of \(valid)"
        case (.focusCSV, _?):
            return "--breakdown applies to --format csv only; --format focus-csv exports one row per record"
        default:
            return nil
        }
    }

    func run() async throws {
        if let problem = Export.usageProblem(format: format, breakdown: breakdown) {
            throw Console.fail(CLIError(problem), exitCode: Export.usageErrorCode)
        }
        let console = Console(quiet: true)
        do {
            let p = try Pipeline.load(input, progress: console)
            let chosen = period.flatMap(Period.init(parsing:)) ?? .week(containing: p.asOf)
            switch format {
            case .focusCSV:
                let export = p.analyzer.focusExport(for: chosen, asOf: p.asOf)
                try emit(columns: FocusExport.columns, rows: export.rows.lazy.map(\.cells))
            case .csv:
                // Checked above: the dimension exists.
                let table = BreakdownExport.table(p.analyzer.report(for: chosen, asOf: p.asOf), dimension: breakdown!)!
                try emit(columns: table.columns, rows: table.rows)
            }
        } catch {
            throw Console.fail(error)
        }
    }

    /// Streams the CSV to stdout, or into `--out` through a temporary sibling file renamed over it
    /// at the end, so readers never see half a file and a failure leaves the previous file as it was.
    private func emit<Rows: Sequence>(columns: [String], rows: Rows) throws where Rows.Element == [ExportValue] {
        guard let out else {
            CSVWriter.write(columns: columns, rows: rows) { Console.write($0) }
            return
        }
        let target = URL(fileURLWithPath: out)
        let temp = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        func failure(_ error: Error) -> CLIError {
            try? FileManager.default.removeItem(at: temp)
            let why = (error as? CLIError)?.description ?? error.localizedDescription
            return CLIError("cannot write \(out): \(why); check that its folder exists and is writable")
        }
        guard FileManager.default.createFile(atPath: temp.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temp) else {
            throw CLIError("cannot write \(out): cannot create a file in \(target.deletingLastPathComponent().path); check that the folder exists and is writable")
        }
        do {
            try CSVWriter.write(columns: columns, rows: rows) { try handle.write(contentsOf: Data($0.utf8)) }
            try handle.close()
        } catch {
            try? handle.close()
            throw failure(error)
        }
        guard rename(temp.path, target.path) == 0 else {
            throw failure(CLIError(String(cString: strerror(errno))))
        }
    }
}
