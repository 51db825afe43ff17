import CostModel

/// Data-quality figures over every accepted record (spec §9), computed once per `Analyzer`: only
/// the records after as-of (and the last warning's wording) depend on the as-of date.
struct QualityBase: Sendable {
    var estimated = 0
    var estimatedSpend = 0.0
    var inferredMarket = 0
    var metadataNotObject = 0
    /// Records without an on-demand rate, by `provider/instance_type`, spend desc then key.
    var unknownInstances: [UnknownInstance] = []
    /// Spot and reserved records whose realized savings are negative (spec §3: never clamped,
    /// listed here). Reserved records are included because §3 lists every negative realized saving.
    var spotAboveOnDemand = SpotAboveOnDemand()

    init(records: [RunRecord], labels: Labels) {
        var unknown: [UInt64: (records: Int, spend: Double)] = [:]
        for r in records {
            if r.flags.contains(.costEstimated) { estimated += 1; estimatedSpend += r.cost }
            if r.flags.contains(.marketInferred) { inferredMarket += 1 }
            if r.flags.contains(.metadataNotObject) { metadataNotObject += 1 }
            if r.onDemandRate == nil {
                let key = UInt64(UInt32(bitPattern: r.provider)) << 32 | UInt64(UInt32(bitPattern: r.instanceType))
                unknown[key, default: (0, 0)].records += 1
                unknown[key, default: (0, 0)].spend += r.cost
            }
            if let saved = r.realizedSavings, saved < 0 {
                spotAboveOnDemand.records += 1
                spotAboveOnDemand.excess += -saved
            }
        }
        unknownInstances = unknown.map { key, value in
            let provider = StringID(bitPattern: UInt32(truncatingIfNeeded: key >> 32))
            let type = StringID(bitPattern: UInt32(truncatingIfNeeded: key))
            return UnknownInstance(key: "\(labels[provider])/\(labels[type])", records: value.records, spend: value.spend)
        }
        .sorted { $0.spend != $1.spend ? $0.spend > $1.spend : $0.key < $1.key }
    }

    func report(quality q: IngestQuality, recordCount: Int, config: Config, asOf: Day, afterAsOf: Int) -> DataQuality {
        let rejected = Self.everyReason(q.rejected)
        let rejectedTotal = rejected.values.reduce(0, +)
        // Accepted rows: the records, plus those folded into their run in `run` mode. `read` comes from
        // ingest; a dataset built in code may leave it 0, so it is never allowed below accepted + rejected.
        let accepted = recordCount + q.foldedIntoRuns
        let read = max(q.read, accepted + rejectedTotal)
        // The render stage words the warnings from these figures and the as-of date (`ReportWording`).
        return DataQuality(read: read, accepted: read - rejectedTotal, rejected: rejected, estimated: estimated,
                           estimatedSpend: estimatedSpend, inferredMarket: inferredMarket,
                           metadataNotObject: metadataNotObject, unknownInstances: unknownInstances,
                           spotAboveOnDemand: spotAboveOnDemand, suspectedDoubleCounting: q.doubleCounting,
                           afterAsOf: afterAsOf, costAttribution: config.costAttribution.rawValue,
                           sources: q.bySource.map {
                               SourceRead(name: $0.name, read: $0.read, accepted: $0.accepted,
                                          rejected: Self.everyReason($0.rejected), filesRead: $0.filesRead,
                                          unreadableFiles: $0.unreadableFiles)
                           },
                           filesRead: q.filesRead, unreadableFiles: q.unreadableFiles,
                           invalidTestCounts: q.invalidTestCounts)
    }

    /// Reason → count with every reason listed (0 when none), so readers see what was checked.
    static func everyReason(_ counts: [RejectionReason: Int]) -> [String: Int] {
        var out: [String: Int] = [:]
        for reason in RejectionReason.allCases { out[reason.rawValue] = counts[reason] ?? 0 }
        return out
    }
}
