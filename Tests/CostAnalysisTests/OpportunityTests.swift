import Testing
import CostModel
@testable import CostAnalysis

/// Spec §5 opportunities, computed by hand with `SavingsCatalog` (period 2026-W47, as-of Sun 2026-11-22).
@Suite struct OpportunityTests {
    @Test func spot() {
        var f = Fixture()
        // s1 p4d us-east-2 on-demand, 64: d = 1 − 10/32 = 0.6875 → 64 × 0.6875 = 44
        f.priced("2026-11-16", run: "r-a", suite: "unit-fast", hours: 2, cost: 64)
        // s2 g5.4xlarge (no spot price: aws d = midpoint 0.65), 10 → 6.5
        f.priced("2026-11-16", run: "r-b", instance: "g5.4xlarge", suite: "integration", hours: 5, cost: 10)
        // s3 critical suite (release*): excluded
        f.priced("2026-11-17", run: "r-c", suite: "release-candidate", cost: 32)
        // s4 unknown instance (no R): excluded
        f.priced("2026-11-17", run: "r-d", instance: "x9.mystery", suite: "unit-fast", cost: 20)
        // s5 already spot: excluded
        f.priced("2026-11-18", run: "r-e", suite: "unit-fast", market: .spot, hours: 2, cost: 20)
        // s6 gcp a2-highgpu-1g us-central1, d = 1 − 1/4 = 0.75 → 8 × 0.75 = 6
        f.priced("2026-11-18", run: "r-f", provider: "gcp", instance: "a2-highgpu-1g", region: "us-central1",
                 suite: "integration", hours: 2, cost: 8)
        var config = Config()
        config.criticalSuites = ["release*"]
        let r = f.savingsReport(config)
        let spot = r.opportunities.spot
        // spend 64 + 10 + 32 + 20 + 20 + 8 = 154; potential 44 + 6.5 + 6 = 56.5 over s1, s2, s6 (82)
        #expect(r.totals.spend == 154)
        #expect(near(spot.potential, 56.5) && spot.records == 3 && spot.spend == 82)
        #expect(near(spot.share, 56.5 / 154))
        // Suites: unit-fast 44 (44/64 = 68.75 % → "68.8%"), integration 12.5 of 18 (69.44 % → "69.4%")
        #expect(spot.topSuites.map(\.key) == ["unit-fast", "integration"])
        #expect(spot.topSuites[0].action == "use spot (≈ 68.8% cheaper)")
        #expect(spot.topSuites[1].action == "use spot (≈ 69.4% cheaper)" && near(spot.topSuites[1].potential, 12.5))
        #expect(spot.topSuites[1].records == 2 && spot.topSuites[1].spend == 18)
        #expect(spot.topInstanceTypes.map(\.key) == ["p4d.24xlarge", "g5.4xlarge", "a2-highgpu-1g"])
        #expect(spot.topInstanceTypes[1].action == "use spot (≈ 65.0% cheaper)")
        #expect(spot.topRuns.map(\.key) == ["r-a", "r-b", "r-f"])
        #expect(zip(spot.topRuns.map(\.potential), [44, 6.5, 6]).allSatisfy { near($0, $1) })
    }

    @Test func criticalGlobs() {
        #expect(SuiteGlobs(["release*"]).matchesAny("release-candidate"))
        #expect(SuiteGlobs(["release*"]).matchesAny("release"))
        #expect(!SuiteGlobs(["release*"]).matchesAny("Release-1"))          // case-sensitive
        #expect(!SuiteGlobs(["release*"]).matchesAny("pre-release"))        // whole key
        #expect(SuiteGlobs(["v?-smoke"]).matchesAny("v2-smoke"))
        #expect(!SuiteGlobs(["v?-smoke"]).matchesAny("v10-smoke"))          // ? is one character
        #expect(SuiteGlobs(["*gate*", "x"]).matchesAny("pr-gate-2"))
        #expect(!SuiteGlobs([]).matchesAny("anything"))
    }

