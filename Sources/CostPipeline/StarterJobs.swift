import CostAssets
import CostIngest
import CostRender
import Foundation

/// `costreport init [DIR]`: a starter the user owns — `costreport.yml` (every key of spec §11
/// with its default), `templates/` (the built-in templates and stylesheet) and
/// `pricing.example.yml` — never overwriting a file.
public struct InitJob: Sendable {
    public var directory: String

    public init(directory: String = ".") { self.directory = directory }

    /// Relative path → text of every file `init` writes, sorted.
    public static var files: [(path: String, text: String)] {
        [("costreport.yml", BuiltinAssets.starterConfig), ("pricing.example.yml", BuiltinAssets.pricingExample)]
            + BuiltinAssets.templates.map { ("templates/" + $0.path, $0.text) }
    }

    /// Returns the paths written.
    @discardableResult
    public func run(progress: ProgressLines) throws -> [String] {
        let files = Self.files
        let paths = files.map { join($0.path) }
        // Everything is checked before anything is written: a second `init` changes nothing.
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty {
            let shown = existing.prefix(5).joined(separator: ", ") + (existing.count > 5 ? " and \(existing.count - 5) more" : "")
            throw PipelineError(step: .write, file: existing[0], message:
                "\(shown) already \(existing.count == 1 ? "exists" : "exist") — costreport init never overwrites a file: move \(existing.count == 1 ? "it" : "them") away or run `costreport init OTHER-FOLDER`")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw PipelineError(step: .write, file: directory, message: "\(directory) is a file, not a folder — pass a folder to costreport init")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PipelineError(step: .write, file: directory, message: "cannot create the folder \(directory) (is a part of the path a file?) — pass a folder that can be created")
        }
        try Step.write.run(file: directory) {
            for (file, path) in zip(files, paths) {
                // A top-level file of `init` into "." has no folder part: "" is not a folder to create.
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                // O_EXCL: a file that appeared since the check is still never overwritten.
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                guard fd >= 0 else {
                    throw PipelineError(step: .write, file: path, message: "cannot create \(path): \(String(cString: strerror(errno))) — check the folder is writable")
                }
                let bytes = Array(file.text.utf8)
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
                guard written == bytes.count else {
                    throw PipelineError(step: .write, file: path, message: "cannot write \(path): \(String(cString: strerror(errno)))")
                }
            }
        }
        progress.say("wrote costreport.yml, pricing.example.yml and templates/ (\(files.count - 2) files) in \(directory): edit them, then run costreport build --config \(join("costreport.yml")) --templates \(join("templates"))")
        return paths
    }

    private func join(_ relative: String) -> String {
        directory == "." ? relative : (directory.hasSuffix("/") ? directory : directory + "/") + relative
    }
}

/// `costreport catalog [--pricing FILE]`: the catalog in effect, as YAML.
public struct CatalogJob: Sendable {
    public var pricing: String?

    public init(pricing: String? = nil) { self.pricing = pricing }

    public func run() throws -> String {
        let catalog = try Step.loadInputs.run(file: pricing) { try CatalogLoader.load(overridePath: pricing) }
        return CatalogYAML.text(catalog, overrideFile: pricing)
    }
}
