import CostModel
import CostRender
import CostTestSupport
import Foundation
import Testing
@testable import CostAnalysis
@testable import CostIngest

// A pull request's report, computed by hand. Prices from `SavingsCatalog` (aws p4d.24xlarge R 32,
// eu-west-1 40, spot 8–12 → S 10; g5.xlarge R 1.5, no spot price → aws discount 65 %).
// As-of Fri 2026-11-27; PR 123 first ran on 11-24, so the base window is the 28 days before it,
// 2026-10-27 … 2026-11-23 (issue 14: the window follows the PR).
//
// | rec | day   time  | run      | branch    | pr  | suite       | instance / region       | market    | h    | cost | passed/failed |
// |-----|-------------|----------|-----------|-----|-------------|-------------------------|-----------|------|------|---------------|
// | b0  | 10-26 10:00 | main-0   | main      |     | unit        | g5.xlarge us-east-2     | on-demand | 1    | 100  | outside window |
// | b1  | 10-27 10:00 | main-1   | main      |     | unit        | g5.xlarge us-east-2     | spot      | 1    | 1    | window's 1st day |
// | b2  | 11-09 10:00 | main-2   | main      |     | unit        | g5.xlarge us-east-2     | spot      | 1    | 2    |               |
// | b3  | 11-16 10:00 | main-3   | main      |     | integration | p4d us-east-2           | on-demand | 1    | 32   |               |
// | b3' | 11-16 10:30 | main-3   | main      |     | integration | p4d us-east-2           | on-demand | 0.5  | 16   |               |
// | b4  | 11-20 10:00 | main-4   | main      |     | integration | p4d us-east-2           | on-demand | 0.75 | 24   |               |
// | p1  | 11-24 10:00 | pr-123-a | feature/x | 123 | unit        | p4d us-east-2 (unit)    | on-demand | 0.5  | 16   | 10/0          |
// | p2  | 11-25 09:00 | pr-123-b | feature/x | 123 | integration | p4d eu-west-1           | spot      | 1    | 12   | 5/0           |
// | p2' | 11-25 09:30 | pr-123-b | feature/x | 123 | integration | p4d eu-west-1           | spot      | 0.5  | 6    | 3/2           |
// | p3  | 11-25 14:00 | pr-123-c | main      | 123 | unit        | g5.xlarge us-east-2 (unit) | on-demand | 2  | 3    | 4/0           |
// | o1  | 11-26 11:00 | pr-456-a | feature/y | 456 | unit        | g5.xlarge us-east-2     | on-demand | 1    | 1.5  | another PR    |
// | p4  | 11-26 16:00 | pr-123-d | feature/x | 123 | smoke       | p4d eu-west-1 (quick)   | on-demand | 0.25 | 10   | 7/0           |
// | p5  | 11-28 10:00 | pr-123-e | feature/x | 123 | unit        | p4d us-east-2           | on-demand | 1    | 32   | after as-of   |
// | b5  | 11-28 11:00 | main-5   | main      |     | unit        | g5.xlarge us-east-2     | spot      | 1    | 50   | after as-of   |
//
// PR 123 (p1–p4): 5 records, 4 runs, 4.25 h, $47; tests 29 passed, 2 failed; failed-run spend 18 (pr-123-b).
// Markets: on-demand 3 runs, 2.75 h, $29 (29/47); spot 1 run, 1.5 h, $18.
// Base (main in the window, minus p3): unit main-1, main-2 → $3 / 2 runs = 1.5 per run;
//   integration main-3 ($48), main-4 ($24) → $72 / 2 = 36 per run; totals 4 runs, $75.
// Suites: unit 2 runs $19 → 9.5 per run, +533.3 % (up); integration 1 run $18 → 18, −50 % (down);
//   smoke 1 run $10, no base.
// Comparison: compared 3 runs $37 against 2 × 1.5 + 1 × 36 = 39 → −5.128 % (down); 1 run, $10 not compared.
// Opportunities (spec §5):
//   p1 spot d = 1 − 10/32 = 0.6875 → 11; right-size unit → g5.xlarge 1.5/32 → 16 × (1 − 0.046875) = 15.25;
//      region applies, already cheapest → 0; combined 16 × (1 − 0.046875 × 0.3125) = 15.765625.
//   p3 spot d = 0.65 → 1.95; combined 1.95.
//   p4 spot d = 1 − 10/40 = 0.75 → 7.5; right-size quick → 1.5/40 → 9.625; region 32/40 → 2;
//      combined 10 × (1 − 0.0375 × 0.8 × 0.25) = 9.925.
//   spot 20.45 (3 records, $29); right-size 24.875 (2, $26); region 2 (2, $26); combined 27.640625 (3, $29).
enum PullRequestFixture {
    static let asOf = day("2026-11-27")

