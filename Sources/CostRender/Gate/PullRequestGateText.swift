import CostAnalysis
import CostModel

/// The stderr line of each threshold a pull request crossed (`costreport pr --fail-if-*`), and of
/// why its comment stays unprinted (`--only-if-*`).
public enum PullRequestGateText {
    public static func quiet(_ reason: PullRequestReport.QuietReason, selector: PullRequestSelector, base: String) -> String {
        switch reason {
        case .belowSpend(let spend, let minimum):
            return "\(selector) spent \(Format.usd(spend)), below --only-if-over \(Format.usd(minimum))"
        case .belowChange(let largest, let minimum):
            let what = largest.map { "the largest change against \(base) is \(Format.percent($0))" }
                ?? "nothing could be compared with \(base) in the 4 weeks before it"
            return "\(selector): \(what), below --only-if-change \(Format.percent(minimum))"
        }
    }

    public static func line(_ c: PullRequestGate.Crossing, selector: PullRequestSelector, base: String) -> String {
        switch c.kind {
        case .spend:
            return "\(selector) spent \(Format.usd(c.value)), above --fail-if-over \(Format.usd(c.limit))"
        case .change:
            return "\(selector) costs \(Format.percent(c.value)) more per run than \(base) in the 4 weeks before it, above --fail-if-change \(Format.percent(c.limit))"
        case .failedSpend:
            return "\(selector) spent \(Format.usd(c.value)) on runs with failed tests, above --fail-if-failed-spend \(Format.usd(c.limit))"
        }
    }
}
