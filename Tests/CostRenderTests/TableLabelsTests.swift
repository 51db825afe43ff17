import Foundation
@testable import CostRender
import Testing

@Suite("TableLabels: every body cell carries its column's header")
struct TableLabelsTests {
    @Test("cells get the header text, without its markup; <thead> is no header cell")
    func labelsFromHeaders() {
        let html = """
        <p>before</p>
        <table>
        <thead>
        <tr>
        <th><a href="x.html">Instance</a></th>
        <th style="text-align: right">Spend &amp; &quot;share&quot;</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td>a1 <code>&lt;td&gt;</code></td>
        <td style="text-align: right">$1.00</td>
        </tr>
        </tbody>
        </table>
        <p>after <thead></p>
        """
        let labelled = TableLabels.add(html)
        #expect(labelled.contains(#"<td data-label="Instance">a1 <code>&lt;td&gt;</code></td>"#))
        #expect(labelled.contains(#"<td style="text-align: right" data-label="Spend &amp; &quot;share&quot;">$1.00</td>"#))
        // The header row and everything outside the table are as they were.
        #expect(labelled.contains(#"<th><a href="x.html">Instance</a></th>"#))
        #expect(labelled.hasPrefix("<p>before</p>\n<table>\n<thead>"))
        #expect(labelled.hasSuffix("</table>\n<p>after <thead></p>"))
    }

    @Test("a long table: every row restarts the columns, extra cells get an empty label")
    func longTable() {
        var html = "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n<tbody>\n"
        for i in 0..<5_000 { html += "<tr>\n<td>\(i)</td>\n<td>é\(i)</td>\n</tr>\n" }
        html += "<tr>\n<td>x</td>\n<td>y</td>\n<td>z</td>\n</tr>\n</tbody>\n</table>\n"
        let labelled = TableLabels.add(html)
        #expect(labelled.components(separatedBy: #"<td data-label="A">"#).count - 1 == 5_001)
        #expect(labelled.components(separatedBy: #"<td data-label="B">"#).count - 1 == 5_001)
        #expect(labelled.contains(#"<td data-label="B">é4999</td>"#))
        #expect(labelled.contains(#"<td data-label="">z</td>"#))
    }

    @Test("a cell whose text starts with a combining mark is labelled like any other")
    func combiningMark() {
        let html = "<table>\n<thead>\n<tr>\n<th>Run</th>\n<th>Spend</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>\u{301}x</td>\n<td>$1.00</td>\n</tr>\n</tbody>\n</table>\n"
        let labelled = TableLabels.add(html)
        #expect(labelled.contains("<td data-label=\"Run\">\u{301}x</td>"))
        #expect(labelled.contains("<td data-label=\"Spend\">$1.00</td>"))
    }

    @Test("a table without a head, or text without tables, is left alone")
    func unchanged() {
        let noHead = "<table>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n"
        #expect(TableLabels.add(noHead) == noHead)
        #expect(TableLabels.add("<p>no table, <td> in text</p>") == "<p>no table, <td> in text</p>")
        #expect(TableLabels.add("") == "")
    }
}
