import CostModel
import CostTestSupport
import Foundation
import Testing
@testable import CostRender

/// The index dashboard and the report-page charts: the six cards the browser tests rely on,
/// accessible SVG charts, figures from the overview, and no data reaching the HTML as markup.
@Suite struct DashboardRenderTests {
    static let templates = ReportRendererTests.templates
    static let hostileProvider = "aws<script>alert(1)</script>"
    static let hostileInstance = "<img src=x onerror=alert(1)>&\"'"

    func renderer() async throws -> ReportRenderer {
        try await ReportRenderer(templatesDirectory: Self.templates)
    }

    static func row(_ key: String, _ spend: Double, share: Double) -> BreakdownRow {
        BreakdownRow(key: key, runs: 1, records: 1, hours: 1, spend: spend, share: share, onDemandEquivalent: 0,
                     realizedSavings: 0, savingsRate: nil, testsPassed: 0, testsFailed: 0, failedRunSpend: 0)
    }

    /// The hand-made week and month, with days (out of calendar order, as the model sorts them),
    /// providers and instance types carrying hostile names, a trend, and one data-quality warning.
    static func overview() -> SiteOverview {
        var week = HandMade.report()
        week.trend = [TrendPoint(week: "2026-W47", start: "2026-11-16", spend: 900),
                      TrendPoint(week: "2026-W48", start: "2026-11-23", spend: 2025.25)]
        week.change = Change(spend: 125.25, percent: 0.0659)
        week.dataQuality.warnings = ["3 records were rejected <b>bad</b>."]
        var month = HandMade.report(period: "2026-11")
        month.breakdowns.day = [row("2026-11-02", 600, share: 0.4), row("2026-11-01", 500, share: 0.33),
                                row("2026-11-03", 400, share: 0.27)]
        month.breakdowns.provider = [row(hostileProvider, 1000, share: 0.66), row("gcp", 500, share: 0.34)]
        month.breakdowns.instanceType = [row(hostileInstance, 900, share: 0.6), row("g5.xlarge", 600, share: 0.4)]
        week.breakdowns.provider = month.breakdowns.provider
        return HandMade.overview(week, month: month)
    }

    static let sectionIDs = ["budget", "trend", "opportunities", "checklist", "breakdown", "quality"]

    @Test func indexHasTheSixCardsAboveTheReportLists() async throws {
        let r = try await renderer()
        let o = Self.overview()
        let html = try r.indexPage(o, shell: PageShell(title: "Cloud test spend", root: "", asOf: o.asOf, isIndex: true))
        var last = html.startIndex
        for id in Self.sectionIDs {
            let range = try #require(html.range(of: "<section id=\"\(id)\""), "missing section \(id)")
            #expect(range.lowerBound > last, "\(id) out of order")
            last = range.lowerBound
        }
        // Every report stays a click away, below the dashboard.
        let reports = try #require(html.range(of: "<h2 id=\"reports\">Reports</h2>"))
        #expect(reports.lowerBound > last)
        #expect(html.contains("href=\"weeks/2026-W48.html\""))
        #expect(html.contains("href=\"months/2026-11.html\""))
        #expect(html.contains("href=\"checklist.html\""))
        #expect(html.contains("href=\"methodology.html\""))
        // The quality card links a section that exists on the page.
        #expect(html.contains("<a href=\"#data-quality\">"))
        #expect(html.contains("<h2 id=\"data-quality\">Data quality</h2>"))
        #expect(html.contains("<strong>1 warning</strong>"))
    }

    @Test func budgetCardShowsTheStatusWordAndFiguresFromTheOverview() async throws {
        let o = Self.overview()
        let html = try await renderer().dashboardHTML(o)
        let b = o.currentMonth.budget
        let budget = try section("budget", in: html)
        #expect(budget.contains(">\(b.status.rawValue)</span>"))
        #expect(budget.contains("<strong>\(Format.usd(b.monthToDate))</strong> of \(Format.usd(b.monthly)) (<strong>\(Format.percent(b.share))</strong>)"))
        #expect(budget.contains("Projected <strong>\(Format.usd(b.projected))</strong>"))
        #expect(budget.contains("0 days above the daily alert of $100.00"))
        // The burn-down, accessible, with the month's days in calendar order: 500, then 1,100, then 1,500.
        #expect(budget.contains("<svg class=\"chart\""))
        #expect(budget.contains("role=\"img\""))
        #expect(budget.contains("<title id=\"chart-burn-title\">Budget burn-down</title>"))
        #expect(budget.contains("Month-to-date spend $1,500.00 after 3 of 30 days"))
        let trend = try section("trend", in: html)
        #expect(trend.contains("<title id=\"chart-trend-title\">Spend per week, 2026-W47 to 2026-W48</title>"))
        #expect(trend.contains("<strong>$2,025.25</strong> · +$125.25 (+6.6%) vs 2026-W47"))
    }