    @Test func rightSize() {
        var f = Fixture()
        // a1 TPU v5litepod-8 (8) unit → gcp-tpu v5litepod-1 (1), reserved market: 16 × (1 − 1/8) = 14
        f.priced("2026-11-16", run: "a1", provider: "gcp", instance: "v5litepod-8", region: "us-west4", suite: "unit",
                 testType: .unit, market: .reserved, hours: 2, cost: 16)
        // a2 GPU p5.48xlarge (96) quick → g5.xlarge (1.5), spot market: 24 × (1 − 1.5/96) = 24 × 0.984375 = 23.625
        f.priced("2026-11-16", run: "a2", instance: "p5.48xlarge", suite: "smoke", testType: .quick, market: .spot, cost: 24)
        // a3 p4d integration → p4d: R == R_rec, not flagged
        f.priced("2026-11-17", run: "a3", suite: "integration", testType: .integration, cost: 32)
        // a4 CPU-only instance: never flagged
        f.priced("2026-11-17", run: "a4", instance: "c6i.8xlarge", suite: "unit", testType: .unit, cost: 5)
        // a5 a2-highgpu-1g (4) benchmark → a3-highgpu-8g (96): R below R_rec, not flagged
        f.priced("2026-11-17", run: "a5", provider: "gcp", instance: "a2-highgpu-1g", region: "us-central1",
                 testType: .benchmark, cost: 8)
        // a6 unknown test type: not applicable
        f.priced("2026-11-18", run: "a6", instance: "p5.48xlarge", cost: 96)
        // a7 p4d in eu-west-1 (40) integration → p4d's price in eu-west-1 (40): not oversized
        f.priced("2026-11-18", run: "a7", region: "eu-west-1", testType: .integration, cost: 40)
        let rs = f.savingsReport().opportunities.rightSize
        // 14 + 23.625 = 37.625 over a1, a2 (16 + 24 = 40)
        #expect(near(rs.potential, 37.625) && rs.records == 2 && rs.spend == 40)
        #expect(rs.topInstanceTypes.map(\.key) == ["p5.48xlarge", "v5litepod-8"])
        #expect(rs.topInstanceTypes.map(\.action) == ["move to g5.xlarge", "move to v5litepod-1"])
        #expect(rs.topSuites.map(\.key) == ["smoke", "unit"] && rs.topSuites[1].potential == 14)
        #expect(rs.topRuns.map(\.key) == ["a2", "a1"])
    }

    @Test func rightSizeSkipsARecommendationOfAnotherAcceleratorKind() {
        var f = Fixture()
        f.priced("2026-11-16", run: "a1", provider: "gcp", instance: "v5litepod-8", region: "us-west4",
                 testType: .unit, cost: 16)
        f.priced("2026-11-16", run: "a2", instance: "p5.48xlarge", testType: .unit, cost: 24)
        var config = Config()
        config.rightSize["unit"]?["gcp-tpu"] = "g2-standard-4"   // a GPU for a TPU: skipped
        let rs = f.savingsReport(config).opportunities.rightSize
        #expect(rs.records == 1 && rs.topRuns.map(\.key) == ["a2"])
        #expect(near(rs.potential, 23.625))
    }

    @Test func region() {
        var f = Fixture()
        // g1 a2 europe-west4 (5) → cheapest 4 (us-central1 and us-east4 tie: by name us-central1): 10 × (1 − 4/5) = 2
        f.priced("2026-11-16", run: "g1", provider: "gcp", instance: "a2-highgpu-1g", region: "europe-west4", cost: 10)
        // g2 already in the cheapest region: applies, potential 0
        f.priced("2026-11-16", run: "g2", provider: "gcp", instance: "a2-highgpu-1g", region: "us-central1", cost: 8)
        // g3 spot: excluded
        f.priced("2026-11-17", run: "g3", provider: "gcp", instance: "a2-highgpu-1g", region: "europe-west4",
                 market: .spot, cost: 3)
        // g4 unlisted region: R_region = base price 4 = cheapest → potential 0
        f.priced("2026-11-17", run: "g4", provider: "gcp", instance: "a2-highgpu-1g", region: "asia-east1", cost: 4)
        // g5 critical suite still counts for region: p4d eu-west-1 (40) → 32 (us-east-2): 40 × (1 − 32/40) = 8
        f.priced("2026-11-18", run: "g5", region: "eu-west-1", suite: "release-x", cost: 40)
        // g6 instance without regional prices: not applicable
        f.priced("2026-11-18", run: "g6", instance: "g5.xlarge", cost: 6)
        var config = Config()
        config.criticalSuites = ["release*"]
        let r = f.savingsReport(config)
        let region = r.opportunities.region
        #expect(near(region.potential, 10) && region.records == 4 && region.spend == 62)
        #expect(region.topInstanceTypes.map(\.key) == ["p4d.24xlarge", "a2-highgpu-1g"])
        #expect(region.topInstanceTypes.map(\.action) == ["run in us-east-2", "run in us-central1"])
        // a2's item: g1, g2, g4 (22), potential 2
        #expect(region.topInstanceTypes[1].records == 3 && region.topInstanceTypes[1].spend == 22)
        #expect(near(region.topInstanceTypes[1].potential, 2))
        // Records already in the cheapest region are not listed as things to change.
        #expect(region.topRuns.map(\.key) == ["g5", "g1"])
        // The critical record is not a spot candidate.
        #expect(r.opportunities.spot.topRuns.map(\.key).contains("g5") == false)
    }

