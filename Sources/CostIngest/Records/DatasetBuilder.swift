import CostModel
import Foundation

/// Streams raw rows into accepted `RunRecord`s and counted rejections (spec §1, §3, §12).
/// Source-agnostic on purpose: the SQLite reader feeds it today, a JSON-results reader later,
/// and every rule lives here once.
///
/// This is the hot path for a million rows: strings are interned per distinct raw value, catalog
/// rates are looked up per distinct provider/instance/region, and a row whose metadata text equals
/// the previous row's (the common case inside a run) reuses its parsed facts.
public struct DatasetBuilder {
    let catalog: Catalog
    let config: Config
    var clock: ZoneClock

    var strings = StringTable()
    var records: [RunRecord] = []
    var samples: [PerformanceSample] = []
    var quality = IngestQuality()
    /// How many rejected rows keep their source for the report (all are counted).
    static let rejectedSampleLimit = 20

    private var runs = NormalisingInterner.runIDs()
    private var providers = NormalisingInterner.provider()
    private var instanceTypes = NormalisingInterner.lowercased()
    private var regions = NormalisingInterner.region()
    private var hardwareTypes = NormalisingInterner.lowercased()
    private var gpuModels = NormalisingInterner.stripped()
    private var suites = NormalisingInterner.stripped()
    private var benchmarks = NormalisingInterner.stripped()

    private var rates: [RateKey: Rates] = [:]
    private var providerListing: [StringID: StringID] = [:]
    private var testTypeOfName: [StringID: TestType] = [:]
    private var scheduledSuite: [StringID: Bool] = [:]
    /// The records of a run follow each other and share its metadata text: parsed once per run.
    /// (A dictionary of every distinct text cost more in hashing than `MetadataScanner` costs.)
    private var lastMetadata: (text: String, resolved: ResolvedMetadata)?
    private var noMetadata: ResolvedMetadata?
    private var lastParsedMetadata: (facts: MetadataFacts, resolved: ResolvedMetadata)?

    private let unknownProvider: StringID
    private let unattributed: StringID

    // One run, one source (spec §1): run ids of the sources (and result files) already finished, and
    // of the current one. Interned ids, so memory grows with the number of runs, not records or files.
    private var runsOfEarlierSources = Set<StringID>()
    private var runsOfThisSource = Set<StringID>()
    private var lastRunOfThisSource = StringTable.none
    /// Index into `quality.bySource` of the source being read; nil before `beginSource`.
    private var currentSource: Int?

    public init(catalog: Catalog, config: Config) throws {
        guard let zone = TimeZone(identifier: config.timezone) else {
            throw IngestError("unknown time zone '\(config.timezone)': use an IANA name such as UTC or Europe/Berlin")
        }
        self.catalog = catalog
        self.config = config
        clock = ZoneClock(zone: zone)
        unknownProvider = strings.intern("unknown")
        unattributed = strings.intern("(unattributed)")
    }

    /// Room for about `rows` more rows (a source that knows its size says so before streaming).
    public mutating func reserveCapacity(for rows: Int) {
        records.reserveCapacity(records.count + rows)
        samples.reserveCapacity(samples.count + rows)
    }

    /// Starts the next source (a database path, a results folder): rows added from now on belong to
    /// it in the data-quality figures, and it starts a new scope for "one run, one source" (below).
    /// `RecordSources.dataset` calls it per source.
    public mutating func beginSource(_ name: String) {
        beginFile()
        quality.sources.append(name)
        quality.bySource.append(SourceQuality(name: name))
        currentSource = quality.bySource.count - 1
    }

    /// Starts the next file of a source that reads files. One run, one source (spec §1): a row whose
    /// run id was seen in an earlier source or file (the database, another result file) is rejected as
    /// `duplicate_run`; rows of one run within one database or one file all count.
    public mutating func beginFile() {
        if !runsOfThisSource.isEmpty {
            runsOfEarlierSources.formUnion(runsOfThisSource)
            runsOfThisSource = []
        }
        lastRunOfThisSource = StringTable.none
    }

    /// One result-file record that is not a JSON object (a bad JSON Lines line, an array element that
    /// is a number): read, and rejected as `invalid_record` (spec §12).
    public mutating func addInvalidRecord(source: @autoclosure () -> String) {
        countRead()
        reject(.invalidRecord, source())
    }

