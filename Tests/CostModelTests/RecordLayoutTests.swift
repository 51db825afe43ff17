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

/// The compact string table keeps the dictionary's meaning of "the same string".
@Suite("StringTable")
struct StringTableTests {
    @Test("canonically equivalent spellings are one string, kept as first seen; others stay apart")
    func equivalence() {
        var t = StringTable()
        let composed = t.intern("Jos\u{E9}")          // é as one scalar
        let decomposed = t.intern("Jose\u{301}")      // e and a combining accent
        #expect(composed == decomposed)
        #expect(t[composed].unicodeScalars.count == 4)  // the first spelling is the one kept
        #expect(t.intern("\u{212A}") == t.intern("K"))  // the Kelvin sign is K
        #expect(t.id(of: "Jose\u{301}") == composed)
        #expect(t.intern("jose") != composed)
        #expect(t.intern("") != StringTable.none && t[t.intern("")] == "")
        #expect(t[StringTable.none] == "(none)" && t.intern("(none)") == StringTable.none)
    }

    @Test("100,000 strings: ids in insertion order, every one found again")
    func many() {
        var t = StringTable()
        let ids = (0..<100_000).map { t.intern("run-\($0)-\(String(repeating: "x", count: $0 % 40))") }
        #expect(ids == (1...100_000).map { StringID($0) })
        #expect(t.count == 100_001)
        for i in stride(from: 0, to: 100_000, by: 997) {
            let s = "run-\(i)-\(String(repeating: "x", count: i % 40))"
            #expect(t.id(of: s) == ids[i] && t[ids[i]] == s)
        }
        #expect(t.id(of: "run-none") == nil)
    }
}
