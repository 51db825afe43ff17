import CostModel
@testable import CostRender
import CostTestSupport
import Foundation
import Testing
@testable import CostSite

/// The site has a Checklist and a Methodology page (HTML and Markdown), linked from the index and
/// from every page's header, and publishes the publication log when it is given one.
@Suite struct SiteBuilderTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates").path

    static let catalog = Catalog(providers: [
        "aws": ProviderPricing(spotDiscount: PriceRange(low: 0.6, high: 0.7), commitments: ["1y": PriceRange(low: 0.3, high: 0.4)],
                               storagePerGBMonth: ["gp3": 0.08], idleAddressPerHour: 0.005,
                               instances: ["p4d.24xlarge": InstancePricing(onDemand: 30.1, spot: PriceRange(low: 10, high: 15),
                                                                           regions: ["us-west-2": 30.1], accelerator: .gpu)]),
    ], overriddenKeys: ["aws.instances.p4d.24xlarge.on_demand"])

    func input(log: PublicationLog?) -> SiteInput {
        let week = HandMade.report(), month = HandMade.report(period: "2026-11")
        return SiteInput(overview: HandMade.overview(week, month: month), weekReports: [week], monthReports: [month],
                         stylesheet: Array("body{}".utf8), catalog: Self.catalog, config: Config(), publicationLog: log)
    }

    func files(log: PublicationLog? = PublicationLog(weeks: ["2026-W48", "2026-W46"])) async throws -> [String: String] {
        let renderer = try await ReportRenderer(templatesDirectory: Self.templates)
        let files = try SiteBuilder.files(input(log: log), renderer: renderer)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    @Test func checklistAndMethodologyPagesExistAndAreLinked() async throws {
        let site = try await files()
        for path in [SitePaths.checklist, SitePaths.checklistMarkdown, SitePaths.methodology, SitePaths.methodologyMarkdown] {
            #expect(site[path] != nil, "missing \(path)")
        }
        let index = try #require(site["index.html"])
        #expect(index.contains("href=\"checklist.html\""))
        #expect(index.contains("href=\"methodology.html\""))
        // Every page's header links both, relative to where the page is.
        for (path, text) in site where path.hasSuffix(".html") {
            let root = SitePaths.root(from: path)
            #expect(text.contains("<a href=\"\(root)checklist.html\""), "\(path) does not link the checklist")
            #expect(text.contains("<a href=\"\(root)methodology.html\""), "\(path) does not link the methodology")
        }
        let checklist = try #require(site["checklist.html"])
        #expect(checklist.contains("<a href=\"checklist.html\" aria-current=\"page\">Checklist</a>"))
        #expect(checklist.contains("href=\"checklist.md\""))
        #expect(checklist.contains("href=\"weeks/2026-W48.html\""))
        #expect(checklist.contains("Spot for non-critical tests"))
        #expect(!withoutTableScript(checklist).contains("<script"))
        let methodology = try #require(site["methodology.html"])
        #expect(methodology.contains("$30.10 <strong>overridden</strong>"))
        #expect(methodology.contains("href=\"methodology.md\""))
        #expect(site["methodology.md"]?.hasPrefix("# Methodology\n") == true)
    }

    @Test func theIndexOpensWithTheDashboardAndReportPagesWithCharts() async throws {
        let site = try await files()
        let index = try #require(site["index.html"])
        for id in ["budget", "trend", "opportunities", "checklist", "breakdown", "quality"] {
            #expect(index.contains("<section id=\"\(id)\""), "index lacks the \(id) card")
        }
        #expect(index.contains("<title id=\"chart-burn-title\">Budget burn-down</title>"))
        #expect(index.contains(">WARNING</span>"))
        #expect(index.contains("<strong>$1,500.00</strong> of $2,000.00"))
        let quality = try #require(index.range(of: "id=\"quality\""))
        let reports = try #require(index.range(of: "id=\"reports\""))
        #expect(quality.lowerBound < reports.lowerBound, "the report lists come below the dashboard")
        #expect(!withoutTableScript(index).contains("<script"))
        for path in ["weeks/2026-W48.html", "months/2026-11.html"] {
            let page = try #require(site[path])
            #expect(page.contains("<section class=\"report-charts\""), "\(path) lacks its charts")
            #expect(page.contains("<title id=\"chart-trend-title\">"), "\(path) lacks the trend chart")
            #expect(page.contains("<title id=\"chart-provider-title\">"), "\(path) lacks the provider chart")
            #expect(page.contains("href=\"../assets/style.css\""))
        }
        for path in ["checklist.html", "methodology.html"] {
            #expect(site[path]?.contains("<svg") == false, "\(path) has no charts")
        }
    }

    @Test func thePublicationLogIsOneOfTheFiles() async throws {
        let site = try await files()
        #expect(site[SitePaths.publicationLog] == "{\n  \"weeks\" : [\n    \"2026-W46\",\n    \"2026-W48\"\n  ]\n}\n")
        #expect(try await files(log: nil)[SitePaths.publicationLog] == nil)
    }
}

@Suite struct PublicationLogFileTests {
    func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("publog-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func encodesSortedUniqueWeeksWithATrailingNewline() throws {
        let bytes = try PublicationLogFormat.encode(PublicationLog(weeks: ["2026-W48", "2025-W52", "2026-W48", "2026-W01"]))
        #expect(String(decoding: bytes, as: UTF8.self)
            == "{\n  \"weeks\" : [\n    \"2025-W52\",\n    \"2026-W01\",\n    \"2026-W48\"\n  ]\n}\n")
        #expect(try PublicationLogFormat.decode(bytes, path: "x") == PublicationLog(weeks: ["2025-W52", "2026-W01", "2026-W48"]))
    }

    @Test func recordingTheSameWeekTwiceChangesNothing() throws {
        let once = PublicationLog().recording(week: "2026-W48")
        #expect(try PublicationLogFormat.encode(once) == PublicationLogFormat.encode(once.recording(week: "2026-W48")))
    }

    @Test(arguments: ["{bad", "[]", "{\"weeks\": \"2026-W48\"}", "{\"weeks\": [\"2026-11\"]}", "{\"weeks\": [\"last week\"]}",
                      "{\"weeks\": [\"2026-W60\"]}"])
    func corruptLogsAreRefusedNamingTheFile(_ text: String) throws {
        let error = #expect(throws: PublicationLogError.self) {
            try PublicationLogFormat.decode(Array(text.utf8), path: "site/publication-log.json")
        }
        #expect(error?.message.hasPrefix("site/publication-log.json is not a publication log") == true)
    }

    @Test func readsFromTheSiteFolder() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try PublicationLogFile.read(siteDirectory: dir) == nil)
        #expect(try PublicationLogFile.read(siteDirectory: dir + "/missing") == nil)
        try Data("{\"weeks\": [\"2026-W47\"]}".utf8).write(to: URL(fileURLWithPath: dir + "/publication-log.json"))
        #expect(try PublicationLogFile.read(siteDirectory: dir) == PublicationLog(weeks: ["2026-W47"]))
        #expect(try PublicationLogFile.read(siteDirectory: dir + "/") == PublicationLog(weeks: ["2026-W47"]))
    }

    @Test func aSymbolicLinkIsNotFollowed() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("{\"weeks\": [\"2026-W47\"]}".utf8).write(to: URL(fileURLWithPath: dir + "/elsewhere.json"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/publication-log.json", withDestinationPath: dir + "/elsewhere.json")
        #expect(throws: PublicationLogError.self) { try PublicationLogFile.read(siteDirectory: dir) }
    }
}
