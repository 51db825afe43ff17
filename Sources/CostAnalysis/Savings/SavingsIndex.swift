import CostModel

/// Built once per `Analyzer`, in one pass over the records: what each record's `RecordSavings` needs
/// (index for index with `Timeline.records`) and each calendar month's on-demand hours per instance
/// type for the reserved-capacity window. Reports then only read slices of it.
///
/// Per record it keeps 4 bytes, its rate facts' index and whether its suite is critical, and makes
/// the `RecordSavings` (a few multiplications) when a report reads it: 32 bytes for each of a
/// million records were an eighth of a large build's memory (issue 15).
struct SavingsIndex: Sendable {
    /// Facts index in the low 31 bits; the top bit set when the suite is critical.
    private let recordFacts: [UInt32]
    let facts: [RateFacts]
    /// Recommended instances and cheapest regions, by the indices in `RateFacts.Target.name`.
    let names: [String]
    /// Calendar months with records, ascending.
    let months: [MonthUsage]
    /// The dataset's first record's day (reserved window start bound).
    let firstDay: Day?

    init(records: [RunRecord], labels: Labels, catalog: Catalog, config: Config) {
        let globs = SuiteGlobs(config.criticalSuites)
        var names: [String] = []
        var nameIndex: [String: Int32] = [:]
        func name(_ s: String) -> Int32 {
            if let i = nameIndex[s] { return i }
            let i = Int32(names.count)
            names.append(s)
            nameIndex[s] = i
            return i
        }
        var facts: [RateFacts] = []
        var factsIndex: [RateFacts.Key: Int32] = [:]
        var critical: [StringID: Bool] = [:]
        var lastKey: RateFacts.Key?
        var lastIndex: Int32 = -1
        var out: [UInt32] = []
        out.reserveCapacity(records.count)
        var months: [MonthUsage] = []

        for r in records {
            let key = RateFacts.Key(r)
            let index: Int32
            if key == lastKey {
                index = lastIndex
            } else if let i = factsIndex[key] {
                index = i
            } else {
                index = Int32(facts.count)
                facts.append(RateFacts(provider: labels[r.provider], instanceType: labels[r.instanceType],
                                       region: labels[r.region], testType: r.testType, catalog: catalog,
                                       rightSize: config.rightSize, name: name))
                factsIndex[key] = index
            }
            lastKey = key
            lastIndex = index
            let isCritical: Bool
            if globs.isEmpty {
                isCritical = false
            } else if let known = critical[r.suite] {
                isCritical = known
            } else {
                isCritical = globs.matchesAny(labels[r.suite])
                critical[r.suite] = isCritical
            }
            out.append(UInt32(index) | (isCritical ? Self.criticalBit : 0))

            if months.last.map({ !$0.month.contains(r.day) }) ?? true { months.append(MonthUsage(.month(containing: r.day))) }
            months[months.count - 1].add(r)
        }
        self.recordFacts = out
        self.facts = facts
        self.names = names
        self.months = months
        self.firstDay = records.first?.day
    }
}

extension SavingsIndex {
    private static let criticalBit: UInt32 = 1 << 31

    /// The savings rules applied to record `i` (`r`, the record at that index of `Timeline.records`).
    func savings(at i: Int, of r: RunRecord) -> RecordSavings {
        let packed = recordFacts[i]
        let index = Int32(bitPattern: packed & ~Self.criticalBit)
        return RecordSavings(record: r, facts: facts[Int(index)], factsIndex: index, critical: packed & Self.criticalBit != 0)
    }
}

/// One calendar month's on-demand instance-hours per provider and instance type, and its reserved
/// records (spec §5 reserved capacity, checklist item 9).
struct MonthUsage: Sendable {
    let month: Period
    /// `provider << 32 | instance type` → on-demand hours, summed in record order.
    private(set) var onDemandHours: [UInt64: Double] = [:]
    private(set) var reservedRecords = 0

    init(_ month: Period) { self.month = month }

    static func key(provider: StringID, instanceType: StringID) -> UInt64 {
        UInt64(UInt32(bitPattern: provider)) << 32 | UInt64(UInt32(bitPattern: instanceType))
    }

    static func split(_ key: UInt64) -> (provider: StringID, instanceType: StringID) {
        (StringID(bitPattern: UInt32(truncatingIfNeeded: key >> 32)), StringID(bitPattern: UInt32(truncatingIfNeeded: key)))
    }

    mutating func add(_ r: RunRecord) {
        switch r.market {
        case .onDemand:
            if let h = r.hours, h > 0 {
                onDemandHours[MonthUsage.key(provider: r.provider, instanceType: r.instanceType), default: 0] += h
            }
        case .reserved: reservedRecords += 1
        case .spot, .unknown: break
        }
    }
}
