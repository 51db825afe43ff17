#if canImport(Glibc)
import Glibc  // memcmp
#elseif canImport(Darwin)
import Darwin
#endif

/// An interned string: records carry small integer ids instead of `String`s so that a million
/// records stay compact and grouping hashes integers. `StringTable` maps ids back to text.
public typealias StringID = Int32

/// The purchase market a record ran in.
public enum Market: UInt8, Sendable, Codable, CaseIterable {
    case onDemand, spot, reserved, unknown

    /// The key used in breakdowns and JSON.
    public var key: String {
        switch self {
        case .onDemand: return "on-demand"
        case .spot: return "spot"
        case .reserved: return "reserved"
        case .unknown: return "unknown"
        }
    }
}

/// Test type for right-sizing (spec §5, §12): from `metadata.test_type` or words in names.
public enum TestType: UInt8, Sendable, CaseIterable {
    case unknown, unit, quick, integration, benchmark

    public var key: String {
        switch self {
        case .unknown: return "(none)"
        case .unit: return "unit"
        case .quick: return "quick"
        case .integration: return "integration"
        case .benchmark: return "benchmark"
        }
    }

    /// Maps a recorded `test_type` value or a name token to a type (spec §12 word rules).
    public init(token: String) {
        let t = token.lowercased()
        if t.hasPrefix("unit") { self = .unit }
        else if t == "smoke" || t == "quick" { self = .quick }
        else if t == "integration" { self = .integration }
        else if t == "benchmark" || t == "benchmarks" || t == "perf" { self = .benchmark }
        else { self = .unknown }
    }
}

/// One accepted, normalised record. Every text dimension is an id into the dataset's table.
/// Kept small on purpose (no `String`s, no optionals, the wide fields first so nothing is padded):
/// a million of these is most of a large build's memory. 120 bytes a record (`MemoryLayout`
/// stride, held by `RecordLayoutTests`): 7 eight-byte numbers, 14 four-byte ids and day, then the
/// minute, the flags, the test type and the market.
public struct RunRecord: Sendable {
    /// Run start as an absolute instant (seconds since 1970-01-01T00:00:00Z).
    public var instant: Double
    /// USD, recorded or estimated (see `flags`).
    public var cost: Double
    /// `hours` and `onDemandRate`, NaN for nil: `Double?` would take 16 bytes each.
    private var storedHours: Double
    private var storedOnDemandRate: Double

    /// Whole numbers 0…2^53 (spec §12): 64 bits, so no count is clamped.
    public var testsPassed: Int64
    public var testsFailed: Int64
    public var testsSkipped: Int64

    /// Local day in the report time zone (off-peak, daily and weekly buckets).
    public var day: Day
    public var run: StringID
    public var provider: StringID
    public var instanceType: StringID
    public var region: StringID
    public var hardwareType: StringID
    public var gpuModel: StringID
    public var suite: StringID
    public var benchmark: StringID
    public var developer: StringID
    public var branch: StringID
    public var pr: StringID
    /// `metadata.commit` (else `commit_sha`) and `metadata.account_id`; `StringTable.none` when absent.
    public var commit: StringID
    public var account: StringID

    /// Local minute of day in the report time zone.
    public var minuteOfDay: Int16
    public var flags: RecordFlags
    public var testType: TestType
    public var market: Market

    /// Instance-hours; nil when the duration was not recorded.
    public var hours: Double? {
        get { storedHours.isNaN ? nil : storedHours }
        set { storedHours = newValue ?? .nan }
    }

    /// On-demand rate R for the record's instance and region (spec §2); nil for unknown instances.
    public var onDemandRate: Double? {
        get { storedOnDemandRate.isNaN ? nil : storedOnDemandRate }
        set { storedOnDemandRate = newValue ?? .nan }
    }

    public init(instant: Double, day: Day, minuteOfDay: Int16, run: StringID, provider: StringID,
                instanceType: StringID, region: StringID, hardwareType: StringID, gpuModel: StringID,
                suite: StringID, benchmark: StringID, developer: StringID, branch: StringID, pr: StringID,
                testType: TestType, market: Market, hours: Double?, cost: Double, onDemandRate: Double?,
                testsPassed: Int64, testsFailed: Int64, testsSkipped: Int64, flags: RecordFlags,
                commit: StringID = StringTable.none, account: StringID = StringTable.none) {
        self.instant = instant; self.day = day; self.minuteOfDay = minuteOfDay; self.run = run
        self.provider = provider; self.instanceType = instanceType; self.region = region
        self.hardwareType = hardwareType; self.gpuModel = gpuModel; self.suite = suite
        self.benchmark = benchmark; self.developer = developer; self.branch = branch; self.pr = pr
        self.testType = testType; self.market = market; self.cost = cost
        // A NaN hours or rate never reaches a record: the builder rejects non-finite durations, and
        // catalog rates are finite. Were one passed, it would read back as nil, not as NaN.
        self.storedHours = hours ?? .nan
        self.storedOnDemandRate = onDemandRate ?? .nan
        self.testsPassed = testsPassed; self.testsFailed = testsFailed
        self.testsSkipped = testsSkipped; self.flags = flags
        self.commit = commit; self.account = account
    }

    /// On-demand equivalent = hours × R, when both are known (spec §3).
    public var onDemandEquivalent: Double? {
        guard let h = hours, let r = onDemandRate else { return nil }
        return h * r
    }

