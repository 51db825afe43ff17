/// Gives every body cell of every table a `data-label` with its column's header text (issue 13
/// part 4), so on a phone the stylesheet can stack a row into "label: value" lines and no column,
/// least of all Spend, lies off screen. The labels are the headers' own text, already escaped.
enum TableLabels {
    static func add(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        while let open = rest.range(of: "<table>") {
            guard let close = rest.range(of: "</table>", range: open.upperBound..<rest.endIndex) else { break }
            out += rest[..<open.lowerBound]
            out += label(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// One `<table>…</table>`: the header texts from its `<thead>`, then each body row's cells in turn.
    private static func label(_ table: Substring) -> String {
        guard let headEnd = table.range(of: "</thead>") else { return String(table) }
        let headers = cells(in: table[..<headEnd.lowerBound], tag: "th").map(text)
        guard !headers.isEmpty else { return String(table) }
        var out = String(table[..<headEnd.upperBound])
        var rest = table[headEnd.upperBound...]
        var column = 0
        while let next = nextCell(in: rest) {
            out += rest[..<next.range.lowerBound]
            if next.isRowStart {
                column = 0
                out += rest[next.range]
            } else {
                let label = column < headers.count ? headers[column] : ""
                out += rest[next.range].dropLast() + " data-label=\"" + label + "\">"
                column += 1
            }
            rest = rest[next.range.upperBound...]
        }
        return out + rest
    }

    /// The next `<tr>` or the opening tag of the next `<td …>` / `<th …>`.
    private static func nextCell(in text: Substring) -> (range: Range<Substring.Index>, isRowStart: Bool)? {
        var best: (range: Range<Substring.Index>, isRowStart: Bool)?
        for (marker, isRow) in [("<tr>", true), ("<td", false), ("<th", false)] {
            guard let r = text.range(of: marker) else { continue }
            // `<thead>`/`<th>` prefixes: only a tag name followed by `>` or a space counts.
            var end = r.upperBound
            if !isRow {
                guard end < text.endIndex, text[end] == ">" || text[end] == " " else { continue }
                guard let close = text[end...].firstIndex(of: ">") else { continue }
                end = text.index(after: close)
            }
            if best == nil || r.lowerBound < best!.range.lowerBound { best = (r.lowerBound..<end, isRow) }
        }
        return best
    }

    /// The inner HTML of each `<tag …>…</tag>` in `text`.
    private static func cells(in text: Substring, tag: String) -> [Substring] {
        var found: [Substring] = []
        var rest = text
        while let open = rest.range(of: "<" + tag) {
            // `<thead>` starts with `<th`: only the tag name followed by `>` or a space counts.
            guard open.upperBound < rest.endIndex, rest[open.upperBound] == ">" || rest[open.upperBound] == " " else {
                rest = rest[open.upperBound...]
                continue
            }
            guard let gt = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest.range(of: "</" + tag + ">", range: gt..<rest.endIndex) else { break }
            found.append(rest[rest.index(after: gt)..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// Inner HTML without its tags (`<a href="…">Spend</a>` → `Spend`); entities stay escaped,
    /// and a quote cannot occur unescaped in cmark's or the templates' text.
    private static func text(_ html: Substring) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch == "\"" ? "'" : ch) }
        }
        return out
    }
}