    /// A result file of the current source was read (whatever its records gave).
    public mutating func noteFileRead() {
        quality.bySource[sourceIndex()].filesRead += 1
    }

    /// A result file of the current source could not be read and contributes nothing (spec §1).
    public mutating func noteUnreadableFile(path: String, reason: String) {
        quality.bySource[sourceIndex()].unreadableFiles.append(UnreadableFile(path: path, reason: reason))
    }

    /// The current source; a builder fed without `beginSource` (a test) gets one unnamed source.
    private mutating func sourceIndex() -> Int {
        if let currentSource { return currentSource }
        beginSource("")
        return currentSource!
    }

    private mutating func countRead() {
        if let s = currentSource { quality.bySource[s].read += 1 }
    }

    /// A record's largest believable cost: no single test run costs ten million dollars; a larger
    /// figure is a unit or parsing error upstream and is rejected as `invalid_cost` (issue 11).
    public static let maxCostUSD = 10_000_000.0
    /// A run's longest believable duration, a leap year: larger is `invalid_duration`.
    public static let maxDurationSeconds = 366.0 * 86_400
    /// 1969-12-31 and 2201-01-01 in seconds since 1970 (UTC): a day of margin for any time zone.
    static let earliestSeconds = -86_400.0 * 2
    static let latestSeconds = Double(Day(year: 2201, month: 1, day: 2).ordinal) * 86_400

