import CostModel

/// Checklist item 10 (spec §7): unused resources from the inventory, priced per month.
extension Checklist {
    static let cleanupDefaults = Threshold(done: 0, partial: 50)

    /// Done with nothing unused (or, when the config sets a positive `done`, at most that much a month);
    /// partial under the partial amount (spec §7: "under 50 USD/month"; exactly 50 is todo); else todo.
    static func cleanupStatus(_ u: UnusedResources, _ t: Threshold) -> ChecklistStatus {
        if u.items.isEmpty || (t.done > 0 && u.monthlyCost <= t.done) { return .done }
        return u.monthlyCost < t.partial ? .partial : .todo
    }

    static func cleanup(_ c: ChecklistContext) -> ChecklistItem {
        let u = c.unused
        guard u.inventoryGiven else {
            return unknown(10, c) {
                $0.cleanup = .init(inventoryGiven: false, snapshotAgeDays: c.config.snapshotAgeDays, asOf: c.asOf.iso)
            }
        }
        let t = c.config.thresholds[10] ?? cleanupDefaults
        let status = cleanupStatus(u, t)
        func group(_ kinds: Set<String>) -> ChecklistFacts.Cleanup.Group? {
            let items = u.items.filter { kinds.contains($0.kind) }
            guard !items.isEmpty else { return nil }
            return .init(count: items.count, monthlyCost: items.reduce(0) { $0 + $1.monthlyCost })
        }
        var f = facts(10, c)
        f.cleanup = .init(inventoryGiven: true, files: u.files.count, unrecognizedFiles: u.unrecognizedFiles,
                          snapshotAgeDays: c.config.snapshotAgeDays, asOf: c.asOf.iso, resources: u.items.count,
                          monthlyCost: u.monthlyCost, volumes: group(["volume", "disk"]), snapshots: group(["snapshot"]),
                          addresses: group(["address"]), undatedSnapshots: c.undatedSnapshots, largest: u.items.first)
        return ChecklistItem(id: 10, status: status, value: u.monthlyCost, facts: f)
    }
}
