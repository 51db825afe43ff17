import CostModel

/// The data-quality section (spec §9): what was read, what was set aside and why.
struct QualityView {
    let read: String
    let accepted: String
    let rejectedTotal: String
    let rejected: [CountRow]
    let hasRejected: Bool
    let estimated: String
    let estimatedSpend: String
    let inferredMarket: String
    let metadataNotObject: String
    let unknownInstances: [UnknownRow]
    let hasUnknownInstances: Bool
    let spotAboveOnDemand: String
    let spotAboveOnDemandExcess: String
    let doubleCountingRuns: String
    let doubleCountingRecords: String
    let doubleCountingSpend: String
    let afterAsOf: String
    let warnings: [String]
    let hasWarnings: Bool

    init(_ q: DataQuality) {
        read = Format.count(q.read)
        accepted = Format.count(q.accepted)
        rejectedTotal = Format.count(q.rejected.values.reduce(0, +))
        rejected = q.rejected.filter { $0.value > 0 }.sorted { $0.key < $1.key }
            .map { CountRow(label: $0.key, count: Format.count($0.value)) }
        hasRejected = !rejected.isEmpty
        estimated = Format.count(q.estimated)
        estimatedSpend = Format.usd(q.estimatedSpend)
        inferredMarket = Format.count(q.inferredMarket)
        metadataNotObject = Format.count(q.metadataNotObject)
        unknownInstances = q.unknownInstances.map { UnknownRow(key: $0.key, records: Format.count($0.records), spend: Format.usd($0.spend)) }
        hasUnknownInstances = !unknownInstances.isEmpty
        spotAboveOnDemand = Format.count(q.spotAboveOnDemand.records)
        spotAboveOnDemandExcess = Format.usd(q.spotAboveOnDemand.excess)
        doubleCountingRuns = Format.count(q.suspectedDoubleCounting.runs)
        doubleCountingRecords = Format.count(q.suspectedDoubleCounting.records)
        doubleCountingSpend = Format.usd(q.suspectedDoubleCounting.duplicatedSpend)
        afterAsOf = Format.count(q.afterAsOf)
        warnings = q.warnings
        hasWarnings = !warnings.isEmpty
    }
}

struct CountRow {
    let label: String
    let count: String
}

struct UnknownRow {
    let key: String
    let records: String
    let spend: String
}
