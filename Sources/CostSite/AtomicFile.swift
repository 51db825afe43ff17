import Foundation

public struct AtomicFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file that was to be written.
    public let path: String
    /// One line naming the file and the fix.
    public let message: String
    public var description: String { message }
}

/// One output file replaced atomically (`export --out`): the bytes stream into a temporary
/// sibling, renamed over the target at the end, so readers never see half a file and a failure
/// leaves the previous file as it was. The site folder has its own writer (`SiteWriter`).
public enum AtomicFile {
    /// Checks, without writing, that `path` could be replaced: its folder exists and is
    /// writable, and `path` itself is not a folder. Called before any work, so a typo in `--out`
    /// fails in a second, not after the whole report was computed.
    public static func checkWritable(_ path: String) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw AtomicFileError(path: path, message: "cannot write \(path): it is a folder; pass a file name with --out")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AtomicFileError(path: path, message: "cannot write \(path): the folder \(folder) does not exist; create it or pass another --out")
        }
        guard access(folder, W_OK) == 0 else {
            throw AtomicFileError(path: path, message: "cannot write \(path): the folder \(folder) is not writable; pass another --out")
        }
    }

    /// Calls `produce` with a sink for the file's bytes, then renames the temporary file over `path`.
    public static func write(_ path: String, _ produce: (_ write: (String) throws -> Void) throws -> Void) throws {
        let target = URL(fileURLWithPath: path)
        let temp = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        func failure(_ why: String) -> AtomicFileError {
            try? FileManager.default.removeItem(at: temp)
            return AtomicFileError(path: path, message: "cannot write \(path): \(why); check that its folder exists and is writable")
        }
        guard FileManager.default.createFile(atPath: temp.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temp) else {
            throw AtomicFileError(path: path, message:
                "cannot write \(path): cannot create a file in \(target.deletingLastPathComponent().path); check that the folder exists and is writable")
        }
        do {
            try produce { try handle.write(contentsOf: Data($0.utf8)) }
            try handle.close()
        } catch {
            try? handle.close()
            throw failure("\(error)")
        }
        guard rename(temp.path, target.path) == 0 else {
            throw failure(String(cString: strerror(errno)))
        }
    }
}
