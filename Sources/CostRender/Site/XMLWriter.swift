/// Writes well-formed XML: every text and attribute value goes through `escape`, elements close
/// in order, and each element at depth d is indented by 2d spaces on its own line. The feed is
/// built with it, never by concatenating strings, so no value can break the markup.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    private var open: [String] = []

    /// `<name a="1">` on its own line; children follow until `end()`.
    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(Self.attributes(attributes))>")
        open.append(name)
    }

    /// Closes the innermost open element.
    mutating func end() {
        guard let name = open.popLast() else { return }
        line("</\(name)>")
    }

    /// `<name a="1">text</name>`, or `<name a="1"/>` without text.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text value: String? = nil) {
        line(Self.inline(name, attributes, text: value))
    }

    /// `<outer><inner>text</inner></outer>` on one line (Atom's `<author><name>…</name></author>`).
    mutating func element(_ outer: String, containing inner: String, text value: String) {
        line("<\(outer)>\(Self.inline(inner, [], text: value))</\(outer)>")
    }

    private mutating func line(_ markup: String) {
        text += String(repeating: "  ", count: open.count) + markup + "\n"
    }

    private static func inline(_ name: String, _ attributes: [(String, String)], text value: String?) -> String {
        guard let value else { return "<\(name)\(Self.attributes(attributes))/>" }
        return "<\(name)\(Self.attributes(attributes))>\(escape(value))</\(name)>"
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// XML text or attribute value: `& < > " '` as entities; characters XML 1.0 does not allow
    /// (control characters other than tab, LF and CR; U+FFFE, U+FFFF) are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
