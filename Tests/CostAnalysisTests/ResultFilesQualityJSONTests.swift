import CostAnalysis
import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest

/// Spec §9/§10: what the result files add to `data_quality` in `--format json` — records per source,
/// files read, `unreadable_files` with path and reason, and the `duplicate_run` / `invalid_record` counts.
@Suite struct ResultFilesQualityJSONTests {
    @Test func dataQualityCarriesSourcesFilesAndUnreadableFiles() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("costreport-results-json-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let results = root.appendingPathComponent("results")
        try FileManager.default.createDirectory(at: results.appendingPathComponent("daily"), withIntermediateDirectories: true)
        let db = root.appendingPathComponent("benchmarks.db").path
        let writer = try SQLiteWriterForTests(path: db)
        try writer.execute(PythonSchema.benchmarks)
        try writer.execute("""
            INSERT INTO benchmarks (run_id, timestamp, cloud_provider, instance_type, region, duration_seconds, cost_usd, metadata)
            VALUES ('run-a', '2026-11-02T10:00:00', 'aws', 'g5.xlarge', 'us-east-1', 3600, 1.006, '{"developer": "alice"}')
            """)
        try writer.close()
        let files = [
            "daily/a.jsonl": """
                {"run_id": "run-a", "timestamp": "2026-11-02T10:00:00", "instance_type": "g5.xlarge", "duration_seconds": 3600, "cost_usd": 1.006}
                {"run_id": "run-b", "timestamp": "2026-11-03T10:00:00", "instance_type": "g5.xlarge", "duration_seconds": 1800, "cost_usd": 0.503}
                not json

                """,
            "daily/b.json": "{\"run_id\": \"run-c\", ",
        ]
        for (path, text) in files { try Data(text.utf8).write(to: results.appendingPathComponent(path)) }

        let catalog = try CatalogLoader.bundled()
        let dataset = try RecordSources.dataset(from: [SQLiteRecordSource(path: db), ResultFilesSource(folder: results.path)],
                                                catalog: catalog, config: Config())
        let report = Analyzer(dataset: dataset, catalog: catalog, config: Config())
            .report(for: .week(containing: Day(year: 2026, month: 11, day: 2)), asOf: Day(year: 2026, month: 11, day: 8)).worded
        #expect(abs(report.totals.spend - 1.509) < 1e-9)

        let json = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        let dq = try #require(json["data_quality"] as? [String: Any])
        #expect(dq["read"] as? Int == 4 && dq["accepted"] as? Int == 2)
        let rejected = try #require(dq["rejected"] as? [String: Int])
        #expect(rejected["duplicate_run"] == 1 && rejected["invalid_record"] == 1)
        #expect(dq["files_read"] as? Int == 1)
        let unreadable = try #require(dq["unreadable_files"] as? [[String: String]])
        #expect(unreadable == [["path": results.path + "/daily/b.json", "reason": "truncated: the JSON ends before it is complete"]])

        let sources = try #require(dq["sources"] as? [[String: Any]])
        #expect(sources.count == 2)
        #expect(sources[0]["name"] as? String == db && sources[0]["read"] as? Int == 1 && sources[0]["accepted"] as? Int == 1)
        #expect(sources[0]["files_read"] as? Int == 0 && (sources[0]["unreadable_files"] as? [Any])?.isEmpty == true)
        #expect(sources[1]["name"] as? String == results.path && sources[1]["read"] as? Int == 3)
        #expect(sources[1]["accepted"] as? Int == 1 && sources[1]["files_read"] as? Int == 1)
        let perSource = try #require(sources[1]["rejected"] as? [String: Int])
        #expect(perSource["duplicate_run"] == 1 && perSource["invalid_record"] == 1 && perSource["invalid_timestamp"] == 0)
        #expect(Set(perSource.keys) == Set(RejectionReason.allCases.map(\.rawValue)))
        #expect((sources[1]["unreadable_files"] as? [[String: String]])?.count == 1)

        // The warnings name the two new reasons like every other.
        #expect(report.dataQuality.warnings.contains { $0.hasPrefix("1 record was rejected (duplicate_run)") })
        #expect(report.dataQuality.warnings.contains { $0.hasPrefix("1 record was rejected (invalid_record)") })
    }
}
