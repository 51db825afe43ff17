import CostModel

/// The thresholds the checklist decides with under a config: spec §7's defaults (`Checklist.scale`,
/// `Checklist.cleanupDefaults`), each replaced by `checklist.thresholds` when the config sets it. For
/// pages that state the rules (the Methodology page), so they say what the analysis actually used.
public enum ChecklistThresholds {
    /// The items judged by a figure against a done and a partial threshold; 7 and 9 have none.
    public static let items = [1, 2, 3, 4, 5, 6, 8, 10]

    /// Item id → the threshold used, for every id in `items`.
    public static func effective(_ config: Config) -> [Int: Threshold] {
        var out: [Int: Threshold] = [:]
        for id in items {
            if let scale = Checklist.scale(id) {
                out[id] = scale.threshold(config, id: id)
            } else {
                out[id] = config.thresholds[id] ?? Checklist.cleanupDefaults
            }
        }
        return out
    }
}
