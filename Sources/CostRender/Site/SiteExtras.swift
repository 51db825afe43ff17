// The site's data downloads, feed and dimension pages (issue 4 parts 3 and 6):
//
// - `data.json`: the SiteOverview JSON, byte for byte what `SiteOverview.jsonData()` gives;
// - `weeks/2026-W48/provider.csv` …: every breakdown of every weekly and monthly report as
//   RFC 4180 CSV (`BreakdownExport` + `CSVWriter`: the report's rows, nothing recomputed);
// - `feed.xml`: an Atom feed of the weekly reports, newest first, at most 26 entries;
// - `providers/aws.html` …: one page per provider, instance type, developer and suite, and the
//   `dimensions.html` listing of them all (each with its Markdown source).
//
// Feed ids and links: `AtomFeed`. Pages never use the site URL: every page link stays relative.
import CostAnalysis
import CostModel

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
    /// `https://x.example` → `https://x.example/` (the feed appends relative paths to it).
    public static func normalizedSiteURL(_ url: String) -> String { url.hasSuffix("/") ? url : url + "/" }

    public static func files(_ input: SiteInput, extras: SiteExtrasInput, renderer: ReportRenderer) throws -> [SiteFile] {
        var files = try dataFiles(input)
        files.append(SiteFile(path: SitePaths.feed,
                              text: try AtomFeed.weekly(input.weekReports, siteURL: extras.siteURL,
                                                        summary: renderer.headline(for:))))
        let stems = extras.dimensions.map(dimensionStems) ?? [:]
        files.append(try efficiencyFile(input.overview, instanceStems: stems[.instanceType] ?? [:], renderer: renderer))
        if let dimensions = extras.dimensions {
            files += try dimensionFiles(dimensions, overview: input.overview, renderer: renderer, runURL: input.runURL)
        }
        return files
    }

    // MARK: - Performance per dollar

    /// `efficiency.html`, at the root: every page's header links to it, so it is written even
    /// without samples (it then says why it is empty). Instance types link to their pages.
    static func efficiencyFile(_ o: SiteOverview, instanceStems: [String: String],
                               renderer: ReportRenderer) throws -> SiteFile {
        let shell = PageShell(
            title: "Performance per dollar", root: "", asOf: o.asOf,
            breadcrumbs: [PageLink(label: "Overview", href: SitePaths.index), PageLink(label: "Performance per dollar", href: nil)],
            latestWeek: latestLink(.week, o.weeks), latestMonth: latestLink(.month, o.months), isEfficiency: true)
        let anchors = SitePaths.efficiencyAnchors(o.efficiency.rows.map(\.benchmark))
        return SiteFile(path: SitePaths.efficiency, text: try renderer.efficiencyPage(
            o.efficiency, anchors: anchors, instanceHref: { instanceStems[$0].map { $0 + ".html" } }, shell: shell))
    }

    static func latestLink(_ kind: Period.Kind, _ periods: [PeriodSummary]) -> PageLink? {
        periods.first.map { PageLink(label: $0.id, href: SitePaths.stem(kind, id: $0.id) + ".html") }
    }

    // MARK: - Data downloads

    /// `data.json` and one CSV per breakdown of every week and month report.
    public static func dataFiles(_ input: SiteInput) throws -> [SiteFile] {
        var files = [SiteFile(path: SitePaths.data, bytes: Array(try input.overview.jsonData()))]
        for report in input.weekReports + input.monthReports {
            for dimension in BreakdownExport.dimensions {
                let table = BreakdownExport.table(report, dimension: dimension)
                files.append(SiteFile(path: SitePaths.breakdownCSV(report.period.kind, id: report.period.id,
                                                                   dimension: dimension),
                                      text: CSVWriter.csv(table)))
            }
        }
        return files
    }

    // MARK: - Dimension pages

    /// Each key's stem (`providers/aws`), per dimension, from the slugs of that dimension's keys.
    public static func dimensionStems(_ pages: DimensionPages) -> [DimensionKind: [String: String]] {
        var stems: [DimensionKind: [String: String]] = [:]
        for kind in DimensionKind.allCases {
            let slugs = SitePaths.slugs(for: pages.pages(kind).map(\.key))
            stems[kind] = slugs.mapValues { SitePaths.dimensionStem(kind, slug: $0) }
        }
        return stems
    }

    static func dimensionFiles(_ pages: DimensionPages, overview o: SiteOverview,
                               renderer: ReportRenderer, runURL: RunURL? = nil) throws -> [SiteFile] {
        let latestWeek = latestLink(.week, o.weeks), latestMonth = latestLink(.month, o.months)
        let stems = dimensionStems(pages)
        let anchors = SitePaths.efficiencyAnchors(o.efficiency.rows.map(\.benchmark))
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
                let markdown = try renderer.dimensionMarkdown(page, asOf: o.asOf, root: root, efficiencyAnchors: anchors,
                                                              runURL: runURL)
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