    @Test func combinedOnOneRecord() {
        var f = Fixture()
        // p4d in eu-west-1 (R 40), on-demand, unit test, 2 h, cost 80:
        //   spot:       d = 1 − 10/40 = 0.75               → 80 × 0.75 = 60
        //   right-size: g5.xlarge 1.5 / 40 = 0.0375        → 80 × 0.9625 = 77
        //   region:     32 / 40 = 0.8                      → 80 × 0.2 = 16
        //   combined:   f = 0.0375 × 0.8 × (1 − 0.75) = 0.0075 → 80 × 0.9925 = 79.4
        f.priced("2026-11-16", run: "c1", region: "eu-west-1", suite: "unit", testType: .unit, hours: 2, cost: 80)
        let o = f.savingsReport().opportunities
        #expect(near(o.spot.potential, 60) && near(o.rightSize.potential, 77) && near(o.region.potential, 16))
        #expect(near(o.combined.potential, 79.4))
        #expect(o.combined.potential <= 80 && o.combined.potential < 60 + 77 + 16 && o.combined.potential >= 77)
        #expect(o.combined.records == 1 && o.combined.spend == 80 && near(o.combined.share, 79.4 / 80))
        #expect(o.combined.topRuns.first?.action == "use spot (≈ 75.0% cheaper) + move to g5.xlarge + run in us-east-2")
    }

    @Test func combinedOfSeparateRecordsIsTheirSum() {
        var f = Fixture()
        f.priced("2026-11-16", run: "s", instance: "g5.4xlarge", cost: 10)                 // spot only: 6.5
        f.priced("2026-11-16", run: "g", provider: "gcp", instance: "a2-highgpu-1g", region: "europe-west4",
                 market: .reserved, cost: 10)                                              // nothing (reserved)
        f.priced("2026-11-17", run: "t", provider: "gcp", instance: "v5litepod-8", region: "us-west4",
                 testType: .unit, market: .spot, cost: 16)                                 // right-size only: 14
        let o = f.savingsReport().opportunities
        #expect(near(o.combined.potential, 6.5 + 14) && o.combined.records == 2)
        #expect(o.combined.topRuns.map(\.action) == ["move to v5litepod-1", "use spot (≈ 65.0% cheaper)"])
    }

    @Test func offPeakShare() {
        var f = Fixture()
        f.priced("2026-11-16", "22:00", run: "a", cost: 1)    // Mon 22:00: off-peak (inclusive)
        f.priced("2026-11-17", "05:59", run: "b", cost: 2)    // Tue 05:59: off-peak
        f.priced("2026-11-17", "06:00", run: "c", cost: 4)    // Tue 06:00: peak (exclusive)
        f.priced("2026-11-18", "21:59", run: "d", cost: 8)    // Wed 21:59: peak
        f.priced("2026-11-21", "12:00", run: "e", cost: 16)   // Sat noon: weekend, off-peak
        let o = f.savingsReport().opportunities
        // off-peak 1 + 2 + 16 = 19 of 31
        #expect(o.offPeakSpend == 19 && near(o.offPeakShare, 19.0 / 31))
        var noWeekends = Config()
        noWeekends.offPeak.weekends = false
        #expect(f.savingsReport(noWeekends).opportunities.offPeakSpend == 3)
        // No spend: no share.
        #expect(Fixture().savingsReport().opportunities.offPeakShare == nil)
    }

    @Test func topListsKeepTenLargestWithTiesByKey() {
        var f = Fixture()
        // 12 suites on g5.4xlarge on-demand; suites s00…s11, potential 0.65 × cost; s05 and s06 tie.
        for i in 0..<12 {
            let cost = i == 6 ? 5.0 : Double(i)
            f.priced("2026-11-16", run: "run-\(i)", instance: "g5.4xlarge", suite: "s\(i < 10 ? "0" : "")\(i)", cost: cost)
        }
        let top = f.savingsReport().opportunities.spot.topSuites
        #expect(top.count == 10)
        #expect(top.map(\.key) == ["s11", "s10", "s09", "s08", "s07", "s05", "s06", "s04", "s03", "s02"])
    }
}
