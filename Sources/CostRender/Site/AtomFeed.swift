import CostModel

/// The site's Atom feed of the weekly reports (RFC 4287), built with `XMLWriter`.
///
/// Feed ids and links. With `--site-url URL` every feed link is absolute (`URL` + the page's
/// relative path) and each entry's id is its page's absolute URL. Without it the hrefs stay
/// relative (valid Atom IRI references, resolved against the feed's own location since no
/// xml:base is given), and ids, which Atom requires to be absolute IRIs, are `tag:` URIs
/// (RFC 4151), e.g. `tag:costreport,2026:weeks/2026-W48`: stable however the site is hosted.
/// `updated` is the period's last day (the as-of day for the running week) at 00:00:00Z, never
/// the wall clock, so the same inputs always give the same bytes.
public enum AtomFeed {
    public static let entryLimit = 26
    /// The tag URI prefix of feed ids without a site URL (RFC 4151: authority, date, specific).
    public static let tagPrefix = "tag:costreport,2026:"

    /// The feed of `weekReports` (any order): newest first, at most `entryLimit` entries, each
    /// summarised by `summary` (the report's headline, `ReportRenderer.headline(for:)`).
    public static func weekly(_ weekReports: [Report], siteURL: String?,
                              summary: (Report) throws -> String) rethrows -> String {
        let base = siteURL.map(SiteExtras.normalizedSiteURL)
        let reports = weekReports.filter { $0.period.kind == .week }
            .sorted { $0.period.start > $1.period.start }
            .prefix(entryLimit)
        func href(_ path: String) -> String { (base ?? "") + path }
        func id(_ path: String) -> String { base.map { $0 + path } ?? tagPrefix + path }
        func updated(_ r: Report) -> String { min(r.period.end, r.asOf) + "T00:00:00Z" }

        var x = XMLWriter()
        x.start("feed", [("xmlns", "http://www.w3.org/2005/Atom")])
        x.element("title", text: "Cloud test spend: weekly cost reports")
        x.element("id", text: id(SitePaths.feed))
        x.element("link", [("rel", "self"), ("type", "application/atom+xml"), ("href", href(SitePaths.feed))])
        x.element("link", [("rel", "alternate"), ("type", "text/html"), ("href", href(SitePaths.index))])
        // Entries are newest first, and no entry is newer than the newest week's.
        x.element("updated", text: reports.map(updated).max() ?? "1970-01-01T00:00:00Z")
        x.element("author", containing: "name", text: "costreport")
        x.element("generator", text: "costreport")
        for r in reports {
            let page = SitePaths.stem(.week, id: r.period.id)
            x.start("entry")
            x.element("title", text: "Week \(r.period.id) (\(r.period.start) to \(r.period.end))")
            x.element("id", text: id(page))
            x.element("link", [("rel", "alternate"), ("type", "text/html"), ("href", href(page + ".html"))])
            x.element("link", [("rel", "alternate"), ("type", "text/markdown"), ("href", href(page + ".md"))])
            x.element("updated", text: updated(r))
            x.element("summary", [("type", "text")], text: try summary(r))
            x.end()
        }
        x.end()
        return x.text
    }
}
