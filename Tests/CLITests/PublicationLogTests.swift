import Foundation
import Testing

/// The publication log (checklist item 8) lives in the output folder and survives rebuilds:
/// each build adds its as-of week, a failed build leaves it as it was, `report` only reads it.
@Suite(.serialized) struct PublicationLogTests {
    let templates = CLIRunner.packageRoot.appendingPathComponent("Templates").path

    func workspace() throws -> URL {
        let dir = try CLIRunner.scratch()
        let demo = try CLIRunner.run(["demo", "--records", "500", "--weeks", "6", "--end-date", "2026-11-27"], in: dir)
        #expect(demo.status == 0, "\(demo.stderr)")
        return dir
    }

    func log(_ dir: URL, site: String = "site") throws -> String {
        String(decoding: try Data(contentsOf: dir.appendingPathComponent(site + "/publication-log.json")), as: UTF8.self)
    }

    func build(_ dir: URL, _ extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> CLIRunner.Result {
        // --today: the demo data's last day, so no stale-data warning joins the ones counted below.
        let r = try CLIRunner.run(["build", "--templates", templates, "-q", "--today", "2026-11-27"] + extra, in: dir)
        #expect(r.status == 0, "\(r.stderr)", sourceLocation: sourceLocation)
        return r
    }

    /// Checklist item 8 from `report --format json`.
    func item8(_ dir: URL, _ extra: [String] = []) throws -> [String: Any] {
        let r = try CLIRunner.run(["report", "--format", "json"] + extra, in: dir)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let items = object?["checklist"] as? [[String: Any]] ?? []
        return try #require(items.first { $0["id"] as? Int == 8 })
    }

    @Test func buildsInDifferentWeeksAccumulate() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try build(dir, ["--as-of", "2026-11-10"])
        #expect(try log(dir) == "{\n  \"weeks\" : [\n    \"2026-W46\"\n  ]\n}\n")
        _ = try build(dir, ["--as-of", "2026-11-18"])
        _ = try build(dir)  // as-of: the latest record, 2026-11-27
        #expect(try log(dir) == "{\n  \"weeks\" : [\n    \"2026-W46\",\n    \"2026-W47\",\n    \"2026-W48\"\n  ]\n}\n")
        // This build counted: 3 of the last 4 weeks (W45 missing) is partial.
        let checklist = String(decoding: try Data(contentsOf: dir.appendingPathComponent("site/checklist.md")), as: UTF8.self)
        #expect(checklist.contains("| 8 | Weekly review | **partial** |"), "\(checklist)")
    }

    @Test func rebuildingTheSameDataGivesTheSameBytes() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try build(dir)
        let first = try tree(dir.appendingPathComponent("site"))
        _ = try build(dir)
        #expect(try tree(dir.appendingPathComponent("site")) == first)
        #expect(first["publication-log.json"] != nil)
    }

    @Test func aFailedBuildLeavesTheLogUntouched() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try build(dir, ["--as-of", "2026-11-10"])
        let before = try tree(dir.appendingPathComponent("site"))
        try Data("budget:\n  montly: 500\n".utf8).write(to: dir.appendingPathComponent("typo.yml"))
        let failed = try CLIRunner.run(["build", "--templates", templates, "--config", "typo.yml"], in: dir)
        #expect(failed.status != 0)
        #expect(try tree(dir.appendingPathComponent("site")) == before)
        #expect(try log(dir).contains("2026-W46"))
        #expect(try !log(dir).contains("2026-W48"))
    }

    @Test func aCorruptLogIsAWarningAndStartsAfresh() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try build(dir, ["--as-of", "2026-11-10"])
        try Data("{not json".utf8).write(to: dir.appendingPathComponent("site/publication-log.json"))
        let r = try build(dir)
        let warnings = r.stderr.split(separator: "\n").filter { $0.hasPrefix("costreport: warning:") }
        #expect(warnings.count == 1, "\(r.stderr)")
        #expect(warnings.first?.contains("site/publication-log.json") == true)
        #expect(try log(dir) == "{\n  \"weeks\" : [\n    \"2026-W48\"\n  ]\n}\n")
    }

    @Test func reportReadsThePublishedLogAndNeverWritesIt() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // No site yet: item 8 cannot be decided.
        #expect(try item8(dir)["status"] as? String == "unknown")
        _ = try build(dir, ["--as-of", "2026-11-18"])
        _ = try build(dir)
        let before = try tree(dir.appendingPathComponent("site"))
        // Two of the last four weeks: partial; the report's own run is not a publication.
        #expect(try item8(dir)["status"] as? String == "partial")
        #expect(try tree(dir.appendingPathComponent("site")) == before)
        // --site names another site folder (build writes it with --out).
        _ = try build(dir, ["--out", "other"])
        #expect(try item8(dir, ["--site", "other"])["status"] as? String == "todo")
    }
}
