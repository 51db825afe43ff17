import CostAssets
import CostModel

/// Renders the report model through the user's (or the bundled) Mustache templates:
/// Markdown for weekly, monthly and index pages, and the HTML page shell around cmark-gfm output.
public struct ReportRenderer: Sendable {
    /// Every template the site needs; a templates folder lacking one fails before anything is written.
    public static let requiredTemplates = ["weekly", "monthly", "index", "checklist", "methodology", "page.html",
                                           "dashboard.html", "dimension", "partials/dimension-listing", "efficiency.html"]

    let templates: TemplateSet

    /// A templates folder that holds every template itself (no built-in fallback).
    public init(templatesDirectory: String) async throws {
        templates = try await TemplateSet(directory: templatesDirectory, required: ReportRenderer.requiredTemplates)
    }

    /// The user's templates over the built-in ones (`AssetStore`).
    public init(assets: AssetStore) throws {
        templates = try TemplateSet(assets: assets, required: ReportRenderer.requiredTemplates)
    }

    /// A week uses `weekly`; a month or a custom range uses `monthly`. `links`: the site's CSVs
    /// and dimension pages (`.none` outside a site).
    public func markdown(for report: Report, links: ReportLinks = .none) throws -> String {
        let name = report.period.kind == .week ? "weekly" : "monthly"
        return MarkdownLayout.tidy(try templates.render(name, ReportView(report, links: links)))
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
        try templates.render("page.html", PageView(shell: shell, content: Self.html(markdown)))
    }

    /// cmark-gfm's HTML with the heading anchors and the folded tables (`FoldedTables`).
    static func html(_ markdown: String) throws -> String {
        TableLabels.add(FoldedTables.restore(HeadingAnchors.add(try MarkdownHTML.render(markdown))))
    }

    /// The index: the dashboard (an HTML template, above the fold) and then the index Markdown
    /// (every weekly and monthly report, the details) in the page shell.
    public func indexPage(_ overview: SiteOverview, shell: PageShell) throws -> String {
        let dashboard = try templates.render("dashboard.html", DashboardView(overview))
        let content = try Self.html(try indexMarkdown(overview))
        return try templates.render("page.html", PageView(shell: shell, content: content, dashboard: dashboard))
    }

    /// The Performance per dollar page: `efficiency.html.mustache` (an HTML fragment: each
    /// benchmark's chart sits beside its table) in the page shell. `anchors` from
    /// `SitePaths.efficiencyAnchors`; `instanceHref` gives an instance type's page, if any.
    public func efficiencyPage(_ page: EfficiencyPage, anchors: [String: String],
                               instanceHref: (String) -> String?, shell: PageShell) throws -> String {
        let content = TableLabels.add(try templates.render("efficiency.html", EfficiencyPageView(page, anchors: anchors, instanceHref: instanceHref)))
        return try templates.render("page.html", PageView(shell: shell, content: content))
    }

    /// The dashboard alone (HTML fragment), for tests and other hosts.
    public func dashboardHTML(_ overview: SiteOverview) throws -> String {
        try templates.render("dashboard.html", DashboardView(overview))
    }