    /// Realized savings = on-demand equivalent − cost, for spot and reserved records only (spec §3).
    public var realizedSavings: Double? {
        guard market == .spot || market == .reserved, let od = onDemandEquivalent else { return nil }
        return od - cost
    }
}

/// Facts about a record that are yes/no, packed into one byte-sized set.
public struct RecordFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Cost was missing and computed as hours × rate (spec §12).
    public static let costEstimated = RecordFlags(rawValue: 1 << 0)
    /// Market was not recorded and was inferred from the effective rate (spec §3).
    public static let marketInferred = RecordFlags(rawValue: 1 << 1)
    /// `trigger` nightly/weekly/schedule/scheduled, or a suite token starting with one (spec §12).
    public static let scheduled = RecordFlags(rawValue: 1 << 2)
    /// The run recorded `pytest_args` or `workers` (checklist item 3's denominator).
    public static let parallelismRecorded = RecordFlags(rawValue: 1 << 3)
    /// pytest ran with `-n N` (N > 1, or auto) or `workers` > 1.
    public static let parallel = RecordFlags(rawValue: 1 << 4)
    /// `metadata.cache` recorded, and its value.
    public static let cacheRecorded = RecordFlags(rawValue: 1 << 5)
    public static let cacheOn = RecordFlags(rawValue: 1 << 6)
    /// Some record of the same run has failed tests (spend on runs with failed tests, spec §4).
    public static let runHasFailures = RecordFlags(rawValue: 1 << 7)
    /// The record's metadata was not a JSON object and was read as `{}` (spec §12).
    public static let metadataNotObject = RecordFlags(rawValue: 1 << 8)
}

/// Interns strings so records carry `StringID`s. Id 0 is always the empty key "(none)".
///
/// Compact on purpose: every string's UTF-8 bytes one after another, their end offsets and hashes,
/// and an open-addressing index of ids. A quarter of a million run ids as `String`s in an array and a
/// dictionary took about 130 bytes each; here it is their bytes and about 20 more (issue 15).
/// Reading an id makes its `String`, which costs an allocation for text over 15 bytes: labels
/// are read per breakdown row and page, never per record in a hot loop.
public struct StringTable: Sendable {
    private var bytes: [UInt8] = []
    /// String i is `bytes[(i == 0 ? 0 : ends[i - 1]) ..< ends[i]]`.
    private var ends: [Int] = []
    /// Each string's hash (`String`'s, cut to 32 bits), so growing the index needs no rehashing.
    private var hashes: [Int32] = []
    /// id + 1 per slot, 0 for an empty slot; a power of two long and at most half full.
    private var slots: [Int32] = []

    public init() { _ = intern("(none)") }

    public static let none: StringID = 0

    /// How many strings there are (ids are 0 ..< count).
    public var count: Int { ends.count }

    /// Every string, in id order.
    public var strings: [String] { (0..<ends.count).map { self[StringID($0)] } }

    /// The id of `s`, interning it when new. Strings are equal as Swift's `String`s are (canonical
    /// equivalence: `é` as one scalar or as `e` and a combining accent is one string), as the
    /// dictionary this replaced had them; the first spelling seen is the one kept.
    public mutating func intern(_ s: String) -> StringID {
        if (ends.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(s)
        let slot = find(s, hash: hash)
        if slots[slot] != 0 { return StringID(slots[slot] - 1) }
        let id = ends.count
        bytes.append(contentsOf: s.utf8)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(id + 1)
        return StringID(id)
    }

    public func id(of s: String) -> StringID? {
        guard !slots.isEmpty else { return nil }
        let slot = find(s, hash: Self.hash(s))
        return slots[slot] == 0 ? nil : StringID(slots[slot] - 1)
    }

    public subscript(id: StringID) -> String {
        let i = Int(id)
        return String(decoding: bytes[start(i)..<ends[i]], as: UTF8.self)
    }

    private func start(_ id: Int) -> Int { id == 0 ? 0 : ends[id - 1] }

    /// The slot holding `s`, or the empty slot where it belongs. `String`'s own hash is seeded per
    /// process, so no crafted data can make every string collide.
    private static func hash(_ s: String) -> Int32 { Int32(truncatingIfNeeded: s.hashValue) }

    private func find(_ s: String, hash: Int32) -> Int {
        let mask = slots.count - 1
        var slot = Int(UInt32(bitPattern: hash)) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            if hashes[id] == hash && equals(id, s) { return slot }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Byte-identical is equal; otherwise only text with non-ASCII can still be equal (canonical
    /// equivalence), which `String`'s `==` decides.
    private func equals(_ id: Int, _ s: String) -> Bool {
        let from = start(id), count = ends[id] - from
        var s = s
        let (sameBytes, ascii) = s.withUTF8 { text -> (Bool, Bool) in
            let same = count == text.count && bytes.withUnsafeBufferPointer { all in
                text.isEmpty || memcmp(all.baseAddress! + from, text.baseAddress!, text.count) == 0
            }
            return (same, text.allSatisfy { $0 < 0x80 })
        }
        if sameBytes { return true }
        if ascii && bytes[from..<ends[id]].allSatisfy({ $0 < 0x80 }) { return false }
        return self[StringID(id)] == s
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: max(1024, slots.count * 2))
        let mask = slots.count - 1
        for id in 0..<ends.count {
            var slot = Int(UInt32(bitPattern: hashes[id])) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }
}
