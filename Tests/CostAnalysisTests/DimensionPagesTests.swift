import CostModel
import Testing
@testable import CostAnalysis

/// The dimension pages (issue 4 part 3): a key's weekly trend and month figures are the report's
/// own breakdown rows, and its most expensive runs come in spend order.
@Suite struct DimensionPagesTests {
    static let asOf = day("2026-11-27")

    /// 100 days of records over several providers, instance types, developers and suites.
    static func analyzer() -> Analyzer {
        var f = Fixture()
        let start = day("2026-08-20")
        for d in 0..<100 {
            let date = start.adding(days: d)
            for k in 0..<(1 + d % 4) {
                let n = d * 7 + k
                f.add(date.iso, "0\(k % 10):1\(k % 6)", run: n % 9 == 0 ? nil : "run-\(d)-\(k / 2)",
                      provider: ["aws", "gcp", "AWS"][n % 3],
                      instance: ["p4d.24xlarge", "g5.xlarge", "a2-highgpu-1g"][(n / 3) % 3],
                      suite: n % 5 == 0 ? nil : ["nightly_benchmarks", "unit", "../x"][n % 3],
                      developer: n % 7 == 0 ? nil : ["alice", "bob", "Alice"][(n / 2) % 3],
                      market: n % 2 == 0 ? .spot : .onDemand, hours: 0.5 + Double(n % 5),
                      cost: 0.1 * Double(1 + (n * 37) % 101) + 0.003, rate: 3.2)
            }
        }
        return f.analyzer()
    }

    @Test func trendAndMonthEqualTheReportsBreakdownRows() throws {
        let a = Self.analyzer()
        let pages = a.dimensionPages(asOf: Self.asOf)
        let month = a.report(for: .month(containing: Self.asOf), asOf: Self.asOf)
        #expect(pages.month == "2026-11")
        #expect(pages.monthTotal == month.totals.spend)
        // The 12 weeks of the window, oldest first: the report trend's weeks.
        let weekIDs = month.trend.map(\.week)
        #expect(weekIDs.count == 12 && weekIDs.last == "2026-W48")
        let weekReports = Dictionary(uniqueKeysWithValues: weekIDs.map { id in
            (id, a.report(for: period(id), asOf: Self.asOf))
        })
        var checked = 0
        for kind in DimensionKind.allCases {
            let list = pages.pages(kind)
            #expect(!list.isEmpty)
            // Every key of the month's breakdown has a page, with the same month-to-date spend.
            for row in month.breakdowns[kind.dimension] {
                let page = try #require(list.first { $0.key == row.key }, "no page for \(kind) \(row.key)")
                #expect(page.monthSpend == row.spend)
                #expect(page.monthShare == row.share)
            }
            for page in list {
                #expect(page.trend.map(\.week) == weekIDs)
                for point in page.trend {
                    let rows = weekReports[point.week]!.breakdowns[kind.dimension]
                    // Bit-for-bit: summed record by record in the same order as the report.
                    #expect(point.spend == (rows.first { $0.key == page.key }?.spend ?? 0),
                            "\(kind) \(page.key) \(point.week)")
                    checked += 1
                }
            }
            // Sorted by month-to-date spend, largest first.
            #expect(list.map(\.monthSpend) == list.map(\.monthSpend).sorted(by: >))
        }
        #expect(checked > 100)
        // Developers without a name are listed as in the report.
        #expect(pages.pages(.developer).contains { $0.key == "(unattributed)" })
    }

    @Test func recordsAfterAsOfAreLeftOut() {
        let a = Self.analyzer()
        let early = day("2026-11-10")
        let pages = a.dimensionPages(asOf: early)
        let month = a.report(for: .month(containing: early), asOf: early)
        #expect(pages.monthTotal == month.totals.spend)
        for page in pages.pages(.provider) {
            #expect(page.trend.last?.week == "2026-W46")
            #expect(page.topRuns.allSatisfy { $0.day <= early.iso })
        }
    }

    @Test func topRunsAreTheMostExpensiveRunsOfTheLastFourWeeksInOrder() throws {
        var f = Fixture()
        // Inside the window of the last 4 weeks (W45–W48): 12 runs on aws, one of two records.
        for n in 0..<12 {
            f.add("2026-11-\(10 + n)", run: "r\(n)", provider: "aws", market: .spot, hours: 1, cost: Double(n % 6) + 1, rate: 10)
        }
        f.add("2026-11-23", "11:00", run: "r5", provider: "aws", instance: "g5.xlarge", market: .spot, hours: 2, cost: 10, rate: 10)
        // The same run id on another provider counts there, not here.
        f.add("2026-11-24", run: "r0", provider: "gcp", market: .onDemand, hours: 1, cost: 500, rate: 10)
        // No run id: a run of its own.
        f.add("2026-11-25", run: nil, provider: "aws", market: .onDemand, hours: 3, cost: 7, rate: 10)
        // Before the 4-week window (W44): in the trend, not in the table.
        f.add("2026-10-27", run: "old", provider: "aws", market: .onDemand, hours: 1, cost: 1000, rate: 10)
        let a = f.analyzer()
        let pages = a.dimensionPages(asOf: Self.asOf)
        let aws = try #require(pages.pages(.provider).first { $0.key == "aws" })
        #expect(aws.runsSince == "2026-11-02")
        #expect(aws.topRuns.count == 10)
        #expect(aws.topRuns.map(\.run) == ["r5", "(none)", "r11", "r10", "r4", "r3", "r9", "r2", "r8", "r1"])
        #expect(aws.topRuns.map(\.spend) == [16, 7, 6, 5, 5, 4, 4, 3, 3, 2])
        let r5 = aws.topRuns[0]
        #expect(r5.day == "2026-11-15" && r5.instanceType == "p4d.24xlarge" && r5.market == "spot" && r5.hours == 3)
        #expect(!aws.topRuns.contains { $0.run == "old" })
        // 1000 (old) + runs r0…r11 (1…6 twice = 42) + r5's second record (10) + the run without id (7).
        let expectedTrend = 1059.0
        #expect(aws.trendSpend == expectedTrend)
        let gcp = try #require(pages.pages(.provider).first { $0.key == "gcp" })
        #expect(gcp.topRuns.map(\.run) == ["r0"] && gcp.topRuns[0].spend == 500)
        #expect(pages.pages(.provider).map(\.key) == ["gcp", "aws"])
    }
}
