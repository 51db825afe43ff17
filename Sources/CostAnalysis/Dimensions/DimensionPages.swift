import CostModel

/// The four dimensions that get a page per key on the site (issue 4 part 3).
public enum DimensionKind: String, Sendable, CaseIterable, Codable {
    case provider
    case instanceType = "instance_type"
    case developer
    case suite

    /// The breakdown dimension of the same name.
    public var dimension: BreakdownDimension {
        switch self {
        case .provider: return .provider
        case .instanceType: return .instanceType
        case .developer: return .developer
        case .suite: return .suite
        }
    }

    // Its URL folder is `SitePaths.folder(_:)`, its titles are the render layer's.
}

/// One run of a key's most expensive runs: the run's records that carry the key, summed.
/// A record without a run id is a run of its own (as in every run count).
public struct DimensionRun: Sendable, Equatable {
    /// The run id as recorded; `(none)` for a record without one.
    public var run: String
    /// Local day of the run's first record (with the key) in the window.
    public var day: String
    /// Instance type and market of that first record.
    public var instanceType: String
    public var market: String
    public var hours: Double
    public var spend: Double

    public init(run: String, day: String, instanceType: String, market: String, hours: Double, spend: Double) {
        self.run = run; self.day = day; self.instanceType = instanceType; self.market = market
        self.hours = hours; self.spend = spend
    }

    /// Spend, largest first; ties by run id, then day.
    static func bySpend(_ a: DimensionRun, _ b: DimensionRun) -> Bool {
        if a.spend != b.spend { return a.spend > b.spend }
        if a.run != b.run { return a.run < b.run }
        return a.day < b.day
    }
}

/// Everything one key's page shows, as seen on the as-of date.
public struct DimensionPage: Sendable, Equatable {
    public var dimension: DimensionKind
    /// The key as it appears in the report's breakdown rows (`BreakdownRow.key`).
    public var key: String
    /// The 12 ISO weeks ending with the as-of week, oldest first (like `Report.trend`): the key's
    /// spend per week; each equals the key's row in that week's report breakdown (0 without a row).
    public var trend: [TrendPoint]
    /// The as-of month (`2026-11`), the key's spend in it up to as-of, and everyone's.
    public var month: String
    public var monthSpend: Double
    public var monthTotal: Double
    /// monthSpend / monthTotal; 0 when the month has no spend.
    public var monthShare: Double
    /// The first day of the top-runs window: the last 4 of the 12 trend weeks.
    public var runsSince: String
    /// At most 10 runs, by spend (largest first; ties by run id).
    public var topRuns: [DimensionRun]
    /// Instance-type pages only (issue 12 part 3): the benchmarks, measured on two or more instance
    /// types in the 12 weeks, where this one gives the most and the least throughput per dollar
    /// (spec §13), alphabetical. Empty for the other dimensions.
    public var bestValueFor: [String] = []
    public var lowestValueFor: [String] = []

    public init(dimension: DimensionKind, key: String, trend: [TrendPoint], month: String, monthSpend: Double,
                monthTotal: Double, monthShare: Double, runsSince: String, topRuns: [DimensionRun]) {
        self.dimension = dimension; self.key = key; self.trend = trend; self.month = month
        self.monthSpend = monthSpend; self.monthTotal = monthTotal; self.monthShare = monthShare
        self.runsSince = runsSince; self.topRuns = topRuns
    }

    /// Spend over the 12 trend weeks.
    public var trendSpend: Double { trend.reduce(0) { $0 + $1.spend } }
}

/// All key pages of the four dimensions.
public struct DimensionPages: Sendable, Equatable {
    public var asOf: String
    public var month: String
    public var monthTotal: Double
    /// Per dimension (in `DimensionKind.allCases` order), every key with a record in the 12-week
    /// window, sorted by month-to-date spend (largest first), then 12-week spend, then key.
    public var pages: [DimensionKind: [DimensionPage]]

    public init(asOf: String, month: String, monthTotal: Double, pages: [DimensionKind: [DimensionPage]]) {
        self.asOf = asOf; self.month = month; self.monthTotal = monthTotal; self.pages = pages
    }

    public func pages(_ kind: DimensionKind) -> [DimensionPage] { pages[kind] ?? [] }
}

extension Analyzer {
    /// Number of trend weeks, and how many of the last of them the top-runs table covers.
    static let dimensionWeeks = 12
    static let dimensionRunWeeks = 4
    static let dimensionTopRuns = 10

