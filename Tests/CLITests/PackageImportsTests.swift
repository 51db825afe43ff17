import Foundation
import Testing

/// Package.swift declares every import: each `import X` in a Swift file under Sources/ or Tests/
/// names a direct dependency of that file's target (or a system module). Relying on a module that
/// reaches a target only through another one compiles today and breaks when that other target's
/// dependencies change; this test makes it fail now instead.
///
/// The manifest is read as text, with regular expressions over its `.target(name: ...)` blocks: no
/// SwiftPM involved, and simple enough that the sanity checks below catch a parse gone wrong.
@Suite struct PackageImportsTests {
    /// Modules of the toolchain and the system, which no target declares.
    static let systemModules: Set<String> = [
        "Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML",
        "Testing", "XCTest", "Dispatch", "Glibc", "Musl", "Darwin", "Synchronization",
        // The API of SwiftPM build plugins.
        "PackagePlugin",
    ]

    struct Target: Equatable {
        let name: String
        /// Folder of its sources, relative to the package root.
        let path: String
        /// Direct dependencies: target names and product names.
        let dependencies: Set<String>
    }

    /// Every target declared in `manifest`, in order.
    static func targets(inManifest manifest: String) throws -> [Target] {
        let text = manifest.split(separator: "\n", omittingEmptySubsequences: false)
            .map { withoutLineComment(String($0)) }.joined(separator: "\n")
        let start = try Regex(#"\.(target|executableTarget|testTarget|systemLibrary|plugin)\(\s*name:\s*"([^"]+)""#)
        let matches = text.matches(of: start)
        return try matches.enumerated().map { i, match in
            let kind = String(match.output[1].substring ?? "")
            let name = String(match.output[2].substring ?? "")
            let end = i + 1 < matches.count ? matches[i + 1].range.lowerBound : text.endIndex
            let block = text[match.range.upperBound..<end]
            var dependencies: Set<String> = []
            if let list = try Regex(#"dependencies:\s*\["#).firstMatch(in: block) {
                let items = bracketed(block[list.range.upperBound...])
                    .replacing(try Regex(#"package:\s*"[^"]*""#), with: "")
                for string in items.matches(of: try Regex(#""([^"]+)""#)) {
                    dependencies.insert(String(string.output[1].substring ?? ""))
                }
            }
            let path = try Regex(#"\bpath:\s*"([^"]+)""#).firstMatch(in: block)
                .map { String($0.output[1].substring ?? "") }
                ?? (kind == "testTarget" ? "Tests/" : "Sources/") + name
            return Target(name: name, path: path, dependencies: dependencies)
        }
    }

    /// The text up to the `]` that closes an already opened `[`.
    static func bracketed(_ text: Substring) -> Substring {
        var depth = 1
        for i in text.indices {
            if text[i] == "[" { depth += 1 }
            if text[i] == "]" { depth -= 1; if depth == 0 { return text[..<i] } }
        }
        return text
    }

    /// The line without a `//` comment that starts outside a string literal.
    static func withoutLineComment(_ line: String) -> String {
        var inString = false
        var previous: Character = " "
        for i in line.indices {
            let c = line[i]
            if c == "\"" { inString.toggle() }
            if !inString, c == "/", previous == "/" { return String(line[..<line.index(before: i)]) }
            previous = c
        }
        return line
    }

    /// The modules a Swift file imports (`import X`, `@testable import X`, `import struct X.Y`, …),
    /// leaving out lines inside multi-line string literals (such as embedded Python scripts).
    static func imports(inSwift source: String) throws -> [String] {
        let pattern = try Regex(
            #"^\s*(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)(?:\.[A-Za-z0-9_.]+)?\s*(?://.*)?$"#)
        var modules: [String] = []
        var inMultiLineString = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let quotes = line.ranges(of: "\"\"\"").count
            if !inMultiLineString, let match = try pattern.wholeMatch(in: line) {
                modules.append(String(match.output[1].substring ?? ""))
            }
            if quotes % 2 == 1 { inMultiLineString.toggle() }
        }
        return modules
    }

    /// One line per import that its target does not declare; `files` maps paths (relative to the
    /// package root) to Swift source.
    static func undeclaredImports(targets: [Target], files: [String: String]) throws -> [String] {
        var problems: [String] = []
        for (path, source) in files.sorted(by: { $0.key < $1.key }) {
            guard let target = targets.first(where: { path.hasPrefix($0.path + "/") }) else {
                problems.append("\(path) belongs to no target of Package.swift")
                continue
            }
            for module in try imports(inSwift: source)
            where module != target.name && !systemModules.contains(module) && !target.dependencies.contains(module) {
                problems.append("\(path) imports \(module), which target \(target.name) does not declare in Package.swift")
            }
        }
        return problems
    }

    /// Every `.swift` file under `folder` of the package root, by path relative to the root.
    static func swiftFiles(under folder: String) throws -> [String: String] {
        let root = CLIRunner.packageRoot
        guard let walker = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path) else { return [:] }
        var files: [String: String] = [:]
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let path = folder + "/" + relative
            files[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    @Test func everyImportIsADeclaredDependencyOfItsTarget() throws {
        let manifest = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let targets = try Self.targets(inManifest: manifest)
        let files = try Self.swiftFiles(under: "Sources").merging(try Self.swiftFiles(under: "Tests")) { a, _ in a }

        // Sanity: the parse found the package's targets and their dependencies, and real imports.
        #expect(targets.count >= 10, "only \(targets.map(\.name)) found in Package.swift")
        #expect(targets.contains { $0.name == "CostRender" && $0.dependencies.isSuperset(of: ["CostModel", "Mustache"]) })
        #expect(targets.contains { $0.name == "CLITests" && $0.path == "Tests/CLITests" })
        #expect(files.count >= 50)
        #expect(try files.values.map { try Self.imports(inSwift: $0).count }.reduce(0, +) >= 100)

        let problems = try Self.undeclaredImports(targets: targets, files: files)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The checker on a made-up package: it must see what is wrong, and only that.
    @Test func theCheckerFindsAnUndeclaredImportAndNothingElse() throws {
        let manifest = #"""
            targets: [
                // A comment with "Quoted" text and .target(name: "Ghost") is ignored.
                .target(name: "Model"),
                .target(name: "Store", dependencies: [
                    "Model", // inline comment
                    .product(name: "Lib", package: "lib-package"),
                ], resources: [.copy("data.yml")]),
                .target(name: "Support", dependencies: ["Model"], path: "Tests/Support"),
                .testTarget(name: "StoreTests", dependencies: ["Store", "Support"]),
            ]
            """#
        let targets = try Self.targets(inManifest: manifest)
        #expect(targets == [
            Target(name: "Model", path: "Sources/Model", dependencies: []),
            Target(name: "Store", path: "Sources/Store", dependencies: ["Model", "Lib"]),
            Target(name: "Support", path: "Tests/Support", dependencies: ["Model"]),
            Target(name: "StoreTests", path: "Tests/StoreTests", dependencies: ["Store", "Support"]),
        ])
        let files = [
            "Sources/Model/A.swift": "import Foundation\nstruct A {}\n",
            "Sources/Store/B.swift": "import Lib\nimport Model\n#if canImport(FoundationXML)\n    import FoundationXML\n#endif\n",
            "Tests/Support/C.swift": "@preconcurrency import Model\nimport struct Lib.Thing // not declared\n",
            "Tests/StoreTests/D.swift": """
                import Testing
                @testable import Store
                let script = \"\"\"
                    import json, sys
                    import Hidden
                    \"\"\"
                """,
            "Tests/Stray/E.swift": "import Model\n",
        ]
        #expect(try Self.undeclaredImports(targets: targets, files: files) == [
            "Tests/Stray/E.swift belongs to no target of Package.swift",
            "Tests/Support/C.swift imports Lib, which target Support does not declare in Package.swift",
        ])
    }
}
