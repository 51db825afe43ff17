import Foundation
import Testing
@testable import CostRender

@Suite("TemplateSet")
struct TemplateSetTests {
    /// A fresh folder holding `files` (relative path -> text), removed by the caller.
    private func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("templateset-\(UUID().uuidString)").path
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return root
    }

    private func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    private func loadError(_ files: [String: String], required: [String] = []) async throws -> TemplateError {
        let dir = try folder(files)
        defer { remove(dir) }
        do {
            _ = try await TemplateSet(directory: dir, required: required)
        } catch let error as TemplateError {
            return error
        }
        Issue.record("expected a TemplateError")
        return TemplateError(kind: .renderFailed, message: "")
    }

    private struct Row { let name: String; let cost: String }
    private struct View { let title: String; let rows: [Row] }

    private static let good: [String: String] = [
        "report.mustache": """
            {{% CONTENT_TYPE: MARKDOWN}}
            # {{title}}

            | name | cost |
            |---|---:|
            {{#rows}}
            {{> partials/row}}
            {{/rows}}
            """,
        "partials/row.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\n| {{name}} | {{cost}} |\n",
        "page.html.mustache": "<title>{{title}}</title>\n",
        "notes.mustache": "{{! plain text }}\n{{% CONTENT_TYPE: TEXT }}\n{{title}}\n",
    ]

    private static let view = View(title: "Costs <b>& co", rows: [
        Row(name: "g5.xlarge", cost: "$1.20"),
        Row(name: "a|b\nc", cost: "<script>"),
    ])

    @Test func loadsAndRendersWithTheRightEscaping() async throws {
        let dir = try folder(Self.good)
        defer { remove(dir) }
        let set = try await TemplateSet(directory: dir, required: ["report", "page.html", "partials/row"])
        #expect(set.names == ["notes", "page.html", "partials/row", "report"])

        let markdown = try set.render("report", Self.view)
        #expect(markdown.contains(#"# Costs \<b\>\& co"#))
        #expect(markdown.contains("| g5.xlarge | $1.20 |"))
        // Escaped in the partial too: partials reset to HTML escaping without their own pragma.
        #expect(markdown.contains(#"| a\|b c | \<script\> |"#))
        let html = try MarkdownHTML.render(markdown)
        #expect(html.components(separatedBy: "<td").count - 1 == 4)

        #expect(try set.render("page.html", Self.view) == "<title>Costs &lt;b&gt;&amp; co</title>\n")
        #expect(try set.render("notes", Self.view) == "Costs <b>& co\n")
    }

    @Test func missingFolder() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)").path
        await #expect(throws: TemplateError(kind: .folderNotFound, message:
            "templates folder not found: \(dir) — pass --templates DIR with a folder that exists (`costreport init` writes a copy of the built-in templates), or leave --templates out to use the built-in ones")) {
            _ = try await TemplateSet(directory: dir, required: [])
        }
    }

    @Test func folderIsAFile() async throws {
        let dir = try folder(["file.txt": "x"])
        defer { remove(dir) }
        let error = await #expect(throws: TemplateError.self) {
            _ = try await TemplateSet(directory: dir + "/file.txt", required: [])
        }
        #expect(error?.kind == .folderNotFound)
    }

    @Test func missingRequiredTemplate() async throws {
        let error = try await loadError(Self.good, required: ["report", "weekly"])
        #expect(error.kind == .missingTemplate)
        #expect(error.message.hasPrefix("missing template weekly.mustache in "))
    }

    @Test func syntaxErrorNamesFileAndLine() async throws {
        let error = try await loadError(["bad.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\nline\n{{#a}}\n{{/b}}\n"])
        #expect(error.kind == .syntax)
        #expect(error.message.contains("bad.mustache:4"), "\(error)")
        #expect(error.message.contains("does not match"), "\(error)")
        #expect(!error.message.contains("\n"))
    }

    @Test func unknownContentTypeIsASyntaxError() async throws {
        let error = try await loadError(["x.mustache": "{{% CONTENT_TYPE: MARKDWN}}\n"])
        #expect(error.kind == .syntax)
        #expect(error.message.contains("x.mustache:1"), "\(error)")
    }

    @Test(arguments: ["{{>nope}}", "{{> nope}}", "{{>  nope }}", "{{<nope}}{{/nope}}"])
    func unknownPartialInTemplate(_ tag: String) async throws {
        let error = try await loadError(["report.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\n\nx \(tag)\n"])
        #expect(error.kind == .unknownPartial)
        #expect(error.message.hasPrefix("unknown partial 'nope' in "), "\(error)")
        #expect(error.message.contains("/report.mustache:3"), "\(error)")
    }

    @Test func unknownPartialInPartial() async throws {
        var files = Self.good
        files["partials/row.mustache"] = "{{% CONTENT_TYPE: MARKDOWN}}\n{{! a\ncomment }}\n| {{name}} | {{> partials/cell}} |\n"
        let error = try await loadError(files)
        #expect(error.kind == .unknownPartial)
        #expect(error.message.contains("unknown partial 'partials/cell' in "), "\(error)")
        #expect(error.message.contains("partials/row.mustache:4"), "\(error)")
    }

    /// (Dynamic partials `{{>*x}}`, once left unchecked here, are now refused: a value from the
    /// data could name the template itself. See TemplateLimitsTests.)
    @Test func partialsInCommentsAreNotChecked() async throws {
        var files = Self.good
        files["report.mustache"] = "{{% CONTENT_TYPE: MARKDOWN}}\n{{! old: {{> gone}} }}\n"
        let dir = try folder(files)
        defer { remove(dir) }
        _ = try await TemplateSet(directory: dir, required: ["report"])
    }

    @Test func markdownTemplateWithoutPragma() async throws {
        var files = Self.good
        files["report.mustache"] = "# {{title}}\n"
        let error = try await loadError(files)
        #expect(error.kind == .missingPragma)
        #expect(error.message.contains("report.mustache must start with {{% CONTENT_TYPE: MARKDOWN}}"), "\(error)")
    }

    @Test func partialWithoutPragma() async throws {
        var files = Self.good
        files["partials/row.mustache"] = "| {{name}} | {{cost}} |\n"
        let error = try await loadError(files)
        #expect(error.kind == .missingPragma)
        #expect(error.message.contains("partials/row.mustache"), "\(error)")
    }

    @Test func pragmaNotFirst() async throws {
        let error = try await loadError(["report.mustache": "{{title}}\n{{% CONTENT_TYPE: MARKDOWN}}\n"])
        #expect(error.kind == .missingPragma)
    }

    @Test func renderingAnUnknownTemplateThrows() async throws {
        let dir = try folder(Self.good)
        defer { remove(dir) }
        let set = try await TemplateSet(directory: dir, required: [])
        let error = #expect(throws: TemplateError.self) { try set.render("weekly", Self.view) }
        #expect(error?.kind == .renderFailed)
        #expect(error?.message.contains("weekly.mustache") == true)
    }

    @Test func folderReachedThroughASymlinkLoads() async throws {
        let dir = try folder(Self.good)
        defer { remove(dir); remove(dir + "-link") }
        try FileManager.default.createSymbolicLink(atPath: dir + "-link", withDestinationPath: dir)
        let set = try await TemplateSet(directory: dir + "-link", required: ["report"])
        #expect(set.names.count == 4)
    }

    /// The templates shipped in the repository load under the same rules.
    @Test func repositoryTemplatesLoad() async throws {
        let repoTemplates = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates").path
        try #require(FileManager.default.fileExists(atPath: repoTemplates))
        let set = try await TemplateSet(directory: repoTemplates, required: [])
        #expect(!set.names.isEmpty)
    }
}