    /// The key pages of every provider, instance type, developer and suite with a record in the 12
    /// ISO weeks ending with the week of `asOf`, computed in ONE pass over that window (not one per
    /// key). Records after as-of are left out, as in every report. The month is contained in the
    /// window (12 weeks ≥ 84 days), and so are the top-runs weeks.
    public func dimensionPages(asOf: Day) -> DimensionPages {
        // The trend's 12 ISO weeks, oldest first, as typed periods.
        let current = Period.week(containing: asOf)
        let weeks = (0..<Self.dimensionWeeks).reversed().map { Period.week(containing: current.start.adding(days: -7 * $0)) }
        let windowStart = weeks[0].start
        let runsStart = weeks[weeks.count - Self.dimensionRunWeeks].start
        let month = Period.month(containing: asOf)

        struct RunTally { var first: Int; var hours = 0.0; var spend = 0.0 }
        struct KeyTally {
            var weekSpend = [Double](repeating: 0, count: Analyzer.dimensionWeeks)
            var monthSpend = 0.0
            var runSlot: [Int64: Int] = [:]
            var runs: [RunTally] = []
        }
        let kinds = DimensionKind.allCases
        var tallies = [[Int32: KeyTally]](repeating: [:], count: kinds.count)
        var monthTotal = 0.0

        var week = 0
        for i in timeline.recordIndices(from: windowStart, through: asOf) {
            let r = timeline.records[i]
            while r.day > weeks[week].end { week += 1 }
            let inMonth = month.contains(r.day)
            if inMonth { monthTotal += r.cost }
            let inRuns = r.day >= runsStart
            let run: Int64 = r.run != StringTable.none ? Int64(r.run) : -Int64(i) - 1
            func add(_ t: inout KeyTally) {
                t.weekSpend[week] += r.cost
                if inMonth { t.monthSpend += r.cost }
                guard inRuns else { return }
                let slot: Int
                if let s = t.runSlot[run] { slot = s } else {
                    slot = t.runs.count
                    t.runSlot[run] = slot
                    t.runs.append(RunTally(first: i))
                }
                t.runs[slot].spend += r.cost
                if let h = r.hours { t.runs[slot].hours += h }
            }
            for (k, kind) in kinds.enumerated() {
                let key: Int32
                switch kind {
                case .provider: key = r.provider
                case .instanceType: key = r.instanceType
                case .developer: key = labels.developerKey(r.developer)
                case .suite: key = r.suite
                }
                // Mutated in place (`default:` subscript): no copy of the key's tally per record.
                add(&tallies[k][key, default: KeyTally()])
            }
        }

        let value = BestAndWorst(efficiency.rows(from: windowStart, through: asOf, labels: labels, catalog: catalog))
        var pages: [DimensionKind: [DimensionPage]] = [:]
        for (k, kind) in kinds.enumerated() {
            pages[kind] = tallies[k].map { id, t -> DimensionPage in
                let key = kind == .developer ? labels.developer(id) : labels[id]
                let trend = zip(weeks, t.weekSpend).map { TrendPoint(week: $0.id, start: $0.start.iso, spend: $1) }
                let runs = t.runs.map { run -> DimensionRun in
                    let first = timeline.records[run.first]
                    return DimensionRun(run: labels[first.run], day: first.day.iso, instanceType: labels[first.instanceType],
                                        market: first.market.key, hours: run.hours, spend: run.spend)
                }.sorted(by: DimensionRun.bySpend)
                var page = DimensionPage(dimension: kind, key: key, trend: trend, month: month.id, monthSpend: t.monthSpend,
                                         monthTotal: monthTotal, monthShare: monthTotal > 0 ? t.monthSpend / monthTotal : 0,
                                         runsSince: runsStart.iso, topRuns: Array(runs.prefix(Self.dimensionTopRuns)))
                if kind == .instanceType {
                    page.bestValueFor = value.best[key] ?? []
                    page.lowestValueFor = value.worst[key] ?? []
                }
                return page
            }.sorted { a, b in
                if a.monthSpend != b.monthSpend { return a.monthSpend > b.monthSpend }
                if a.trendSpend != b.trendSpend { return a.trendSpend > b.trendSpend }
                return a.key < b.key
            }
        }
        return DimensionPages(asOf: asOf.iso, month: month.id, monthTotal: monthTotal, pages: pages)
    }
}