    static func fixture() -> Fixture {
        var f = Fixture()
        func add(_ d: String, _ t: String, run: String, branch: String, pr: String? = nil, suite: String,
                 instance: String, region: String, testType: TestType = .unknown, market: Market,
                 hours: Double, cost: Double, passed: Int64 = 0, failed: Int64 = 0) {
            f.add(d, t, run: run, instance: instance, region: region, suite: suite, branch: branch, pr: pr,
                  testType: testType, market: market, hours: hours, cost: cost,
                  rate: SavingsCatalog.catalog.onDemandRate(provider: "aws", instanceType: instance, region: region),
                  passed: passed, failed: failed)
        }
        let g5 = "g5.xlarge", p4d = "p4d.24xlarge"
        add("2026-10-26", "10:00", run: "main-0", branch: "main", suite: "unit", instance: g5, region: "us-east-2", market: .onDemand, hours: 1, cost: 100)
        add("2026-10-27", "10:00", run: "main-1", branch: "main", suite: "unit", instance: g5, region: "us-east-2", market: .spot, hours: 1, cost: 1)
        add("2026-11-09", "10:00", run: "main-2", branch: "main", suite: "unit", instance: g5, region: "us-east-2", market: .spot, hours: 1, cost: 2)
        add("2026-11-16", "10:00", run: "main-3", branch: "main", suite: "integration", instance: p4d, region: "us-east-2", market: .onDemand, hours: 1, cost: 32)
        add("2026-11-16", "10:30", run: "main-3", branch: "main", suite: "integration", instance: p4d, region: "us-east-2", market: .onDemand, hours: 0.5, cost: 16)
        add("2026-11-20", "10:00", run: "main-4", branch: "main", suite: "integration", instance: p4d, region: "us-east-2", market: .onDemand, hours: 0.75, cost: 24)
        add("2026-11-24", "10:00", run: "pr-123-a", branch: "feature/x", pr: "123", suite: "unit", instance: p4d, region: "us-east-2", testType: .unit, market: .onDemand, hours: 0.5, cost: 16, passed: 10)
        add("2026-11-25", "09:00", run: "pr-123-b", branch: "feature/x", pr: "123", suite: "integration", instance: p4d, region: "eu-west-1", market: .spot, hours: 1, cost: 12, passed: 5)
        add("2026-11-25", "09:30", run: "pr-123-b", branch: "feature/x", pr: "123", suite: "integration", instance: p4d, region: "eu-west-1", market: .spot, hours: 0.5, cost: 6, passed: 3, failed: 2)
        add("2026-11-25", "14:00", run: "pr-123-c", branch: "main", pr: "123", suite: "unit", instance: g5, region: "us-east-2", testType: .unit, market: .onDemand, hours: 2, cost: 3, passed: 4)
        add("2026-11-26", "11:00", run: "pr-456-a", branch: "feature/y", pr: "456", suite: "unit", instance: g5, region: "us-east-2", market: .onDemand, hours: 1, cost: 1.5)
        add("2026-11-26", "16:00", run: "pr-123-d", branch: "feature/x", pr: "123", suite: "smoke", instance: p4d, region: "eu-west-1", testType: .quick, market: .onDemand, hours: 0.25, cost: 10, passed: 7)
        add("2026-11-28", "10:00", run: "pr-123-e", branch: "feature/x", pr: "123", suite: "unit", instance: p4d, region: "us-east-2", market: .onDemand, hours: 1, cost: 32)
        add("2026-11-28", "11:00", run: "main-5", branch: "main", suite: "unit", instance: g5, region: "us-east-2", market: .spot, hours: 1, cost: 50)
        return f
    }

    static func report(_ selector: PullRequestSelector = .pr("123"), base: String = "main",
                       siteURL: String? = nil) -> PullRequestReport {
        fixture().savingsAnalyzer().pullRequest(selector, base: base, asOf: asOf, siteURL: siteURL).worded
    }
}

@Suite struct PullRequestTests {
    let r = PullRequestFixture.report()

