import CostModel
import Yams

/// Turns a (merged) catalog tree into `Catalog`, validating as spec §2 expects: known keys only,
/// no negative prices, spot never above on-demand, accelerator gpu|tpu|cpu. Each error names the
/// file that supplied the value, the key path and the problem.
struct CatalogDecoder {
    static let providerKeys = ["spot_discount", "commitments", "storage_per_gb_month", "idle_address_per_hour", "instances"]
    static let instanceKeys = ["on_demand", "spot", "regions", "accelerator"]

    func catalog(from tree: CatalogTree) throws -> [String: ProviderPricing] {
        guard case .map(let providers, _) = tree else {
            throw IngestError("\(tree.origin): the catalog must be a mapping of provider (aws, gcp, …) → pricing")
        }
        var result: [String: ProviderPricing] = [:]
        for (name, node) in providers {
            result[name] = try provider(node, path: name)
        }
        return result
    }

    private func provider(_ tree: CatalogTree, path: String) throws -> ProviderPricing {
        let entries = try map(tree, path: path, expected: "a mapping of provider settings")
        try requireKnown(entries, Self.providerKeys, path: path)
        var pricing = ProviderPricing(spotDiscount: nil, commitments: [:], storagePerGBMonth: [:],
                                      idleAddressPerHour: nil, instances: [:])
        for (key, value) in entries {
            let keyPath = YAMLReader.join(path, key)
            switch key {
            case "spot_discount": pricing.spotDiscount = try range(value, path: keyPath, fraction: true)
            case "commitments":
                for (term, discount) in try map(value, path: keyPath, expected: "a mapping of term (1y, 3y) → discount") {
                    pricing.commitments[term] = try range(discount, path: YAMLReader.join(keyPath, term), fraction: true)
                }
            case "storage_per_gb_month":
                for (type, rate) in try map(value, path: keyPath, expected: "a mapping of storage type → USD per GB-month") {
                    pricing.storagePerGBMonth[type] = try price(rate, path: YAMLReader.join(keyPath, type))
                }
            case "idle_address_per_hour": pricing.idleAddressPerHour = try price(value, path: keyPath)
            case "instances":
                for (type, instance) in try map(value, path: keyPath, expected: "a mapping of instance type → prices") {
                    pricing.instances[type] = try self.instance(instance, path: YAMLReader.join(keyPath, type))
                }
            default: break
            }
        }
        return pricing
    }

    private func instance(_ tree: CatalogTree, path: String) throws -> InstancePricing {
        let entries = try map(tree, path: path, expected: "a mapping with on_demand, spot, regions, accelerator")
        try requireKnown(entries, Self.instanceKeys, path: path)
        var onDemand: Double?, spot: PriceRange?, regions: [String: Double] = [:], accelerator: Accelerator?
        for (key, value) in entries {
            let keyPath = YAMLReader.join(path, key)
            switch key {
            case "on_demand": onDemand = try price(value, path: keyPath)
            case "spot": spot = try range(value, path: keyPath, fraction: false)
            case "regions":
                for (region, rate) in try map(value, path: keyPath, expected: "a mapping of region → USD per hour") {
                    regions[region] = try price(rate, path: YAMLReader.join(keyPath, region))
                }
            case "accelerator":
                let (node, origin) = try leaf(value, path: keyPath)
                guard let text = node.scalar?.string, let a = Accelerator(rawValue: text.lowercased()) else {
                    throw IngestError("\(origin): '\(keyPath)' must be gpu, tpu or cpu, got \(YAMLReader.describe(node))")
                }
                accelerator = a
            default: break
            }
        }
        guard let onDemand, let accelerator else {
            let missing = [onDemand == nil ? "on_demand" : nil, accelerator == nil ? "accelerator" : nil].compactMap { $0 }
            throw IngestError("\(tree.origin): '\(path)' needs \(missing.joined(separator: " and ")) (a new instance gives on_demand and accelerator at least)")
        }
        if let spot, spot.high > onDemand {
            // Blame whichever file set one of the two prices, preferring the override.
            let origins = [tree["spot"]?.origin, tree["on_demand"]?.origin].compactMap { $0 }
            let file = origins.first { $0 != CatalogLoader.bundledName } ?? origins.first ?? tree.origin
            throw IngestError("\(file): '\(path).spot' (\(Self.format(spot))) is above its on_demand price (\(onDemand))")
        }
        return InstancePricing(onDemand: onDemand, spot: spot, regions: regions, accelerator: accelerator)
    }

    // MARK: - Values

    private func map(_ tree: CatalogTree, path: String, expected: String) throws -> [(key: String, value: CatalogTree)] {
        switch tree {
        case .map(let entries, _): return entries
        case .leaf(let node, let origin):
            if YAMLReader.isNull(node) { return [] }
            throw IngestError("\(origin): '\(path)' must be \(expected), got \(YAMLReader.describe(node))")
        }
    }

    private func leaf(_ tree: CatalogTree, path: String) throws -> (Node, String) {
        guard case .leaf(let node, let origin) = tree else {
            throw IngestError("\(tree.origin): '\(path)' must be a value, got a mapping")
        }
        return (node, origin)
    }

    /// The largest price (USD per hour, per GB-month or per address-hour) a catalog may hold.
    static let maxPrice = 10_000.0

    private func requireKnown(_ entries: [(key: String, value: CatalogTree)], _ known: [String], path: String) throws {
        for (key, value) in entries where !known.contains(key) {
            throw IngestError("\(value.origin): unknown key '\(YAMLReader.join(path, key))' (known: \(known.joined(separator: ", ")))")
        }
    }

    /// A price in USD: a plain number, 0 or more.
    private func price(_ tree: CatalogTree, path: String) throws -> Double {
        let (node, origin) = try leaf(tree, path: path)
        return try number(node, origin: origin, path: path, fraction: false)
    }

    private func number(_ node: Node, origin: String, path: String, fraction: Bool) throws -> Double {
        guard let d = node.float, d.isFinite else {
            throw IngestError("\(origin): '\(path)' must be a number, got \(YAMLReader.describe(node))")
        }
        if d < 0 { throw IngestError("\(origin): '\(path)' must not be negative, got \(YAMLReader.describe(node))") }
        // The dearest instance lists at about $100 an hour: a price 100 times that is a typo.
        if d > Self.maxPrice {
            throw IngestError("\(origin): '\(path)' must be at most 10,000 USD, got \(YAMLReader.describe(node))")
        }
        if fraction && d >= 1 {
            throw IngestError("\(origin): '\(path)' is a discount and must be a fraction below 1 (0.30 = 30 %), got \(YAMLReader.describe(node))")
        }
        return d
    }

    /// A number, or `[low, high]` with low ≤ high (`spot: [10, 15]`, `spot_discount: [0.60, 0.70]`).
    private func range(_ tree: CatalogTree, path: String, fraction: Bool) throws -> PriceRange {
        let (node, origin) = try leaf(tree, path: path)
        if case .sequence(let items) = node {
            let values = try items.map { try number($0, origin: origin, path: path, fraction: fraction) }
            guard values.count == 2, values[0] <= values[1] else {
                throw IngestError("\(origin): '\(path)' must be a number or [low, high] with low ≤ high, got \(values.map { "\($0)" }.joined(separator: ", "))")
            }
            return PriceRange(low: values[0], high: values[1])
        }
        return PriceRange(try number(node, origin: origin, path: path, fraction: fraction))
    }

    private static func format(_ r: PriceRange) -> String {
        r.low == r.high ? "\(r.low)" : "\(r.low)–\(r.high)"
    }
}
