// Loading a templates folder safely.
//
// swift-mustache is forgiving in ways that hide mistakes: a missing folder loads as an empty
// library, a missing partial or key renders as "", and a partial switches back to HTML escaping
// unless it carries its own CONTENT_TYPE pragma. A report silently missing a section (or with
// `&amp;` in its Markdown) is worse than a refusal, so every such case is checked once, at load
// time, and reported as one line naming the file and the fix.
import Foundation
import Mustache

public struct TemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case folderNotFound, missingTemplate, syntax, unknownPartial, missingPragma, renderFailed
    }
    public let kind: Kind
    /// One line: the file concerned and what to do.
    public let message: String
    public var description: String { message }
}

/// A loaded, checked templates folder. Files are `NAME.mustache` (Markdown or text, registered
/// as `NAME`) and `NAME.html.mustache` (HTML, registered as `NAME.html`); subfolders register
/// as `sub/NAME`.
public struct TemplateSet: Sendable {
    public let directory: String
    /// Registered template names, sorted.
    public let names: [String]
    private let library: MustacheLibrary

    private static let fileExtension = "mustache"

    public init(directory: String, required: [String]) async throws {
        // The parser rejects `{{% CONTENT_TYPE: MARKDOWN}}` unless the type is registered first.
        MarkdownTemplates.registerContentType()

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError(kind: .folderNotFound, message:
                "templates folder not found: \(directory) — pass --templates DIR or copy Templates/ from the costreport repository")
        }

        // FileManager's enumerator does not descend into a root that is a symbolic link, so a
        // linked templates folder would load as empty; load from the resolved path instead.
        // Messages keep the folder as the user named it.
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path

        let library: MustacheLibrary
        do {
            library = try await MustacheLibrary(directory: resolved, withExtension: Self.fileExtension)
        } catch let error as MustacheLibrary.ParserError {
            let file = Self.join(directory, error.filename)
            throw TemplateError(kind: .syntax, message:
                "syntax error in \(file):\(error.context.lineNumber):\(error.context.columnNumber): "
                + "\(Self.explain(error.error)) — fix the template")
        }

        // Read the same files the library registered (same enumeration, same names), so the
        // checks below see exactly what will render.
        let sources = Self.readSources(resolved)
        let names = sources.map(\.name)
        let known = Set(names)

        for name in required where !known.contains(name) {
            throw TemplateError(kind: .missingTemplate, message:
                "missing template \(name).\(Self.fileExtension) in \(directory)")
        }

        for source in sources where !source.name.hasSuffix(".html") && !Self.startsWithTextPragma(source.text) {
            throw TemplateError(kind: .missingPragma, message:
                "template \(Self.join(directory, source.relativePath)) must start with "
                + "{{% CONTENT_TYPE: MARKDOWN}} (or TEXT): templates and partials without it escape values as HTML")
        }

        for source in sources {
            for reference in Self.partialReferences(in: source.text) where !known.contains(reference.name) {
                throw TemplateError(kind: .unknownPartial, message:
                    "unknown partial '\(reference.name)' in \(Self.join(directory, source.relativePath)):\(reference.line)"
                    + " — add \(reference.name).\(Self.fileExtension) to \(directory) or fix the tag")
            }
        }

