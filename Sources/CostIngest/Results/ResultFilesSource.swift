import CostModel
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of JSON result files as a record source (spec §1, "JSON result files"): the
/// `daily/`, `weekly/`, `pr/` and `results/YYYYmmdd-HHMMSS/` files the team syncs from S3/GCS.
///
/// - Every `.json` (one object, or an array of objects) and `.jsonl` (one object per line) file
///   under the folder, recursively, in byte-wise order of the path relative to the folder; the
///   suffix is matched case-insensitively; hidden files and folders (a leading `.`) are skipped.
/// - Each record is recognised as one of the four shapes (`ResultShape`) and handed to the builder,
///   which owns every rule. A file that cannot be read (not JSON, not UTF-8, truncated, empty,
///   nested too deep, larger than `maxFileBytes`, not a regular file) is listed in data quality with
///   the reason and contributes nothing; a bad line or array element is one `invalid_record`.
/// - Streaming: files are read and parsed in bounded batches (at most `batchFiles` files and about
///   `batchBytes` of text at a time), in parallel, and their records added in path order, so memory
///   stays bounded whatever the folder's size and the dataset never depends on which file finished first.
public struct ResultFilesSource: RecordSource {
    /// The folder as given; unreadable files are listed as this folder's path plus their own.
    public let folder: String
    /// Files larger than this are listed as unreadable, unread: a result file is a few kB, and a
    /// file this size is a mistake (a log dumped into `test_output`), not a record to trust.
    public let maxFileBytes: Int
    public static let defaultMaxFileBytes = 64 << 20

    /// Files parsed together, and the text they may hold between them (one larger file is a batch alone).
    static let batchFiles = 512
    static let batchBytes = 32 << 20
    static let progressEvery = 1_000

    public var name: String { folder }

    public init(folder: String, maxFileBytes: Int = ResultFilesSource.defaultMaxFileBytes) {
        self.folder = folder
        self.maxFileBytes = maxFileBytes
    }

    public func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw IngestError("results folder not found: \(folder) — pass the folder the team syncs result files into with --results DIR")
        }
        guard isDirectory.boolValue else {
            throw IngestError("\(folder) is a file, not a folder — pass the folder of JSON result files with --results DIR")
        }
    }

    public func read(into builder: inout DatasetBuilder, progress: (@Sendable (String) -> Void)?) throws {
        try validate()
        let listing = try ResultFileListing(folder: folder)
        // Files are named by the folder as given, then their path inside it: `results/daily/x.json`.
        let prefix = listing.root.hasSuffix("/") ? listing.root : listing.root + "/"
        for problem in listing.unlistable { builder.noteUnreadableFile(path: prefix + problem.relative, reason: problem.reason) }
        let files = listing.files
        progress?("reading \(files.count) result \(files.count == 1 ? "file" : "files") from \(folder)")

        // Batches of files in path order; while the records of one batch are added (one thread: the
        // builder), the next is read and parsed (every core). At most two batches are held at once.
        var batches: [Range<Int>] = []
        var start = 0
        while start < files.count {
            var end = start, bytes = 0
            while end < files.count, end - start < Self.batchFiles, end == start || bytes + files[end].size <= Self.batchBytes {
                bytes += files[end].size
                end += 1
            }
            batches.append(start..<end)
            start = end
        }
        let root = listing.root, limit = maxFileBytes
        func parse(_ range: Range<Int>) -> ParsingBatch {
            ParsingBatch(Array(files[range]), root: root, maxFileBytes: limit)
        }

        var done = 0, records = 0, unreadable = listing.unlistable.count
        var next = batches.first.map(parse)
        for k in batches.indices {
            let batch = next!
            next = k + 1 < batches.count ? parse(batches[k + 1]) : nil
            for (file, result) in zip(batch.files, batch.results()) {
                let filePath = prefix + file.relative
                switch result {
                case .unreadable(let reason):
                    builder.noteUnreadableFile(path: filePath, reason: reason)
                    unreadable += 1
                case .items(let items):
                    builder.noteFileRead()
                    builder.beginFile()
                    records += items.count
                    for i in items.indices {
                        // The label is built only for rejected records and records without a run id.
                        if items[i].isObject {
                            builder.add(items[i].record, source: Self.label(filePath, items[i].position, jsonLines: file.jsonLines))
                        } else {
                            builder.addInvalidRecord(source: Self.label(filePath, items[i].position, jsonLines: file.jsonLines))
                        }
                    }
                }
                done += 1
                if done % Self.progressEvery == 0 && done < files.count {
                    progress?("read \(done) of \(files.count) result files from \(folder)")
                }
            }
        }
        progress?("read \(files.count) result \(files.count == 1 ? "file" : "files") from \(folder): "
                  + "\(records) \(records == 1 ? "record" : "records"), \(unreadable) unreadable")
    }

    /// How a rejected record is named: `results/a.json`, `results/a.json #3`, `results/a.jsonl line 7`.
    static func label(_ path: String, _ position: Int, jsonLines: Bool) -> String {
        if position == 0 { return path }
        return jsonLines ? "\(path) line \(position)" : "\(path) #\(position)"
    }

    /// One file: its size checked before any byte is read, then parsed.
    static func readAndParse(_ file: ResultFileListing.File, root: String, maxFileBytes: Int) -> ParsedResultFile {
        guard file.isRegular else { return .unreadable("not a regular file") }
        if file.size > maxFileBytes { return .unreadable(tooLarge(maxFileBytes)) }
        let fullPath = root + "/" + file.relative
        guard let handle = FileHandle(forReadingAtPath: fullPath) else {
            return .unreadable("cannot be opened (check its permissions)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // At most one byte over the limit, in case the file grew since it was listed.
            data = try handle.read(upToCount: maxFileBytes + 1) ?? Data()
        } catch {
            return .unreadable("cannot be read: \(error.localizedDescription)")
        }
        if data.count > maxFileBytes { return .unreadable(tooLarge(maxFileBytes)) }
        return ResultFileParser.parse(data, jsonLines: file.jsonLines)
    }

    static func tooLarge(_ limit: Int) -> String {
        limit % (1 << 20) == 0 ? "larger than \(limit >> 20) MiB, the limit for one result file"
            : "larger than \(limit) bytes, the limit for one result file"
    }
}

