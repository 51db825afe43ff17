import CostAnalysis
import CostModel
import CostTestSupport
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import CostRender

/// data.json, the breakdown CSVs, the Atom feed and the dimension pages (SiteExtras.swift).
@Suite struct SiteExtrasTests {
    static let templates = SiteBuilderTests.templates

    static func row(_ key: String, spend: Double, share: Double) -> BreakdownRow {
        BreakdownRow(key: key, runs: 3, records: 7, hours: 1.25, spend: spend, share: share, onDemandEquivalent: 20.5,
                     realizedSavings: 0.1 + 0.2, savingsRate: nil, testsPassed: 4, testsFailed: 1, failedRunSpend: 0.00001)
    }

    static func input(weeks: Int = 1) -> SiteInput {
        var week = HandMade.report()
        week.breakdowns.provider = [row("aws", spend: 1500.125, share: 0.75), row("gcp, \"the\" other\nline", spend: 500, share: 0.25)]
        week.breakdowns.suite = [row("<script>alert(1)</script>", spend: 2025.25, share: 1)]
        let month = HandMade.report(period: "2026-11")
        var weekReports = [week]
        var start = Period(parsing: "2026-W48")!
        for _ in 1..<max(1, weeks) {
            start = start.previous
            weekReports.append(HandMade.report(period: start.id))
        }
        return SiteInput(overview: HandMade.overview(week, month: month), weekReports: weekReports, monthReports: [month],
                         stylesheet: Array("body{}".utf8), catalog: SiteBuilderTests.catalog, config: Config())
    }

