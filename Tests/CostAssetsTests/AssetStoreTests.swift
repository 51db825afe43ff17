import Foundation
import Testing
@testable import CostAssets

/// The built-in assets are exactly the repository's files, and a user folder overrides them
/// file by file.
@Suite("AssetStore")
struct AssetStoreTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every file of Templates/, relative path → text.
    static func repositoryTemplates() throws -> [String: String] {
        let dir = root.appendingPathComponent("Templates").path
        var files: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: dir)! {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDir), !isDir.boolValue,
                  !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            files[path] = try String(contentsOfFile: dir + "/" + path, encoding: .utf8)
        }
        return files
    }

    @Test func builtInTemplatesAreTheRepositoryFolderByteForByte() throws {
        let expected = try Self.repositoryTemplates()
        let builtIn = Dictionary(uniqueKeysWithValues: BuiltinAssets.templates.map { ($0.path, $0.text) })
        #expect(Set(builtIn.keys) == Set(expected.keys))
        for (path, text) in expected {
            #expect(builtIn[path] == text, "built-in \(path) differs from Templates/\(path)")
        }
        #expect(builtIn["weekly.mustache"] != nil && builtIn["partials/budget.mustache"] != nil && builtIn["style.css"] != nil)
    }

    @Test func builtInCatalogIsTheRepositoryFile() throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("Sources/CostAssets/catalog.yml"), encoding: .utf8)
        #expect(BuiltinAssets.catalog == file)
        #expect(BuiltinAssets.catalog.contains("p4d.24xlarge"))
    }

    @Test func builtInsAloneNameThemselvesInMessages() throws {
        let store = try AssetStore()
        let weekly = try #require(store.asset("weekly.mustache"))
        #expect(weekly.origin == "built-in templates/weekly.mustache")
        #expect(!weekly.isOverride)
        #expect(store.describedLookup == "the built-in templates")
        #expect(store.asset("nope.mustache") == nil)
    }

    @Test func aUserFileOverridesOneTemplateAndAddsNewOnes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: TEXT}}\nmine\n".write(to: dir.appendingPathComponent("weekly.mustache"), atomically: true, encoding: .utf8)
        try "{{% CONTENT_TYPE: TEXT}}\nextra\n".write(to: dir.appendingPathComponent("partials/extra.mustache"), atomically: true, encoding: .utf8)
        try "hidden".write(to: dir.appendingPathComponent(".weekly.mustache.swp"), atomically: true, encoding: .utf8)
        let store = try AssetStore(userDirectory: dir.path)

        let weekly = try #require(store.asset("weekly.mustache"))
        #expect(weekly.text == "{{% CONTENT_TYPE: TEXT}}\nmine\n")
        #expect(weekly.isOverride)
        #expect(weekly.origin == dir.path + "/weekly.mustache")
        // Everything else still comes from the built-in set.
        #expect(store.asset("monthly.mustache")?.isOverride == false)
        let names = store.assets(endingWith: ".mustache").map(\.path)
        #expect(names.contains("partials/extra.mustache"))
        #expect(names.count == BuiltinAssets.templates.filter { $0.path.hasSuffix(".mustache") }.count + 1)
        #expect(names == names.sorted())
        #expect(!names.contains { $0.hasPrefix(".") })
        #expect(store.describedLookup == "\(dir.path) (then the built-in templates)")
    }

    @Test func withoutBuiltInsOnlyTheFolderCounts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try AssetStore(userDirectory: dir.path, includeBuiltIns: false)
        #expect(store.asset("weekly.mustache") == nil)
        #expect(store.describedLookup == dir.path)
    }

    @Test func aMissingFolderOrAFileIsOneClearError() throws {
        let missing = "/nonexistent-\(UUID().uuidString)"
        let error = #expect(throws: AssetError.self) { try AssetStore(userDirectory: missing) }
        #expect(error?.description.hasPrefix("templates folder not found: \(missing) — pass --templates DIR") == true)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("asset-file-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let notFolder = #expect(throws: AssetError.self) { try AssetStore(userDirectory: file.path) }
        #expect(notFolder?.description.contains("is a file, not a templates folder") == true)
    }
}
