import Foundation
import Testing
import CostAssets
@testable import CostRender

/// Templates that would recurse forever or overflow the parser are refused at load time, naming
/// the file (today swift-mustache would segfault or hang on them).
@Suite struct TemplateLimitsTests {
    func load(_ files: [String: String]) async throws -> TemplateError? {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        do {
            _ = try await TemplateSet(directory: root.path, required: [])
            return nil
        } catch let error as TemplateError {
            return error
        }
    }

    static let pragma = "{{% CONTENT_TYPE: MARKDOWN}}\n"

    @Test func aTemplateThatIncludesItselfIsRefused() async throws {
        let error = try #require(try await load(["weekly.mustache": Self.pragma + "# {{title}}\n{{> weekly}}\n"]))
        #expect(error.kind == .recursivePartial)
        #expect(error.message.contains("weekly.mustache includes itself"))
        #expect(error.message.contains("weekly → weekly"))
    }

    @Test func mutuallyRecursivePartialsAreRefused() async throws {
        let error = try #require(try await load([
            "report.mustache": Self.pragma + "{{> partials/a}}\n",
            "partials/a.mustache": Self.pragma + "{{#rows}}{{> partials/b}}{{/rows}}\n",
            "partials/b.mustache": Self.pragma + "{{> partials/a}}\n",
        ]))
        #expect(error.kind == .recursivePartial)
        #expect(error.message.contains("partials/a → partials/b → partials/a"))
    }

    @Test func aVeryLongChainOfPartialsIsRefused() async throws {
        var files: [String: String] = [:]
        for i in 0..<20 { files["p\(i).mustache"] = Self.pragma + (i < 19 ? "{{> p\(i + 1)}}\n" : "end\n") }
        let error = try #require(try await load(files))
        #expect(error.kind == .recursivePartial)
        #expect(error.message.contains("more than \(TemplateLimits.maxPartialDepth) deep"))
        // A chain within the limit loads.
        var short: [String: String] = [:]
        for i in 0..<5 { short["p\(i).mustache"] = Self.pragma + (i < 4 ? "{{> p\(i + 1)}}\n" : "end\n") }
        #expect(try await load(short) == nil)
    }

    @Test func thousandsOfNestedSectionsAreRefusedNotACrash() async throws {
        let open = (0..<5000).map { "{{#s\($0)}}" }.joined()
        let close = (0..<5000).reversed().map { "{{/s\($0)}}" }.joined()
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(try await load(["deep.mustache": Self.pragma + open + "x" + close]))
        #expect(error.kind == .tooDeep)
        #expect(error.message.contains("deep.mustache:2: sections are nested 5000 deep"))
        #expect(clock.now - start < .seconds(5))
    }

    @Test func dynamicPartialsAreRefused() async throws {
        let error = try #require(try await load(["report.mustache": Self.pragma + "{{>*name}}\n"]))
        #expect(error.message.contains("dynamic partial"))
    }

    @Test func theBuiltInTemplatesAreWithinTheLimits() async throws {
        let set = try TemplateSet(assets: try AssetStore(), required: ReportRenderer.requiredTemplates + PullRequestRenderer.requiredTemplates)
        #expect(set.names.contains("weekly"))
    }
}

extension TemplateLimitsTests {
    /// Changed delimiters would hide a recursion from the `{{ }}` scans: refused.
    @Test func changedDelimitersAreRefused() async throws {
        let error = try #require(try await load(["report.mustache": Self.pragma + "{{=<% %>=}}\n<%> report%>\n"]))
        #expect(error.message.contains("changes the tag delimiters"))
    }
}
