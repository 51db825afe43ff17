import Foundation
import Testing

/// Issue 15's guard: every figure of a large report stays the same while ingest, analysis and
/// rendering are made faster. The goldens were recorded by the binary of commit 690d615, before
/// any of issue 15's changes, from `costreport demo --records 100000 --weeks 52` (deterministic):
/// the as-of week, the as-of month and the whole year, as JSON. They are compared byte for byte.
/// One deliberate change since: the words templates (issue 8) write every count above 999 with a
/// thousands separator, as the other counts were (runs, days, months); in these goldens that is
/// year.json's checklist items 3 and 4 (`9,626 of 16,312 runs`).
@Suite("A 100,000-record database reports what it reported before issue 15")
struct LargeDatabaseGoldenTests {
    static let goldens = CLIRunner.packageRoot.appendingPathComponent("Tests/CLITests/Goldens/demo-100k")

    @Test("week, month and year JSON are byte-identical to the recorded ones")
    func reportsAreUnchanged() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let demo = try CLIRunner.run(["demo", "-q", "--records", "100000", "--weeks", "52", "--results-out", "none"], in: dir)
        #expect(demo.status == 0, "\(demo.stderr)")
        let cases: [(file: String, arguments: [String])] = [
            ("week.json", []),
            ("month.json", ["--period", "2026-11"]),
            ("year.json", ["--period", "2025-12-01..2026-11-30"]),
        ]
        for c in cases {
            let result = try CLIRunner.run(["report", "-q", "--format", "json"] + c.arguments, in: dir)
            #expect(result.status == 0, "\(c.file): \(result.stderr)")
            let golden = try String(contentsOf: Self.goldens.appendingPathComponent(c.file), encoding: .utf8)
            // Not #expect(a == b): a failure would print two megabytes. Say where they part instead.
            if result.stdout != golden {
                let a = Array(result.stdout.utf8), b = Array(golden.utf8)
                let at = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                let context = String(decoding: a[max(0, at - 200)..<min(a.count, at + 200)], as: UTF8.self)
                Issue.record("\(c.file) differs from the golden at byte \(at) (\(a.count) vs \(b.count) bytes): …\(context)…")
            }
        }
    }
}