    @Test func totalsAreThePRsRecordsUpToAsOf() {
        #expect(r.hasRuns)
        #expect(r.selector == .pr("123"))
        #expect(r.asOf == "2026-11-27")
        // The 28 days before the PR's first run (11-24), not the 28 days up to as-of.
        #expect(r.baseWindow == DayRange(start: day("2026-10-27"), end: day("2026-11-23")))
        #expect(r.baseWindow.days == 28)
        #expect(r.firstDay == "2026-11-24" && r.lastDay == "2026-11-26")
        #expect(r.totals.records == 5)
        #expect(r.totals.runs == 4)
        #expect(near(r.totals.hours, 4.25))
        #expect(near(r.totals.spend, 47))
        #expect(r.totals.testsPassed == 29)
        #expect(r.totals.testsFailed == 2)
        #expect(near(r.totals.failedRunSpend, 18))
    }

    @Test func marketMix() {
        #expect(r.markets.map(\.key) == ["on-demand", "spot"])
        #expect(r.markets[0].runs == 3 && near(r.markets[0].hours, 2.75) && near(r.markets[0].spend, 29))
        #expect(near(r.markets[0].share, 29.0 / 47))
        #expect(r.markets[1].runs == 1 && near(r.markets[1].hours, 1.5) && near(r.markets[1].spend, 18))
    }

    @Test func suitesComparedPerRunWithTheBaseWindow() {
        #expect(r.suites.map(\.suite) == ["unit", "integration", "smoke"])
        let unit = r.suites[0], integration = r.suites[1], smoke = r.suites[2]
        #expect(unit.runs == 2 && near(unit.spend, 19) && near(unit.spendPerRun, 9.5))
        // main-0 is a day before the window, main-5 after as-of, pr-123-c is the PR's own: none count.
        #expect(unit.baseRuns == 2 && near(unit.baseSpend, 3) && near(unit.baseSpendPerRun, 1.5))
        #expect(near(unit.change, 9.5 / 1.5 - 1) && unit.direction == .up)
        #expect(integration.runs == 1 && integration.records == 2 && near(integration.spendPerRun, 18))
        #expect(integration.baseRuns == 2 && near(integration.baseSpendPerRun, 36))
        #expect(near(integration.change, -0.5) && integration.direction == .down)
        #expect(integration.testsPassed == 8 && integration.testsFailed == 2)
        #expect(smoke.baseRuns == 0 && smoke.baseSpendPerRun == nil && smoke.change == nil && smoke.direction == .noBase)
    }

    @Test func totalComparisonIsLikeForLike() {
        let c = r.comparison
        #expect(c.comparedRuns == 3 && near(c.comparedSpend, 37) && near(c.expectedSpend, 39))
        #expect(near(c.change, 37.0 / 39 - 1) && c.direction == .down)
        #expect(c.uncomparedRuns == 1 && near(c.uncomparedSpend, 10))
        #expect(c.baseRuns == 4 && near(c.baseSpend, 75))
    }

    @Test func runsOldestFirstWithSummedRecords() {
        #expect(r.runs.map(\.runID) == ["pr-123-a", "pr-123-b", "pr-123-c", "pr-123-d"])
        let b = r.runs[1]
        #expect(b.start == "2026-11-25 09:00")
        #expect(b.records == 2 && near(b.hours, 1.5) && near(b.spend, 18))
        #expect(b.testsPassed == 8 && b.testsFailed == 2)
        #expect(b.suite == "integration" && b.instanceType == "p4d.24xlarge" && b.region == "eu-west-1" && b.market == "spot")
        #expect(r.runs[3].start == "2026-11-26 16:00" && r.runs[3].suite == "smoke")
    }

    @Test func opportunitiesUseThePerRecordRules() {
        let o = r.opportunities
        #expect(near(o.spot.potential, 20.45) && o.spot.records == 3 && near(o.spot.spend, 29))
        #expect(near(o.rightSize.potential, 24.875) && o.rightSize.records == 2 && near(o.rightSize.spend, 26))
        #expect(near(o.region.potential, 2) && o.region.records == 2)
        #expect(near(o.combined.potential, 27.640625) && o.combined.records == 3)
        #expect(near(o.spot.share, 20.45 / 47))
        #expect(o.reserved.isEmpty)
        #expect(o.rightSize.topRuns.map(\.key) == ["pr-123-a", "pr-123-d"])
        #expect(o.region.topRuns.first?.action == "run in us-east-2")
    }

