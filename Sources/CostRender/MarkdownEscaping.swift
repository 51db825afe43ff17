// Escaping data values for Markdown, and the Mustache content type that applies it.
//
// Report values (instance names, regions, benchmark labels) come from benchmark records, so a
// value must read as literal text wherever a template puts it: in a paragraph, a list item or a
// GFM table cell. It must never add a table column, a heading, a link, raw HTML or an entity.
// The escaped Markdown stays readable in a PR comment: `g5.xlarge`, `2026-11-27` and `us-west-2`
// come out unchanged; only characters that could mean something are backslash-escaped.
import Mustache

public enum MarkdownEscaping {
    /// ASCII punctuation escaped wherever it appears: `|` (table cells), `\` (escapes and hard
    /// breaks), `` ` `` (code spans and fences), `*` `_` `~` (emphasis, strikethrough, rules),
    /// `[` `]` `!` (links, images, footnotes), `<` `>` (raw HTML, autolinks, block quotes),
    /// `#` (headings), `&` (entities: data `&lt;` must show as the five characters `&lt;`).
    private static let alwaysEscaped: Set<Unicode.Scalar> = [
        "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "!",
    ]

    /// Escapes `text` for use as inline Markdown text (paragraph, list item or table cell).
    /// Linear in the text's length: a 1 MB benchmark name costs milliseconds (issue 11).
    public static func escape(_ text: String) -> String {
        // Most values (`$1,234.56`, `g5.xlarge`, `us-west-2`, `12.5%`) need nothing: say so
        // from the bytes, without the scalar walk below (it was 4 % of a large site build).
        if needsNoEscaping(text) { return text }
        return escapeScalars(text)
    }

    /// The general rules, scalar by scalar (`escape` without its fast path; tests compare them).
    static func escapeScalars(_ text: String) -> String {
        let scalars = flattenedWhitespace(text)
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let blockMarker = blockMarkerIndex(scalars)
        for (i, scalar) in scalars.enumerated() {
            if alwaysEscaped.contains(scalar) || i == blockMarker || startsAutolink(scalars, at: i) {
                out.unicodeScalars.append("\\")
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// True when `escapeScalars` would return `text` unchanged, judged conservatively: only
    /// ASCII letters, digits, inner spaces and `. , - / $ % + ( ) =`; no `www.` (an autolink), no
    /// space at either end, and no start that could open a block (`-`, `+`, `=`, or `1.` / `1)`
    /// followed by a space or the end).
    static func needsNoEscaping(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20,
              first != UInt8(ascii: "-"), first != UInt8(ascii: "+"), first != UInt8(ascii: "=") else { return false }
        var digits = 0, leading = true, ws = 0
        for (i, b) in bytes.enumerated() {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                ws = (b == UInt8(ascii: "w") || b == UInt8(ascii: "W")) ? ws + 1 : 0
                leading = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if leading { digits += 1 }
                ws = 0
            case UInt8(ascii: "."), UInt8(ascii: ")"):
                if b == UInt8(ascii: ".") && ws >= 3 { return false }   // `www.`
                // `1.` or `2026)` then a space or the end: an ordered list item.
                if leading && digits >= 1 && digits <= 9 && i == digits {
                    let next = i + 1 < bytes.count ? bytes[bytes.index(bytes.startIndex, offsetBy: i + 1)] : 0x20
                    if next == 0x20 { return false }
                }
                leading = false; ws = 0
            case 0x20, UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "$"),
                 UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: "="):
                leading = false; ws = 0
            default:
                return false
            }
        }
        return true
    }

