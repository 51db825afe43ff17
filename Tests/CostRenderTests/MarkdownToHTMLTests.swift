import Foundation
import Testing
@testable import CostRender

@Suite("MarkdownHTML (cmark-gfm)")
struct MarkdownToHTMLTests {
    /// Occurrences of the tag `name` (`<th>` or `<th ...>`, not `<thead>`).
    private func count(_ name: String, in html: String) -> Int {
        html.matches(of: try! Regex("<\(name)[ >]")).count
    }

    @Test func pipeTableBecomesHTML5Table() throws {
        let html = try MarkdownHTML.render("""
            | left | centre | right |
            |:-----|:------:|------:|
            | a | b | c |
            | d | e | f |
            """)
        #expect(count("table", in: html) == 1)
        #expect(count("th", in: html) == 3)
        #expect(count("td", in: html) == 6)
        #expect(html.contains(#"style="text-align: left""#))
        #expect(html.contains(#"style="text-align: center""#))
        #expect(html.contains(#"style="text-align: right""#))
        #expect(!html.contains("align=\""))
    }

    @Test func strikethrough() throws {
        #expect(try MarkdownHTML.render("~~x~~").contains("<del>x</del>"))
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        "text <script>alert(1)</script> inline",
        "<SCRIPT SRC=x></SCRIPT>",
        "<div>\n<script>alert(1)</script>\n</div>",
        "<img src=x onerror=alert(1)>",
        "<iframe src=x></iframe>",
    ])
    func rawHTMLIsNeverMarkup(_ markdown: String) throws {
        let html = try MarkdownHTML.render(markdown).lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("onerror"))
    }

    @Test(arguments: [
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "![x](javascript:alert(1))",
        "[x](vbscript:msgbox)",
    ])
    func dangerousLinksHaveNoHref(_ markdown: String) throws {
        let html = try MarkdownHTML.render(markdown).lowercased()
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("src=\"javascript:"))
        #expect(!html.contains("href=\"vbscript:"))
    }

    @Test func ordinaryLinksStay() throws {
        #expect(try MarkdownHTML.render("[docs](https://example.com/a)").contains(#"<a href="https://example.com/a">docs</a>"#))
    }

    @Test func nonASCIITextSurvives() throws {
        let text = "Coût total : 12,50 € — 東京リージョン 🚀 naïve"
        let html = try MarkdownHTML.render(text + "\n\n| région | coût |\n|---|---|\n| 東京 | 5 € |\n")
        #expect(html.contains("<p>\(text)</p>"))
        #expect(html.contains("<td>東京</td>"))
    }

    @Test func footnotes() throws {
        let html = try MarkdownHTML.render("Cost[^1].\n\n[^1]: On-demand price.\n")
        #expect(html.contains("footnote"))
        #expect(html.contains("On-demand price."))
    }

    @Test func emptyInput() throws {
        #expect(try MarkdownHTML.render("") == "")
    }

    /// Extension registration is once-only and the parser per call, so concurrent renders work.
    @Test func concurrentRendering() async throws {
        let expected = try MarkdownHTML.render("| a |\n|---|\n| ~~1~~ |\n")
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<64 {
                group.addTask { (try? MarkdownHTML.render("| a |\n|---|\n| ~~1~~ |\n")) ?? "failed" }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.contains("<td><del>1</del></td>"))
    }
}
