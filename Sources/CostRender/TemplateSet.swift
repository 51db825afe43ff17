// Loading a templates folder safely.
//
// swift-mustache is forgiving in ways that hide mistakes: a missing folder loads as an empty
// library, a missing partial or key renders as "", and a partial switches back to HTML escaping
// unless it carries its own CONTENT_TYPE pragma. A report silently missing a section (or with
// `&amp;` in its Markdown) is worse than a refusal, so every such case is checked once, at load
// time, and reported as one line naming the file and the fix.
import CostAssets
import Foundation
import Mustache

public struct TemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case folderNotFound, missingTemplate, syntax, unknownPartial, missingPragma, renderFailed, recursivePartial, tooDeep
    }
    public let kind: Kind
    /// One line: the file concerned and what to do.
    public let message: String
    public var description: String { message }
}

/// A loaded, checked set of templates from an `AssetStore` (the user's folder first, then the
/// built-in copy). Files are `NAME.mustache` (Markdown or text, registered as `NAME`) and
/// `NAME.html.mustache` (HTML, registered as `NAME.html`); subfolders register as `sub/NAME`.
public struct TemplateSet: Sendable {
    /// How the lookup is named in messages (the user's folder, and/or the built-in templates).
    public let directory: String
    /// Registered template names, sorted.
    public let names: [String]
    private let library: MustacheLibrary

    private static let fileExtension = "mustache"

    /// A folder that must hold every template itself (no built-in fallback).
    public init(directory: String, required: [String]) async throws {
        let assets: AssetStore
        do {
            assets = try AssetStore(userDirectory: directory, includeBuiltIns: false)
        } catch let error as AssetError {
            throw TemplateError(kind: .folderNotFound, message: error.description)
        }
        try self.init(assets: assets, required: required)
    }

    /// `folder`: only the templates under it (`words`), so a set that needs only those is not
    /// stopped by a mistake in an unrelated template of the user's folder. `plainText`: each must be
    /// `CONTENT_TYPE: TEXT` (the JSON's sentences: Markdown escaping would put backslashes in them).
    public init(assets: AssetStore, required: [String], folder: String? = nil, plainText: Bool = false) throws {
        // The parser rejects `{{% CONTENT_TYPE: MARKDOWN}}` unless the type is registered first.
        MarkdownTemplates.registerContentType()
        let suffix = "." + Self.fileExtension
        let sources = assets.assets(endingWith: suffix)
            .filter { asset in folder.map { asset.path.hasPrefix($0 + "/") } ?? true }
            .map { Source(name: String($0.path.dropLast(suffix.count)), origin: $0.origin, text: $0.text) }
        var templates: [String: MustacheTemplate] = [:]
        for source in sources {
            let nesting = TemplateLimits.sectionDepth(in: source.text)
            if nesting.depth > TemplateLimits.maxSectionDepth {
                throw TemplateError(kind: .tooDeep, message:
                    "\(source.origin):\(nesting.line): sections are nested \(nesting.depth) deep, more than \(TemplateLimits.maxSectionDepth) — flatten the template")
            }
            do {
                templates[source.name] = try MustacheTemplate(string: source.text)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(kind: .syntax, message:
                    "syntax error in \(source.origin):\(error.context.lineNumber):\(error.context.columnNumber): "
                    + "\(Self.explain(error.error)) — fix the template")
            }
        }
        let names = sources.map(\.name)
        let known = Set(names)
        let lookup = assets.describedLookup

        for name in required where !known.contains(name) {
            throw TemplateError(kind: .missingTemplate, message:
                "missing template \(name).\(Self.fileExtension) in \(lookup)")
        }

        for source in sources where !source.name.hasSuffix(".html") {
            let type = Self.leadingContentType(source.text)
            if plainText, type != "TEXT" {
                throw TemplateError(kind: .missingPragma, message:
                    "template \(source.origin) must start with {{% CONTENT_TYPE: TEXT}}: words templates make the JSON's plain-text sentences")
            }
            if type != MarkdownTemplates.contentTypeName && type != "TEXT" {
                throw TemplateError(kind: .missingPragma, message:
                    "template \(source.origin) must start with "
                    + "{{% CONTENT_TYPE: MARKDOWN}} (or TEXT): templates and partials without it escape values as HTML")
            }
        }

        for source in sources {
            for reference in Self.partialReferences(in: source.text) where !known.contains(reference.name) {
                throw TemplateError(kind: .unknownPartial, message:
                    "unknown partial '\(reference.name)' in \(source.origin):\(reference.line)"
                    + " — add \(reference.name).\(Self.fileExtension) to \(assets.userDirectory ?? "a templates folder passed with --templates") or fix the tag")
            }
        }

        // The limits above scan `{{ }}` tags: a template that changes its delimiters could hide a
        // recursion from them, so that is refused too (no report template needs it).
        for source in sources where source.text.contains("{{=") {
            throw TemplateError(kind: .syntax, message:
                "\(source.origin) changes the tag delimiters ({{=… …=}}), which costreport does not support — keep {{ }}")
        }
        for source in sources where source.text.contains("{{>*") {
            throw TemplateError(kind: .unknownPartial, message:
                "\(source.origin) uses a dynamic partial {{>*…}}, which costreport does not support — name the partial")
        }
        let references = Dictionary(uniqueKeysWithValues: sources.map { source in
            (source.name, Self.partialReferences(in: source.text).map(\.name))
        })
        if let problem = TemplateLimits.problemChain(references) {
            let origin = sources.first { $0.name == problem.chain[0] }?.origin ?? problem.chain[0]
            let chain = problem.chain.joined(separator: " → ")
            throw TemplateError(kind: .recursivePartial, message: problem.isCycle
                ? "\(origin) includes itself through its partials (\(chain)), which would never end — remove the partial tag that closes the loop"
                : "\(origin) nests partials more than \(TemplateLimits.maxPartialDepth) deep (\(chain)) — include fewer levels")
        }

        self.directory = lookup
        self.names = names
        self.library = MustacheLibrary(templates: templates)
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
        let name: String    // registered name: relative path minus ".mustache"
        let origin: String  // how messages name the file
        let text: String
    }

    /// The content type of the file's leading `{{% CONTENT_TYPE: …}}` pragma (`MARKDOWN`, `TEXT`),
    /// if the first thing in it, after whitespace and `{{! comments}}`, is one (spaces inside optional).
    static func leadingContentType(_ text: String) -> String? {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard rest.hasPrefix("{{!"), let end = rest.range(of: "}}") else { break }
            rest = rest[end.upperBound...]
        }
        guard rest.hasPrefix("{{%"), let end = rest.range(of: "}}") else { return nil }
        let pragma = rest[rest.index(rest.startIndex, offsetBy: 3)..<end.lowerBound].filter { !$0.isWhitespace }
        return pragma.hasPrefix("CONTENT_TYPE:") ? String(pragma.dropFirst("CONTENT_TYPE:".count)) : nil
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
