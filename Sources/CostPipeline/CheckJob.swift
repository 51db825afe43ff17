import CostAnalysis
import CostModel
import CostRender

/// `costreport check`: the budget gate for CI.
public struct CheckJob: Sendable {
    public var inputs: InputSettings
    /// Check as of this period's end; nil: the month of the as-of date.
    public var period: Period?
    public var level: BudgetGate.Level
    /// Days the latest record may lie before today (without `--as-of`).
    public var maxDataAge: Int

    public static let defaultMaxDataAge = 3

    public init(inputs: InputSettings, period: Period? = nil, level: BudgetGate.Level = .critical,
                maxDataAge: Int = CheckJob.defaultMaxDataAge) {
        self.inputs = inputs; self.period = period; self.level = level; self.maxDataAge = maxDataAge
    }

    public struct Outcome: Sendable {
        public let passes: Bool
        /// One line per problem, or the one OK line.
        public let lines: [String]
    }

    public func run(progress: ProgressLines) throws -> Outcome {
        let loaded = try LoadInputs(inputs).run(progress: progress)
        let dataset = try IngestRecords().run(loaded, progress: progress)
        let chosen = period
        // With --period (and no --as-of) the as-of date is the period's last day, or the latest
        // record's day if earlier.
        let analysis = try Analyse(defaultAsOf: { latest in
            guard let chosen else { return latest }
            return max(chosen.start, min(latest, chosen.end))
        }).run(loaded, dataset)
        let budget = analysis.analyzer.report(for: chosen ?? .month(containing: analysis.asOf), asOf: analysis.asOf).budget
        let gate = BudgetGate(budget, level: level, within: chosen)
        // Stale data is a problem of its own: a gate that passes on last week's data says nothing.
        let freshness = inputs.asOf == nil ? analysis.freshness(maxAge: maxDataAge) : nil
        if let freshness, freshness.isStale {
            let lines = gate.passes ? [] : BudgetGateText.lines(gate)
            return Outcome(passes: false, lines: lines + [FreshnessText.problem(freshness)])
        }
        return Outcome(passes: gate.passes, lines: BudgetGateText.lines(gate))
    }
}

extension CheckJob {
    /// `--fail-on`: the lowest budget status that fails.
    public typealias Level = BudgetGate.Level
}
