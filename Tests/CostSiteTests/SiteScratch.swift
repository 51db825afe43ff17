import Foundation

/// A scratch parent folder for site-writer tests: the site folder and its siblings live in it.
struct SiteScratch {
    let parent: String
    var site: String { parent + "/site" }
    init(_ label: String) throws {
        parent = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    }
    func cleanUp() { try? FileManager.default.removeItem(atPath: parent) }
    func siblings() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent).sorted()
    }
    func makeFolder(_ name: String, files: [String: String]) throws {
        for (path, text) in files {
            let full = parent + "/" + name + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: parent + "/" + name, withIntermediateDirectories: true)
    }

    /// Every file under `root`, relative path → text ("dir" for folders).
    static func snapshot(_ root: String) throws -> [String: String] {
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return result }
        for case let rel as String in walker {
            let path = root + "/" + rel
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            result[rel] = isDirectory.boolValue
                ? "dir" : String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        }
        return result
    }
}