    /// Adds one raw row: accepted as a record, or counted under its first rejection reason.
    /// `source` (`benchmarks.db id 17`) is only evaluated for rejected rows and rows without a run id.
    public mutating func add(_ raw: RawRecord, source: @autoclosure () -> String) {
        countRead()
        // Rejections, in the order spec §12 lists them: one reason per record.
        var run = runs.id(raw.runID, in: &strings)
        if run != StringTable.none {
            if !runsOfEarlierSources.isEmpty, runsOfEarlierSources.contains(run) {
                return reject(.duplicateRun, source())
            }
            if run != lastRunOfThisSource {
                runsOfThisSource.insert(run)
                lastRunOfThisSource = run
            }
        }
        guard let parsed = raw.timestampParsed ? raw.parsedTimestamp : raw.timestamp.flatMap(TimestampParser.parse) else {
            return reject(.invalidTimestamp, source())
        }
        // Spec §12: only the years 1970–2200 (in the report time zone) are valid. The seconds are
        // checked with a day to spare on each side before the clock converts them (its bucket
        // arithmetic needs a bounded value), then the local day exactly.
        let seconds: Double
        switch parsed {
        case .instant(let t): seconds = t
        case .local(let t): seconds = t
        }
        guard seconds.isFinite, seconds >= Self.earliestSeconds, seconds <= Self.latestSeconds else {
            return reject(.invalidTimestamp, source())
        }
        let instant: Double
        switch parsed {
        case .instant(let t): instant = t
        case .local(let local): instant = clock.instant(fromLocal: local)
        }
        let (day, minute) = clock.localDayAndMinute(ofInstant: instant)
        guard SupportedDays.range.contains(day) else { return reject(.invalidTimestamp, source()) }
        if let d = raw.durationSeconds {
            if !d.isFinite || d > Self.maxDurationSeconds { return reject(.invalidDuration, source()) }
            if d < 0 { return reject(.negativeDuration, source()) }
        }
        var recordedCost: Double?
        if let c = raw.costUSD {
            if !c.isFinite || c > Self.maxCostUSD { return reject(.invalidCost, source()) }
            if c < 0 { return reject(.negativeCost, source()) }
            // The team's Python writer stores 0.0 for a cost it never set.
            let neverSet = c == 0 && (raw.durationSeconds ?? 0) > 0
            recordedCost = neverSet ? nil : c
        }
        let hours = raw.durationSeconds.map { $0 / 3600 }

        let instanceType = instanceTypes.id(raw.instanceType, in: &strings)
        let region = regions.id(raw.region, in: &strings)
        let provider = providerID(raw.cloudProvider, instanceType: instanceType)
        let rates = rates(provider: provider, instanceType: instanceType, region: region)
        let meta: ResolvedMetadata
        if let facts = raw.parsedMetadata {
            // Read by the source: no text to parse. A run's rows repeat the facts: resolved once.
            if let last = lastParsedMetadata, last.facts == facts {
                meta = last.resolved
            } else {
                meta = ResolvedMetadata(facts, strings: &strings, unattributed: unattributed)
                lastParsedMetadata = (facts, meta)
            }
        } else {
            meta = metadata(raw.metadata)
        }

        // Market evidence in spec §12 order; inference comes last and only for recorded costs.
        var market = meta.market ?? raw.executionSpotInstance.map { $0 ? Market.spot : .onDemand }
        var flags = meta.flags
        let cost: Double
        if let recordedCost {
            cost = recordedCost
            if market == nil {
                market = MarketRules.inferredMarket(cost: cost, hours: hours, onDemandRate: rates.onDemand)
                if market != nil { flags.insert(.marketInferred) }
            }
        } else {
            let recorded = market ?? .unknown
            guard let hours, let rate = rates.estimationRate(for: recorded) else {
                return reject(.missingCost, source())
            }
            cost = hours * rate
            market = recorded == .unknown ? .onDemand : recorded
            flags.insert(.costEstimated)
        }

        if run == StringTable.none {
            // A record without run_id is its own run (spec §12): give it a key no other row shares.
            run = strings.intern("(no run_id) " + source())
        }
        let suite = suites.id(raw.benchmarkSuite, in: &strings)
        let benchmark = benchmarks.id(raw.benchmarkName, in: &strings)
        if meta.scheduledByTrigger || isScheduled(suite: suite) { flags.insert(.scheduled) }

        var invalidCounts = false
        let passed = Self.count(raw.testsPassed, invalid: &invalidCounts)
        let failed = Self.count(raw.testsFailed, invalid: &invalidCounts)
        let skipped = Self.count(raw.testsSkipped, invalid: &invalidCounts)
        records.append(RunRecord(
            instant: instant, day: day, minuteOfDay: minute, run: run, provider: provider,
            instanceType: instanceType, region: region,
            hardwareType: hardwareTypes.id(raw.hardwareType, in: &strings),
            gpuModel: gpuModels.id(raw.gpuModel, in: &strings),
            suite: suite, benchmark: benchmark, developer: meta.developer, branch: meta.branch, pr: meta.pr,
            testType: meta.testType != .unknown ? meta.testType
                : testType(suite: suite, benchmark: benchmark, testPath: raw.testPath),
            market: market ?? .unknown, hours: hours, cost: cost, onDemandRate: rates.onDemand,
            testsPassed: passed, testsFailed: failed, testsSkipped: skipped, flags: flags,
            commit: meta.commit, account: meta.account))
        if invalidCounts { quality.invalidTestCounts += 1 }

        // Performance samples (spec §13), for accepted records only.
        if let listed = raw.benchmarkSamples {
            for s in listed {
                addSample(benchmark: benchmarks.id(s.name, in: &strings), provider: provider, instanceType: instanceType,
                          day: day, branch: meta.branch, pr: meta.pr, commit: meta.commit,
                          throughput: s.throughput, latencyMs: s.latencyMs)
            }
        } else {
            addSample(benchmark: benchmark, provider: provider, instanceType: instanceType, day: day,
                      branch: meta.branch, pr: meta.pr, commit: meta.commit, throughput: raw.throughput,
                      latencyMs: raw.latencyMs)
        }
    }

    /// A sample needs a benchmark name and a throughput > 0; a latency that is not > 0 is absent.
    /// (The team's writer stores 0.0 for a value never set; NaN and infinities are no measurement.)
    private mutating func addSample(benchmark: StringID, provider: StringID, instanceType: StringID, day: Day,
                                    branch: StringID, pr: StringID, commit: StringID, throughput: Double?,
                                    latencyMs: Double?) {
        guard benchmark != StringTable.none, let throughput, throughput > 0, throughput.isFinite else { return }
        let latency = latencyMs.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
        samples.append(PerformanceSample(benchmark: benchmark, provider: provider, instanceType: instanceType,
                                         day: day, branch: branch, pr: pr, commit: commit, throughput: throughput,
                                         latencyMs: latency))
    }

    /// Counts every rejection; only the first few keep their source (built only for those).
    private mutating func reject(_ reason: RejectionReason, _ source: @autoclosure () -> String) {
        quality.rejected[reason, default: 0] += 1
        if let s = currentSource { quality.bySource[s].rejected[reason, default: 0] += 1 }
        if quality.rejectedSamples.count < Self.rejectedSampleLimit {
            quality.rejectedSamples.append(RejectedRecord(source: source(), reason: reason))
        }
    }

