import Foundation
import Testing
import CostModel
import CostRender
import CostTestSupport
@testable import CostAnalysis

@Suite struct OrderingTests {
    @Test func rowsBySpendDescendingThenKey() {
        var f = Fixture()
        // Three instance types; two tie at 10.00 and must come in key order whatever the record order.
        f.add("2026-11-16", run: "a", instance: "zeta", market: .onDemand, hours: 1, cost: 10, rate: 10)
        f.add("2026-11-16", run: "b", instance: "beta", market: .onDemand, hours: 1, cost: 25, rate: 25)
        f.add("2026-11-17", run: "c", instance: "alpha", market: .onDemand, hours: 1, cost: 10, rate: 10)
        f.add("2026-11-18", run: "d", instance: "gamma", market: .onDemand, hours: 1, cost: 0, rate: 10)
        let r = f.analyzer().report(for: period("2026-W47"), asOf: day("2026-11-22"))
        #expect(r.breakdowns.instanceType.map(\.key) == ["beta", "alpha", "zeta", "gamma"])
        // All seven days listed, quiet ones included, sorted like every dimension (spec §10):
        // by spend, then the quiet days in date order.
        #expect(r.breakdowns.day.map(\.key) == ["2026-11-16", "2026-11-17"] + (18...22).map { "2026-11-\($0)" })
        #expect(r.breakdowns.day.map(\.spend) == [35, 10, 0, 0, 0, 0, 0])
        // Every dimension is sorted by spend desc, ties by key.
        for name in Breakdowns.dimensions {
            let rows = r.breakdowns[name]
            for (a, b) in zip(rows, rows.dropFirst()) {
                #expect(a.spend > b.spend || (a.spend == b.spend && a.key < b.key), "\(name)")
            }
        }
    }

    @Test func sameInputSameBytes() throws {
        let a = HandFixture.build().analyzer(HandFixture.config).report(for: HandFixture.week, asOf: HandFixture.asOf)
        let b = HandFixture.build().analyzer(HandFixture.config).report(for: HandFixture.week, asOf: HandFixture.asOf)
        #expect(try a.jsonData() == b.jsonData())
    }

    @Test func stringIdsAndRecordOrderWithinAnInstantNeverLeak() throws {
        // The same records, with every string interned in the reverse order (other ids everywhere).
        let plain = HandFixture.build()
        let reversedOrder = Array(plain.strings.strings.dropFirst().reversed())
        let shuffled = HandFixture.build(preIntern: reversedOrder)
        #expect(plain.strings.id(of: "alice") != shuffled.strings.id(of: "alice"))
        for p in [HandFixture.week, period("2026-11"), period("2026-10-15..2026-11-18")] {
            let a = plain.analyzer(HandFixture.config).report(for: p, asOf: HandFixture.asOf)
            let b = shuffled.analyzer(HandFixture.config).report(for: p, asOf: HandFixture.asOf)
            #expect(try a.jsonData() == b.jsonData(), "\(p)")
        }
        let oa = plain.analyzer(HandFixture.config).overview(asOf: HandFixture.asOf)
        let ob = shuffled.analyzer(HandFixture.config).overview(asOf: HandFixture.asOf)
        #expect(try oa.jsonData() == ob.jsonData())
    }

    @Test func recordsOutOfDayOrderAreSortedOnce() {
        // A caller that hands records in the wrong order still gets correct period slices.
        let f = HandFixture.build()
        let d = f.dataset()
        let scrambled = Dataset(records: d.records.reversed(), strings: d.strings, quality: d.quality)
        let a = Analyzer(dataset: scrambled, catalog: Catalog(providers: [:]), config: HandFixture.config)
            .report(for: HandFixture.week, asOf: HandFixture.asOf)
        #expect(cents(a.totals.spend, 350.35) && a.totals.records == 10)
        #expect(a.breakdowns.day.map(\.key) == ["2026-11-18", "2026-11-16", "2026-11-17"])
    }

    @Test func noDeveloperAndUnattributedAreOneRow() {
        var f = Fixture()
        f.add("2026-11-16", run: "a", developer: nil, market: .onDemand, hours: 1, cost: 5, rate: 5)
        f.add("2026-11-16", run: "b", developer: "", market: .onDemand, hours: 1, cost: 7, rate: 7)
        f.add("2026-11-16", run: "c", developer: "dana", market: .onDemand, hours: 1, cost: 1, rate: 1)
        let r = f.analyzer().report(for: period("2026-W47"), asOf: day("2026-11-16"))
        #expect(r.breakdowns.developer.map(\.key) == ["(unattributed)", "dana"])
        #expect(r.breakdowns.developer[0].spend == 12 && r.breakdowns.developer[0].runs == 2)
        #expect(r.budget.developers.last?.members == ["(unattributed)", "dana"])
    }