    /// Issue 14 part 3: a PR that ran in September is compared with the base's August, not with
    /// the weeks around the data's latest record (November here).
    @Test func theBaseWindowFollowsThePR() {
        var f = Fixture()
        f.add("2026-08-20", run: "aug", suite: "unit", branch: "main", market: .onDemand, hours: 1, cost: 4, rate: 4)
        f.add("2026-09-15", run: "pr", suite: "unit", branch: "feature/old", pr: "77", market: .onDemand, hours: 1, cost: 6, rate: 6)
        f.add("2026-11-20", run: "nov", suite: "unit", branch: "main", market: .onDemand, hours: 1, cost: 40, rate: 40)
        let r = f.analyzer().pullRequest(.pr("77"), base: "main", asOf: day("2026-11-27"))
        #expect(r.baseWindow == DayRange(start: day("2026-08-18"), end: day("2026-09-14")))
        let unit = r.suites.first { $0.suite == "unit" }
        #expect(unit?.baseRuns == 1 && near(unit?.baseSpend, 4), "August's run only")
        #expect(near(r.comparison.change, 6.0 / 4 - 1))
    }

    @Test func branchSelection() {
        let b = PullRequestFixture.report(.branch("feature/x"))
        // pr-123-c ran on main and pr-123-e after as-of: feature/x has p1, p2, p4.
        #expect(b.runs.map(\.runID) == ["pr-123-a", "pr-123-b", "pr-123-d"])
        #expect(near(b.totals.spend, 44))
        // pr-123-c is a main run that is not this branch's, but it ran on 11-25, after the branch's
        // first run (11-24): outside the base window. Unit keeps main-1 and main-2: 2 runs, $3.
        #expect(b.baseWindow.end == "2026-11-23")
        #expect(b.suites.first { $0.suite == "unit" }?.baseRuns == 2)
        #expect(near(b.suites.first { $0.suite == "unit" }?.baseSpend, 3))
    }

    @Test func otherPRAndUnknownKeys() {
        let other = PullRequestFixture.report(.pr("456"))
        #expect(other.runs.map(\.runID) == ["pr-456-a"])
        #expect(near(other.totals.spend, 1.5))
        let none = PullRequestFixture.report(.pr("999"))
        #expect(!none.hasRuns && none.runs.isEmpty && none.suites.isEmpty && none.firstDay == nil)
        // `(none)` is "not recorded", never a key one can ask for.
        #expect(!PullRequestFixture.report(.pr("(none)")).hasRuns)
        // A base with no runs: nothing to compare.
        let noBase = PullRequestFixture.report(base: "develop")
        #expect(noBase.comparison.change == nil && noBase.comparison.direction == .noBase)
        #expect(noBase.suites.allSatisfy { $0.direction == .noBase })
    }

    @Test func onlyIfOver() throws {
        #expect(r.quietReason(minSpend: 47, minChange: nil) == nil)
        #expect(r.quietReason(minSpend: 0, minChange: nil) == nil)
        let reason = try #require(r.quietReason(minSpend: 47.01, minChange: nil))
        #expect(PullRequestGateText.quiet(reason, selector: r.selector, base: r.base) == "PR #123 spent $47.00, below --only-if-over $47.01")
    }

