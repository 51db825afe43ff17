import CostModel

/// The site's Performance per dollar page (`Templates/efficiency.html.mustache`, issue 12 part 3):
/// per benchmark measured on two or more instance types, a bar chart of value by instance type
/// and the same figures in a table; benchmarks measured on one instance type in one table.
/// Links are relative to the site root (the page lives there).
struct EfficiencyPageView: TemplateFields {
    let title: String
    let asOf: String
    let from: String
    let through: String
    let weeks: Int
    let hasRows: Bool
    let compared: [EfficiencyPageBenchmark]
    let hasCompared: Bool
    let single: [EfficiencyPageRow]
    let hasSingle: Bool
    let methodologyHref: String
    let dataHref: String

    /// `anchors`: each benchmark's section id (`SitePaths.efficiencyAnchors`); `instanceHref`: the
    /// instance type's page, when the site has one.
    init(_ page: EfficiencyPage, anchors: [String: String], instanceHref: (String) -> String?) {
        title = "Performance per dollar"
        asOf = page.asOf; from = page.from; through = page.through; weeks = page.weeks
        let groups = EfficiencyRow.byBenchmark(page.rows)
        compared = groups.filter { $0.count > 1 }.map { rows in
            EfficiencyPageBenchmark(rows, anchor: anchors[rows[0].benchmark] ?? "", instanceHref: instanceHref)
        }
        single = groups.filter { $0.count == 1 }.map { EfficiencyPageRow($0[0], instanceHref: instanceHref) }
        hasRows = !page.rows.isEmpty
        hasCompared = !compared.isEmpty
        hasSingle = !single.isEmpty
        methodologyHref = SitePaths.methodology + "#performance-per-dollar"
        dataHref = SitePaths.data
    }
}

struct EfficiencyPageBenchmark: TemplateFields {
    let benchmark: String
    let anchor: String
    let bestInstance: String
    let bestHref: String?
    let bestThroughput: String
    /// Nil when no sample had a latency.
    let bestLatency: String?
    let instanceTypes: Int
    /// The SVG (`Charts.value`), placed unescaped.
    let chart: String
    let rows: [EfficiencyPageRow]

    init(_ rows: [EfficiencyRow], anchor: String, instanceHref: (String) -> String?) {
        let best = rows.first { $0.best } ?? rows[0]
        benchmark = best.benchmark
        self.anchor = anchor
        bestInstance = best.instanceType
        bestHref = instanceHref(best.instanceType)
        bestThroughput = EfficiencyRowView.number(best.medianThroughput)
        bestLatency = best.medianLatencyMs.map { EfficiencyRowView.number($0) + " ms" }
        instanceTypes = rows.count
        chart = Charts.value(rows, id: "value-" + anchor)
        self.rows = rows.map { EfficiencyPageRow($0, instanceHref: instanceHref) }
    }
}

/// One row of a table: `EfficiencyRowView`'s figures, the latency and the instance type's link.
struct EfficiencyPageRow: TemplateFields {
    let benchmark: String
    let instanceType: String
    let href: String?
    let provider: String
    let samples: String
    let throughput: String
    let latency: String
    let rate: String
    let value: String
    let isBest: Bool
    let less: String
    let relative: String

    init(_ r: EfficiencyRow, instanceHref: (String) -> String?) {
        let v = EfficiencyRowView(r)
        benchmark = r.benchmark
        instanceType = r.instanceType
        href = instanceHref(r.instanceType)
        provider = r.provider
        samples = v.samples; throughput = v.throughput; rate = v.rate; value = v.value
        latency = r.medianLatencyMs.map { EfficiencyRowView.number($0) + " ms" } ?? "–"
        isBest = r.best
        less = v.less
        relative = Format.percent(r.relativeValue)
    }
}
