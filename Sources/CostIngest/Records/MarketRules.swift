import CostModel

/// Market and cost rules of spec §3 and §12.
enum MarketRules {
    /// A recorded market name: `spot`/`preemptible`, `on-demand` (any separator), `reserved`/`committed`.
    /// Unrecognised names are nil, so the next piece of evidence decides.
    static func market(named raw: String) -> Market? {
        let name = raw.trimmingSpaces.lowercased()
            .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch name {
        case "spot", "preemptible": return .spot
        case "on-demand", "ondemand": return .onDemand
        case "reserved", "committed": return .reserved
        default: return nil
        }
    }

    /// An effective rate at or below 60 % of on-demand means spot (inclusive, spec §12).
    /// The relative tolerance keeps a rate of exactly 0.6 × R spot despite floating-point rounding.
    static let spotThreshold = 0.6

    static func inferredMarket(cost: Double, hours: Double?, onDemandRate: Double?) -> Market? {
        guard let hours, hours > 0, let r = onDemandRate, r > 0 else { return nil }
        return cost / hours <= spotThreshold * r * (1 + 1e-12) ? .spot : .onDemand
    }
}

/// The rates of one provider/instance/region, looked up once per distinct combination.
struct Rates {
    /// R: the region's on-demand price, else the instance's; nil for unknown instances.
    var onDemand: Double?
    /// S: the instance's spot midpoint, else R × (1 − the provider's typical discount).
    var spot: Double?
    /// R × (1 − midpoint of the provider's 1-year commitment); R when the provider lists none.
    var reserved: Double?

    init(catalog: Catalog, provider: String, instanceType: String, region: String) {
        onDemand = catalog.onDemandRate(provider: provider, instanceType: instanceType, region: region)
        spot = catalog.spotRate(provider: provider, instanceType: instanceType, region: region)
        if let r = onDemand {
            let discount = catalog.providers[provider]?.commitments["1y"]?.midpoint ?? 0
            reserved = r * (1 - discount)
        }
    }

    /// The rate a missing cost is estimated with: the recorded market's, or R (as on-demand).
    func estimationRate(for market: Market) -> Double? {
        switch market {
        case .spot: return spot
        case .reserved: return reserved
        case .onDemand, .unknown: return onDemand
        }
    }
}
