import CostModel

/// One breakdown table of a report. Long tables show their largest rows first and fold the rest
/// into `<details>` (every row is there, collapsed), so a report stays readable in a PR and on
/// the site. How many rows show is the report's `settings.breakdownRowLimit`, and what the fold
/// holds is summed in the report's `breakdownsOmitted`: the view only formats them.
struct BreakdownSection: TemplateFields {
    /// The JSON name, for the template (anchors).
    let dimension: String
    let title: String
    let keyLabel: String
    let rows: [BreakdownRowView]
    let hasRows: Bool
    /// The rows beyond the limit, with their sums; nil when every row shows.
    let omitted: OmittedRowsView?
    let more: [BreakdownRowView]
    /// The table as CSV on the site; nil elsewhere.
    let csvHref: String?

    /// Title and first-column label per dimension, in the order a reader scans them.
    static let layout: [(dimension: BreakdownDimension, title: String, keyLabel: String)] = [
        (.provider, "By provider", "Provider"),
        (.instanceType, "By instance type", "Instance type"),
        (.market, "By market", "Market"),
        (.developer, "By developer", "Developer"),
        (.suite, "By suite", "Suite"),
        (.testType, "By test type", "Test type"),
        (.region, "By region", "Region"),
        (.gpuModel, "By accelerator", "GPU / TPU model"),
        (.hardwareType, "By hardware type", "Hardware"),
        (.branch, "By branch", "Branch"),
        (.pr, "By pull request", "PR"),
        (.benchmark, "By benchmark", "Benchmark"),
        (.day, "By day", "Day"),
    ]

    static func sections(for report: Report, links: ReportLinks = .none) -> [BreakdownSection] {
        layout.map { entry in
            // Days read best in date order; every other table keeps the model's spend order.
            let all = entry.dimension == .day ? report.breakdowns.day.sorted { $0.key < $1.key }
                : report.breakdowns[entry.dimension]
            let limit = entry.dimension == .day ? all.count : report.settings.breakdownRowLimit
            let rest = report.breakdownsOmitted[entry.dimension]
            let view = { (row: BreakdownRow) in
                BreakdownRowView(row, href: links.key(entry.dimension, row.key).map { links.root + $0 })
            }
            return BreakdownSection(dimension: entry.dimension.rawValue, title: entry.title, keyLabel: entry.keyLabel,
                                    rows: all.prefix(limit).map(view), hasRows: !all.isEmpty,
                                    omitted: rest.rows > 0 ? OmittedRowsView(rest) : nil,
                                    more: all.dropFirst(limit).map(view),
                                    csvHref: links.csv(entry.dimension).map { links.root + $0 })
        }
    }
}

/// The rows a cut table leaves out; the sentence is the template's (`partials/breakdowns`).
struct OmittedRowsView: TemplateFields {
    let rows: String
    /// Exactly one row left out (singular wording).
    let one: Bool
    let records: String
    let hours: String
    let spend: String

    init(_ o: OmittedRows) {
        rows = Format.count(o.rows)
        one = o.rows == 1
        records = Format.count(o.records)
        hours = Format.hours(o.hours)
        spend = Format.usd(o.spend)
    }
}

struct BreakdownRowView: TemplateFields {
    let key: String
    /// The key's dimension page on the site, when it has one.
    let href: String?
    let runs: String
    let hours: String
    let spend: String
    let share: String
    let onDemandEquivalent: String
    let realizedSavings: String
    let savingsRate: String
    let testsPassed: String
    let testsFailed: String
    let failedRunSpend: String

    /// Repeated for every row of every table: no reflection (see `TemplateFields`).
    func child(named name: String) -> Any? {
        switch name {
        case "key": return key
        case "href": return href
        case "runs": return runs
        case "hours": return hours
        case "spend": return spend
        case "share": return share
        case "onDemandEquivalent": return onDemandEquivalent
        case "realizedSavings": return realizedSavings
        case "savingsRate": return savingsRate
        case "testsPassed": return testsPassed
        case "testsFailed": return testsFailed
        case "failedRunSpend": return failedRunSpend
        default: return nil
        }
    }

    init(_ row: BreakdownRow, href: String? = nil) {
        key = row.key
        self.href = href
        runs = Format.count(row.runs)
        hours = Format.hours(row.hours)
        spend = Format.usd(row.spend)
        share = Format.percent(row.share)
        onDemandEquivalent = Format.usd(row.onDemandEquivalent)
        realizedSavings = Format.usd(row.realizedSavings)
        savingsRate = row.savingsRate.map(Format.percent) ?? "–"
        testsPassed = Format.count(row.testsPassed)
        testsFailed = Format.count(row.testsFailed)
        failedRunSpend = Format.usd(row.failedRunSpend)
    }
}
