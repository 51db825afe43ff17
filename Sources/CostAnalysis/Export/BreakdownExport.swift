import CostModel

/// A breakdown of the report (spec §4) as a plain table: the report's rows as they are, in the
/// report's order (spend, largest first; ties by key), nothing recomputed.
public enum BreakdownExport {
    public static let columns = [
        "key", "runs", "records", "hours", "spend", "share", "on_demand_equivalent", "realized_savings",
        "savings_rate", "tests_passed", "tests_failed", "failed_run_spend",
    ]

    /// Every dimension, each of which has a table.
    public static var dimensions: [BreakdownDimension] { Breakdowns.dimensions }

    public static func table(_ report: Report, dimension: BreakdownDimension) -> ExportTable {
        return ExportTable(columns: columns, rows: report.breakdowns[dimension].map(cells))
    }

    static func cells(_ row: BreakdownRow) -> [ExportValue] {
        [.text(row.key), .integer(row.runs), .integer(row.records), .number(row.hours), .number(row.spend),
         .number(row.share), .number(row.onDemandEquivalent), .number(row.realizedSavings),
         .nullableNumber(row.savingsRate), .integer(row.testsPassed), .integer(row.testsFailed),
         .number(row.failedRunSpend)]
    }
}