    static func files(_ input: SiteInput, _ extras: SiteExtrasInput = SiteExtrasInput()) async throws -> [String: String] {
        let renderer = try await ReportRenderer(templatesDirectory: templates)
        let files = try SiteExtras.files(input, extras: extras, renderer: renderer)
        #expect(Set(files.map(\.path)).count == files.count, "duplicate paths")
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    // MARK: data.json and CSVs

    @Test func dataJSONIsTheOverview() async throws {
        let input = Self.input()
        let site = try await Self.files(input)
        let json = try #require(site[SitePaths.data])
        #expect(Data(json.utf8) == (try input.overview.jsonData()))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let decoded = try decoder.decode(SiteOverview.self, from: Data(json.utf8))
        #expect(decoded.asOf == input.overview.asOf && decoded.weeks == input.overview.weeks && decoded.months == input.overview.months)
        #expect(decoded.currentWeek.period == input.overview.currentWeek.period)
        #expect(decoded.currentWeek.totals == input.overview.currentWeek.totals)
        #expect(decoded.currentMonth.breakdowns == input.overview.currentMonth.breakdowns)
        #expect(decoded.currentWeek.budget == input.overview.currentWeek.budget)
        #expect(decoded.currentWeek.opportunities == input.overview.currentWeek.opportunities)
        #expect(decoded.currentWeek.checklist == input.overview.currentWeek.checklist)
    }

    @Test func everyBreakdownOfEveryReportIsACSVThatPythonReadsBack() async throws {
        let input = Self.input()
        let site = try await Self.files(input)
        for report in input.weekReports + input.monthReports {
            for dimension in Breakdowns.dimensions {
                let path = SitePaths.breakdownCSV(report.period.kind, id: report.period.id, dimension: dimension)
                let csv = try #require(site[path], "missing \(path)")
                let rows = try python(csv: csv)
                #expect(rows.first == BreakdownExport.columns)
                let expected = report.breakdowns[dimension]
                #expect(rows.count == expected.count + 1)
                for (cells, row) in zip(rows.dropFirst(), expected) {
                    #expect(cells[0] == row.key)
                    #expect(Int(cells[1]) == row.runs && Int(cells[2]) == row.records)
                    #expect(Double(cells[4]) == row.spend && Double(cells[5]) == row.share)
                    #expect(Double(cells[7]) == row.realizedSavings && cells[8] == "")
                    #expect(Double(cells[11]) == row.failedRunSpend)
                }
            }
        }
        #expect(site["weeks/2026-W48/provider.csv"]?.contains("\"gcp, \"\"the\"\" other\nline\"") == true)
        // Deterministic: the same input gives the same bytes.
        #expect(try await Self.files(input) == site)
    }

    /// Rows as Python's csv module reads them (a strict RFC 4180 reader).
    func python(csv: String) throws -> [[String]] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("siteextras-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.csv")
        try Data(csv.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                print(json.dumps(list(csv.reader(f, strict=True))))
            """, file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode([[String]].self, from: data)
    }

    // MARK: feed

    final class FeedReader: NSObject, XMLParserDelegate, @unchecked Sendable {
        var ids: [String] = [], updated: [String] = [], hrefs: [String] = [], summaries: [String] = []
        var entries = 0
        private var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            text = ""
            if name == "entry" { entries += 1 }
            if name == "link", let href = attributes["href"] { hrefs.append(href) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "id" { ids.append(text) }
            if name == "updated" { updated.append(text) }
            if name == "summary" { summaries.append(text) }
        }
    }

    func parse(_ xml: String) throws -> FeedReader {
        let parser = XMLParser(data: Data(xml.utf8))
        let reader = FeedReader()
        parser.delegate = reader
        #expect(parser.parse(), "feed is not well-formed: \(String(describing: parser.parserError))")
        return reader
    }

    @Test func feedIsWellFormedNewestFirstAndAtMost26Entries() async throws {
        let input = Self.input(weeks: 30)
        let site = try await Self.files(input)
        let feed = try parse(try #require(site[SitePaths.feed]))
        #expect(feed.entries == 26)
        // Feed id first, then one per entry, newest first: W48, W47, ...
        #expect(feed.ids.first == "tag:costreport,2026:feed.xml")
        #expect(feed.ids[1] == "tag:costreport,2026:weeks/2026-W48")
        #expect(feed.ids[2] == "tag:costreport,2026:weeks/2026-W47")
        let entryUpdated = Array(feed.updated.dropFirst())
        #expect(entryUpdated == entryUpdated.sorted(by: >))
        // The running week: the as-of day; a past week: its Sunday. Never the clock.
        #expect(entryUpdated[0] == "2026-11-27T00:00:00Z" && entryUpdated[1] == "2026-11-22T00:00:00Z")
        #expect(feed.updated[0] == entryUpdated[0])
        // The headline template's sentence, as plain text (the fixture's figures): no Markdown escapes.
        #expect(feed.summaries[0] == "$2,025.25 across 50 runs (+$2,025.25 (new) vs 2026-W47); "
                + "spot and reserved capacity saved $1,075.50 against on-demand.")
        // Without --site-url every link is relative.
        #expect(!feed.hrefs.isEmpty && feed.hrefs.allSatisfy { !$0.contains("://") })
        #expect(feed.hrefs.contains("weeks/2026-W48.html"))
    }

    @Test func feedWithSiteURLUsesAbsoluteLinksAndIds() throws {
        let input = Self.input(weeks: 3)
        let xml = AtomFeed.weekly(input.weekReports, siteURL: "https://costs.internal.example") { _ in "summary" }
        let feed = try parse(xml)
        #expect(feed.entries == 3)
        #expect(feed.hrefs.allSatisfy { $0.hasPrefix("https://costs.internal.example/") })
        #expect(feed.hrefs.contains("https://costs.internal.example/weeks/2026-W48.html"))
        #expect(feed.ids == ["https://costs.internal.example/feed.xml", "https://costs.internal.example/weeks/2026-W48",
                             "https://costs.internal.example/weeks/2026-W47", "https://costs.internal.example/weeks/2026-W46"])
        #expect(SiteExtrasInput(siteURL: "https://x.example").siteURL == "https://x.example/")
    }

    @Test func feedEscapesText() throws {
        #expect(XMLWriter.escape("a & <b> \"c\" 'd'\u{1}") == "a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;")
        _ = try parse(AtomFeed.weekly([], siteURL: "https://x.example/?a=1&b=<2>") { _ in "" })
    }

    // MARK: slugs and dimension pages

    @Test func slugsAreSafeAndUniqueForHostileKeys() {
        let keys = ["../x", "a/b", "<script>", "Alice", "alice", "ünïcødé", "日本", "..", ".", "", "nightly_benchmarks",
                    "p4d.24xlarge", "a b", "a-b", "A-B", String(repeating: "x", count: 300), "x/../../etc/passwd"]
        let slugs = SitePaths.slugs(for: keys)
        #expect(slugs.count == keys.count)
        #expect(Set(slugs.values.map { $0.lowercased() }).count == keys.count, "\(slugs)")
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        for (key, slug) in slugs {
            #expect(!slug.isEmpty && slug.allSatisfy(allowed.contains), "\(key) → \(slug)")
            #expect(!slug.contains("..") && !slug.hasPrefix(".") && !slug.hasPrefix("-") && !slug.contains("/"), "\(key) → \(slug)")
            #expect(slug.count <= 80)
        }
        // Plain keys keep their name; changed ones get a stable hash.
        #expect(slugs["alice"] == "alice" && slugs["nightly_benchmarks"] == "nightly_benchmarks")
        #expect(slugs["p4d.24xlarge"] == "p4d.24xlarge" && slugs["a-b"] == "a-b")
        #expect(slugs["Alice"]!.hasPrefix("alice-") && slugs["a/b"]!.hasPrefix("a-b-"))
        #expect(SitePaths.slug("Alice") == SitePaths.slug("Alice") && SitePaths.slug("Alice") != SitePaths.slug("ALICE"))
        // The same keys in another order give the same slugs.
        #expect(SitePaths.slugs(for: keys.reversed()) == slugs)
    }

    static func dimensionPages() -> DimensionPages {
        func page(_ kind: DimensionKind, _ key: String, _ spend: Double) -> DimensionPage {
            var start = Period(parsing: "2026-W37")!
            var trend: [TrendPoint] = []
            for i in 0..<12 {
                trend.append(TrendPoint(week: start.id, start: start.start.iso, spend: Double(i) * spend / 10))
                start = Period.week(containing: start.end.adding(days: 1))
            }
            return DimensionPage(dimension: kind, key: key, trend: trend, month: "2026-11", monthSpend: spend, monthTotal: 1000,
                                 monthShare: spend / 1000, runsSince: "2026-11-02",
                                 topRuns: [DimensionRun(run: "run|1", day: "2026-11-20", instanceType: "p4d.24xlarge",
                                                        market: "spot", hours: 2, spend: spend / 2)])
        }
        return DimensionPages(asOf: "2026-11-27", month: "2026-11", monthTotal: 1000, pages: [
            .provider: [page(.provider, "aws", 600), page(.provider, "gcp", 400)],
            .instanceType: [page(.instanceType, "p4d.24xlarge", 1000)],
            .developer: [page(.developer, "alice", 500), page(.developer, "Alice", 300), page(.developer, "<script>", 200)],
            .suite: [page(.suite, "nightly_benchmarks", 900), page(.suite, "../x", 100)],
        ])
    }

    @Test func dimensionPagesAndTheirListing() async throws {
        let site = try await Self.files(Self.input(), SiteExtrasInput(dimensions: Self.dimensionPages()))
        for path in ["providers/aws.html", "providers/aws.md", "instance-types/p4d.24xlarge.html",
                     "developers/alice.html", "suites/nightly_benchmarks.html", "suites/nightly_benchmarks.md",
                     SitePaths.dimensions, SitePaths.dimensionsMarkdown] {
            #expect(site[path] != nil, "missing \(path)")
        }
        let aws = try #require(site["providers/aws.html"])
        #expect(aws.contains("href=\"../index.html\""))
        #expect(aws.contains("href=\"../dimensions.html\""))
        #expect(aws.contains("href=\"../data.json\"") && aws.contains("href=\"../feed.xml\""))
        #expect(aws.contains("<table"))
        #expect(aws.contains("60.0%"))
        #expect(!aws.contains("://"), "page links stay relative")
        let listing = try #require(site[SitePaths.dimensions])
        let stems = SiteExtras.dimensionStems(Self.dimensionPages())
        for kind in DimensionKind.allCases {
            for page in Self.dimensionPages().pages(kind) {
                let stem = try #require(stems[kind]?[page.key])
                #expect(site[stem + ".html"] != nil, "missing \(stem).html")
                #expect(listing.contains("href=\"\(stem).html\""), "listing does not link \(stem)")
            }
        }
        for (path, text) in site where path.hasSuffix(".html") {
            #expect(!text.contains("<script>"), "\(path): data must never reach the HTML as markup")
        }
        let hostileStem = try #require(stems[.developer]?["<script>"])
        let hostileMarkdown = try #require(site[hostileStem + ".md"])
        #expect(hostileMarkdown.contains("\\<script\\>"))
        let runPage = try #require(site["providers/gcp.md"])
        #expect(runPage.contains("run\\|1"))
    }
}
