import CostAnalysis
import CostModel
import Foundation
import CostTestSupport
import Testing
@testable import CostRender

/// The bundled templates render a real report: every figure placed, hostile text escaped,
/// tables intact, and the HTML free of markup that came from data.
@Suite struct ReportRendererTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates").path

    static let hostileNames = [
        "attn|<script>alert(1)</script>",
        "line\nbreak | and\r\nmore",
        "**bold** [click](javascript:alert(1)) `code`",
        "# heading-like",
        "<img src=x onerror=alert(1)>",
    ]

    /// A week with one record per hostile benchmark name, on a known instance.
    func report() -> Report {
        var strings = StringTable()
        var records: [RunRecord] = []
        let monday = Day(iso: "2026-11-23")!
        for (i, name) in Self.hostileNames.enumerated() {
            records.append(RunRecord(
                instant: Double(monday.ordinal) * 86_400 + Double(i) * 3600, day: monday, minuteOfDay: Int16(i * 60),
                run: strings.intern("run-\(i)"), provider: strings.intern("aws"), instanceType: strings.intern("g5.xlarge"),
                region: strings.intern("us-east-2"), hardwareType: strings.intern("nvidia"), gpuModel: strings.intern("A10G"),
                suite: strings.intern("suite|\(i)"), benchmark: strings.intern(name), developer: strings.intern("dev <\(i)>"),
                branch: strings.intern("main"), pr: StringTable.none, testType: .unit, market: i % 2 == 0 ? .spot : .onDemand,
                hours: 1, cost: i % 2 == 0 ? 0.35 : 1.006, onDemandRate: 1.006,
                testsPassed: 10, testsFailed: Int64(i % 2), testsSkipped: 0, flags: []))
        }
        var quality = IngestQuality()
        quality.read = records.count
        let dataset = Dataset(records: records, strings: strings, quality: quality)
        return Analyzer(dataset: dataset, catalog: Catalog(providers: [:]), config: Config())
            .report(for: Period(parsing: "2026-W48")!, asOf: Day(iso: "2026-11-27")!)
    }

    @Test func markdownTablesSurviveHostileNames() async throws {
        let renderer = try await ReportRenderer(templatesDirectory: Self.templates)
        let markdown = try renderer.markdown(for: report())
        // Every table row has as many unescaped cell separators as its header row.
        var expected: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { expected = nil; continue }
            let pipes = unescapedPipes(line)
            if let e = expected {
                #expect(pipes == e, "row breaks its table: \(line)")
            } else {
                expected = pipes
            }
        }
        #expect(markdown.contains("attn\\|"))
        #expect(!markdown.contains("<script>"))
    }

    @Test func htmlCarriesNoMarkupFromData() async throws {
        let renderer = try await ReportRenderer(templatesDirectory: Self.templates)
        let r = report()
        let html = try renderer.page(markdown: renderer.markdown(for: r),
                                     shell: PageShell(title: "Week <b>", root: "../", asOf: r.asOf))
        #expect(!withoutTableScript(html).contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("[click](javascript:alert(1))"), "the text shows literally")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<title>Week &lt;b&gt; · costreport</title>"))
        // The benchmark table has one row per hostile name and 10 cells per row.
        let benchmarkTable = try #require(html.range(of: "By benchmark")).upperBound
        let table = String(html[benchmarkTable...].prefix { _ in true })
        let firstTable = String(table[..<(try #require(table.range(of: "</table>"))).lowerBound])
        #expect(firstTable.components(separatedBy: "<tr>").count - 1 == Self.hostileNames.count + 1)
        #expect(firstTable.components(separatedBy: "<td").count - 1 == Self.hostileNames.count * 10)
    }

    @Test func figuresComeFromTheReport() async throws {
        let renderer = try await ReportRenderer(templatesDirectory: Self.templates)
        let r = report()
        let markdown = try renderer.markdown(for: r)
        #expect(markdown.contains("| Spend | \(Format.usd(r.totals.spend)) |"))
        #expect(markdown.contains(Format.usd(r.budget.monthToDate)))
        #expect(markdown.contains("**\(r.budget.status.rawValue)**"))
        #expect(markdown.hasPrefix("# Cloud test spend: week 2026-W48\n"))
        #expect(!markdown.contains("\n\n\n"), "no runs of blank lines")
    }

    private func unescapedPipes(_ line: Substring) -> Int {
        var count = 0, escaped = false
        for ch in line {
            if escaped { escaped = false; continue }
            if ch == "\\" { escaped = true } else if ch == "|" { count += 1 }
        }
        return count
    }
}
