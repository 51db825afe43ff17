/// A table of typed values for the exports (`costreport export`): a header and rows of cells.
/// Pure data; `CostRender`'s `CSVWriter` decides how each kind of value is written.
public struct ExportTable: Sendable, Equatable {
    public var columns: [String]
    /// Every row has exactly `columns.count` cells.
    public var rows: [[ExportValue]]

    public init(columns: [String], rows: [[ExportValue]]) {
        // Unreachable with the project's tables: BreakdownExport.cells and FocusRow.cells build one
        // cell per column, and ExportTableTests check both. A programming error, not a data one.
        precondition(rows.allSatisfy { $0.count == columns.count }, "every export row needs one cell per column")
        self.columns = columns
        self.rows = rows
    }
}

/// One cell. `null` is an absent value (an empty CSV field; a FOCUS null).
public enum ExportValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// USD, hours, rates, shares: written with full precision, never rounded.
    case number(Double)
    case bool(Bool)
    case null

    /// `.text`, or `.null` when nil.
    public static func nullableText(_ value: String?) -> ExportValue { value.map(ExportValue.text) ?? .null }
    /// `.number`, or `.null` when nil.
    public static func nullableNumber(_ value: Double?) -> ExportValue { value.map(ExportValue.number) ?? .null }
}
