// The site's data downloads, feed and dimension pages (issue 4 parts 3 and 6):
//
// - `data.json`: the SiteOverview JSON, byte for byte what `SiteOverview.jsonData()` gives;
// - `weeks/2026-W48/provider.csv` …: every breakdown of every weekly and monthly report as
//   RFC 4180 CSV (`BreakdownExport` + `CSVWriter`: the report's rows, nothing recomputed);
// - `feed.xml`: an Atom feed of the weekly reports, newest first, at most 26 entries;
// - `providers/aws.html` …: one page per provider, instance type, developer and suite, and the
//   `dimensions.html` listing of them all (each with its Markdown source).
//
// Feed ids and links. With `--site-url URL` every feed link is absolute (`URL` + the page's
// relative path) and each entry's id is its page's absolute URL. Without it the hrefs stay
// relative (valid Atom IRI references, resolved against the feed's own location since no
// xml:base is given), and ids, which Atom requires to be absolute IRIs, are `tag:` URIs
// (RFC 4151), e.g. `tag:costreport,2026:weeks/2026-W48`: stable however the site is hosted.
// `updated` is the period's last day (the as-of day for the running week) at 00:00:00Z, never
// the wall clock, so the same inputs always give the same bytes. Pages never use the site URL:
// every page link stays relative.
import CostAnalysis
import CostModel
import CostRender

/// What the extras need besides `SiteInput`.
public struct SiteExtrasInput: Sendable {
    /// The published site's address, ending in `/` (see `SiteExtras.normalizedSiteURL`); nil: relative feed links.
    public var siteURL: String?
    /// The dimension pages (`Analyzer.dimensionPages(asOf:)`); nil writes none.
    public var dimensions: DimensionPages?

    public init(siteURL: String? = nil, dimensions: DimensionPages? = nil) {
        self.siteURL = siteURL.map(SiteExtras.normalizedSiteURL)
        self.dimensions = dimensions
    }
}

public enum SiteExtras {
    public static let feedEntryLimit = 26
    /// The tag URI prefix of feed ids without a site URL (RFC 4151: authority, date, specific).
    public static let tagPrefix = "tag:costreport,2026:"

    /// `https://x.example` → `https://x.example/` (the feed appends relative paths to it).
    public static func normalizedSiteURL(_ url: String) -> String { url.hasSuffix("/") ? url : url + "/" }

    public static func files(_ input: SiteInput, extras: SiteExtrasInput, renderer: ReportRenderer) throws -> [SiteFile] {
        var files = try dataFiles(input)
        files.append(SiteFile(path: SitePaths.feed,
                              text: feed(weekReports: input.weekReports, siteURL: extras.siteURL)))
        if let dimensions = extras.dimensions {
            files += try dimensionFiles(dimensions, overview: input.overview, renderer: renderer)
        }
        return files
    }

    // MARK: - Data downloads

    /// `data.json` and one CSV per breakdown of every week and month report.
    public static func dataFiles(_ input: SiteInput) throws -> [SiteFile] {
        var files = [SiteFile(path: SitePaths.data, bytes: Array(try input.overview.jsonData()))]
        for report in input.weekReports + input.monthReports {
            for dimension in BreakdownExport.dimensions {
                guard let table = BreakdownExport.table(report, dimension: dimension) else { continue }
                files.append(SiteFile(path: SitePaths.breakdownCSV(kind: report.period.kind.rawValue, id: report.period.id,
                                                                   dimension: dimension),
                                      text: CSVWriter.csv(table)))
            }
        }
        return files
    }

    // MARK: - Atom feed

