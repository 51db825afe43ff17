extension UnusedResource {
    /// An unused resource whose `reason` is worded from `facts`.
    public init(provider: String, kind: String, id: String, location: String, facts: UnusedFacts, sizeGB: Double?,
                monthlyCost: Double) {
        self.init(provider: provider, kind: kind, id: id, location: location,
                  reason: UnusedWording.reason(provider: provider, kind: kind, sizeGB: sizeGB, facts),
                  sizeGB: sizeGB, monthlyCost: monthlyCost)
        self.facts = facts
    }
}

enum UnusedWording {
    /// "unattached gp3 volume, 500 GB", "snapshot 120 days old (over 90), 200 GB",
    /// "Elastic IP not associated with anything", "RESERVED static address, used by nothing".
    static func reason(provider: String, kind: String, sizeGB: Double?, _ f: UnusedFacts) -> String {
        let size = sizeGB.map { sizeText($0) + " GB" } ?? "size not printed"
        switch kind {
        case "snapshot":
            return "snapshot \(f.ageDays ?? 0) days old (over \(f.ageLimitDays ?? 0)), \(size)"
                + (f.price == .missing ? "; no snapshot price in the catalog" : "")
        case "address":
            let state = f.state ?? ""
            let reason = provider == "aws" ? "Elastic IP not associated with anything"
                : state.isEmpty ? "static address used by nothing" : "\(state) static address, used by nothing"
            return reason + (f.price == .missing ? "; no idle-address price in the catalog" : "")
        default:
            let note: String
            switch f.price {
            case .listed: note = ""
            case .missing: note = "; no price for its type in the catalog"
            case .fallback: note = "; type \(f.storageType ?? "not printed") not in the catalog, priced as \(f.pricedAs ?? "")"
            }
            return "unattached \(f.storageType.map { $0 + " " } ?? "")\(kind == "volume" ? "volume" : "disk"), \(size)\(note)"
        }
    }

    /// `500` for whole sizes, else one decimal.
    static func sizeText(_ gb: Double) -> String {
        gb == gb.rounded() && abs(gb) < 1e15 ? Format.count(Int(gb)) : Format.hours(gb)
    }
}