/// The `.json` and `.jsonl` files under a folder, sorted byte-wise by relative path, with their
/// sizes (one `stat` each, while listing). Symbolic links are followed, each real folder visited
/// once, so a link loop cannot recurse forever.
struct ResultFileListing {
    struct File: Sendable {
        /// `/`-separated, relative to the folder.
        let relative: String
        let size: Int
        let jsonLines: Bool
        /// A FIFO or device named `x.json` is never opened (reading one could block forever).
        let isRegular: Bool
    }

    struct Problem { let relative: String; let reason: String }

    let root: String
    var files: [File] = []
    /// Subfolders that could not be listed.
    var unlistable: [Problem] = []

    init(folder: String) throws {
        var root = folder
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
        var visited = Set<FolderID>()
        guard let top = Self.status(root), Self.isDirectory(top) else {
            throw IngestError("results folder not found: \(folder) — pass the folder of JSON result files with --results DIR")
        }
        visited.insert(FolderID(top))
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root)
        } catch {
            throw IngestError("cannot list \(folder): check the folder and its permissions")
        }
        walk(names, prefix: "", visited: &visited)
        files.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
        unlistable.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
    }

    private mutating func walk(_ names: [String], prefix: String, visited: inout Set<FolderID>) {
        for name in names where !name.hasPrefix(".") {
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            guard let st = Self.status(root + "/" + relative) else { continue }      // a dangling link
            if Self.isDirectory(st) {
                guard visited.insert(FolderID(st)).inserted else { continue }
                guard let inner = try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative) else {
                    unlistable.append(Problem(relative: relative, reason: "folder cannot be listed (check its permissions)"))
                    continue
                }
                walk(inner, prefix: relative, visited: &visited)
                continue
            }
            let lower = name.lowercased()
            let jsonLines = lower.hasSuffix(".jsonl")
            guard jsonLines || lower.hasSuffix(".json") else { continue }
            files.append(File(relative: relative, size: Int(st.st_size), jsonLines: jsonLines,
                              isRegular: (st.st_mode & S_IFMT) == S_IFREG))
        }
    }

    struct FolderID: Hashable {
        let device: UInt64
        let inode: UInt64
        init(_ st: stat) { device = UInt64(st.st_dev); inode = UInt64(st.st_ino) }
    }

    static func status(_ path: String) -> stat? {
        var st = stat()
        return stat(path, &st) == 0 ? st : nil
    }

    static func isDirectory(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }
}

/// A batch of files being read and parsed on every core, in the background; `results()` waits for
/// it and gives the results in the batch's order, whatever finished first.
private final class ParsingBatch: @unchecked Sendable {
    let files: [ResultFileListing.File]
    private let slots: Slots<ParsedResultFile>
    private let group = DispatchGroup()

    init(_ files: [ResultFileListing.File], root: String, maxFileBytes: Int) {
        self.files = files
        let slots = Slots<ParsedResultFile>(count: files.count)
        self.slots = slots
        DispatchQueue.global().async(group: group) {
            DispatchQueue.concurrentPerform(iterations: files.count) { i in
                slots.set(i, ResultFilesSource.readAndParse(files[i], root: root, maxFileBytes: maxFileBytes))
            }
        }
    }

    func results() -> [ParsedResultFile] {
        group.wait()
        return slots.values()
    }
}

/// One result slot per iteration of a `concurrentPerform`: each index is written by exactly one
/// iteration, and read only once the batch's group has been waited on (which orders every write before).
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ i: Int, _ value: Value) { buffer[i] = value }

    func values() -> [Value] { buffer.map { $0! } }
}
