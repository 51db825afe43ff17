import Foundation
import CostTestSupport
import Testing

/// `costreport build` writes data.json, the breakdown CSVs, feed.xml and the dimension pages;
/// `--site-url` makes the feed (and only the feed) absolute.
@Suite(.serialized) struct SiteExtrasCLITests {
    let templates = CLIRunner.packageRoot.appendingPathComponent("Templates").path

    @Test func buildWritesDownloadsFeedAndDimensionPages() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "800", "--weeks", "5", "--end-date", "2026-11-27"], in: dir).status == 0)
        let build = try CLIRunner.run(["build", "--templates", templates, "--as-of", "2026-11-27"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        let site = try tree(dir.appendingPathComponent("site"))
        let report = try CLIRunner.run(["report", "--period", "2026-W48", "--format", "json", "--as-of", "2026-11-27",
                                        "--templates", templates], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        for path in ["data.json", "feed.xml", "dimensions.html", "dimensions.md", "providers/aws.html", "providers/aws.md",
                     "weeks/2026-W48/provider.csv", "weeks/2026-W48/instance_type.csv", "weeks/2026-W48/day.csv",
                     "months/2026-11/developer.csv"] {
            #expect(site[path] != nil, "missing \(path)")
        }
        #expect(site.keys.filter { $0.hasPrefix("weeks/2026-W48/") && $0.hasSuffix(".csv") }.count == 13)
        #expect(site.keys.contains { $0.hasPrefix("instance-types/") && $0.hasSuffix(".html") })
        #expect(site.keys.contains { $0.hasPrefix("developers/") && $0.hasSuffix(".html") })
        #expect(site.keys.contains { $0.hasPrefix("suites/") && $0.hasSuffix(".html") })
        // The CSV holds the report's own rows (the `report --format json` breakdown).
        let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        let providers = ((json?["breakdowns"] as? [String: Any])?["provider"] as? [[String: Any]]) ?? []
        let csv = String(decoding: site["weeks/2026-W48/provider.csv"] ?? Data(), as: UTF8.self)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.count == providers.count + 1)
        for (line, row) in zip(lines.dropFirst(), providers) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells[0] == row["key"] as? String)
            // The CSV has the model's exact value; JSONSerialization may read the JSON's last digit differently.
            let spend = try #require(Double(cells[4])), jsonSpend = try #require(row["spend"] as? Double)
            #expect(abs(spend - jsonSpend) <= 1e-9 * max(1, abs(jsonSpend)))
        }
        let feed = String(decoding: site["feed.xml"] ?? Data(), as: UTF8.self)
        #expect(feed.contains("<id>tag:costreport,2026:weeks/2026-W48</id>"))
        #expect(!feed.contains("://") || !feed.contains("href=\"http"))
        let aws = String(decoding: site["providers/aws.html"] ?? Data(), as: UTF8.self)
        #expect(aws.contains("href=\"../index.html\""))
        #expect(!withoutTableScript(aws).contains("<script"))
    }

    @Test func siteURLMakesOnlyTheFeedAbsolute() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "600", "--weeks", "4", "--end-date", "2026-11-27"], in: dir).status == 0)
        let build = try CLIRunner.run(["build", "--templates", templates, "--site-url", "https://costs.internal.example"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        let site = try tree(dir.appendingPathComponent("site"))
        let feed = String(decoding: site["feed.xml"] ?? Data(), as: UTF8.self)
        #expect(feed.contains("href=\"https://costs.internal.example/weeks/2026-W48.html\""))
        #expect(feed.contains("<id>https://costs.internal.example/weeks/2026-W48</id>"))
        for (path, data) in site where path.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).contains("costs.internal.example"), "\(path) uses the site URL")
        }
        let bad = try CLIRunner.run(["build", "--templates", templates, "--site-url", "costs.example"], in: dir)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--site-url"))
    }
}
