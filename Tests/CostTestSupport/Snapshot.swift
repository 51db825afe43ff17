import Foundation
import Testing

/// A dependency-free golden-file check: `text` is compared with `Snapshots/<name>` in the folder of
/// the calling test file (`filePath`, the caller's `#filePath`).
///
/// As swift-argument-parser's `assertSnapshot` does, recording never passes: a missing golden file
/// is written from `text` and the test fails, saying so; review the new file (it is what the tool
/// prints) and run the test again. A differing golden fails with the first differing line. Set
/// `COSTREPORT_RECORD_SNAPSHOTS=1` to re-record every snapshot after an intended change (those
/// tests fail too, until they are run again without it).
public func assertSnapshot(_ text: String, named name: String, filePath: String = #filePath,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["COSTREPORT_RECORD_SNAPSHOTS"] == "1"
    guard !record, let data = FileManager.default.contents(atPath: file.path) else {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        } catch {
            Issue.record("cannot record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
            return
        }
        let why = record ? "COSTREPORT_RECORD_SNAPSHOTS=1" : "there was no golden file"
        Issue.record("""
            recorded snapshot \(name) at \(file.path) (\(why)): review it, then run the test again \
            without COSTREPORT_RECORD_SNAPSHOTS
            """, sourceLocation: sourceLocation)
        return
    }
    let golden = String(decoding: data, as: UTF8.self)
    guard golden != text else { return }
    let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
    let b = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    let expected = line < a.count ? String(a[line]) : "(end of file)"
    let actual = line < b.count ? String(b[line]) : "(end of text)"
    Issue.record("""
        snapshot \(name) differs at line \(line + 1):
          golden: \(expected)
          actual: \(actual)
        (re-record with COSTREPORT_RECORD_SNAPSHOTS=1 if the change is intended)
        """, sourceLocation: sourceLocation)
}

/// `html` without the site's one script tag (`<script src="../assets/table.js" defer></script>`,
/// any depth), so a test can check that nothing else, least of all data, is a script.
public func withoutTableScript(_ html: String) -> String {
    var out = html
    for depth in 0...4 {
        let tag = "<script src=\"" + String(repeating: "../", count: depth) + "assets/table.js\" defer></script>"
        out = out.replacingOccurrences(of: tag, with: "")
    }
    return out
}
