import CostAnalysis
import CostAssets
import CostIngest
import CostModel
import CostRender
import CostTestSupport
import Foundation
import Testing

/// Random rows, random YAML and random templates through ingest, analysis and rendering (issue
/// 11): whatever the input, each stage either succeeds or throws its one-line error — it never
/// traps, and the figures keep their invariants. Seeded, so a failure names the seed that
/// reproduces it; the iteration counts keep the suite within a few seconds on CI.
@Suite struct RandomInputPropertyTests {
    struct Gen {
        var rng: SplitMix64
        mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(max(n, 1))) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
        mutating func bool() -> Bool { rng.next() & 1 == 0 }

        /// Numbers from the ordinary to the absurd.
        mutating func number() -> Double? {
            pick([nil, 0, -1, 0.5, 3600, 12.75, 1e-300, 1e15, 9.2e16, 1e22, 1e308, -1e308,
                  .nan, .infinity, -.infinity, Double(int(100_000)) / 7, -0.0])
        }

        /// Text with the characters that have broken tools before.
        mutating func text() -> String? {
            pick([nil, "", " ", "p4d.24xlarge", "g5.xlarge", "a2-highgpu-1g", "v5litepod-8", "us-west-2a",
                  "abc\u{0}<script>", "=HYPERLINK(\"x\")", "a|b\nc", String(repeating: "x", count: 5_000),
                  "ünïcødé ✓ 日本 🚀", "#123", "pr-7", "- item", "1. one", "[link](javascript:alert(1))",
                  "\u{202E}rtl", "\\", "`code`", "www.example.com"])
        }

        mutating func timestamp() -> RawTimestamp? {
            pick([nil, "2026-11-02T22:15:03.123456", "2026-11-30 23:59:59", "2026-11-02T10:00:00Z",
                  "2026-11-02T10:00:00+05:30", "0000-01-01T00:00:00", "9999-12-31T23:59:59-12:00",
                  "not a time", "", "1969-12-31T23:59:59", "2200-12-31T23:59:59", "2201-01-01T00:00:00",
                  .epochSeconds(1_764_000_000), .epochSeconds(-1e18), .epochSeconds(1e300), .epochSeconds(.nan),
                  "2026-02-30T10:00:00", "2026-W48"])
        }

        mutating func metadata() -> String? {
            pick([nil, "", "{}", "[]", "null", "not json", "{\"developer\": \"alice\", \"pr\": true}",
                  "{\"market\": \"spot\", \"pr_number\": 12}", "{\"spot_instance\": \"true\", \"branch\": \"main\"}",
                  "{\"developer\": \"a\\u0000b\", \"test_type\": \"unit\", \"pytest_args\": \"-n 8\"}",
                  "{\"cache\": true, \"workers\": 1e300}", "{\"gpu_count\": -5}", "{" + String(repeating: "[", count: 50) + "}"])
        }

