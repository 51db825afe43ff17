import ArgumentParser
import CostModel
import CostPipeline

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
            failed_run_spend). DIM is one of \(ExportJob.dimensions.joined(separator: ", ")).

            Examples:
              costreport export --format focus-csv --period 2026-11 > focus-2026-11.csv
              costreport export --format csv --breakdown developer --period 2026-W48
            """)

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case focusCSV = "focus-csv"
        case csv
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: focus-csv or csv (csv needs --breakdown).")
    var format: ExportFormat

    @Option(name: .long, help: ArgumentHelp(periodHelp + " Default: the week of the as-of date.", valueName: "period"), transform: Parse.period)
    var period: Period?

    @Option(name: .long, help: ArgumentHelp("With --format csv: the breakdown to export (\(ExportJob.dimensions.joined(separator: ", "))).", valueName: "dimension"))
    var breakdown: String?

    @Option(name: .long, help: ArgumentHelp("Write the CSV to this file (replaced atomically) instead of stdout.", valueName: "file"))
    var out: String?

    @Flag(name: .long, help: "Write a header-only CSV for a --period outside the data, instead of failing.")
    var allowEmpty = false

    @Option(name: .customLong("focus-version"), help: ArgumentHelp("With --format focus-csv: the FOCUS version the columns follow (only \(ExportJob.focusVersion) is written).", valueName: "version"))
    var focusVersion: String = ExportJob.focusVersion

    /// The one-line problem with the format/breakdown combination, nil when it is fine. Checked
    /// before any input is read.
    static func usageProblem(format: ExportFormat, breakdown: String?) -> String? {
        let valid = ExportJob.dimensions.joined(separator: ", ")
        switch (format, breakdown) {
        case (.csv, nil):
            return "--format csv needs --breakdown DIM, one of: \(valid)"
        case (.csv, let dimension?) where !ExportJob.dimensions.contains(dimension):
            return "--breakdown '\(dimension)' is not a dimension: use one of \(valid)"
        case (.focusCSV, _?):
            return "--breakdown applies to --format csv only; --format focus-csv exports one row per record"
        default:
            return nil
        }
    }

    func run() async throws {
        if let problem = Export.usageProblem(format: format, breakdown: breakdown) {
            throw Console.fail(CLIError(problem))
        }
        guard focusVersion == ExportJob.focusVersion else {
            throw Console.fail(CLIError("--focus-version '\(focusVersion)': costreport writes FOCUS \(ExportJob.focusVersion) only (drop the flag, or pass \(ExportJob.focusVersion))"))
        }
        // usageProblem above has checked that --breakdown names a dimension.
        let job = ExportJob(inputs: input.settings(), format: breakdown.flatMap(BreakdownDimension.init(rawValue:)).map(ExportJob.Format.breakdown) ?? .focus,
                            period: period, out: out, allowEmpty: allowEmpty)
        do {
            try job.run(progress: common.console.progress) { Console.write($0) }
        } catch {
            throw Console.fail(error)
        }
    }
}
