import CostModel
import Testing

/// A million records are most of a large build's memory (issue 15): their size is held here, and
/// the compact storage of the optional numbers must still read back as the optionals they were.
@Suite("RunRecord stays compact")
struct RecordLayoutTests {
    static func record(hours: Double?, rate: Double?) -> RunRecord {
        RunRecord(instant: 0, day: Day(year: 2026, month: 11, day: 2), minuteOfDay: 0, run: 1, provider: 2,
                  instanceType: 3, region: 4, hardwareType: 0, gpuModel: 0, suite: 0, benchmark: 0,
                  developer: 0, branch: 0, pr: 0, testType: .unit, market: .spot, hours: hours, cost: 1,
                  onDemandRate: rate, testsPassed: 1 << 53, testsFailed: 0, testsSkipped: 0, flags: [.parallel])
    }

    @Test("120 bytes a record, 48 a performance sample")
    func sizes() {
        #expect(MemoryLayout<RunRecord>.stride == 120)
        #expect(MemoryLayout<PerformanceSample>.stride == 48)
    }

    @Test("hours and the on-demand rate keep nil, zero and values apart")
    func optionalsRoundTrip() {
        var r = Self.record(hours: nil, rate: nil)
        #expect(r.hours == nil && r.onDemandRate == nil && r.onDemandEquivalent == nil)
        r.hours = 0
        r.onDemandRate = 2.5
        #expect(r.hours == 0 && r.onDemandRate == 2.5 && r.onDemandEquivalent == 0)
        r.hours = 1.5
        #expect(r.onDemandEquivalent == 3.75 && r.realizedSavings == 2.75)
        r.onDemandRate = nil
        #expect(r.onDemandRate == nil && r.realizedSavings == nil)
        #expect(Self.record(hours: 4, rate: 0).onDemandRate == 0)
        #expect(Self.record(hours: 4, rate: 0).testsPassed == 1 << 53)
    }
}