    @Test func onlyIfChangeLooksAtTheTotalAndEverySuite() throws {
        func text(_ r: PullRequestReport, _ reason: PullRequestReport.QuietReason?) throws -> String {
            PullRequestGateText.quiet(try #require(reason), selector: r.selector, base: r.base)
        }
        // The largest change is unit's +533.3 %.
        #expect(r.quietReason(minSpend: nil, minChange: 5.3) == nil)
        #expect(try text(r, r.quietReason(minSpend: nil, minChange: 5.4)) == "PR #123: the largest change against main is 533.3%, below --only-if-change 540.0%")
        // Both flags: both must be reached.
        #expect(r.quietReason(minSpend: 100, minChange: 0.1) != nil)
        #expect(r.quietReason(minSpend: 10, minChange: 0.1) == nil)
        // Nothing comparable: a change threshold stays quiet.
        let noBase = PullRequestFixture.report(base: "develop")
        #expect(try text(noBase, noBase.quietReason(minSpend: nil, minChange: 0)) == "PR #123: nothing could be compared with develop in the 4 weeks before it, below --only-if-change 0.0%")
        #expect(noBase.quietReason(minSpend: nil, minChange: nil) == nil)
    }

    @Test func changeDirection() {
        #expect(ChangeDirection(nil) == .noBase)
        #expect(ChangeDirection(0.0004) == .unchanged)
        #expect(ChangeDirection(-0.0004) == .unchanged)
        #expect(ChangeDirection(0.0005) == .up)
        #expect(ChangeDirection(-0.2) == .down)
    }

    /// Issue 14 part 1: the headline table over the compared runs (unit: p1, p3; integration: p2):
    /// spend 19 + 18 = 37 against 2 × 1.5 + 1 × 36 = 39; 3 runs; hours 2.5 + 1.5 = 4 against
    /// unit 2/2 × 2 h + integration 1/2 × 2.25 h = 3.125; per run 37/3 against 13; failed-run spend
    /// 18 (pr-123-b) against 0 (the base had no failures): no change figure.
    @Test func theHeadlineTableMeasuresTheComparedRuns() throws {
        let h = Dictionary(uniqueKeysWithValues: r.headline.map { ($0.measure, $0) })
        #expect(r.headline.map(\.measure) == [.spend, .runs, .hours, .spendPerRun, .failedRunSpend])
        #expect(near(h[.spend]?.pr, 37) && near(h[.spend]?.base, 39) && near(h[.spend]?.difference, -2))
        #expect(near(h[.spend]?.change, 37.0 / 39 - 1) && h[.spend]?.direction == .down)
        #expect(h[.runs]?.pr == 3 && h[.runs]?.base == nil)
        #expect(near(h[.hours]?.pr, 4) && near(h[.hours]?.base, 3.125))
        #expect(near(h[.spendPerRun]?.pr, 37.0 / 3) && near(h[.spendPerRun]?.base, 13))
        #expect(near(h[.failedRunSpend]?.pr, 18) && h[.failedRunSpend]?.base == 0 && h[.failedRunSpend]?.change == nil)
        // Nothing to compare: no headline table (not a table of zeros).
        #expect(PullRequestFixture.report(base: "develop").headline.isEmpty)
    }

    /// Issue 14 part 2: runs grouped by the commit they tested, the latest commit first, each with
    /// its change since the commit before; `--commit` keeps one commit's runs (a prefix matches).
    @Test func runsGroupByCommitLatestFirst() {
        var f = PullRequestFixture.fixture()
        let first = f.strings.intern("aaaa1111"), second = f.strings.intern("bbbb2222")
        for (i, record) in f.records.enumerated() where record.pr != StringTable.none {
            let run = f.strings[record.run]
            // pr-123-a and pr-123-b tested the first commit; pr-123-c, -d and -e the second.
            f.records[i].commit = run == "pr-123-a" || run == "pr-123-b" ? first : second
        }
        let analyzer = f.savingsAnalyzer()
        let r = analyzer.pullRequest(.pr("123"), base: "main", asOf: PullRequestFixture.asOf)
        // First commit: pr-123-a 16 + pr-123-b 18 = 34 (2 runs); second: pr-123-c 3 + pr-123-d 10 = 13 (2 runs; -e is after as-of).
        #expect(r.commits.map(\.commit) == ["bbbb2222", "aaaa1111"])
        #expect(r.commits[0].runs == 2 && near(r.commits[0].spend, 13) && near(r.commits[0].sincePrevious, 13 - 34))
        #expect(r.commits[1].runs == 2 && near(r.commits[1].spend, 34) && r.commits[1].sincePrevious == nil)
        #expect(r.commits[0].firstStart == "2026-11-25 14:00" && r.commits[0].lastStart == "2026-11-26 16:00")
        let one = analyzer.pullRequest(.pr("123"), base: "main", asOf: PullRequestFixture.asOf, commit: "BBBB")
        #expect(one.runs.map(\.runID) == ["pr-123-c", "pr-123-d"] && near(one.totals.spend, 13) && one.commitFilter == "BBBB")
        // The base window follows the commit's first run (11-25): the 28 days before it.
        #expect(one.baseWindow.end == "2026-11-24")
        #expect(!analyzer.pullRequest(.pr("123"), base: "main", asOf: PullRequestFixture.asOf, commit: "cccc").hasRuns)
    }

    /// Issue 14 part 4: the PR's share of the as-of month's spend, and the month's projection.
    @Test func budgetImpactIsThePRsShareOfTheMonth() throws {
        // November up to 11-27: main-2 2 + main-3 48 + main-4 24 + PR 123 (16 + 12 + 6 + 3 + 10 = 47)
        // + pr-456 1.5 = 122.5 (11-28 is after as-of). Share 47 / 122.5; projected 122.5 / 27 × 30
        // against the default $2,000: OK.
        let impact = try #require(PullRequestFixture.report().budgetImpact)
        #expect(impact.month == "2026-11" && impact.spend == 47 && impact.monthToDate == 122.5)
        #expect(abs(impact.share - 47 / 122.5) < 1e-12 && abs(impact.projected - 122.5 / 27 * 30) < 1e-9)
        #expect(impact.monthly == 2000 && impact.projectedStatus == .ok && !impact.monthlyConfigured)
    }

    @Test func jsonIsSnakeCaseWithEveryKey() throws {
        let report = PullRequestFixture.report(siteURL: "https://costs.example.com/")
        let object = try JSONSerialization.jsonObject(with: try report.jsonData()) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == [
            "selector", "base", "as_of", "base_window", "first_day", "last_day", "totals", "comparison",
            "markets", "suites", "runs", "opportunities", "site_url", "efficiency", "efficiency_window", "budget_impact",
            "headline", "commits", "commit_filter"])
        #expect(object?["efficiency_window"] is NSNull, "a PR without performance samples has no window")
        #expect(object?["site_url"] as? String == "https://costs.example.com/")
        #expect((object?["selector"] as? [String: Any])?["kind"] as? String == "pr")
        let run = (object?["runs"] as? [[String: Any]])?.first
        #expect(run?["run_id"] as? String == "pr-123-a")
        #expect(run?["instance_type"] as? String == "p4d.24xlarge")
        let smoke = (object?["suites"] as? [[String: Any]])?.last
        #expect(smoke?.keys.contains("base_spend_per_run") == true)
        #expect(smoke?["base_spend_per_run"] is NSNull)
        #expect(smoke?["direction"] as? String == "no_base")
        let unsitedJSON = String(decoding: try PullRequestFixture.report().jsonData(), as: UTF8.self)
        #expect(unsitedJSON.contains("\"site_url\" : null"))
    }
}

