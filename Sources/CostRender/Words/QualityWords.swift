import CostModel

/// The values `words/data-quality.mustache` gets: one section per kind of problem, `false` when
/// its count is zero, each with its `count` formatted and `one` (the count is 1).
struct QualityWordValues {
    let quality: DataQuality
    let asOf: String
    /// RejectionReason raw value → its explanation (`words/rejection-reasons.mustache`).
    let explanations: [String: String]

    func values() -> [String: Any] {
        let q = quality
        func counted(_ n: Int, _ more: [String: Any] = [:]) -> Any {
            n > 0 ? ["count": Format.count(n), "one": n == 1].merging(more) { $1 } as [String: Any] : false
        }
        let dc = q.suspectedDoubleCounting
        let rejected: [[String: Any]] = RejectionReason.allCases.compactMap { reason in
            let n = q.rejected[reason.rawValue] ?? 0
            guard n > 0 else { return nil }
            return ["count": Format.count(n), "one": n == 1, "reason": reason.rawValue,
                    "explanation": explanations[reason.rawValue] ?? ""]
        }
        let unknown = q.unknownInstances
        let unknownRecords = unknown.reduce(0) { $0 + $1.records }
        let unknownSpend = unknown.reduce(0.0) { $0 + $1.spend }
        return [
            "doubleCounting": dc.runs > 0
                ? ["runs": Format.count(dc.runs), "one": dc.runs == 1, "duplicatedSpend": Format.usd(dc.duplicatedSpend)] as [String: Any]
                : false,
            "rejected": rejected,
            "estimated": counted(q.estimated, ["spend": Format.usd(q.estimatedSpend)]),
            "inferredMarket": counted(q.inferredMarket),
            "metadataNotObject": counted(q.metadataNotObject),
            "invalidTestCounts": counted(q.invalidTestCounts),
            // Listed whenever an instance type is unknown, whatever its records add up to.
            "unknownInstances": unknown.isEmpty ? false : [
                "count": Format.count(unknownRecords), "one": unknownRecords == 1,
                "spend": Format.usd(unknownSpend), "shown": WordValue.list(unknown.prefix(5).map(\.key)),
                "hasMore": unknown.count > 5, "more": Format.count(unknown.count - 5), "oneType": unknown.count == 1,
            ] as [String: Any],
            "spotAboveOnDemand": counted(q.spotAboveOnDemand.records, ["excess": Format.usd(q.spotAboveOnDemand.excess)]),
            "afterAsOf": counted(q.afterAsOf, ["asOf": asOf]),
        ]
    }
}