    /// The Atom feed of `weekReports` (any order): newest first, at most `feedEntryLimit` entries.
    public static func feed(weekReports: [Report], siteURL: String?) -> String {
        let base = siteURL.map(normalizedSiteURL)
        let reports = weekReports.filter { $0.period.kind == .week }
            .sorted { $0.period.start > $1.period.start }
            .prefix(feedEntryLimit)
        func href(_ path: String) -> String { (base ?? "") + path }
        func id(_ path: String) -> String { base.map { $0 + path } ?? tagPrefix + path }
        func updated(_ r: Report) -> String { min(r.period.end, r.asOf) + "T00:00:00Z" }

        var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        x += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        x += "  <title>Cloud test spend: weekly cost reports</title>\n"
        x += "  <id>\(xml(id(SitePaths.feed)))</id>\n"
        x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(xml(href(SitePaths.feed)))\"/>\n"
        x += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(xml(href(SitePaths.index)))\"/>\n"
        // Entries are newest first, and no entry is newer than the newest week's.
        let feedUpdated = reports.map(updated).max() ?? "1970-01-01T00:00:00Z"
        x += "  <updated>\(feedUpdated)</updated>\n"
        x += "  <author><name>costreport</name></author>\n"
        x += "  <generator>costreport</generator>\n"
        for r in reports {
            let page = SitePaths.stem(kind: "week", id: r.period.id)
            x += "  <entry>\n"
            x += "    <title>\(xml("Week \(r.period.id) (\(r.period.start) to \(r.period.end))"))</title>\n"
            x += "    <id>\(xml(id(page)))</id>\n"
            x += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(xml(href(page + ".html")))\"/>\n"
            x += "    <link rel=\"alternate\" type=\"text/markdown\" href=\"\(xml(href(page + ".md")))\"/>\n"
            x += "    <updated>\(updated(r))</updated>\n"
            x += "    <summary type=\"text\">\(xml(ReportRenderer.headline(r)))</summary>\n"
            x += "  </entry>\n"
        }
        x += "</feed>\n"
        return x
    }

    /// XML text or attribute value: `& < > " '` as entities; characters XML 1.0 does not allow
    /// (control characters other than tab, LF and CR; U+FFFE, U+FFFF) are dropped.
    static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: - Dimension pages

    /// Each key's stem (`providers/aws`), per dimension, from the slugs of that dimension's keys.
    public static func dimensionStems(_ pages: DimensionPages) -> [DimensionKind: [String: String]] {
        var stems: [DimensionKind: [String: String]] = [:]
        for kind in DimensionKind.allCases {
            let slugs = SitePaths.slugs(for: pages.pages(kind).map(\.key))
            stems[kind] = slugs.mapValues { SitePaths.dimensionStem(folder: kind.folder, slug: $0) }
        }
        return stems
    }

    static func dimensionFiles(_ pages: DimensionPages, overview o: SiteOverview,
                               renderer: ReportRenderer) throws -> [SiteFile] {
        let latestWeek = o.weeks.first.map { PageLink(label: $0.id, href: SitePaths.stem(kind: "week", id: $0.id) + ".html") }
        let latestMonth = o.months.first.map { PageLink(label: $0.id, href: SitePaths.stem(kind: "month", id: $0.id) + ".html") }
        let stems = dimensionStems(pages)
        var files: [SiteFile] = []

        let listing = try renderer.dimensionListingMarkdown(pages) { page in
            (stems[page.dimension]?[page.key] ?? "") + ".html"
        }
        let listingShell = PageShell(
            title: "Providers · Instance types · Developers · Suites", root: "", asOf: o.asOf,
            breadcrumbs: [PageLink(label: "Overview", href: SitePaths.index), PageLink(label: "Dimensions", href: nil)],
            markdownHref: SitePaths.dimensionsMarkdown, latestWeek: latestWeek, latestMonth: latestMonth)
        files.append(SiteFile(path: SitePaths.dimensionsMarkdown, text: listing))
        files.append(SiteFile(path: SitePaths.dimensions, text: try renderer.page(markdown: listing, shell: listingShell)))

        for kind in DimensionKind.allCases {
            for page in pages.pages(kind) {
                guard let stem = stems[kind]?[page.key] else { continue }
                let root = SitePaths.root(from: stem + ".html")
                let markdown = try renderer.dimensionMarkdown(page, asOf: o.asOf, root: root)
                let shell = PageShell(
                    title: "\(kind.label) \(page.key)", root: root, asOf: o.asOf,
                    breadcrumbs: [PageLink(label: "Overview", href: SitePaths.index),
                                  PageLink(label: kind.title, href: SitePaths.dimensions),
                                  PageLink(label: page.key, href: nil)],
                    markdownHref: stem + ".md", latestWeek: latestWeek, latestMonth: latestMonth)
                files.append(SiteFile(path: stem + ".md", text: markdown))
                files.append(SiteFile(path: stem + ".html", text: try renderer.page(markdown: markdown, shell: shell)))
            }
        }
        return files
    }
}