        self.directory = directory
        self.names = names
        self.library = library
    }

    /// Renders template `name` with `value` (a view-model struct; keys are property names).
    public func render(_ name: String, _ value: Any) throws -> String {
        // MustacheLibrary returns nil only for an unknown template name.
        guard let text = library.render(value, withTemplate: name) else {
            throw TemplateError(kind: .renderFailed, message:
                "cannot render template '\(name)': missing template \(name).\(Self.fileExtension) in \(directory)")
        }
        return text
    }

    // MARK: - Checks on the source text

    private struct Source {
        let name: String          // registered name: relative path minus ".mustache"
        let relativePath: String  // as found under the folder
        let text: String
    }

    /// Mirrors MustacheLibrary's loading (FileManager enumerator, `.mustache` suffix), sorted so
    /// that the first error reported is the same on every machine.
    private static func readSources(_ directory: String) -> [Source] {
        let suffix = "." + fileExtension
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var sources: [Source] = []
        for case let path as String in enumerator where path.hasSuffix(suffix) {
            // Same decoding as MustacheTemplate(filename:); unreadable entries (e.g. a folder
            // named x.mustache) are skipped by the library too.
            guard let data = FileManager.default.contents(atPath: join(directory, path)) else { continue }
            sources.append(Source(name: String(path.dropLast(suffix.count)), relativePath: path,
                                  text: String(decoding: data, as: UTF8.self)))
        }
        return sources.sorted { $0.relativePath < $1.relativePath }
    }

    /// True when the first thing in the file, after whitespace and `{{! comments}}`, is
    /// `{{% CONTENT_TYPE: MARKDOWN}}` or `{{% CONTENT_TYPE: TEXT}}` (spaces inside optional).
    static func startsWithTextPragma(_ text: String) -> Bool {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard rest.hasPrefix("{{!"), let end = rest.range(of: "}}") else { break }
            rest = rest[end.upperBound...]
        }
        guard rest.hasPrefix("{{%"), let end = rest.range(of: "}}") else { return false }
        let pragma = rest[rest.index(rest.startIndex, offsetBy: 3)..<end.lowerBound].filter { !$0.isWhitespace }
        return pragma == "CONTENT_TYPE:\(MarkdownTemplates.contentTypeName)" || pragma == "CONTENT_TYPE:TEXT"
    }

    /// `{{> name}}`, `{{>name}}` and `{{< name}}` (inheritance) tags with their 1-based line.
    /// Comments are skipped; dynamic partials (`{{>*var}}`) name a variable, not a file, and are
    /// not checked. Templates that change delimiters (`{{=<% %>=}}`) are scanned with `{{ }}` only.
    static func partialReferences(in text: String) -> [(name: String, line: Int)] {
        let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
        var found: [(name: String, line: Int)] = []
        var line = 1
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "\n" { line += 1 }
            guard c == "{", text[i...].hasPrefix("{{") else {
                i = text.index(after: i)
                continue
            }
            var j = text.index(i, offsetBy: 2)
            if j < text.endIndex, text[j] == "!" {
                // Skip the comment, counting its newlines.
                let close = text[j...].range(of: "}}")?.upperBound ?? text.endIndex
                line += text[j..<close].filter { $0 == "\n" }.count
                i = close
                continue
            }
            if j < text.endIndex, text[j] == ">" || text[j] == "<" {
                j = text.index(after: j)
                let afterSpace = text[j...].drop { $0.isWhitespace }
                let name = afterSpace.prefix { nameCharacters.contains($0) }
                if !name.isEmpty, !name.hasPrefix("*") {
                    found.append((String(name), line))
                }
            }
            i = j
        }
        return found
    }

    // MARK: - Messages

    private static func join(_ directory: String, _ path: String) -> String {
        directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    private static func explain(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "unexpected end of template (\(error))" }
        switch error {
        case .sectionCloseNameIncorrect: return "closing tag {{/...}} does not match the open section"
        case .unfinishedName: return "unfinished tag or invalid name"
        case .expectedSectionEnd: return "a section {{#...}} or {{^...}} is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag {{=...=}}"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance block {{$...}}"
        case .illegalTokenInsideInheritSection: return "only {{$block}} sections may appear inside {{<partial}}"
        case .textInsideInheritSection: return "text is not allowed inside {{<partial}}"
        case .invalidConfigVariableSyntax: return "malformed pragma, expected {{% CONTENT_TYPE: MARKDOWN}}"
        case .unrecognisedConfigVariable:
            return "unknown pragma or content type, expected {{% CONTENT_TYPE: MARKDOWN}}, TEXT or HTML"
        }
    }
}
