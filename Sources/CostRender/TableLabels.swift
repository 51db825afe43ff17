/// Gives every body cell of every table a `data-label` with its column's header text (issue 13
/// part 4), so on a phone the stylesheet can stack a row into "label: value" lines and no column,
/// least of all Spend, lies off screen. The labels are the headers' own text, already escaped.
///
/// One pass over the UTF-8 bytes: a page of the million-record site holds tables of thousands of
/// rows, and searching the rest of the page for each tag (as `String.range(of:)` would) made this
/// post-pass quadratic, 60 % of a full build (issue 15's profile).
enum TableLabels {
    static func add(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        var i = 0
        while let open = ByteSearch.find("<table>", in: bytes, from: i) {
            guard let close = ByteSearch.find("</table>", in: bytes, from: open) else { break }
            let end = close + "</table>".utf8.count
            out += bytes[i..<open]
            label(bytes, open..<end, into: &out)
            i = end
        }
        out += bytes[i...]
        return String(decoding: out, as: UTF8.self)
    }

    /// One `<table>…</table>`: the header texts from its `<thead>`, then each body row's cells in turn.
    private static func label(_ bytes: [UInt8], _ table: Range<Int>, into out: inout [UInt8]) {
        guard let headEnd = ByteSearch.find("</thead>", in: bytes, from: table.lowerBound, before: table.upperBound) else {
            out += bytes[table]
            return
        }
        let headers = headerTexts(bytes, table.lowerBound..<headEnd)
        let bodyStart = headEnd + "</thead>".utf8.count
        out += bytes[table.lowerBound..<bodyStart]
        guard !headers.isEmpty else {
            out += bytes[bodyStart..<table.upperBound]
            return
        }
        var column = 0
        var i = bodyStart
        while i < table.upperBound {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "<") else { out.append(byte); i += 1; continue }
            if ByteSearch.matches("<tr>", in: bytes, at: i) {
                column = 0
                out += "<tr>".utf8
                i += 4
            } else if let tagEnd = cellTagEnd(bytes, at: i, before: table.upperBound) {
                // The opening tag without its `>`, the label, then the `>`.
                out += bytes[i..<tagEnd]
                out += " data-label=\"".utf8
                if column < headers.count { out += headers[column] }
                out += "\">".utf8
                column += 1
                i = tagEnd + 1
            } else {
                out.append(byte)
                i += 1
            }
        }
    }

    /// Where the `>` of a `<td …>` or `<th …>` opening tag at `i` is; nil for any other tag
    /// (`<thead>` also starts with `<th`: only the tag name followed by `>` or a space counts).
    private static func cellTagEnd(_ bytes: [UInt8], at i: Int, before end: Int) -> Int? {
        guard ByteSearch.matches("<td", in: bytes, at: i) || ByteSearch.matches("<th", in: bytes, at: i),
              i + 3 < end, bytes[i + 3] == UInt8(ascii: ">") || bytes[i + 3] == UInt8(ascii: " ") else { return nil }
        return bytes[(i + 3)..<end].firstIndex(of: UInt8(ascii: ">"))
    }

    /// The text of each `<th …>…</th>` in the head: inner HTML without its tags
    /// (`<a href="…">Spend</a>` → `Spend`). Entities stay escaped, and a quote becomes `'` (one
    /// cannot occur unescaped in cmark's or the templates' text, but an attribute must not end early).
    private static func headerTexts(_ bytes: [UInt8], _ head: Range<Int>) -> [[UInt8]] {
        var found: [[UInt8]] = []
        var i = head.lowerBound
        while let open = ByteSearch.find("<th", in: bytes, from: i, before: head.upperBound) {
            guard let gt = cellTagEnd(bytes, at: open, before: head.upperBound) else { i = open + 3; continue }
            guard let close = ByteSearch.find("</th>", in: bytes, from: gt, before: head.upperBound) else { break }
            var text: [UInt8] = []
            var inTag = false
            for byte in bytes[(gt + 1)..<close] {
                switch byte {
                case UInt8(ascii: "<"): inTag = true
                case UInt8(ascii: ">"): inTag = false
                default: if !inTag { text.append(byte == UInt8(ascii: "\"") ? UInt8(ascii: "'") : byte) }
                }
            }
            found.append(text)
            i = close + "</th>".utf8.count
        }
        return found
    }
}

/// Finding ASCII markers in UTF-8 bytes, for the HTML post-passes: linear, and no Foundation
/// string search (which converts to UTF-16 as it goes).
enum ByteSearch {
    /// The first index at or after `start` (and before `end`, if given) where `needle` begins.
    static func find(_ needle: StaticString, in bytes: [UInt8], from start: Int, before end: Int? = nil) -> Int? {
        let limit = end ?? bytes.count
        let count = needle.utf8CodeUnitCount
        guard count > 0, limit - start >= count else { return nil }
        return needle.withUTF8Buffer { n -> Int? in
            let first = n[0]
            var i = start
            while i <= limit - count {
                if bytes[i] == first {
                    var k = 1
                    while k < count && bytes[i + k] == n[k] { k += 1 }
                    if k == count { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// Whether `needle` occurs at `i`.
    static func matches(_ needle: StaticString, in bytes: [UInt8], at i: Int) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard i >= 0, i + count <= bytes.count else { return false }
        return needle.withUTF8Buffer { n in
            for k in 0..<count where bytes[i + k] != n[k] { return false }
            return true
        }
    }
}
