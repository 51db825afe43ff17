import CostModel

/// `costreport pr --fail-if-*` (issue 14 part 5): thresholds a pull request's runs must not
/// cross. The comment is printed either way; a crossed threshold makes the command exit 1, so
/// CI can fail the PR's check. Crossed means strictly above: a PR exactly at a threshold passes.
public struct PullRequestGate: Sendable, Equatable {
    /// USD the PR's spend may reach.
    public var maxSpend: Double?
    /// Fraction (0.1 = 10 %) its spend per run may rise above the base's, suite by suite (spec:
    /// `comparison.change`); a PR with nothing to compare cannot cross it.
    public var maxChange: Double?
    /// USD its spend on runs with failed tests may reach.
    public var maxFailedSpend: Double?

    public init(maxSpend: Double? = nil, maxChange: Double? = nil, maxFailedSpend: Double? = nil) {
        self.maxSpend = maxSpend; self.maxChange = maxChange; self.maxFailedSpend = maxFailedSpend
    }

    public var isEmpty: Bool { maxSpend == nil && maxChange == nil && maxFailedSpend == nil }

    /// One crossed threshold: which, the PR's figure and the limit.
    public struct Crossing: Sendable, Equatable {
        public enum Kind: String, Sendable { case spend, change, failedSpend }
        public var kind: Kind
        public var value: Double
        public var limit: Double
    }

    /// The thresholds `report` crosses, in the flags' order.
    public func crossings(_ report: PullRequestReport) -> [Crossing] {
        var out: [Crossing] = []
        if let maxSpend, report.totals.spend > maxSpend {
            out.append(Crossing(kind: .spend, value: report.totals.spend, limit: maxSpend))
        }
        if let maxChange, let change = report.comparison.change, change > maxChange {
            out.append(Crossing(kind: .change, value: change, limit: maxChange))
        }
        if let maxFailedSpend, report.totals.failedRunSpend > maxFailedSpend {
            out.append(Crossing(kind: .failedSpend, value: report.totals.failedRunSpend, limit: maxFailedSpend))
        }
        return out
    }
}