/// Through ingest: `pr_number` / `pr` written as `#123`, `pr-123` and `123` by the team's Python
/// tooling are one PR, and the command line's spelling is normalised by the same rule.
@Suite struct PullRequestIngestTests {
    @Test func spellingsOfOnePRAreOnePR() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("costreport-pr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("benchmarks.db").path
        let writer = try SQLiteWriterForTests(path: path)
        try writer.execute(PythonSchema.benchmarks)
        let metadata = [
            ##"{"branch": "feature/x", "pr_number": "#123", "market": "on-demand"}"##,
            ##"{"branch": "feature/x", "pr": "pr-123", "market": "on-demand"}"##,
            ##"{"branch": "feature/x", "pr_number": 123, "market": "spot"}"##,
            ##"{"branch": "feature/x", "pr_number": 124, "pr": 123, "market": "spot"}"##,
            ##"{"branch": "main", "market": "spot"}"##,
        ]
        for (i, m) in metadata.enumerated() {
            try writer.execute(HandComputedRows.insert(
                run: "run-\(i)", timestamp: "2026-11-2\(i)T10:00:00", provider: "aws", instance: "g5.xlarge",
                region: "us-east-2", hardware: "nvidia", gpu: "A10G", benchmark: "test_x", suite: "unit",
                duration: 3600, cost: 1.0 + Double(i), metadata: m))
        }
        try writer.close()
        let catalog = try CatalogLoader.bundled()
        let dataset = try BenchmarksDatabase.read(path: path, catalog: catalog, config: Config())
        let analyzer = Analyzer(dataset: dataset, catalog: catalog, config: Config())
        for spelling in ["123", "#123", "pr-123", "PR 123", " pr123 "] {
            let key = try #require(PullRequestKey.normalise(spelling))
            #expect(key == "123", "\(spelling)")
            let r = analyzer.pullRequest(.pr(key), base: "main", asOf: Day(iso: "2026-11-24")!)
            // pr_number wins over pr: run-3 is PR 124.
            #expect(r.runs.map(\.runID) == ["run-0", "run-1", "run-2"])
            #expect(near(r.totals.spend, 6))
        }
        #expect(PullRequestKey.normalise("   ") == nil)
        let branch = analyzer.pullRequest(.branch("feature/x"), base: "main", asOf: Day(iso: "2026-11-24")!)
        #expect(branch.runs.count == 4)
        // main's run (11-24) came after the branch's first run (11-20): not in its base window.
        #expect(branch.baseWindow.end == "2026-11-19" && branch.suites.first?.baseRuns == 0)
    }
}