        mutating func record() -> RawRecord {
            RawRecord(id: bool() ? int(1_000_000) : nil, runID: text(), timestamp: timestamp(),
                      cloudProvider: pick([nil, "aws", "gcp", "AWS", "amazon", "gce", "azure", ""]),
                      instanceType: text(), region: text(), hardwareType: pick([nil, "nvidia", "tpu", "amd"]),
                      gpuModel: text(), benchmarkName: text(), benchmarkSuite: text(),
                      latencyMs: number(), throughput: number(), memoryMB: number(),
                      testsPassed: pick([nil, 0, 3, -1, Int.max, Int.min]), testsFailed: pick([nil, 0, 1]),
                      testsSkipped: pick([nil, 0, 2]), durationSeconds: number(), costUSD: number(),
                      metadata: metadata())
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomRowsNeverTrapAndKeepTheirInvariants(seed: UInt64) async throws {
        var g = Gen(rng: SplitMix64(seed: seed))
        let catalog = try CatalogLoader.bundled()
        var builder = try DatasetBuilder(catalog: catalog, config: Config())
        let count = 400
        for i in 0..<count { builder.add(g.record(), source: "random row \(i)") }
        let dataset = builder.finish()
        #expect(dataset.quality.read == count, "seed \(seed)")
        #expect(dataset.records.count + dataset.quality.rejectedTotal == count, "seed \(seed): read = accepted + rejected")
        #expect(dataset.records.allSatisfy { $0.cost.isFinite && $0.cost >= 0 }, "seed \(seed)")

        let analyzer = Analyzer(dataset: dataset, catalog: catalog, config: Config())
        let renderer = try ReportRenderer(assets: try AssetStore())
        for asOf in [analyzer.latestDay, Day(year: 2026, month: 11, day: 27)].compactMap({ $0 }) {
            for period in [Period.week(containing: asOf), .month(containing: asOf)] {
                // Worded as every output is, so the random names reach the sentences too.
                let report = try BuiltInWording.shared.worded(analyzer.report(for: period, asOf: asOf))
                #expect(report.totals.spend.isFinite, "seed \(seed)")
                #expect(report.checklist.allSatisfy { !$0.title.isEmpty && !$0.valueText.isEmpty }, "seed \(seed)")
                let json = try report.jsonData()
                #expect((try? JSONSerialization.jsonObject(with: json)) != nil, "seed \(seed): JSON parses")
                let markdown = try renderer.markdown(for: report)
                let html = try renderer.page(markdown: markdown, shell: PageShell(title: "t", root: "", asOf: report.asOf))
                #expect(!withoutTableScript(html).lowercased().contains("<script"), "seed \(seed): no markup from the data")
            }
        }
    }

    /// Random YAML as config and as pricing: loaded, or one error naming the file.
    @Test func randomYAMLIsLoadedOrRefusedWithOneLine() throws {
        var g = Gen(rng: SplitMix64(seed: 11))
        let pieces = ["budget:", "  monthly: ", "1e308", "small", "  warn_at: ", "0.5", "-3", "checklist:",
                      "  thresholds:", "    1: {done: 0.8, partial: 0.5}", "aws:", "  instances:", "    x:",
                      "      on_demand: ", "9e14", "      accelerator: gpu", "&a [1, 2]", "*a", "[", "]", "{", "}",
                      "- ", "timezone: Mars/Base", "timezone: UTC", "reserved: {months: 0}", "~", "\"", "'", "\t",
                      "key: !!binary aGVsbG8=", "<<: *a", "? complex", ": value"]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 0..<300 {
            let yaml = (0..<(1 + g.int(8))).map { _ in g.pick(pieces) + (g.bool() ? "\n" : "") }.joined()
            let file = dir.appendingPathComponent("f\(i).yml").path
            try yaml.write(toFile: file, atomically: true, encoding: .utf8)
            for load in [{ _ = try ConfigLoader.load(path: file) }, { _ = try CatalogLoader.load(overridePath: file) }] {
                do { try load() } catch let error as IngestError {
                    #expect(error.message.hasPrefix(file) && !error.message.contains("\n"), "\(yaml.debugDescription): \(error)")
                }
            }
        }
    }

    /// Random templates: loaded and rendered, or one TemplateError naming the file.
    @Test func randomTemplatesLoadOrAreRefused() async throws {
        var g = Gen(rng: SplitMix64(seed: 23))
        let pieces = ["{{% CONTENT_TYPE: MARKDOWN}}\n", "{{title}}", "{{#rows}}", "{{/rows}}", "{{^x}}", "{{/x}}",
                      "{{> weekly}}", "{{> partials/budget}}", "{{>*name}}", "{{{raw}}}", "{{! c }}", "{{=<% %>=}}",
                      "{{", "}}", "text ", "\n", "{{$block}}", "{{/block}}", "{{< weekly}}", "{{#a}}{{#b}}"]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 0..<200 {
            let folder = dir.appendingPathComponent("\(i)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let text = "{{% CONTENT_TYPE: MARKDOWN}}\n" + (0..<(1 + g.int(10))).map { _ in g.pick(pieces) }.joined()
            try text.write(to: folder.appendingPathComponent("weekly.mustache"), atomically: true, encoding: .utf8)
            do {
                let renderer = try ReportRenderer(assets: try AssetStore(userDirectory: folder.path))
                _ = try renderer.markdown(for: HandMade.report())
            } catch let error as TemplateError {
                #expect(!error.message.contains("\n") || error.kind == .syntax, "\(text.debugDescription): \(error)")
            }
        }
    }
}
