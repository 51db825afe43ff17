import CostModel

/// Checklist item 10 (spec §7): unused resources from the inventory, priced per month.
extension Checklist {
    static let cleanupDefaults = Threshold(done: 0, partial: 50)

    static let inventoryInput = "pass --inventory DIR with the JSON of aws ec2 describe-volumes, describe-snapshots, "
        + "describe-addresses and gcloud compute disks list, snapshots list, addresses list (--format=json)"

    /// Done with nothing unused (or, when the config sets a positive `done`, at most that much a month);
    /// partial under the partial amount (spec §7: "under 50 USD/month"; exactly 50 is todo); else todo.
    static func cleanupStatus(_ u: UnusedResources, _ t: Threshold) -> ChecklistStatus {
        if u.items.isEmpty || (t.done > 0 && u.monthlyCost <= t.done) { return .done }
        return u.monthlyCost < t.partial ? .partial : .todo
    }

    static func cleanupThresholdText(_ c: ChecklistContext) -> String {
        let t = c.config.thresholds[10] ?? cleanupDefaults
        let done = t.done > 0 ? "≤ \(Format.usd(t.done))/month" : "none unused"
        return "done at \(done), partial under \(Format.usd(t.partial))/month"
    }

    static func cleanup(_ c: ChecklistContext) -> ChecklistItem {
        let u = c.unused
        guard u.inventoryGiven else {
            return unknown(10, c, detail: "No inventory was given.", input: inventoryInput)
        }
        let t = c.config.thresholds[10] ?? cleanupDefaults
        let status = cleanupStatus(u, t)
        func group(_ kinds: Set<String>, _ word: String, _ plural: String) -> String? {
            let items = u.items.filter { kinds.contains($0.kind) }
            guard !items.isEmpty else { return nil }
            return "\(Text.count(items.count, word, plural)) (\(Format.usd(items.reduce(0) { $0 + $1.monthlyCost }))/month)"
        }
        let parts = [group(["volume", "disk"], "unattached volume/disk", "unattached volumes/disks"), group(["snapshot"], "old snapshot", "old snapshots"),
                     group(["address"], "unused address", "unused addresses")].compactMap { $0 }
        var detail = u.items.isEmpty
            ? "Nothing unused in \(Text.count(u.files.count, "inventory file")) (snapshots judged at \(c.config.snapshotAgeDays) days)."
            : "\(Text.count(u.items.count, "unused resource")) cost \(Format.usd(u.monthlyCost))/month: "
                + parts.joined(separator: ", ") + " (snapshots older than \(c.config.snapshotAgeDays) days at the end of \(c.asOf.iso), UTC)."
        if c.undatedSnapshots > 0 { detail += " \(Text.count(c.undatedSnapshots, "snapshot")) without a creation time not judged." }
        if !u.unrecognizedFiles.isEmpty { detail += " Not recognised: \(u.unrecognizedFiles.joined(separator: ", "))." }
        let top = u.items.first
        return ChecklistItem(id: 10, title: title(10), status: status, value: u.monthlyCost,
                             valueText: "\(Format.usd(u.monthlyCost))/month on \(Text.count(u.items.count, "unused resource"))",
                             threshold: cleanupThresholdText(c), detail: detail,
                             toDone: status == .done || top == nil ? ""
                                : "delete or release the unused resources; largest: \(top!.id) at \(Format.usd(top!.monthlyCost))/month, \(top!.reason)")
    }
}
