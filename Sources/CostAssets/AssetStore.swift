import Foundation

/// One template or stylesheet file, wherever it came from.
public struct Asset: Sendable, Equatable {
    /// Relative to the templates folder: `weekly.mustache`, `partials/budget.mustache`, `style.css`.
    public let path: String
    public let text: String
    /// How messages name it: the user's file (`mytemplates/weekly.mustache`) or
    /// `built-in templates/weekly.mustache`.
    public let origin: String
    /// True when the user's folder supplied it.
    public let isOverride: Bool
}

public struct AssetError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
}

/// Where templates and the stylesheet are found (Hugo's lookup order): the user's folder
/// (`--templates DIR`) first, file by file, then the built-in copy compiled into the program.
/// So a user overrides one template without copying the others, and a user folder may add
/// new partials. Nothing is looked up relative to the program or the working directory.
public struct AssetStore: Sendable {
    /// The user's folder as they named it, nil for the built-ins alone.
    public let userDirectory: String?
    private let user: [String: Asset]
    private let builtIn: [String: Asset]

    /// - Parameter userDirectory: the user's templates folder; it must exist.
    /// - Parameter includeBuiltIns: false for a folder that must be complete on its own (tests of
    ///   the template checks, and callers that want no fallback).
    public init(userDirectory: String? = nil, includeBuiltIns: Bool = true) throws {
        self.userDirectory = userDirectory
        builtIn = includeBuiltIns ? Dictionary(uniqueKeysWithValues: BuiltinAssets.templates.map { file in
            (file.path, Asset(path: file.path, text: file.text,
                              origin: "built-in templates/" + file.path,
                              isOverride: false))
        }) : [:]
        user = try userDirectory.map(Self.readFolder) ?? [:]
    }

    /// The file at `path` (relative to the templates folder): the user's, else the built-in one.
    public func asset(_ path: String) -> Asset? {
        user[path] ?? builtIn[path]
    }

    /// Every file whose name ends with `suffix` (e.g. `.mustache`), the user's replacing the
    /// built-in one of the same path, sorted by path so errors come in the same order everywhere.
    public func assets(endingWith suffix: String) -> [Asset] {
        builtIn.merging(user) { _, override in override }
            .values.filter { $0.path.hasSuffix(suffix) }
            .sorted { $0.path < $1.path }
    }

    /// How the lookup reads in messages: `mytemplates/, then the built-in templates`.
    public var describedLookup: String {
        switch (userDirectory, builtIn.isEmpty) {
        case (let dir?, true): return dir
        case (let dir?, false): return "\(dir) (then the built-in templates)"
        case (nil, _): return "the built-in templates"
        }
    }

    // MARK: - The user's folder

    /// Every regular file under `directory`, by relative path. A missing folder, or a file where
    /// a folder is expected, is one clear error; hidden files are skipped like the plugin does.
    static func readFolder(_ directory: String) throws -> [String: Asset] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw AssetError(description: "templates folder not found: \(directory) — pass --templates DIR with a folder that exists (`costreport init` writes a copy of the built-in templates), or leave --templates out to use the built-in ones")
        }
        guard isDirectory.boolValue else {
            throw AssetError(description: "\(directory) is a file, not a templates folder — pass --templates DIR with a folder of .mustache files")
        }
        // FileManager's enumerator does not descend into a root that is a symbolic link, so
        // read the resolved path; messages keep the folder as the user named it.
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: resolved) else {
            throw AssetError(description: "cannot read the templates folder \(directory): check its permissions")
        }
        var found: [String: Asset] = [:]
        for case let relative as String in walker {
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let full = resolved + "/" + relative
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue else { continue }
            guard let data = FileManager.default.contents(atPath: full) else {
                throw AssetError(description: "cannot read \(join(directory, relative)): check its permissions")
            }
            found[relative] = Asset(path: relative, text: String(decoding: data, as: UTF8.self),
                                    origin: join(directory, relative), isOverride: true)
        }
        return found
    }

    static func join(_ directory: String, _ path: String) -> String {
        directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
