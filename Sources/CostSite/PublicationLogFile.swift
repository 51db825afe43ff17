// The site's publication log (checklist item 8) on disk, read before a build so its weeks carry
// forward. A symbolic link is never followed, as the site writer never follows one.
import CostModel
import CostRender
import Foundation

/// Reads the publication log of an existing site (its format: `PublicationLogFormat`).
public enum PublicationLogFile {
    /// The log in the site folder `siteDirectory`: nil when the folder or the log does not exist.
    /// Throws `PublicationLogError` when it exists but cannot be read or parsed, or is not a
    /// regular file (a symbolic link is never followed, as the site writer never follows one).
    public static func read(siteDirectory: String) throws -> PublicationLog? {
        let path = (siteDirectory.hasSuffix("/") ? siteDirectory : siteDirectory + "/") + SitePaths.publicationLog
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw PublicationLogError(path: path, message: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw PublicationLogError(path: path, message: "\(path) is not a regular file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PublicationLogError(path: path, message: "cannot read \(path): check its permissions")
        }
        return try PublicationLogFormat.decode(Array(data), path: path)
    }
}