    /// The recorded provider, else the provider whose catalog lists the instance, else `unknown`.
    private mutating func providerID(_ raw: String?, instanceType: StringID) -> StringID {
        let recorded = providers.id(raw, in: &strings)
        if recorded != StringTable.none { return recorded }
        if let cached = providerListing[instanceType] { return cached }
        let listed = instanceType == StringTable.none ? nil : catalog.provider(listing: strings[instanceType])
        let id = listed.map { strings.intern($0) } ?? unknownProvider
        providerListing[instanceType] = id
        return id
    }

    private mutating func rates(provider: StringID, instanceType: StringID, region: StringID) -> Rates {
        let key = RateKey(provider: provider, instanceType: instanceType, region: region)
        if let cached = rates[key] { return cached }
        let r = Rates(catalog: catalog, provider: strings[provider], instanceType: strings[instanceType],
                      region: region == StringTable.none ? "" : strings[region])
        rates[key] = r
        return r
    }

    private mutating func metadata(_ text: String?) -> ResolvedMetadata {
        guard let text else {
            if let noMetadata { return noMetadata }
            let resolved = ResolvedMetadata(MetadataFacts(), strings: &strings, unattributed: unattributed)
            noMetadata = resolved
            return resolved
        }
        if let last = lastMetadata, last.text == text { return last.resolved }
        let resolved = ResolvedMetadata(MetadataFacts(json: text), strings: &strings, unattributed: unattributed)
        lastMetadata = (text, resolved)
        return resolved
    }

    /// Word rules on the suite, then the benchmark name, then the test path (spec §12).
    private mutating func testType(suite: StringID, benchmark: StringID, testPath: String?) -> TestType {
        let bySuite = testType(ofName: suite)
        if bySuite != .unknown { return bySuite }
        let byBenchmark = testType(ofName: benchmark)
        if byBenchmark != .unknown { return byBenchmark }
        return TextRules.testType(in: testPath)
    }

    private mutating func testType(ofName name: StringID) -> TestType {
        guard name != StringTable.none else { return .unknown }
        if let cached = testTypeOfName[name] { return cached }
        let t = TextRules.testType(in: strings[name])
        testTypeOfName[name] = t
        return t
    }

    private mutating func isScheduled(suite: StringID) -> Bool {
        guard suite != StringTable.none else { return false }
        if let cached = scheduledSuite[suite] { return cached }
        let s = TextRules.isScheduled(suite: strings[suite])
        scheduledSuite[suite] = s
        return s
    }

    /// Spec §12: a test count is a whole number from 0 to 2^53; NULL is 0; anything else
    /// (negative, fractional, text: `RawRecord.invalidCount`) counts as 0 and is reported.
    private static func count(_ n: Int?, invalid: inout Bool) -> Int64 {
        guard let n else { return 0 }
        guard (0...RawRecord.maxTestCount).contains(n) else { invalid = true; return 0 }
        return Int64(n)
    }
}

/// Metadata facts with their strings interned, cached while consecutive rows repeat the text.
struct ResolvedMetadata {
    var developer: StringID
    var branch: StringID
    var pr: StringID
    var commit: StringID
    var account: StringID
    /// From `metadata.test_type` only; the name rules run when this is unknown.
    var testType: TestType
    var scheduledByTrigger: Bool
    var market: Market?
    var flags: RecordFlags

    init(_ f: MetadataFacts, strings: inout StringTable, unattributed: StringID) {
        developer = f.developer.map { strings.intern($0) } ?? unattributed
        branch = f.branch.map { strings.intern($0) } ?? StringTable.none
        pr = TextRules.prKey(f.pr).map { strings.intern($0) } ?? StringTable.none
        commit = f.commit.map { strings.intern($0) } ?? StringTable.none
        account = f.account.map { strings.intern($0) } ?? StringTable.none
        testType = TextRules.testType(in: f.testType)
        scheduledByTrigger = TextRules.isScheduled(trigger: f.trigger)
        market = f.market
        flags = []
        if f.parallelismRecorded { flags.insert(.parallelismRecorded) }
        if f.parallel { flags.insert(.parallel) }
        if f.cacheRecorded { flags.insert(.cacheRecorded) }
        if f.cacheOn { flags.insert(.cacheOn) }
        if f.notObject { flags.insert(.metadataNotObject) }
    }
}
