import CostModel

/// Checklist item 10's evidence (spec §7): what in the inventory is unused, priced per month.
///
/// Unused: volumes and disks not attached (`inUse` false: AWS state `available` / no attachments, GCP no
/// `users`); snapshots created more than `snapshot_age_days` days before the end of the as-of day (taken
/// as 24:00 UTC; a snapshot without a creation time is not judged); AWS addresses without an association
/// and GCP addresses with status `RESERVED` — both as ingest's `inUse` says.
/// Price per month: size × `storage_per_gb_month[type]` (an unknown type is priced as `standard` on AWS,
/// `pd-standard` on GCP, and the reason says so); snapshots size × `storage_per_gb_month.snapshot`;
/// addresses `idle_address_per_hour` × 730.
enum UnusedResourcePricing {
    static let secondsPerDay = 86_400.0

    static func unused(inventory: Inventory?, catalog: Catalog, snapshotAgeDays: Int, asOf: Day) -> UnusedResources {
        guard let inventory else { return .none }
        let asOfEnd = Double(asOf.ordinal + 1) * secondsPerDay
        let items = inventory.resources.compactMap { resource in
            item(resource, catalog: catalog, snapshotAgeDays: snapshotAgeDays, asOfEnd: asOfEnd)
        }
        .sorted {
            if $0.monthlyCost != $1.monthlyCost { return $0.monthlyCost > $1.monthlyCost }
            return ($0.id, $0.provider, $0.kind, $0.location) < ($1.id, $1.provider, $1.kind, $1.location)
        }
        return UnusedResources(inventoryGiven: true, items: items,
                               monthlyCost: items.reduce(0) { $0 + $1.monthlyCost },
                               files: inventory.files.sorted(), unrecognizedFiles: inventory.unrecognizedFiles.sorted())
    }

    /// Snapshots without a creation time, which item 10 cannot judge.
    static func undatedSnapshots(_ inventory: Inventory?) -> Int {
        inventory?.resources.filter { $0.kind == .snapshot && $0.createdAt == nil }.count ?? 0
    }

    static func item(_ r: CloudResource, catalog: Catalog, snapshotAgeDays: Int, asOfEnd: Double) -> UnusedResource? {
        let pricing = catalog.providers[r.provider]
        func unused(_ facts: UnusedFacts, monthlyCost: Double) -> UnusedResource {
            UnusedResource(provider: r.provider, kind: r.kind.rawValue, id: r.id, location: r.location, facts: facts,
                           sizeGB: r.kind == .address ? nil : r.sizeGB, monthlyCost: monthlyCost)
        }
        switch r.kind {
        case .volume, .disk:
            guard !r.inUse else { return nil }
            let (price, facts) = storagePrice(r, pricing)
            return unused(facts, monthlyCost: (r.sizeGB ?? 0) * price)
        case .snapshot:
            guard let created = r.createdAt else { return nil }
            let age = (asOfEnd - created) / secondsPerDay
            guard age > Double(snapshotAgeDays) else { return nil }
            let price = pricing?.storagePerGBMonth["snapshot"]
            return unused(UnusedFacts(ageDays: Int(age), ageLimitDays: snapshotAgeDays, price: price == nil ? .missing : .listed),
                          monthlyCost: (r.sizeGB ?? 0) * (price ?? 0))
        case .address:
            // A reserved internal GCP address is free; only external ones are billed while idle.
            guard !r.inUse, r.storageType != "internal" else { return nil }
            let perHour = pricing?.idleAddressPerHour
            return unused(UnusedFacts(state: r.state, price: perHour == nil ? .missing : .listed),
                          monthlyCost: (perHour ?? 0) * ReservedWindow.hoursPerMonth)
        }
    }

    /// The storage type without a URL prefix (gcloud may print `…/diskTypes/pd-ssd`).
    static func shortType(_ r: CloudResource) -> String? {
        r.storageType.map { String($0.split(separator: "/").last ?? Substring($0)) }
    }

    /// The type's price per GB-month; an unlisted type falls back to the provider's standard disk price.
    static func storagePrice(_ r: CloudResource, _ pricing: ProviderPricing?) -> (Double, UnusedFacts) {
        let prices = pricing?.storagePerGBMonth ?? [:]
        let type = shortType(r)
        if let type, let price = prices[type] { return (price, UnusedFacts(storageType: type, price: .listed)) }
        let fallback = r.provider == "gcp" ? "pd-standard" : "standard"
        guard let price = prices[fallback] else { return (0, UnusedFacts(storageType: type, price: .missing)) }
        return (price, UnusedFacts(storageType: type, price: .fallback, pricedAs: fallback))
    }
}
