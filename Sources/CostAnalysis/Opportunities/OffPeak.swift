import CostModel

/// Spend whose start falls off-peak (spec §5, §12: local time ≥ start or < end of the configured
/// window — 22:00 inclusive to 06:00 exclusive by default — or a Saturday/Sunday when weekends count).
struct OffPeakTally {
    var records = 0
    var spend = 0.0
    var offPeakSpend = 0.0

    @inline(__always)
    mutating func add(cost: Double, offPeak: Bool) {
        records += 1
        spend += cost
        if offPeak { offPeakSpend += cost }
    }

    /// Off-peak share of the spend; nil when there is no spend.
    var share: Double? { spend > 0 ? offPeakSpend / spend : nil }
}

extension OffPeakConfig {
    func isOffPeak(_ r: RunRecord) -> Bool { isOffPeak(day: r.day, minuteOfDay: Int(r.minuteOfDay)) }
}