    /// A weekly or monthly page: the trend and provider charts above the report's Markdown
    /// (whose tables carry the same figures).
    public func reportPage(_ report: Report, markdown: String, shell: PageShell) throws -> String {
        let content = try Self.html(markdown)
        return try templates.render("page.html", PageView(shell: shell, content: content, charts: ReportChartsView(report)))
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
    public var isEfficiency: Bool
    /// A page that stands alone (`report --format html`, issue 13 part 5): the stylesheet inline,
    /// no script; without a site (`root` empty) no links into it either. Nil for site pages.
    public var inlineStylesheet: String?

    public init(title: String, root: String, asOf: String, isIndex: Bool = false, breadcrumbs: [PageLink] = [],
                previous: PageLink? = nil, next: PageLink? = nil, markdownHref: String? = nil,
                latestWeek: PageLink? = nil, latestMonth: PageLink? = nil,
                isChecklist: Bool = false, isMethodology: Bool = false, isEfficiency: Bool = false,
                inlineStylesheet: String? = nil) {
        self.title = title; self.root = root; self.asOf = asOf; self.isIndex = isIndex
        self.breadcrumbs = breadcrumbs; self.previous = previous; self.next = next
        self.markdownHref = markdownHref; self.latestWeek = latestWeek; self.latestMonth = latestMonth
        self.isChecklist = isChecklist; self.isMethodology = isMethodology; self.isEfficiency = isEfficiency
        self.inlineStylesheet = inlineStylesheet
    }
}

/// A link relative to the site root; `href` nil marks the current page in breadcrumbs.
public struct PageLink: Sendable {
    public var label: String
    public var href: String?
    public init(label: String, href: String?) { self.label = label; self.href = href }
}

struct PageView: TemplateFields {
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
    let efficiencyHref: String
    let isChecklist: Bool
    let isMethodology: Bool
    let isEfficiency: Bool
    /// Site pages link the stylesheet and script; a standalone page carries its styles.
    let inlineStylesheet: String?
    let isSitePage: Bool
    /// Header navigation, breadcrumbs and the Markdown-source link: on site pages, and on a
    /// standalone page only when it knows the site's address.
    let hasNavigation: Bool
    let content: String
    /// The index dashboard (HTML), placed above the content; empty elsewhere.
    let dashboard: String
    let hasDashboard: Bool
    /// A report page's charts (SVG built by `Charts`), placed above the content.
    let trendChart: String
    let providerChart: String
    let hasCharts: Bool

    init(shell: PageShell, content: String, dashboard: String? = nil, charts: ReportChartsView? = nil) {
        title = shell.title; root = shell.root; asOf = shell.asOf; isIndex = shell.isIndex
        breadcrumbs = shell.breadcrumbs
        hasBreadcrumbs = !shell.breadcrumbs.isEmpty && (shell.inlineStylesheet == nil || !shell.root.isEmpty)
        previous = shell.previous; next = shell.next; hasPager = shell.previous != nil || shell.next != nil
        markdownHref = shell.markdownHref; latestWeek = shell.latestWeek; latestMonth = shell.latestMonth
        checklistHref = SitePaths.checklist; methodologyHref = SitePaths.methodology
        efficiencyHref = SitePaths.efficiency
        isChecklist = shell.isChecklist; isMethodology = shell.isMethodology; isEfficiency = shell.isEfficiency
        inlineStylesheet = shell.inlineStylesheet
        isSitePage = shell.inlineStylesheet == nil
        hasNavigation = isSitePage || !shell.root.isEmpty
        self.content = content
        self.dashboard = dashboard ?? ""
        hasDashboard = dashboard != nil
        trendChart = charts?.trend ?? ""
        providerChart = charts?.providers ?? ""
        hasCharts = charts != nil
    }
}

/// Gives every plain `<h2>` of cmark's output an `id` (`Data quality` → `data-quality`), so
/// the dashboard and readers can link to a section. Headings holding markup are left alone.
enum HeadingAnchors {
    /// Over UTF-8 bytes, like `TableLabels`: Foundation's string search was 6 % of a large build.
    static func add(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1024)
        var used: [String: Int] = [:]
        var i = 0
        while let open = ByteSearch.find("<h2>", in: bytes, from: i) {
            out += bytes[i..<open]
            let after = open + 4
            guard let close = ByteSearch.find("</h2>", in: bytes, from: after) else {
                out += bytes[open...]
                return String(decoding: out, as: UTF8.self)
            }
            let text = String(decoding: bytes[after..<close], as: UTF8.self)
            let slug = slugify(text[...])
            if text.contains("<") || slug.isEmpty {
                out += "<h2>".utf8
            } else {
                let n = used[slug, default: 0]
                used[slug] = n + 1
                out += "<h2 id=\"\(n == 0 ? slug : "\(slug)-\(n + 1)")\">".utf8
            }
            i = after
        }
        out += bytes[i...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Lowercase ASCII letters and digits, everything else a single `-`; entities dropped.
    static func slugify(_ text: Substring) -> String {
        var slug = ""
        var inEntity = false
        for ch in text.lowercased() {
            if ch == "&" { inEntity = true; continue }
            if inEntity { if ch == ";" { inEntity = false }; continue }
            if ch.isASCII && (ch.isLetter || ch.isNumber) { slug.append(ch) }
            else if !slug.isEmpty && slug.last != "-" { slug.append("-") }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug
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