    @Test func recordsWithoutRunIdAreEachTheirOwnRun() {
        var f = Fixture()
        f.add("2026-11-16", run: nil, market: .onDemand, hours: 1, cost: 1, rate: 1)
        f.add("2026-11-16", run: nil, market: .onDemand, hours: 1, cost: 1, rate: 1)
        f.add("2026-11-16", run: "x", market: .onDemand, hours: 1, cost: 1, rate: 1)
        f.add("2026-11-16", run: "x", market: .onDemand, hours: 1, cost: 1, rate: 1)
        let r = f.analyzer().report(for: period("2026-W47"), asOf: day("2026-11-16"))
        #expect(r.totals.runs == 3 && r.breakdowns.provider[0].runs == 3)
        #expect(f.analyzer().periodsWithData(asOf: day("2026-11-16")).weeks[0].runs == 3)
    }

    /// Breakdowns agree with a naive computation (group by label, Set<String> of runs) on a few
    /// thousand pseudo-random records: once with runs interleaved (hash-set counting), once with each
    /// run's records adjacent (the set-free path), benchmark and day varying within a run.
    @Test(arguments: [false, true])
    func breakdownsMatchANaiveComputation(contiguous: Bool) {
        var rng = SplitMix64(seed: contiguous ? 7 : 42)
        var f = Fixture()
        let devs = ["ann", "ben", "cy", nil]
        let instances = [("p4d.24xlarge", 32.77 as Double?), ("g5.xlarge", 1.006), ("x1.unknown", nil)]
        var i = 0
        while i < 3000 {
            let d = Day(iso: "2026-11-01")!.adding(days: Int(rng.next() % 40))
            let time = String(format: "%02d:%02d", Int(rng.next() % 24), Int(rng.next() % 60))
            let (inst, rate) = instances[Int(rng.next() % 3)]
            let provider = rng.next() % 2 == 0 ? "aws" : "gcp"
            let developer = devs[Int(rng.next() % 4)]
            let noRun = rng.next() % 20 == 0
            let run = contiguous ? "run-\(i)" : "run-\(rng.next() % 400)"
            // Contiguous: a run of 1–4 records at one instant (so they stay adjacent); otherwise one record.
            let size = contiguous ? Int(rng.next() % 4) + 1 : 1
            for k in 0..<size {
                let market = Market.allCases[Int(rng.next() % 4)]
                let hours: Double? = rng.next() % 10 == 0 ? nil : Double(rng.next() % 500) / 100
                f.add(d.iso, time, run: noRun ? nil : run, provider: provider, instance: inst,
                      benchmark: "b\(rng.next() % 5)", developer: developer, market: market, hours: hours,
                      cost: Double(rng.next() % 10_000) / 100, rate: rate,
                      passed: Int64(rng.next() % 5), failed: rng.next() % 7 == 0 ? 1 : 0)
                _ = k
            }
            i += size
        }
        let dataset = f.dataset()
        #expect(Timeline(records: dataset.records).runsContiguous == contiguous)
        let asOf = day("2026-11-30")
        let p = period("2026-11-10..2026-12-05")
        let analyzer = Analyzer(dataset: dataset, catalog: Catalog(providers: [:]), config: Config())
        let r = analyzer.report(for: p, asOf: asOf)
        let inPeriod = dataset.records.filter { $0.day >= p.start && $0.day <= asOf }
        func runCount(_ g: [RunRecord]) -> Int {
            var runs = Set<String>(); var solo = 0
            for rec in g { if rec.run == StringTable.none { solo += 1 } else { runs.insert(dataset.strings[rec.run]) } }
            return runs.count + solo
        }
        let keyOf: [BreakdownDimension: (RunRecord) -> String] = [
            .provider: { dataset.strings[$0.provider] },
            .instanceType: { dataset.strings[$0.instanceType] },
            .benchmark: { dataset.strings[$0.benchmark] },
            .developer: { dataset.strings[$0.developer] },
            .market: { $0.market.key },
            .day: { $0.day.iso },
        ]
        for (name, key) in keyOf {
            let groups = Dictionary(grouping: inPeriod, by: key)
            let rows = r.breakdowns[name].filter { $0.records > 0 }
            #expect(rows.count == groups.count, "\(name)")
            for row in rows {
                let g = groups[row.key] ?? []
                #expect(row.records == g.count, "\(name) \(row.key)")
                #expect(row.runs == runCount(g), "\(name) \(row.key)")
                #expect(abs(row.spend - g.reduce(0) { $0 + $1.cost }) < 1e-6, "\(name) \(row.key)")
                #expect(abs(row.onDemandEquivalent - g.reduce(0) { $0 + ($1.onDemandEquivalent ?? 0) }) < 1e-6)
                #expect(abs(row.realizedSavings - g.reduce(0) { $0 + ($1.realizedSavings ?? 0) }) < 1e-6)
                #expect(row.testsFailed == g.reduce(0) { $0 + Int($1.testsFailed) })
            }
        }
        #expect(r.breakdowns.day.count == 21)  // 11-10 … 11-30, capped by as-of
        #expect(r.totals.runs == runCount(inPeriod))
        #expect(abs(r.totals.spend - inPeriod.reduce(0) { $0 + $1.cost }) < 1e-6)
        // Week and month summaries count runs the same way.
        for s in analyzer.periodsWithData(asOf: asOf).weeks {
            let q = period(s.id)
            #expect(s.runs == runCount(dataset.records.filter { $0.day >= q.start && $0.day <= min(q.end, asOf) }), "\(s.id)")
        }
    }
}

