// One output file of the site: where it goes and what it holds. The writer knows only paths and
// bytes (the Hugo lesson); renderers never touch the disk.
public struct SiteFile: Sendable, Equatable {
    /// Relative to the output folder, `/`-separated, e.g. `reports/2026-11.html`.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// UTF-8 text file.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