    /// Control characters (newline, CR, tab, NUL, ...) and line/paragraph separators become one
    /// space per run: a newline would end a table row or start a new block. Leading and trailing
    /// spaces are dropped: four leading spaces at a line start make a code block, two trailing
    /// spaces before a newline make a hard break, and HTML shows neither anyway.
    private static func flattenedWhitespace(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        var run: [Unicode.Scalar] = []  // pending spaces and control characters
        var runHasControl = false
        for scalar in text.unicodeScalars {
            let isControl = scalar.properties.generalCategory == .control
                || scalar.value == 0x2028 || scalar.value == 0x2029
            if isControl || scalar == " " {
                run.append(scalar)
                runHasControl = runHasControl || isControl
                continue
            }
            // Flush the run before the next visible character; a run at the start is dropped.
            if !out.isEmpty {
                if runHasControl { out.append(" ") } else { out.append(contentsOf: run) }
            }
            run.removeAll(keepingCapacity: true)
            runHasControl = false
            out.append(scalar)
        }
        // A run at the end is dropped too.
        return out
    }

    /// Index of the one character that would make the value start a block if it began a line,
    /// or nil. Only at the start: mid-text `-`, `.`, `+`, `=` are harmless and stay readable.
    /// (`*`, `_`, `#`, `>`, `` ` ``, `~`, `<`, `|` are escaped everywhere already.)
    private static func blockMarkerIndex(_ s: [Unicode.Scalar]) -> Int? {
        guard let first = s.first else { return nil }
        let followedByBlank = s.count == 1 || s[1] == " "
        // `- x`, `+ x`: bullet list items.
        if (first == "-" || first == "+") && followedByBlank { return 0 }
        // `=`, `===`: setext underline (turns the line above into a heading).
        if first == "=" && s.allSatisfy({ $0 == "=" || $0 == " " }) { return 0 }
        // `-`, `---`, `- -`: setext underline or thematic break; `:---:`, `-:`: a table delimiter
        // row (turns the line above into a one-column table header).
        if (first == "-" || first == ":") && s.contains("-") && s.allSatisfy({ $0 == "-" || $0 == ":" || $0 == " " }) {
            return 0
        }
        // `1. x`, `2026) x`: ordered list items (1 to 9 digits, then `.` or `)`).
        var digits = 0
        while digits < s.count, digits < 10, ("0"..."9").contains(s[digits]) { digits += 1 }
        if (1...9).contains(digits), digits < s.count, s[digits] == "." || s[digits] == ")",
           digits + 1 == s.count || s[digits + 1] == " " {
            return digits
        }
        return nil
    }

    /// The GFM autolink extension links `www.x` and `http(s)://x` / `ftp://x` by matching the raw
    /// source, so a backslash escape later in the same URL would show up as a visible `\`.
    /// Escaping the `.` of `www.` or the `:` of `://` stops the link from forming at all.
    /// (E-mail addresses are linked after parsing and cannot be stopped by escapes; their
    /// visible text stays correct and `mailto:` is a harmless scheme.)
    private static func startsAutolink(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        switch s[i] {
        case ":":
            return i + 2 < s.count && s[i + 1] == "/" && s[i + 2] == "/"
        case ".":
            guard i >= 3 else { return false }
            return s[(i - 3)..<i].allSatisfy { $0 == "w" || $0 == "W" }
        default:
            return false
        }
    }
}

/// Mustache content type for Markdown templates: `{{value}}` goes through
/// `MarkdownEscaping.escape`, `{{{value}}}` / `{{& value}}` insert pre-rendered Markdown as is.
public struct MarkdownContentType: MustacheContentType {
    public init() {}
    public func escapeText(_ text: String) -> String {
        MarkdownEscaping.escape(text)
    }
}

public enum MarkdownTemplates {
    /// The pragma name: templates start with `{{% CONTENT_TYPE: MARKDOWN}}`.
    public static let contentTypeName = "MARKDOWN"

    /// A Swift `static let` initialiser runs exactly once, thread-safely, so registration is
    /// idempotent no matter how many loaders call `registerContentType()` concurrently.
    private static let registration: Void = MustacheContentTypes.register(
        MarkdownContentType(), named: contentTypeName
    )

    /// Registers the MARKDOWN content type with Mustache. Must run before templates are parsed:
    /// the parser rejects an unknown content type in a pragma.
    public static func registerContentType() {
        _ = registration
    }
}
