import CostModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CostRender

@Suite struct ChartsTests {
    func row(_ key: String, _ spend: Double, share: Double) -> BreakdownRow {
        BreakdownRow(key: key, runs: 1, records: 1, hours: 1, spend: spend, share: share, onDemandEquivalent: 0,
                     realizedSavings: 0, savingsRate: nil, testsPassed: 0, testsFailed: 0, failedRunSpend: 0)
    }

    /// Parses as XML: hostile labels cannot break the document.
    func wellFormed(_ svg: String) -> Bool {
        let parser = XMLParser(data: Data(svg.utf8))
        return parser.parse()
    }

    @Test func trendBarsScaleToTheLargestWeekAndDescribeEveryFigure() {
        let points = [TrendPoint(week: "2026-W46", start: "2026-11-09", spend: 100),
                      TrendPoint(week: "2026-W47", start: "2026-11-16", spend: 200),
                      TrendPoint(week: "2026-W48", start: "2026-11-23", spend: 0)]
        let svg = Charts.trend(points)
        #expect(wellFormed(svg))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=\"trend-title\">Spend per week, 2026-W46 to 2026-W48</title>"))
        #expect(svg.contains("2026-W47 $200.00"))
        // Axis maximum 200 (already nice): the 200 bar is the full plot height (180), the 100 bar half.
        #expect(svg.contains("height=\"180\"><title>2026-W47: $200.00</title>"))
        #expect(svg.contains("height=\"90\"><title>2026-W46: $100.00</title>"))
        #expect(svg.contains("height=\"0\"><title>2026-W48: $0.00</title>"))
        #expect(Charts.trend(points) == svg, "same numbers, same bytes")
    }

    @Test func hostileLabelsAreEscaped() {
        let svg = Charts.bars([row("<script>alert(1)</script>", 10, share: 0.5), row("a&b\"c'", 10, share: 0.5)],
                              title: "By <suite>", id: "bars")
        #expect(wellFormed(svg))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(svg.contains("By &lt;suite&gt;"))
    }

    @Test func burnDownShowsBudgetSpendAndProjection() {
        let days = (1...10).map { (day: "2026-11-\($0)", spend: 50.0) }
        let svg = Charts.burnDown(days: days, budget: 2000, daysInMonth: 30, projected: 1500)
        #expect(wellFormed(svg))
        #expect(svg.contains("class=\"budget\""))
        #expect(svg.contains("class=\"projection\""))
        #expect(svg.contains("Month-to-date spend $500.00 after 10 of 30 days, against a budget of $2,000.00; projected $1,500.00"))
    }

    @Test func axesUseRoundSteps() {
        // Steps of 1, 2 or 5 × 10^k, at most 5 intervals, the top the first multiple at or above.
        #expect(SVG.axisScale(0) == (1, 0.25))
        #expect(SVG.axisScale(87) == (100, 20))
        #expect(SVG.axisScale(120) == (150, 50))
        #expect(SVG.axisScale(2189) == (2500, 500))
        #expect(SVG.axisScale(2000) == (2000, 500))
        #expect(SVG.axisScale(4100) == (5000, 1000))
        #expect(SVG.axisScale(9) == (10, 2))
        // The burn-down's labels: $0, $500, $1k, $1.5k, $2k, $2.5k.
        let svg = Charts.burnDown(days: [("2026-11-01", 1500)], budget: 2000, daysInMonth: 30, projected: 2295)
        for label in [">$0<", ">$500<", ">$1k<", ">$1.5k<", ">$2k<", ">$2.5k<"] { #expect(svg.contains(label), "\(label)") }
        #expect(!svg.contains(">$625<"))
        // Extreme but accepted costs give a plain axis, never a step of 0 or a top of infinity (a trap).
        #expect(SVG.axisScale(5e-324) == (1, 0.25) && SVG.axisScale(1.7e308) == (1, 0.25))
        for spend in [5e-324, 1.7e308] {
            #expect(Charts.trend([TrendPoint(week: "2026-W48", start: "2026-11-23", spend: spend)]).contains("<svg"))
        }
        #expect(SVG.n(1.25) == "1.3" && SVG.n(-0.04) == "0" && SVG.n(3) == "3")
    }
}

/// The feed's writer escapes every value and closes what it opens, indented by depth.
@Suite struct XMLWriterTests {
    @Test func nestsEscapesAndIndents() {
        var x = XMLWriter()
        x.start("feed", [("xmlns", "urn:x")])
        x.element("title", text: "a & <b> \"c\" 'd'\u{1}")
        x.element("link", [("href", "?a=1&b=<2>")])
        x.element("author", containing: "name", text: "<me>")
        x.start("entry")
        x.element("id", text: "1")
        x.end()
        x.end()
        x.end() // nothing left open: ignored
        #expect(x.text == """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="urn:x">
              <title>a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;</title>
              <link href="?a=1&amp;b=&lt;2&gt;"/>
              <author><name>&lt;me&gt;</name></author>
              <entry>
                <id>1</id>
              </entry>
            </feed>

            """)
    }
}
