import CostModel

/// The data-quality section (spec §9): what was read, what was set aside and why.
struct QualityView: TemplateFields {
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
    let invalidTestCounts: String
    let warnings: [String]
    let hasWarnings: Bool
    /// Per source (the database, each results folder), shown when result files were read.
    let sources: [SourceRow]
    let hasSources: Bool
    let filesRead: String
    let unreadableFiles: [UnreadableRow]
    let hasUnreadableFiles: Bool

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
        invalidTestCounts = Format.count(q.invalidTestCounts)
        warnings = q.warnings
        hasWarnings = !warnings.isEmpty
        sources = q.sources.map { s in
            SourceRow(name: s.name, read: Format.count(s.read), accepted: Format.count(s.accepted),
                      rejected: Format.count(s.read - s.accepted),
                      files: s.filesRead == 0 && s.unreadableFiles.isEmpty ? ""
                        : Format.count(s.filesRead) + " read" + (s.unreadableFiles.isEmpty ? "" : ", \(Format.count(s.unreadableFiles.count)) unreadable"))
        }
        // With the database alone the totals above say it all; with result files, per source.
        hasSources = q.sources.count > 1 || q.filesRead > 0 || !q.unreadableFiles.isEmpty
        filesRead = Format.count(q.filesRead)
        unreadableFiles = q.unreadableFiles.map { UnreadableRow(path: $0.path, reason: $0.reason) }
        hasUnreadableFiles = !unreadableFiles.isEmpty
    }
}

struct SourceRow: TemplateFields {
    let name: String
    let read: String
    let accepted: String
    let rejected: String
    /// `12 read, 1 unreadable` for a results folder; empty for the database.
    let files: String
}

struct UnreadableRow: TemplateFields {
    let path: String
    let reason: String
}

struct CountRow: TemplateFields {
    let label: String
    let count: String
}

struct UnknownRow: TemplateFields {
    let key: String
    let records: String
    let spend: String
}
