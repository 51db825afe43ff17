import CostAnalysis
import CostModel

/// The dimensions' names as pages and tables show them (the analysis knows them by key only).
extension DimensionKind {
    /// Plural title, e.g. `Instance types`.
    public var title: String {
        switch self {
        case .provider: return "Providers"
        case .instanceType: return "Instance types"
        case .developer: return "Developers"
        case .suite: return "Suites"
        }
    }

    /// Singular label, e.g. `Instance type`.
    public var label: String {
        switch self {
        case .provider: return "Provider"
        case .instanceType: return "Instance type"
        case .developer: return "Developer"
        case .suite: return "Suite"
        }
    }
}

/// One provider's, instance type's, developer's or suite's page (`Templates/dimension.mustache`).
/// Every link is relative to the page (`root` leads back to the site root).
struct DimensionView: TemplateFields {
    let title: String
    let dimension: String
    let dimensionTitle: String
    let key: String
    let asOf: String
    let month: String
    let monthSpend: String
    let monthTotal: String
    let monthShare: String
    let trend: [DimensionTrendRow]
    let hasTrend: Bool
    let trendSpend: String
    let runsSince: String
    let runs: [DimensionRunRow]
    let hasRuns: Bool
    let indexHref: String
    let listingHref: String
    let dataHref: String
    let feedHref: String
    /// Instance-type pages: where it is the best and the lowest value (spec §13), linked to the
    /// benchmark's section of the efficiency page.
    let bestValueFor: [BenchmarkLink]
    let lowestValueFor: [BenchmarkLink]
    let hasBest: Bool
    let hasLowest: Bool
    let hasValue: Bool
    let efficiencyHref: String

    init(_ page: DimensionPage, asOf: String, root: String, efficiencyAnchors: [String: String] = [:], runURL: RunURL? = nil) {
        title = "\(page.dimension.label) \(page.key)"
        dimension = page.dimension.label
        dimensionTitle = page.dimension.title
        key = page.key
        self.asOf = asOf
        month = page.month
        monthSpend = Format.usd(page.monthSpend)
        monthTotal = Format.usd(page.monthTotal)
        monthShare = Format.percent(page.monthShare)
        let maxSpend = page.trend.map(\.spend).max() ?? 0
        trend = page.trend.map {
            DimensionTrendRow(week: $0.week, start: $0.start, spend: Format.usd($0.spend),
                              bar: Bar.of($0.spend, max: maxSpend))
        }
        hasTrend = page.trend.contains { $0.spend != 0 }
        trendSpend = Format.usd(page.trendSpend)
        runsSince = page.runsSince
        runs = page.topRuns.map { DimensionRunRow($0, href: runURL?.linkIfRecorded($0.run)) }
        hasRuns = !runs.isEmpty
        indexHref = root + SitePaths.index
        listingHref = root + SitePaths.dimensions
        dataHref = root + SitePaths.data
        feedHref = root + SitePaths.feed
        efficiencyHref = root + SitePaths.efficiency
        let link = { (names: [String]) in
            names.enumerated().map { i, name in
                BenchmarkLink(name: name, href: root + SitePaths.efficiency + (efficiencyAnchors[name].map { "#" + $0 } ?? ""),
                              last: i == names.count - 1)
            }
        }
        bestValueFor = link(page.bestValueFor)
        lowestValueFor = link(page.lowestValueFor)
        hasBest = !bestValueFor.isEmpty
        hasLowest = !lowestValueFor.isEmpty
        hasValue = hasBest || hasLowest
    }
}

/// A benchmark's section on the efficiency page; `last` ends a comma-separated list.
struct BenchmarkLink: TemplateFields {
    let name: String
    let href: String
    let last: Bool
}

struct DimensionTrendRow: TemplateFields {
    let week: String
    let start: String
    let spend: String
    let bar: String
}

struct DimensionRunRow: TemplateFields {
    let run: String
    /// The run on the CI (`--run-url`); nil: plain text.
    let href: String?
    let day: String
    let instanceType: String
    let market: String
    let hours: String
    let spend: String

    init(_ r: DimensionRun, href: String? = nil) {
        self.href = href
        run = r.run; day = r.day; instanceType = r.instanceType; market = r.market
        hours = Format.hours(r.hours); spend = Format.usd(r.spend)
    }
}

/// The listing page (`Templates/partials/dimension-listing.mustache`): every key of the four
/// dimensions with its month-to-date spend and a link to its page.
struct DimensionListingView: TemplateFields {
    let title: String
    let asOf: String
    let month: String
    let monthTotal: String
    let sections: [DimensionListingSection]
    let indexHref: String
    let dataHref: String
    let feedHref: String

    init(_ pages: DimensionPages, href: (DimensionPage) -> String) {
        title = "Providers · Instance types · Developers · Suites"
        asOf = pages.asOf
        month = pages.month
        monthTotal = Format.usd(pages.monthTotal)
        sections = DimensionKind.allCases.map { kind in
            let rows = pages.pages(kind).map { p in
                DimensionListingRow(key: p.key, href: href(p), monthSpend: Format.usd(p.monthSpend),
                                    monthShare: Format.percent(p.monthShare), trendSpend: Format.usd(p.trendSpend))
            }
            return DimensionListingSection(title: kind.title, label: kind.label, rows: rows, hasRows: !rows.isEmpty)
        }
        indexHref = SitePaths.index
        dataHref = SitePaths.data
        feedHref = SitePaths.feed
    }
}

struct DimensionListingSection: TemplateFields {
    let title: String
    let label: String
    let rows: [DimensionListingRow]
    let hasRows: Bool
}

struct DimensionListingRow: TemplateFields {
    let key: String
    let href: String
    let monthSpend: String
    let monthShare: String
    let trendSpend: String
}
