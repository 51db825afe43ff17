import CostModel

/// Spec §5 and §7 for one report: the period's opportunities and checklist items 1–6 from the period
/// pass, and the parts that depend on the as-of date only (reserved window, publication log, inventory).
struct SavingsReport {
    let opportunities: Opportunities
    let checklist: [ChecklistItem]
    let unusedResources: UnusedResources

    init(_ period: SavingsAccumulator, index: SavingsIndex, labels: Labels, catalog: Catalog, config: Config,
         inventory: Inventory?, publicationLog: PublicationLog?, asOf: Day) {
        let reserved = ReservedWindow(index: index, asOf: asOf, config: config, catalog: catalog, labels: labels)
        opportunities = period.opportunities(labels: labels, reserved: reserved)
        unusedResources = UnusedResourcePricing.unused(inventory: inventory, catalog: catalog,
                                                       snapshotAgeDays: config.snapshotAgeDays, asOf: asOf)
        checklist = Checklist.items(ChecklistContext(
            config: config, inputs: period.checklist, opportunities: opportunities, labels: labels, reserved: reserved,
            unused: unusedResources, undatedSnapshots: UnusedResourcePricing.undatedSnapshots(inventory),
            publicationLog: publicationLog, asOf: asOf))
    }
}
