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
