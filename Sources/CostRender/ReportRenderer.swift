import CostModel

/// Renders the report model through the user's (or the bundled) Mustache templates:
/// Markdown for weekly, monthly and index pages, and the HTML page shell around cmark-gfm output.
public struct ReportRenderer: Sendable {
    /// Every template the site needs; a templates folder lacking one fails before anything is written.
    public static let requiredTemplates = ["weekly", "monthly", "index", "checklist", "methodology", "page.html"]

    let templates: TemplateSet

    public init(templatesDirectory: String) async throws {
        templates = try await TemplateSet(directory: templatesDirectory, required: ReportRenderer.requiredTemplates)
    }

    /// A week uses `weekly`; a month or a custom range uses `monthly`.
    public func markdown(for report: Report) throws -> String {
        let name = report.period.kind == .week ? "weekly" : "monthly"
        return MarkdownLayout.tidy(try templates.render(name, ReportView(report)))
    }

    public func indexMarkdown(_ overview: SiteOverview) throws -> String {
        MarkdownLayout.tidy(try templates.render("index", IndexView(overview)))
    }

    /// The Checklist page: the checklist and unused resources of `report`, the report of the week
    /// containing the as-of date (`SiteOverview.currentWeek`).
    public func checklistMarkdown(for report: Report) throws -> String {
        MarkdownLayout.tidy(try templates.render("checklist", ChecklistPageView(report)))
    }

    /// The Methodology page: every figure in plain words, with the settings and the pricing
    /// catalog (overridden values marked) that the build used.
    public func methodologyMarkdown(catalog: Catalog, config: Config) throws -> String {
        MarkdownLayout.tidy(try templates.render("methodology", MethodologyView(catalog: catalog, config: config)))
    }

    /// Markdown → HTML (cmark-gfm) → the page shell.
    public func page(markdown: String, shell: PageShell) throws -> String {
        try templates.render("page.html", PageView(shell: shell, content: MarkdownHTML.render(markdown)))
    }
}

/// Navigation and metadata for one HTML page; `root` leads back to the site root (`../`).
public struct PageShell: Sendable {
    public var title: String
    public var root: String
    public var asOf: String
    public var isIndex: Bool
    public var breadcrumbs: [PageLink]
    public var previous: PageLink?
    public var next: PageLink?
    public var markdownHref: String?
    public var latestWeek: PageLink?
    public var latestMonth: PageLink?
    /// Which site-wide page this is, so the header marks it as current.
    public var isChecklist: Bool
    public var isMethodology: Bool

    public init(title: String, root: String, asOf: String, isIndex: Bool = false, breadcrumbs: [PageLink] = [],
                previous: PageLink? = nil, next: PageLink? = nil, markdownHref: String? = nil,
                latestWeek: PageLink? = nil, latestMonth: PageLink? = nil,
                isChecklist: Bool = false, isMethodology: Bool = false) {
        self.title = title; self.root = root; self.asOf = asOf; self.isIndex = isIndex
        self.breadcrumbs = breadcrumbs; self.previous = previous; self.next = next
        self.markdownHref = markdownHref; self.latestWeek = latestWeek; self.latestMonth = latestMonth
        self.isChecklist = isChecklist; self.isMethodology = isMethodology
    }
}

/// A link relative to the site root; `href` nil marks the current page in breadcrumbs.
public struct PageLink: Sendable {
    public var label: String
    public var href: String?
    public init(label: String, href: String?) { self.label = label; self.href = href }
}

struct PageView {
    let title: String
    let root: String
    let asOf: String
    let isIndex: Bool
    let breadcrumbs: [PageLink]
    let hasBreadcrumbs: Bool
    let previous: PageLink?
    let next: PageLink?
    let hasPager: Bool
    let markdownHref: String?
    let latestWeek: PageLink?
    let latestMonth: PageLink?
    let checklistHref: String
    let methodologyHref: String
    let isChecklist: Bool
    let isMethodology: Bool
    let content: String

    init(shell: PageShell, content: String) {
        title = shell.title; root = shell.root; asOf = shell.asOf; isIndex = shell.isIndex
        breadcrumbs = shell.breadcrumbs; hasBreadcrumbs = !shell.breadcrumbs.isEmpty
        previous = shell.previous; next = shell.next; hasPager = shell.previous != nil || shell.next != nil
        markdownHref = shell.markdownHref; latestWeek = shell.latestWeek; latestMonth = shell.latestMonth
        checklistHref = SitePaths.checklist; methodologyHref = SitePaths.methodology
        isChecklist = shell.isChecklist; isMethodology = shell.isMethodology
        self.content = content
    }
}

enum MarkdownLayout {
    /// Sections that render empty leave runs of blank lines; keep at most one, end with one newline.
    static func tidy(_ text: String) -> String {
        var out: [Substring] = []
        var blank = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" }
            blank = isBlank ? blank + 1 : 0
            if blank <= 1 { out.append(isBlank ? "" : line) }
        }
        while let first = out.first, first.isEmpty { out.removeFirst() }
        while let last = out.last, last.isEmpty { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}
