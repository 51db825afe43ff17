extension DataQuality {
    /// Data quality whose `warnings` are worded from its own figures and the as-of date (`2026-11-27`).
    public init(read: Int, accepted: Int, rejected: [String: Int], estimated: Int, estimatedSpend: Double,
                inferredMarket: Int, metadataNotObject: Int, unknownInstances: [UnknownInstance],
                spotAboveOnDemand: SpotAboveOnDemand, suspectedDoubleCounting: DoubleCounting,
                afterAsOf: Int, costAttribution: String, asOf: String,
                sources: [SourceRead] = [], filesRead: Int = 0, unreadableFiles: [UnreadableFile] = [],
                invalidTestCounts: Int = 0) {
        self.init(read: read, accepted: accepted, rejected: rejected, estimated: estimated, estimatedSpend: estimatedSpend,
                  inferredMarket: inferredMarket, metadataNotObject: metadataNotObject, unknownInstances: unknownInstances,
                  spotAboveOnDemand: spotAboveOnDemand, suspectedDoubleCounting: suspectedDoubleCounting,
                  afterAsOf: afterAsOf, costAttribution: costAttribution, warnings: [],
                  sources: sources, filesRead: filesRead, unreadableFiles: unreadableFiles)
        self.invalidTestCounts = invalidTestCounts
        warnings = DataQualityWording.warnings(self, asOf: asOf)
    }
}

enum DataQualityWording {
    /// Plain sentences, one per non-zero problem, always in this order: double counting, rejected
    /// rows (by reason, in the order they are checked), estimated costs, inferred markets, metadata
    /// that is not an object, unknown instance types, spot/reserved above on-demand, records after as-of.
    static func warnings(_ dq: DataQuality, asOf: String) -> [String] {
        var out: [String] = []
        let dc = dq.suspectedDoubleCounting
        if dc.runs > 0 {
            out.append("\(Words.count(dc.runs, "run")) \(dc.runs == 1 ? "has" : "have") 2 or more records with the same cost "
                + "(\(Format.usd(dc.duplicatedSpend)) duplicated): the cost may be counted twice. If each run's cost is "
                + "copied onto every record, set “cost_attribution: run” in costreport.yml.")
        }
        for reason in RejectionReason.allCases {
            let n = dq.rejected[reason.rawValue] ?? 0
            guard n > 0 else { continue }
            out.append("\(Words.count(n, "record")) \(n == 1 ? "was" : "were") rejected (\(reason.rawValue)): "
                + "\(explanation(reason)). \(n == 1 ? "It is" : "They are") left out of every figure.")
        }
        if dq.estimated > 0 {
            out.append("\(Words.count(dq.estimated, "record")) had no recorded cost; \(dq.estimated == 1 ? "its cost was" : "their costs were") "
                + "estimated as hours × the catalog rate of \(dq.estimated == 1 ? "its" : "their") market "
                + "(\(Format.usd(dq.estimatedSpend)) in total).")
        }
        if dq.inferredMarket > 0 {
            out.append("\(Words.count(dq.inferredMarket, "record")) did not record \(dq.inferredMarket == 1 ? "its" : "their") market "
                + "(spot, on-demand, reserved); it was inferred from the effective hourly rate "
                + "(spot when at most 60% of the on-demand rate).")
        }
        if dq.metadataNotObject > 0 {
            out.append("\(Words.count(dq.metadataNotObject, "record")) \(dq.metadataNotObject == 1 ? "has" : "have") metadata that is "
                + "not a JSON object; it was read as empty, so developer, branch, PR and market may be missing.")
        }
        if dq.invalidTestCounts > 0 { out.append(invalidTestCounts(dq.invalidTestCounts)) }
        if !dq.unknownInstances.isEmpty {
            let records = dq.unknownInstances.reduce(0) { $0 + $1.records }
            let spend = dq.unknownInstances.reduce(0.0) { $0 + $1.spend }
            let shown = dq.unknownInstances.prefix(5).map(\.key).joined(separator: ", ")
            let more = dq.unknownInstances.count > 5 ? " and \(dq.unknownInstances.count - 5) more" : ""
            out.append("\(Words.count(records, "record")) (\(Format.usd(spend))) \(records == 1 ? "uses an instance type" : "use instance types") "
                + "missing from the pricing catalog: \(shown)\(more). \(records == 1 ? "Its spend counts, but it has" : "Their spend counts, but they have") "
                + "no on-demand equivalent or savings; add the instance \(dq.unknownInstances.count == 1 ? "type" : "types") to a pricing file (--pricing).")
        }
        let above = dq.spotAboveOnDemand
        if above.records > 0 {
            out.append("\(Words.count(above.records, "spot or reserved record", "spot or reserved records")) cost more than "
                + "on-demand would have (\(Format.usd(above.excess)) above the on-demand equivalent); "
                + "\(above.records == 1 ? "its" : "their") realized savings are negative.")
        }
        if dq.afterAsOf > 0 {
            out.append("\(Words.count(dq.afterAsOf, "record")) after the as-of date \(asOf) \(dq.afterAsOf == 1 ? "is" : "are") "
                + "left out of every figure.")
        }
        return out
    }

    /// Spec §12's rule for test counts, in plain words.
    static func invalidTestCounts(_ n: Int) -> String {
        "\(Format.count(n)) \(n == 1 ? "record has a test count" : "records have test counts") that \(n == 1 ? "is" : "are") not a whole number "
            + "from 0 to 2^53 (negative, fractional or text); \(n == 1 ? "it was" : "they were") read as 0 and the records still count."
    }

    static func explanation(_ reason: RejectionReason) -> String {
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
