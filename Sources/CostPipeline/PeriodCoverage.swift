import CostModel

/// Issue 13 part 7: a `--period` outside the data is almost always a mistake (the wrong year, a
/// typo), and a report of zeros would hide it. Outside the data's days it is an error naming the
/// days the data covers, unless `--allow-empty`; a period inside them that has no record is a
/// warning (the page says so too).
enum PeriodCoverage {
    /// Before the report is made: `period` (given on the command line) against the data up to
    /// as-of. True when it warned (with `allowEmpty`), so `warnIfEmpty` need not say it again.
    @discardableResult
    static func check(_ period: Period?, _ analysis: Analysis, allowEmpty: Bool, progress: ProgressLines) throws -> Bool {
        guard let period, let first = analysis.analyzer.firstDay,
              let last = analysis.analyzer.latestDay(onOrBefore: analysis.asOf) else { return false }
        guard period.end < first || period.start > last else { return false }
        // Name the as-of date when it, not the data, ends the range.
        let asOf = (analysis.analyzer.latestDay ?? last) > last ? " up to the as-of date \(analysis.asOf.iso)" : ""
        let what = "\(period.id) (\(period.start.iso) to \(period.end.iso)) has no data: the data covers \(first.iso) to \(last.iso)\(asOf)"
        guard allowEmpty else {
            throw PipelineError(step: .analyse, message: what + "; pick a period inside it, or pass --allow-empty for an empty report")
        }
        progress.warn(what + "; --allow-empty: the report shows zeros")
        return true
    }

    /// After: a period inside the data's days but without a record up to as-of.
    static func warnIfEmpty(_ report: Report, progress: ProgressLines) {
        guard report.totals.records == 0 else { return }
        progress.warn("no records in \(report.period.id) up to \(report.asOf): the report shows zeros")
    }
}
