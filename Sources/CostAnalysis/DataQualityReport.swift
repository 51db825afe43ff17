import CostModel

/// Data-quality figures over every accepted record (spec §9), computed once per `Analyzer`: only
/// the records after as-of and the sentences depend on the as-of date.
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
        var dq = DataQuality(read: read, accepted: read - rejectedTotal, rejected: rejected, estimated: estimated,
                             estimatedSpend: estimatedSpend, inferredMarket: inferredMarket,
                             metadataNotObject: metadataNotObject, unknownInstances: unknownInstances,
                             spotAboveOnDemand: spotAboveOnDemand, suspectedDoubleCounting: q.doubleCounting,
                             afterAsOf: afterAsOf, costAttribution: config.costAttribution.rawValue, warnings: [],
                             sources: q.bySource.map {
                                 SourceRead(name: $0.name, read: $0.read, accepted: $0.accepted,
                                            rejected: Self.everyReason($0.rejected), filesRead: $0.filesRead,
                                            unreadableFiles: $0.unreadableFiles)
                             },
                             filesRead: q.filesRead, unreadableFiles: q.unreadableFiles)
        dq.warnings = QualityBase.warnings(dq, asOf: asOf)
        return dq
    }

    /// Reason → count with every reason listed (0 when none), so readers see what was checked.
    static func everyReason(_ counts: [RejectionReason: Int]) -> [String: Int] {
        var out: [String: Int] = [:]
        for reason in RejectionReason.allCases { out[reason.rawValue] = counts[reason] ?? 0 }
        return out
    }

    /// Plain sentences, one per non-zero problem, always in this order: double counting, rejected
    /// rows (by reason, in the order they are checked), estimated costs, inferred markets, metadata
    /// that is not an object, unknown instance types, spot/reserved above on-demand, records after as-of.
    static func warnings(_ dq: DataQuality, asOf: Day) -> [String] {
        var out: [String] = []
        let dc = dq.suspectedDoubleCounting
        if dc.runs > 0 {
            out.append("\(Text.count(dc.runs, "run")) \(dc.runs == 1 ? "has" : "have") 2 or more records with the same cost "
                + "(\(Text.money(dc.duplicatedSpend)) duplicated): the cost may be counted twice. If each run's cost is "
                + "copied onto every record, set “cost_attribution: run” in costreport.yml.")
        }
        for reason in RejectionReason.allCases {
            let n = dq.rejected[reason.rawValue] ?? 0
            guard n > 0 else { continue }
            out.append("\(Text.count(n, "record")) \(n == 1 ? "was" : "were") rejected (\(reason.rawValue)): "
                + "\(explanation(reason)). \(n == 1 ? "It is" : "They are") left out of every figure.")
        }
        if dq.estimated > 0 {
            out.append("\(Text.count(dq.estimated, "record")) had no recorded cost; \(dq.estimated == 1 ? "its cost was" : "their costs were") "
                + "estimated as hours × the catalog rate of \(dq.estimated == 1 ? "its" : "their") market "
                + "(\(Text.money(dq.estimatedSpend)) in total).")
        }
        if dq.inferredMarket > 0 {
            out.append("\(Text.count(dq.inferredMarket, "record")) did not record \(dq.inferredMarket == 1 ? "its" : "their") market "
                + "(spot, on-demand, reserved); it was inferred from the effective hourly rate "
                + "(spot when at most 60% of the on-demand rate).")
        }
        if dq.metadataNotObject > 0 {
            out.append("\(Text.count(dq.metadataNotObject, "record")) \(dq.metadataNotObject == 1 ? "has" : "have") metadata that is "
                + "not a JSON object; it was read as empty, so developer, branch, PR and market may be missing.")
        }
        if !dq.unknownInstances.isEmpty {
            let records = dq.unknownInstances.reduce(0) { $0 + $1.records }
            let spend = dq.unknownInstances.reduce(0.0) { $0 + $1.spend }
            let shown = dq.unknownInstances.prefix(5).map(\.key).joined(separator: ", ")
            let more = dq.unknownInstances.count > 5 ? " and \(dq.unknownInstances.count - 5) more" : ""
            out.append("\(Text.count(records, "record")) (\(Text.money(spend))) \(records == 1 ? "uses an instance type" : "use instance types") "
                + "missing from the pricing catalog: \(shown)\(more). \(records == 1 ? "Its spend counts, but it has" : "Their spend counts, but they have") "
                + "no on-demand equivalent or savings; add the instance \(dq.unknownInstances.count == 1 ? "type" : "types") to a pricing file (--pricing).")
        }
        let above = dq.spotAboveOnDemand
        if above.records > 0 {
            out.append("\(Text.count(above.records, "spot or reserved record", "spot or reserved records")) cost more than "
                + "on-demand would have (\(Text.money(above.excess)) above the on-demand equivalent); "
                + "\(above.records == 1 ? "its" : "their") realized savings are negative.")
        }
        if dq.afterAsOf > 0 {
            out.append("\(Text.count(dq.afterAsOf, "record")) after the as-of date \(asOf.iso) \(dq.afterAsOf == 1 ? "is" : "are") "
                + "left out of every figure.")
        }
        return out
    }

    private static func explanation(_ reason: RejectionReason) -> String {
        switch reason {
        case .duplicateRun: return "the run was already read from an earlier source (the database or another result file), and a run counts from one source only"
        case .invalidRecord: return "a line of a JSON Lines result file, or an element of a JSON array file, is not a JSON object"
        case .invalidTimestamp: return "the timestamp could not be read"
        case .invalidDuration: return "the duration is not a finite number"
        case .negativeDuration: return "the duration is negative"
        case .invalidCost: return "the cost is not a finite number"
        case .negativeCost: return "the cost is negative"
        case .missingCost: return "the cost is missing and could not be estimated (no duration or no catalog rate)"
        }
    }
}
