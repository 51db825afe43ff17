import CostTestSupport
import Foundation
import Testing

/// The golden-file helper itself (`assertSnapshot`, in CostTestSupport): recording never passes,
/// a recorded golden passes on the next run, a differing one fails at its first differing line.
/// Off while re-recording every snapshot, which by design fails every snapshot check.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["COSTREPORT_RECORD_SNAPSHOTS"] != "1"))
struct SnapshotHelperTests {
    /// A stand-in test file in a fresh scratch folder: its goldens go to `Snapshots/` beside it.
    private static func scratchTestFile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("costreport-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("SomeTests.swift")
    }

    /// Whether one of the issue's comments contains every part.
    private static func says(_ issue: Issue, _ parts: String...) -> Bool {
        issue.comments.contains { comment in parts.allSatisfy { comment.rawValue.contains($0) } }
    }

    @Test func aMissingGoldenIsRecordedAndTheTestFails() throws {
        let testFile = try Self.scratchTestFile()
        defer { try? FileManager.default.removeItem(at: testFile.deletingLastPathComponent()) }
        let golden = testFile.deletingLastPathComponent().appendingPathComponent("Snapshots/new.md")

        withKnownIssue {
            assertSnapshot("first\nsecond\n", named: "new.md", filePath: testFile.path)
        } matching: { issue in
            Self.says(issue, "recorded snapshot new.md", golden.path, "review it", "run the test again")
        }
        #expect(FileManager.default.contents(atPath: golden.path) == Data("first\nsecond\n".utf8))

        // The next run compares with what was recorded, and passes.
        assertSnapshot("first\nsecond\n", named: "new.md", filePath: testFile.path)
    }

    @Test func aDifferingGoldenFailsAtTheFirstDifferingLineAndIsKept() throws {
        let testFile = try Self.scratchTestFile()
        defer { try? FileManager.default.removeItem(at: testFile.deletingLastPathComponent()) }
        let folder = testFile.deletingLastPathComponent().appendingPathComponent("Snapshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let golden = folder.appendingPathComponent("old.md")
        try Data("a\nb\nc\n".utf8).write(to: golden)

        withKnownIssue {
            assertSnapshot("a\nB\nc\n", named: "old.md", filePath: testFile.path)
        } matching: { issue in
            Self.says(issue, "snapshot old.md differs at line 2", "golden: b", "actual: B")
        }
        #expect(FileManager.default.contents(atPath: golden.path) == Data("a\nb\nc\n".utf8))
    }
}
