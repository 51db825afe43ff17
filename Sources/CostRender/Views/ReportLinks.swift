import CostModel

/// Where a report's tables link on the site (issue 13 part 3): each breakdown's CSV and each
/// key's dimension page. `costreport report` has no site around it, so it renders with `.none`:
/// no link that could point nowhere.
public struct ReportLinks: Sendable {
    /// From the page to the site root (`../`).
    public var root: String
    /// A breakdown's CSV, relative to the root.
    public var csv: @Sendable (BreakdownDimension) -> String?
    /// A key's page (`instance-types/g5.xlarge.html`), relative to the root; nil without one.
    public var key: @Sendable (BreakdownDimension, String) -> String?
    /// `--run-url`: where run ids link; nil: plain text.
    public var run: RunURL?

    public init(root: String, csv: @escaping @Sendable (BreakdownDimension) -> String?,
                key: @escaping @Sendable (BreakdownDimension, String) -> String?, run: RunURL? = nil) {
        self.root = root; self.csv = csv; self.key = key; self.run = run
    }

    public static let none = ReportLinks(root: "", csv: { _ in nil }, key: { _, _ in nil })

    /// No site links, only the runs' (`costreport report --run-url`).
    public static func runs(_ run: RunURL?) -> ReportLinks {
        ReportLinks(root: "", csv: { _ in nil }, key: { _, _ in nil }, run: run)
    }
}
