import CostAssets
import CostModel
import CostRender

/// The analysis leaves sentences empty and records facts; every output words them first
/// (`ReportWording`). Tests that read a sentence read it as the outputs do, through the built-in
/// words templates. (A broken built-in template fails `WordingTests` and every rendering test too.)
public enum BuiltInWording {
    public static let shared = try! ReportWording(assets: AssetStore())

    /// An opportunity item's action as the outputs word it.
    public static func action(_ change: OpportunityChange) throws -> String { try shared.action(change) }
}

extension Report {
    /// This report with its sentences worded by the built-in templates.
    public var worded: Report { try! BuiltInWording.shared.worded(self) }
}

extension PullRequestReport {
    public var worded: PullRequestReport { try! BuiltInWording.shared.worded(self) }
}

extension ChecklistItem {
    public var worded: ChecklistItem { try! BuiltInWording.shared.worded(self) }
}
