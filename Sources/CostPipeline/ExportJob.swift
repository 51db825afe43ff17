import CostAnalysis
import CostModel
import CostRender
import CostSite

/// `costreport export`: one period as CSV, FOCUS-shaped charge rows or one breakdown.
public struct ExportJob: Sendable {
    public enum Format: Sendable, Equatable {
        case focus
        case breakdown(BreakdownDimension)
    }

    public var inputs: InputSettings
    public var format: Format
    /// Nil: the week of the as-of date.
    public var period: Period?
    /// Nil: stdout (through `write`); else this file, replaced atomically.
    public var out: String?
    /// `--allow-empty`: a `--period` outside the data gives a header-only CSV, not an error.
    public var allowEmpty: Bool

    public init(inputs: InputSettings, format: Format, period: Period? = nil, out: String? = nil, allowEmpty: Bool = false) {
        self.inputs = inputs; self.format = format; self.period = period; self.out = out; self.allowEmpty = allowEmpty
    }

    /// `write` receives the CSV in chunks when there is no `out`.
    public func run(progress: ProgressLines, write: (String) -> Void) throws {
        if let out { try OutputFile.check(out) }
        let loaded = try LoadInputs(inputs).run(progress: progress)
        let dataset = try IngestRecords().run(loaded, progress: progress)
        let analysis = try Analyse().run(loaded, dataset)
        try PeriodCoverage.check(period, analysis, allowEmpty: allowEmpty, progress: progress)
        let chosen = period ?? .week(containing: analysis.asOf)
        let columns: [String]
        let rows: AnySequence<[ExportValue]>
        switch format {
        case .focus:
            columns = FocusExport.columns
            rows = AnySequence(analysis.analyzer.focusRows(for: chosen, asOf: analysis.asOf).lazy.map(\.cells))
        case .breakdown(let dimension):
            let table = BreakdownExport.table(analysis.analyzer.report(for: chosen, asOf: analysis.asOf), dimension: dimension)
            columns = table.columns
            rows = AnySequence(table.rows)
        }
        guard let out else {
            CSVWriter.write(columns: columns, rows: rows) { write($0) }
            return
        }
        try Step.write.run(file: out) {
            try AtomicFile.write(out) { sink in
                try CSVWriter.write(columns: columns, rows: rows) { try sink($0) }
            }
        }
    }
}

extension ExportJob {
    /// The FOCUS version `--format focus-csv` follows.
    public static var focusVersion: String { FocusExport.version }

    /// The breakdowns `--format csv --breakdown DIM` accepts, in JSON naming.
    public static var dimensions: [String] { BreakdownExport.dimensions.map(\.rawValue) }
}
