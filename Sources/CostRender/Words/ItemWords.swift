import CostModel

/// The values `words/opportunity-action.mustache` gets: the change's `parts` in the order spot,
/// right-size, region, each with `spot` (`discount`), `moveTo` or `runIn` (`names`) set.
enum ActionWordValues {
    static func values(_ change: OpportunityChange) -> [String: Any] {
        func part(spot: Any = false, moveTo: Any = false, runIn: Any = false) -> [String: Any] {
            ["spot": spot, "moveTo": moveTo, "runIn": runIn]
        }
        var parts: [[String: Any]] = []
        if let d = change.spotDiscount { parts.append(part(spot: ["discount": Format.percent(d)])) }
        if let names = change.moveTo { parts.append(part(moveTo: ["names": WordValue.list(names)])) }
        if let names = change.runIn { parts.append(part(runIn: ["names": WordValue.list(names)])) }
        return ["parts": WordValue.marked(parts)]
    }
}

/// The values `words/unused-reason.mustache` gets for one resource.
enum UnusedWordValues {
    static func values(_ r: UnusedResource, _ f: UnusedFacts) -> [String: Any] {
        [
            "snapshot": r.kind == "snapshot", "address": r.kind == "address",
            "storage": r.kind != "snapshot" && r.kind != "address", "volume": r.kind == "volume",
            "aws": r.provider == "aws",
            "hasSize": r.sizeGB != nil, "size": r.sizeGB.map(sizeText) ?? "",
            "ageDays": Format.count(f.ageDays ?? 0), "ageLimitDays": Format.count(f.ageLimitDays ?? 0),
            "hasState": !(f.state ?? "").isEmpty, "state": f.state ?? "",
            "hasStorageType": f.storageType != nil, "storageType": f.storageType ?? "",
            "priceMissing": f.price == .missing, "priceFallback": f.price == .fallback, "pricedAs": f.pricedAs ?? "",
        ]
    }

    /// `500` for whole sizes, else one decimal.
    static func sizeText(_ gb: Double) -> String {
        gb == gb.rounded() && abs(gb) < 1e15 ? Format.count(Int(gb)) : Format.hours(gb)
    }
}
