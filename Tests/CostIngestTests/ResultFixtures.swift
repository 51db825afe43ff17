import CostModel
import CostTestSupport
import Foundation

@testable import CostIngest

/// Result-file folders for the tests, written the way the team's Python writes them:
/// `json.dumps(record, indent=2, default=str)` for `.json` files (two-space indent, `": "` and `","`
/// separators, non-ASCII escaped as `\uXXXX`), one `json.dumps(record)` per line for `.jsonl`.
enum ResultFixtures {
    /// Writes `files` (relative path → text) under a fresh folder and returns its path.
    static func folder(_ files: [String: String], name: String = #function) throws -> String {
        let root = IngestFixtures.scratchFolder(name).appendingPathComponent("results")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write(files, under: root)
        return root.path
    }

    /// Removes a folder made by `folder(_:)` (its scratch parent too).
    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: folder).deletingLastPathComponent())
    }

    static func write(_ files: [String: String], under root: URL) throws {
        for (relative, text) in files {
            try write(Data(text.utf8), to: relative, under: root)
        }
    }

    static func write(_ data: Data, to relative: String, under root: URL) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// The folder read alone, as `--results` would read it.
    static func read(_ folder: String, config: Config = Config(), maxFileBytes: Int = ResultFilesSource.defaultMaxFileBytes,
                     progress: (@Sendable (String) -> Void)? = nil) throws -> Dataset {
        try RecordSources.dataset(from: [ResultFilesSource(folder: folder, maxFileBytes: maxFileBytes)],
                                  catalog: IngestFixtures.catalog, config: config, progress: progress)
    }

    /// Records by run id (first record of each run), for looking one up.
    static func byRun(_ d: Dataset) -> [String: RunRecord] {
        var out: [String: RunRecord] = [:]
        for r in d.records where out[d.text(r.run)] == nil { out[d.text(r.run)] = r }
        return out
    }

    static func spend(_ d: Dataset) -> Double { d.records.reduce(0) { $0 + $1.cost } }
}

/// Progress lines collected from another thread.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var sink: @Sendable (String) -> Void { { [self] line in lock.withLock { lines.append(line) } } }
    var all: [String] { lock.withLock { lines } }
}
