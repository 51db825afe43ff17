import CostModel

/// Totals and every breakdown of spec §4 for one slice of records, in a single pass.
struct PeriodAccumulator {
    private var totalTally = Tally()
    private var totalRuns: RunCounter
    private var provider, instanceType, region, hardwareType, gpuModel, suite, benchmark, market,
                developer, branch, pr, testType, day: DimensionTally

    private let labels: Labels

    /// `span`: the run ordinals of the records to come (`Timeline.runSpan`; nil: count with sets);
    /// every `add` passes its record's ordinal.
    init(labels: Labels, runsContiguous: Bool, span: RunSpan?) {
        self.labels = labels
        totalRuns = RunCounter(contiguous: runsContiguous, span: span)
        let empty = DimensionTally(runsContiguous: runsContiguous, span: span)
        provider = empty; instanceType = empty; region = empty; hardwareType = empty; gpuModel = empty
        suite = empty; benchmark = empty; market = empty; developer = empty; branch = empty; pr = empty
        testType = empty; day = empty
    }

    mutating func add(_ r: RunRecord, ordinal o: Int32) {
        totalTally.add(r)
        totalRuns.add(r.run, ordinal: o)
        provider.add(r.provider, r, ordinal: o)
        instanceType.add(r.instanceType, r, ordinal: o)
        region.add(r.region, r, ordinal: o)
        hardwareType.add(r.hardwareType, r, ordinal: o)
        gpuModel.add(r.gpuModel, r, ordinal: o)
        suite.add(r.suite, r, ordinal: o)
        benchmark.add(r.benchmark, r, ordinal: o)
        market.add(Int32(r.market.rawValue), r, ordinal: o)
        developer.add(labels.developerKey(r.developer), r, ordinal: o)
        branch.add(r.branch, r, ordinal: o)
        pr.add(r.pr, r, ordinal: o)
        testType.add(Int32(r.testType.rawValue), r, ordinal: o)
        day.add(r.day.ordinal, r, ordinal: o)
    }

    var totals: Totals {
        var t = totalTally
        t.runs = totalRuns.count
        return t.totals
    }

    /// `days`: every day to list in the `day` breakdown (the period up to as-of), quiet days included.
    func breakdowns(days: [Day]) -> Breakdowns {
        let spend = totalTally.spend
        let text: (Int32) -> String = { labels[$0] }
        var b = Breakdowns()
        b.provider = provider.rows(label: text, periodSpend: spend)
        b.instanceType = instanceType.rows(label: text, periodSpend: spend)
        b.region = region.rows(label: text, periodSpend: spend)
        b.hardwareType = hardwareType.rows(label: text, periodSpend: spend)
        b.gpuModel = gpuModel.rows(label: text, periodSpend: spend)
        b.suite = suite.rows(label: text, periodSpend: spend)
        b.benchmark = benchmark.rows(label: text, periodSpend: spend)
        b.market = market.rows(label: { Market(rawValue: UInt8($0))?.key ?? Market.unknown.key }, periodSpend: spend)
        b.developer = developer.rows(label: { labels.developer($0) }, periodSpend: spend)
        b.branch = branch.rows(label: text, periodSpend: spend)
        b.pr = pr.rows(label: text, periodSpend: spend)
        b.testType = testType.rows(label: { TestType(rawValue: UInt8($0))?.key ?? TestType.unknown.key },
                                   periodSpend: spend)
        // Every day of the period up to as-of, quiet days included, sorted like every other
        // dimension (spec §10); the Markdown view lists them in date order for reading.
        b.day = days.map { d in
            (day.tally(for: d.ordinal) ?? Tally()).row(key: d.iso, periodSpend: spend)
        }.sorted(by: BreakdownRow.bySpend)
        return b
    }
}

extension BreakdownsOmitted {
    /// Per dimension, the rows after the first `limit`, summed in row order; `day` is never cut.
    static func beyond(_ limit: Int, of b: Breakdowns) -> BreakdownsOmitted {
        var out = BreakdownsOmitted()
        for dimension in Breakdowns.dimensions where dimension != .day {
            var rest = OmittedRows()
            for row in b[dimension].dropFirst(limit) {
                rest.rows += 1; rest.records += row.records; rest.hours += row.hours; rest.spend += row.spend
            }
            out[dimension] = rest
        }
        return out
    }
}
