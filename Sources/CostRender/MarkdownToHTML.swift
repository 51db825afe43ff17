// Markdown -> HTML through cmark-gfm.
//
// Every cmark-gfm C call of the project lives in this file (the swift-markdown lesson): C nodes,
// parsers and strings never leave `render`, and each is released with `defer` right where it is
// created, so no early return can leak one. Everything above this file sees `String -> String`.
import CCmarkGFM
import Foundation

public enum MarkdownHTML {
    /// GFM extensions attached to every parser. `tagfilter` is belt and braces: without
    /// CMARK_OPT_UNSAFE raw HTML is already replaced by a comment, but if someone ever flips that
    /// option the dangerous tags (`<script>`, `<iframe>`, ...) still come out inert.
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// - CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES: column alignment as `style="text-align: ..."`,
    ///   because the `align=` attribute is obsolete in HTML5 and fails validation.
    /// - CMARK_OPT_FOOTNOTES: `[^1]` footnotes for report notes.
    /// - NEVER CMARK_OPT_UNSAFE: the Markdown carries data from benchmark records, so raw HTML
    ///   and `javascript:`/`vbscript:`/`file:`/`data:` links must stay replaced.
    private static let options: Int32 =
        CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | CMARK_OPT_FOOTNOTES

    /// cmark_gfm_core_extensions_ensure_registered guards itself with a plain static int, which is
    /// not safe to race from two threads; a Swift `static let` runs its initialiser exactly once.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    private static let lock = NSLock()

    /// Renders GitHub-flavoured Markdown as an HTML fragment (no `<html>`/`<body>` shell). Throws
    /// only when cmark-gfm cannot allocate memory or its extensions library is broken: a report
    /// without its tables would be silently wrong, so the build stops with one clear line instead.
    public static func render(_ markdown: String) throws -> String {
        _ = registration
        // One render at a time: two cmark-gfm parsers with extensions at work at once rendered
        // differently (`MarkdownToHTMLTests.concurrentRendering` failed so in a CI run), and site
        // pages are rendered on every core. This part is a few percent of a page's time.
        lock.lock()
        defer { lock.unlock() }

        guard let parser = cmark_parser_new(options) else {
            throw TemplateError(kind: .renderFailed, message: "cmark-gfm could not allocate a parser (out of memory) — free some memory and build again")
        }
        defer { cmark_parser_free(parser) }

        for name in extensionNames {
            // A missing extension means a broken libcmark-gfm-extensions install; rendering
            // tables as plain text would silently corrupt every report, so stop loudly.
            guard let ext = cmark_find_syntax_extension(name) else {
                throw TemplateError(kind: .renderFailed, message: "cmark-gfm extension '\(name)' not found — reinstall libcmark-gfm-extensions")
            }
            cmark_parser_attach_syntax_extension(parser, ext)
        }

        // Feed the exact UTF-8 bytes (length given explicitly, so an embedded NUL does not cut the
        // text short; cmark replaces NUL with U+FFFD).
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }

        guard let document = cmark_parser_finish(parser) else {
            throw TemplateError(kind: .renderFailed, message: "cmark-gfm returned no document (out of memory) — free some memory and build again")
        }
        defer { cmark_node_free(document) }

        // The extension list is owned by the parser (freed with it); passing it lets the table,
        // strikethrough and tagfilter extensions render their own nodes.
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            throw TemplateError(kind: .renderFailed, message: "cmark-gfm returned no HTML (out of memory) — free some memory and build again")
        }
        // cmark allocates the result with its default allocator, i.e. malloc.
        defer { free(html) }
        return String(cString: html)
    }
}
