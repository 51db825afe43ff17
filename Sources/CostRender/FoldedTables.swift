/// Long tables fold into `<details>` on the site as they do on GitHub (issue 13 part 2).
///
/// The Markdown wraps a table's further rows in `<details>` … `</details>` lines, which GitHub
/// renders in a PR or wiki. cmark-gfm never passes raw HTML (the data must not become markup), so
/// each of those lines comes out as `<!-- raw HTML omitted -->`. This puts exactly that shape back:
/// an omitted block, one paragraph (the summary), one table, an omitted block. Data cannot make
/// an omitted block (every value is escaped), so only a template's own lines are folded.
enum FoldedTables {
    static let omitted: StaticString = "<!-- raw HTML omitted -->\n"

    /// Over UTF-8 bytes, like `TableLabels`: Foundation's string search was 8 % of a large build.
    static func restore(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let omittedCount = omitted.utf8CodeUnitCount
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while let open = ByteSearch.find(omitted, in: bytes, from: i) {
            out += bytes[i..<open]
            let after = open + omittedCount
            guard ByteSearch.matches("<p>", in: bytes, at: after),
                  let pEnd = ByteSearch.find("</p>\n", in: bytes, from: after),
                  ByteSearch.matches("<table>", in: bytes, at: pEnd + 5),
                  let tEnd = ByteSearch.find("</table>\n", in: bytes, from: pEnd + 5),
                  ByteSearch.matches(omitted, in: bytes, at: tEnd + 9) else {
                out += bytes[open..<after]
                i = after
                continue
            }
            out += "<details>\n<summary>".utf8
            out += bytes[(after + 3)..<pEnd]
            out += "</summary>\n".utf8
            out += bytes[(pEnd + 5)..<(tEnd + 9)]
            out += "</details>\n".utf8
            i = tEnd + 9 + omittedCount
        }
        out += bytes[i...]
        return String(decoding: out, as: UTF8.self)
    }
}
