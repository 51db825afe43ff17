import CostModel
import Testing

@testable import CostIngest

/// `finish()`: failures per run, double counting (record mode), folding (run mode), sort order.
@Suite struct RunAttributionTests {
    typealias F = IngestFixtures

    private var runMode: Config {
        var c = Config()
        c.costAttribution = .run
        return c
    }

    @Test func doubleCountingCountsCopiesBeyondTheFirst() throws {
        let dataset = try F.build([
            F.raw(run: "a", cost: 5), F.raw(run: "a", cost: 5), F.raw(run: "a", cost: 5),   // 2 copies of 5
            F.raw(run: "a", cost: 1),
            F.raw(run: "b", cost: 3), F.raw(run: "b", cost: 4),                             // different costs
            F.raw(run: "c", cost: 0, metadata: nil), F.raw(run: "c", duration: 0, cost: 0),  // zero (one estimated)
            F.raw(run: "d", cost: nil), F.raw(run: "d", cost: nil),                         // estimated: not counted
            F.raw(run: nil, cost: 2), F.raw(run: nil, cost: 2),                             // no run id: own runs
        ])
        #expect(dataset.quality.doubleCounting == {
            var d = DoubleCounting(); d.runs = 1; d.records = 2; d.duplicatedSpend = 10; return d
        }())
        #expect(dataset.records.count == 12)            // record mode keeps every record
        #expect(dataset.quality.foldedIntoRuns == 0)
    }

    @Test func recordsWithoutRunIDAreTheirOwnRuns() throws {
        let dataset = try F.build([F.raw(run: nil), F.raw(run: "  ")])
        #expect(Set(dataset.records.map(\.run)).count == 2)
    }

    @Test func failedTestsMarkTheWholeRun() throws {
        let dataset = try F.build([F.raw(run: "a", failed: 0), F.raw(run: "a", failed: 2), F.raw(run: "b", failed: nil)])
        let byRun = Dictionary(grouping: dataset.records) { dataset.text($0.run) }
        #expect(byRun["a"]!.allSatisfy { $0.flags.contains(.runHasFailures) })
        #expect(!byRun["b"]!.contains { $0.flags.contains(.runHasFailures) })
    }

    @Test func runModeFoldsEachRunIntoOneRecord() throws {
        let dataset = try F.build([
            F.raw(run: "a", timestamp: "2026-11-02T11:00:00", instance: "g5.12xlarge", suite: "later",
                  duration: 7200, cost: 9, failed: 1, metadata: #"{"market": "spot", "cache": true}"#),
            F.raw(run: "a", timestamp: "2026-11-02T10:00:00", suite: "earliest", duration: 3600, cost: 1,
                  metadata: #"{"developer": "alice", "market": "on-demand"}"#),
            F.raw(run: "a", timestamp: "2026-11-02T12:00:00", suite: "last", duration: 60, cost: 2),
            F.raw(run: "b", timestamp: "2026-11-02T09:00:00", cost: 4),
        ], config: runMode)
        #expect(dataset.records.count == 2)
        #expect(dataset.quality.foldedIntoRuns == 2)
        #expect(dataset.quality.read == 4)
        #expect(dataset.quality.doubleCounting == DoubleCounting())
        let b = dataset.records[0], a = dataset.records[1]     // sorted by instant: b at 09:00, a at 10:00
        #expect(dataset.text(b.run) == "b")
        #expect(dataset.text(a.suite) == "earliest")           // dimensions from the earliest record
        #expect(dataset.text(a.instanceType) == "g5.xlarge")
        #expect(dataset.text(a.developer) == "alice")
        #expect(a.day == Day(year: 2026, month: 11, day: 2) && a.minuteOfDay == 600)
        #expect(a.cost == 9 && a.hours == 2 && a.market == .spot)   // cost, duration, market from the costliest
        #expect(a.testsPassed == 15 && a.testsFailed == 1 && a.testsSkipped == 3)
        #expect(a.flags.contains(.runHasFailures) && a.flags.contains(.cacheOn))
    }

    @Test func sortedByInstantThenSourceOrder() throws {
        let dataset = try F.build([
            F.raw(run: "late", timestamp: "2026-11-03T00:00:00"),
            F.raw(run: "tie-1", timestamp: "2026-11-02T10:00:00"),
            F.raw(run: "early", timestamp: "2026-11-01T00:00:00Z"),
            F.raw(run: "tie-2", timestamp: "2026-11-02T10:00:00.000"),
        ])
        #expect(dataset.records.map { dataset.text($0.run) } == ["early", "tie-1", "tie-2", "late"])
    }
}
