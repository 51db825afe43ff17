import CostTestSupport
import Foundation
import Testing
@testable import CostRender

@Suite("MarkdownEscaping")
struct MarkdownEscapingTests {
    @Test(arguments: ["g5.xlarge", "2026-11-27", "us-west-2", "1.5", "-5", "p4d.24xlarge", "a+b=c", "12.0 %", "x - y"])
    func ordinaryValuesStayReadable(_ value: String) throws {
        #expect(MarkdownEscaping.escape(value) == value)
    }

    @Test(arguments: [
        ("a|b", #"a\|b"#),
        ("a\nb\r\nc\td", "a b c d"),
        ("a \n\n b", "a b"),
        ("  padded  ", "padded"),
        ("# title", ##"\# title"##),
        ("- item", #"\- item"#),
        ("+ item", #"\+ item"#),
        ("-", #"\-"#),
        ("---", #"\---"#),
        ("- - -", #"\- - -"#),
        ("===", #"\==="#),
        (":---:", #"\:---:"#),
        ("-:", #"\-:"#),
        (":-", #"\:-"#),
        (":x:", ":x:"),
        ("1. first", #"1\. first"#),
        ("2026) x", #"2026\) x"#),
        ("1.5 x", "1.5 x"),
        ("*bold* _it_", #"\*bold\* \_it\_"#),
        ("[a](b)", #"\[a\](b)"#),
        ("![i](x)", #"\!\[i\](x)"#),
        ("<script>", #"\<script\>"#),
        ("&lt;", #"\&lt;"#),
        ("a\\b", #"a\\b"#),
        ("`code`", #"\`code\`"#),
        ("~~gone~~", #"\~\~gone\~\~"#),
        ("see https://x.y/z", #"see https\://x.y/z"#),
        ("www.example.com", #"www\.example.com"#),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(MarkdownEscaping.escape(input) == expected)
    }

    @Test func ampersandEntitiesShowLiterally() throws {
        let html = try MarkdownHTML.render(MarkdownEscaping.escape("&lt; &amp; &#65; &copy;"))
        #expect(html == "<p>&amp;lt; &amp;amp; &amp;#65; &amp;copy;</p>\n")
    }

    /// E-mail addresses are linked by cmark-gfm after parsing, so no escape can stop that; the
    /// visible text is still exactly the data, and `mailto:` is harmless.
    @Test func emailAddressKeepsItsText() throws {
        let html = try MarkdownHTML.render(MarkdownEscaping.escape("ops_team@example.com"))
        #expect(Self.normalised(Self.visibleText(html)) == "ops_team@example.com")
        #expect(!html.contains("\\"))
    }

    @Test func registrationIsIdempotentAndThreadSafe() async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<32 { group.addTask { MarkdownTemplates.registerContentType() } }
        }
        MarkdownTemplates.registerContentType()
        #expect(MarkdownContentType().escapeText("a|b") == #"a\|b"#)
    }

    // MARK: - Property test: nasty values in table cells and at line starts

    /// No "@": e-mail autolinks are covered above.
    private static let pieces: [String] = [
        "|", "||", "\\|", "\n", "\r\n", "\r", "\t", "\u{0}", "\u{7}", "\u{2028}", " ", "   ", "    ",
        "<script>alert(1)</script>", "<b>", "</td>", "<!-- x -->", "<http://x.y>", "<a href=x>",
        "`", "```", "``x``", "*", "**", "_", "__init__", "~", "~~", "#", "# ", "## h", "[a](b)",
        "![i](javascript:x)", "[^1]", "[x]: /y", "&amp;", "&lt;", "&#65;", "&copy", "&", "\\", "\\\\",
        "- ", "-", "---", "+ ", "=", "===", "1. ", "1) ", "2026.", ">", "> q", ":---:", "-:", ":--", "!",
        "javascript:alert(1)", "www.example.com", "http://x.y/z_(1)", "HTTPS://A.B", "ftp://f",
        "g5.xlarge", "2026-11-27", "us-west-2", "$1,234.50", "é", "東京", "🚀", "\u{A0}", "x", "word",
    ]

    private static let asciiPunctuation = Array("!\"#$%&'()*+,-./:;<=>?[\\]^_`{|}~").map(String.init)

    private static func nastyStrings(count: Int) -> [String] {
        var rng = SplitMix64(seed: 20_261_127)  // deterministic, so a failure reproduces
        var out: [String] = pieces
        for _ in 0..<count {
            var s = ""
            for _ in 0..<Int.random(in: 1...7, using: &rng) {
                s += Bool.random(using: &rng) ? pieces.randomElement(using: &rng)! : asciiPunctuation.randomElement(using: &rng)!
            }
            out.append(s)
        }
        return out
    }

    /// Tags stripped, entities decoded (one pass, so `&amp;lt;` reads `&lt;`).
    static func visibleText(_ html: String) -> String {
        let stripped = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        var out = ""
        var rest = Substring(stripped)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                out += "&"; rest = rest.dropFirst(); continue
            }
            let entity = rest[rest.index(after: amp)..<semi]
            let decoded: String?
            switch entity {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16) {
                    decoded = Unicode.Scalar(v).map { String(Character($0)) }
                } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()) {
                    decoded = Unicode.Scalar(v).map { String(Character($0)) }
                } else {
                    decoded = nil
                }
            }
            if let decoded {
                out += decoded; rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"; rest = rest.dropFirst()
            }
        }
        return out + rest
    }

    /// Control characters count as whitespace; runs collapse; ends trimmed.
    static func normalised(_ s: String) -> String {
        var out = ""
        var space = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                space = !out.isEmpty
            } else {
                if space { out += " " }
                space = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func nastyValuesStayInsideTheirTableCell() throws {
        for value in Self.nastyStrings(count: 600) {
            let escaped = MarkdownEscaping.escape(value)
            let markdown = "| name | value |\n|---|---:|\n| \(escaped) | after |\n| before | \(escaped) |\n"
            let html = try MarkdownHTML.render(markdown)
            let context = Comment(rawValue: "value: \(value.debugDescription)\nescaped: \(escaped)\nhtml: \(html)")

            #expect(!html.lowercased().contains("<script"), context)
            #expect(!html.contains("<a "), context)
            #expect(html.components(separatedBy: "<table>").count == 2, context)
            let rows = html.components(separatedBy: "<tr>").dropFirst()
            try #require(rows.count == 3, context)
            for row in rows {
                #expect(row.matches(of: /<t[hd][ >]/).count == 2, context)
            }
            let cells = html.matches(of: /<td[^>]*>(.*?)<\/td>/).map { String($0.output.1) }
            try #require(cells.count == 4, context)
            #expect(cells[1] == "after" && cells[2] == "before", context)
            #expect(Self.normalised(Self.visibleText(cells[0])) == Self.normalised(value), context)
            #expect(Self.normalised(Self.visibleText(cells[3])) == Self.normalised(value), context)
        }
    }

    /// At the start of a line (and right under a paragraph line, where `---` or `===` would make
    /// a setext heading) a value stays one paragraph of plain text.
    @Test func nastyValuesStayPlainParagraphText() throws {
        for value in Self.nastyStrings(count: 600) {
            let escaped = MarkdownEscaping.escape(value)
            for markdown in ["\(escaped)\n", "Intro\n\(escaped)\n", "- item \(escaped)\n"] {
                let html = try MarkdownHTML.render(markdown)
                let context = Comment(rawValue: "value: \(value.debugDescription)\nmarkdown: \(markdown)\nhtml: \(html)")
                for tag in ["<h", "<pre", "<code", "<blockquote", "<ol", "<hr", "<table", "<a ", "<em", "<strong", "<del", "<script", "<img", "<!--"] {
                    #expect(!html.contains(tag), context)
                }
                let expectedText = markdown.hasPrefix("Intro") ? "Intro " + Self.normalised(value)
                    : markdown.hasPrefix("- item") ? "item " + Self.normalised(value) : Self.normalised(value)
                #expect(Self.normalised(Self.visibleText(html)) == Self.normalised(expectedText), context)
            }
        }
    }
}

/// Escaping is linear (issue 11): a megabyte name, with every kind of character the escaper
/// treats specially, takes well under a second, not minutes.
@Suite struct MarkdownEscapingScaleTests {
    @Test func aMegabyteNameIsEscapedQuickly() throws {
        let unit = "a|b *c* \n\t  www.x http://y 1. - # ünï "
        let name = String(repeating: unit, count: 1_048_576 / unit.utf8.count)
        let clock = ContinuousClock()
        let start = clock.now
        let escaped = MarkdownEscaping.escape(name)
        let elapsed = clock.now - start
        #expect(escaped.contains("a\\|b \\*c\\*"))
        #expect(!escaped.contains("\n") && !escaped.contains("\t"))
        // Generous for a slow CI machine; the quadratic version took minutes here.
        #expect(elapsed < .seconds(3), "\(elapsed)")
    }
}

/// `escape`'s fast path (`needsNoEscaping`) only ever says "unchanged" when the full rules agree.
@Suite("MarkdownEscaping's fast path agrees with the full rules")
struct MarkdownEscapingFastPathTests {
    @Test("listed values: figures, names and every block or autolink start")
    func listed() {
        let values = ["$1,234.56", "12.5%", "g5.xlarge", "us-west-2", "2026-11-27", "1,234", "2026", "1.", "1.5",
                      "12)", "12) x", "1. x", "- x", "-", "+ x", "+1", "=", "a = b", "www.example.com", "WwW.x",
                      "aww.x", "http://x", "a b", " a", "a ", "a  b", "(none)", "a/b", "$0.00", "-$5.00", "x_y",
                      "1234567890. x", "123456789. x", "9) ", "v6e-1", "TPU v6e", "a|b", "café", ""]
        for v in values {
            #expect(MarkdownEscaping.escape(v) == MarkdownEscaping.escapeScalars(v), "\(v)")
        }
        #expect(MarkdownEscaping.needsNoEscaping("$1,234.56"))
        #expect(MarkdownEscaping.needsNoEscaping("g5.xlarge"))
        #expect(!MarkdownEscaping.needsNoEscaping("1. x"))
        #expect(!MarkdownEscaping.needsNoEscaping("www.example.com"))
    }

    @Test("20,000 generated strings over the characters that matter")
    func generated() {
        let alphabet = Array("aw W1.)-+=:/ $%,(9#|_\t")
        var rng = SplitMix64(seed: 13)
        for _ in 0..<20_000 {
            let length = Int(rng.next() % 9)
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            #expect(MarkdownEscaping.escape(text) == MarkdownEscaping.escapeScalars(text), "\(text.debugDescription)")
        }
    }
}
