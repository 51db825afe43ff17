import CostModel

/// Spec §5 and §12 for one record: which of the three per-record savings rules apply and by what
/// factor. Computed once per record (in `SavingsIndex`), then read by the spot, right-size, region
/// and combined opportunities and by checklist items 1, 2 and 6 — the rules live only here.
///
/// Every factor is kept in [0, 1], so per record
/// `max(parts) ≤ combined ≤ min(cost, spot + rightSize + region)`.
struct RecordSavings: Sendable {
    struct Applies: OptionSet, Sendable {
        let rawValue: UInt8
        /// Spot rule: on-demand, R known, suite matches no `critical_suites` glob, d known.
        static let spot = Applies(rawValue: 1 << 0)
        /// Right-size rule: R strictly above R_rec (same provider and accelerator kind, any market).
        static let oversized = Applies(rawValue: 1 << 1)
        /// Region rule: on-demand, R known, the instance lists regional prices.
        static let region = Applies(rawValue: 1 << 2)
        /// The suite matches a `critical_suites` glob (checklist item 1 leaves it out).
        static let critical = Applies(rawValue: 1 << 3)
    }

    /// d = 1 − S/R (0 when the spot rule does not apply).
    let spotDiscount: Double
    /// R_rec / R (1 when not oversized).
    let rightSizeRatio: Double
    /// R_cheapest / R_region (1 when the region rule does not apply, or already in the cheapest region).
    let regionRatio: Double
    /// Index into `SavingsIndex.facts`: names of the recommended instance and the cheapest region.
    let facts: Int32
    let applies: Applies

    /// The rules of spec §5/§12. `R` is the record's on-demand rate (ingest's catalog lookup:
    /// the region's price if listed, else the instance's), so `R_region` of the region rule is `R`:
    /// when the record's region is not listed, that is the instance's base price.
    init(record r: RunRecord, facts: RateFacts, factsIndex: Int32, critical: Bool) {
        var applies: Applies = critical ? [.critical] : []
        var d = 0.0, rightSize = 1.0, region = 1.0
        if let rate = r.onDemandRate, rate > 0 {
            if r.market == .onDemand, !critical, let discount = facts.spotDiscount {
                applies.insert(.spot)
                d = discount
            }
            if let rec = facts.recommended, rate > rec.rate {
                applies.insert(.oversized)
                rightSize = rec.rate / rate
            }
            if r.market == .onDemand, let cheapest = facts.cheapest {
                applies.insert(.region)
                // A record whose R is already at or below every listed price (possible only when its
                // region is unlisted and the base price is the lowest) has nothing to gain: ratio 1.
                region = min(1, cheapest.rate / rate)
            }
        }
        self.init(spotDiscount: d, rightSizeRatio: rightSize, regionRatio: region, facts: factsIndex, applies: applies)
    }

    private init(spotDiscount: Double, rightSizeRatio: Double, regionRatio: Double, facts: Int32, applies: Applies) {
        self.spotDiscount = spotDiscount; self.rightSizeRatio = rightSizeRatio; self.regionRatio = regionRatio
        self.facts = facts; self.applies = applies
    }

    var spot: Bool { applies.contains(.spot) }
    var oversized: Bool { applies.contains(.oversized) }
    var region: Bool { applies.contains(.region) }
    var critical: Bool { applies.contains(.critical) }
    /// Checklist item 6: the record's regional R equals (or is below) the cheapest listed price.
    var inCheapestRegion: Bool { region && regionRatio == 1 }
    var anyApplies: Bool { !applies.intersection([.spot, .oversized, .region]).isEmpty }

    /// f = (R_rec/R if oversized) × (R_cheapest/R_region if region) × (1 − d if spot).
    var combinedFactor: Double { rightSizeRatio * regionRatio * (1 - spotDiscount) }

    func spotPotential(cost: Double) -> Double { spot ? cost * spotDiscount : 0 }
    func rightSizePotential(cost: Double) -> Double { oversized ? cost * (1 - rightSizeRatio) : 0 }
    func regionPotential(cost: Double) -> Double { region ? cost * (1 - regionRatio) : 0 }
    func combinedPotential(cost: Double) -> Double { anyApplies ? cost * (1 - combinedFactor) : 0 }
}
