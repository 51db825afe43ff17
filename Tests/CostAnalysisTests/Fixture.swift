import CostModel
@testable import CostAnalysis

/// Builds `Dataset`s in code: interns strings, makes `RunRecord`s, and sets `.runHasFailures` on
/// every record of a run with a failed test (as ingest does).
struct Fixture {
    var strings = StringTable()
    var records: [RunRecord] = []
    var quality = IngestQuality()

    /// `preIntern` fixes the order in which strings get their ids (to show ids never leak into output).
    init(preIntern: [String] = []) {
        for s in preIntern { _ = strings.intern(s) }
    }

    /// `day` is `YYYY-MM-DD`; `time` is `HH:MM` local (the fixtures use UTC).
    /// Text dimensions default to the empty key "(none)"; a nil developer is stored as `(unattributed)`
    /// (as ingest does) and `""` as the empty id (no developer at all).
    mutating func add(_ day: String, _ time: String = "10:00", run: String?,
                      provider: String = "aws", instance: String = "p4d.24xlarge", region: String = "us-east-2",
                      hardware: String = "nvidia", gpu: String = "A100", suite: String? = nil,
                      benchmark: String? = nil, developer: String? = nil, branch: String? = "main",
                      pr: String? = nil, testType: TestType = .unknown, market: Market,
                      hours: Double?, cost: Double, rate: Double?,
                      passed: Int64 = 0, failed: Int64 = 0, flags: RecordFlags = []) {
        let d = Day(iso: day)!
        let hm = time.split(separator: ":").map { Int($0)! }
        let minute = hm[0] * 60 + hm[1]
        func id(_ s: String?) -> StringID { s.map { strings.intern($0) } ?? StringTable.none }
        records.append(RunRecord(
            instant: Double(d.ordinal) * 86_400 + Double(minute) * 60 + Double(records.count) * 0.001,
            day: d, minuteOfDay: Int16(minute), run: id(run), provider: id(provider),
            instanceType: id(instance), region: id(region), hardwareType: id(hardware), gpuModel: id(gpu),
            suite: id(suite), benchmark: id(benchmark),
            developer: developer == "" ? StringTable.none : strings.intern(developer ?? "(unattributed)"),
            branch: id(branch), pr: id(pr), testType: testType, market: market, hours: hours, cost: cost,
            onDemandRate: rate, testsPassed: passed, testsFailed: failed, testsSkipped: 0, flags: flags))
    }

    func dataset() -> Dataset {
        let failingRuns = Set(records.filter { $0.testsFailed > 0 && $0.run != StringTable.none }.map(\.run))
        var out = records.map { r -> RunRecord in
            var r = r
            if failingRuns.contains(r.run) || r.testsFailed > 0 { r.flags.insert(.runHasFailures) }
            return r
        }
        out.sort { $0.instant < $1.instant }
        var q = quality
        if q.read == 0 { q.read = out.count + q.rejectedTotal }
        return Dataset(records: out, strings: strings, quality: q)
    }

    func analyzer(_ config: Config = Config()) -> Analyzer {
        Analyzer(dataset: dataset(), catalog: Catalog(providers: [:]), config: config)
    }
}

func day(_ text: String) -> Day { Day(iso: text)! }
func period(_ text: String) -> Period { Period(parsing: text)! }

/// Money compared to the cent.
func cents(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.005 }
func cents(_ a: Double?, _ b: Double) -> Bool { a.map { cents($0, b) } ?? false }

func row(_ rows: [BreakdownRow], _ key: String) -> BreakdownRow? { rows.first { $0.key == key } }