    @Test func opportunitiesCardListsPotentialsAndTopThreeActions() async throws {
        let html = try await renderer().dashboardHTML(Self.overview())
        let card = try section("opportunities", in: html)
        #expect(card.contains("this month (2026-11)"))
        #expect(card.contains("<tr><th scope=\"row\">Spot</th><td>$812.35</td><td>43.2%</td></tr>"))
        #expect(card.contains("<tr><th scope=\"row\">Right-size</th><td>$1,500.25</td>"))
        #expect(card.contains("<tr><th scope=\"row\">Combined</th><td>$1,999.99</td>"))
        #expect(card.components(separatedBy: "<li>").count - 1 == 3)
        #expect(card.contains("instance type p5.48xlarge</span>: move to g5.xlarge <strong>$1,500.25</strong>"))
        // The hostile suite name and action are text, not markup.
        #expect(!card.contains("<script"))
        #expect(!card.contains("<b>now</b>"))
    }

    @Test func noDataReachesTheHTMLUnescaped() async throws {
        let r = try await renderer()
        let o = Self.overview()
        let index = try r.indexPage(o, shell: PageShell(title: "Cloud test spend", root: "", asOf: o.asOf, isIndex: true))
        let week = try r.reportPage(o.currentWeek, markdown: r.markdown(for: o.currentWeek),
                                    shell: PageShell(title: "Week 2026-W48", root: "../", asOf: o.asOf))
        for html in [index, week] {
            #expect(!withoutTableScript(html).contains("<script"))
            #expect(!html.contains("<img"))
            #expect(!html.contains("<b>"))
            #expect(!html.contains("href=\"javascript:"))
        }
        let breakdown = try section("breakdown", in: index)
        #expect(breakdown.contains("aws&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(breakdown.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;"))
        #expect(breakdown.contains("<title id=\"chart-provider-title\">Spend by provider, 2026-11</title>"))
        #expect(breakdown.contains("<title id=\"chart-instance-title\">Spend by instance type, 2026-11</title>"))
        #expect(try section("quality", in: index).contains("<strong>1 warning</strong>"))
    }

    @Test func reportPagesCarryTheTrendAndProviderCharts() async throws {
        let r = try await renderer()
        let week = Self.overview().currentWeek
        let html = try r.reportPage(week, markdown: r.markdown(for: week),
                                    shell: PageShell(title: "Week 2026-W48", root: "../", asOf: week.asOf))
        let charts = try #require(html.range(of: "<section class=\"report-charts\""))
        let firstHeading = try #require(html.range(of: "<h1>"))
        #expect(charts.lowerBound < firstHeading.lowerBound, "the charts come first")
        #expect(html.contains("<title id=\"chart-trend-title\">Spend per week, 2026-W47 to 2026-W48</title>"))
        #expect(html.contains("<title id=\"chart-provider-title\">Spend by provider, 2026-W48</title>"))
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == 2)
        // Plain pages (checklist, methodology) have neither dashboard nor charts.
        let plain = try r.page(markdown: "# x", shell: PageShell(title: "x", root: "", asOf: week.asOf))
        #expect(!plain.contains("<svg"))
        #expect(!plain.contains("class=\"dashboard\""))
    }

    @Test func stylesheetAndLinksAreRelative() async throws {
        let r = try await renderer()
        let o = Self.overview()
        let index = try r.indexPage(o, shell: PageShell(title: "Cloud test spend", root: "", asOf: o.asOf, isIndex: true))
        let week = try r.reportPage(o.currentWeek, markdown: r.markdown(for: o.currentWeek),
                                    shell: PageShell(title: "Week", root: "../", asOf: o.asOf))
        #expect(index.contains("<link rel=\"stylesheet\" href=\"assets/style.css\">"))
        #expect(week.contains("<link rel=\"stylesheet\" href=\"../assets/style.css\">"))
        for html in [index, week] {
            for attribute in ["src=\"", "href=\""] {
                var rest = html[...]
                while let hit = rest.range(of: attribute) {
                    let value = rest[hit.upperBound...].prefix { $0 != "\"" }
                    #expect(!value.hasPrefix("/") && !value.contains("://") && !value.hasPrefix("//"),
                            "not relative: \(value)")
                    rest = rest[hit.upperBound...]
                }
            }
            #expect(!withoutTableScript(html).contains("<script"), "no JavaScript but the local table.js")
        }
    }

    @Test func stylesheetStylesChartsForDarkModeAndPrint() throws {
        let css = try String(contentsOfFile: Self.templates + "/style.css", encoding: .utf8)
        for selector in [".chart .series-0", ".chart .series-5", ".chart .line", ".chart .budget", ".chart .projection",
                         ".chart .axis", ".chart .label", "svg.chart", "@media (prefers-color-scheme: dark)", "@media print",
                         ".dashboard"] {
            #expect(css.contains(selector), "style.css lacks \(selector)")
        }
        #expect(!css.contains("@import") && !css.contains("url("), "no external fonts or resources")
    }

    @Test func headingAnchorsAreStableAndUnique() {
        #expect(HeadingAnchors.add("<h2>Data quality</h2><h2>Data quality</h2><h2>A &amp; <em>b</em></h2>")
            == "<h2 id=\"data-quality\">Data quality</h2><h2 id=\"data-quality-2\">Data quality</h2><h2>A &amp; <em>b</em></h2>")
        #expect(HeadingAnchors.add("<h2>Budget, 2026-11: OK</h2>") == "<h2 id=\"budget-2026-11-ok\">Budget, 2026-11: OK</h2>")
        #expect(HeadingAnchors.add("<p>no heading</p>") == "<p>no heading</p>")
    }

    /// The text of `<section id="ID" …>…</section>`.
    func section(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "<section id=\"\(id)\""))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }
}
