import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that are not result files never crash or hang the reader: each is listed as unreadable with
/// a plain reason, or its bad records are counted, and the rest of the folder still counts.
@Suite struct ResultFilesHostileTests {
    static let good = """
        {
          "run_id": "good",
          "timestamp": "2026-11-02T22:15:03.123456",
          "instance_type": "g5.xlarge",
          "region": "us-east-1",
          "duration_seconds": 3600,
          "cost_usd": 1.25
        }
        """

    @Test func everyHostileFileIsListedOrCountedAndTheRestCounts() throws {
        let root = IngestFixtures.scratchFolder().appendingPathComponent("results")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try ResultFixtures.write([
            "a/good.json": Self.good,
            "a/truncated.json": String(Self.good.prefix(90)),
            "a/empty.json": "",
            "a/blank.jsonl": "\n  \n\t\n",
            "a/scalar.json": "42",
            "a/not-json.json": "run_id = 1\ncost = 2\n",
            "b/deep.json": String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            "b/deep-truncated.json": String(repeating: "[", count: 10_000),
            "b/deep-object.json": String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000),
            // One good line, a 10,000-level line, a line that is an array: two invalid_record.
            "b/lines.jsonl": #"{"run_id": "line-ok", "timestamp": "2026-11-02T10:00:00", "instance_type": "g5.xlarge", "duration_seconds": 3600, "cost_usd": 0.5}"#
                + "\n" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n[1, 2]\n",
            ".hidden.json": "not even JSON",
            "notes.txt": "ignored: not .json or .jsonl",
        ], under: root)
        // A binary file with NUL bytes, and one without NUL bytes that is not UTF-8.
        try ResultFixtures.write(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + (0..<4096).map { UInt8($0 % 251) }),
                                 to: "c/image.json", under: root)
        try ResultFixtures.write(Data((0..<4096).map { UInt8(0x80 + $0 % 100) }), to: "c/latin.jsonl", under: root)
        try ResultFixtures.write(Data("{\"run_id\": \"caf\u{E9}\"}".utf8.map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 != 0xA9 }),
                                 to: "c/latin1.json", under: root)
        // UTF-16 (what Windows tools write): JSONSerialization would read it; spec §1 reads UTF-8 only.
        try ResultFixtures.write(Self.good.data(using: .utf16)!, to: "c/utf16.json", under: root)
        // A FIFO named like a result file: opening it would block forever.
        #expect(mkfifo(root.appendingPathComponent("c/pipe.json").path, 0o644) == 0)

        let start = Date()
        let d = try ResultFixtures.read(root.path)
        #expect(Date().timeIntervalSince(start) < 60)

        let reasons = Dictionary(uniqueKeysWithValues: d.quality.unreadableFiles.map {
            (String($0.path.dropFirst(root.path.count + 1)), $0.reason)
        })
        #expect(reasons == [
            "a/truncated.json": "truncated: the JSON ends before it is complete",
            "a/empty.json": "empty file",
            "a/blank.jsonl": "empty file",
            "a/scalar.json": "holds a single JSON number, not an object or an array of objects",
            "a/not-json.json": "not valid JSON: invalid value around character 0",
            "b/deep.json": "nested deeper than 512 levels",
            "b/deep-truncated.json": "nested deeper than 512 levels",
            "b/deep-object.json": "nested deeper than 512 levels",
            "c/image.json": "not UTF-8 text (a binary file, or UTF-16/UTF-32)",
            "c/latin.jsonl": "not UTF-8 text",
            "c/latin1.json": "not UTF-8 text",
            "c/utf16.json": "not UTF-8 text (a binary file, or UTF-16/UTF-32)",
            "c/pipe.json": "not a regular file",
        ])
        // Listed in path order.
        #expect(d.quality.unreadableFiles.map(\.path) == d.quality.unreadableFiles.map(\.path).sorted())
        #expect(d.quality.filesRead == 2)
        #expect(d.quality.read == 4 && d.quality.rejected == [.invalidRecord: 2])
        #expect(d.records.map(\.cost).sorted() == [0.5, 1.25])
    }

    /// A 100 MB single object is over the file limit (listed, unread); with a higher limit it is read.
    @Test func aHundredMegabyteObjectIsListedOrRead() throws {
        let root = IngestFixtures.scratchFolder().appendingPathComponent("results")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try ResultFixtures.write(["a/good.json": Self.good], under: root)
        var huge = Data(#"{"instance_id": "i-0abc", "instance_type": "g5.xlarge", "region": "us-east-1", "start_time": "2026-11-02T10:00:00", "duration_seconds": 3600.0, "tests_passed": 1, "tests_failed": 0, "tests_skipped": 0, "cost_estimate_usd": 1.006, "test_output": ""#.utf8)
        huge.append(Data(repeating: UInt8(ascii: "x"), count: 100_000_000))
        huge.append(Data(#"", "success": true, "error_message": null}"#.utf8))
        try ResultFixtures.write(huge, to: "b/huge.json", under: root)
        huge = Data()

        let d = try ResultFixtures.read(root.path)
        #expect(d.quality.unreadableFiles == [
            UnreadableFile(path: root.path + "/b/huge.json", reason: "larger than 64 MiB, the limit for one result file"),
        ])
        #expect(d.records.map(\.cost) == [1.25])

        let raised = try ResultFixtures.read(root.path, maxFileBytes: 128 << 20)
        #expect(raised.quality.unreadableFiles.isEmpty)
        #expect(raised.records.map(\.cost).sorted() == [1.006, 1.25])
        #expect(ResultFixtures.byRun(raised)["i-0abc@2026-11-02T10:00:00"] != nil)
    }

    @Test func aMissingFolderOrAFileIsAnError() throws {
        let missing = IngestFixtures.scratchFolder().appendingPathComponent("nope").path
        #expect(throws: IngestError.self) { try ResultFilesSource(folder: missing).validate() }
        let file = try IngestFixtures.database([])
        let error = #expect(throws: IngestError.self) { try ResultFilesSource(folder: file).validate() }
        #expect(error?.message.contains("not a folder") == true)
    }

    /// An empty folder is a source with nothing in it, not an error.
    @Test func anEmptyFolderGivesNothing() throws {
        let d = try ResultFixtures.read(try ResultFixtures.folder([:]))
        #expect(d.quality.read == 0 && d.quality.filesRead == 0 && d.quality.unreadableFiles.isEmpty)
        #expect(d.quality.bySource.count == 1)
    }
}
