/// Where each page lives in the site. Shared by the renderer (links in the index) and the site
/// writer (file paths), so a link and its target can never disagree.
public enum SitePaths {
    public static let index = "index.html"
    public static let stylesheet = "assets/style.css"
    public static let data = "data.json"
    /// The cost-reduction checklist (spec §7) of the current week, and its Markdown source.
    public static let checklist = "checklist.html"
    public static let checklistMarkdown = "checklist.md"
    /// How every figure is computed, and the pricing catalog and settings actually used.
    public static let methodology = "methodology.html"
    public static let methodologyMarkdown = "methodology.md"
    /// The ISO weeks in which a site was published (checklist item 8), kept across rebuilds.
    public static let publicationLog = "publication-log.json"

    /// `weeks/2026-W48` or `months/2026-11` (no extension): `.html` and `.md` share it.
    public static func stem(kind: String, id: String) -> String {
        (kind == "month" ? "months/" : kind == "week" ? "weeks/" : "ranges/") + id
    }

    /// From a page at `path` back to the site root: `weeks/x.html` → `../`.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
