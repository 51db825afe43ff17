/// Long tables fold into `<details>` on the site as they do on GitHub (issue 13 part 2).
///
/// The Markdown wraps a table's further rows in `<details>` … `</details>` lines, which GitHub
/// renders in a PR or wiki. cmark-gfm never passes raw HTML (the data must not become markup), so
/// each of those lines comes out as `<!-- raw HTML omitted -->`. This puts exactly that shape back:
/// an omitted block, one paragraph (the summary), one table, an omitted block. Data cannot make
/// an omitted block (every value is escaped), so only a template's own lines are folded.
enum FoldedTables {
    static let omitted = "<!-- raw HTML omitted -->\n"

    static func restore(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        while let open = rest.range(of: omitted) {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard after.hasPrefix("<p>"), let pEnd = after.range(of: "</p>\n"),
                  after[pEnd.upperBound...].hasPrefix("<table>"),
                  let tEnd = after.range(of: "</table>\n", range: pEnd.upperBound..<after.endIndex),
                  after[tEnd.upperBound...].hasPrefix(omitted) else {
                out += omitted
                rest = after
                continue
            }
            let summary = after[after.index(after.startIndex, offsetBy: 3)..<pEnd.lowerBound]
            out += "<details>\n<summary>" + summary + "</summary>\n" + after[pEnd.upperBound..<tEnd.upperBound] + "</details>\n"
            rest = after[after.index(tEnd.upperBound, offsetBy: omitted.count)...]
        }
        return out + rest
    }
}
