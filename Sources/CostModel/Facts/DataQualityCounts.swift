extension DataQuality {
    /// Data quality from its counts; the render stage words its `warnings` from them and the
    /// report's as-of date (`words/data-quality.mustache`).
    public init(read: Int, accepted: Int, rejected: [String: Int], estimated: Int, estimatedSpend: Double,
                inferredMarket: Int, metadataNotObject: Int, unknownInstances: [UnknownInstance],
                spotAboveOnDemand: SpotAboveOnDemand, suspectedDoubleCounting: DoubleCounting,
                afterAsOf: Int, costAttribution: String,
                sources: [SourceRead] = [], filesRead: Int = 0, unreadableFiles: [UnreadableFile] = [],
                invalidTestCounts: Int = 0) {
        self.init(read: read, accepted: accepted, rejected: rejected, estimated: estimated, estimatedSpend: estimatedSpend,
                  inferredMarket: inferredMarket, metadataNotObject: metadataNotObject, unknownInstances: unknownInstances,
                  spotAboveOnDemand: spotAboveOnDemand, suspectedDoubleCounting: suspectedDoubleCounting,
                  afterAsOf: afterAsOf, costAttribution: costAttribution, warnings: [],
                  sources: sources, filesRead: filesRead, unreadableFiles: unreadableFiles)
        self.invalidTestCounts = invalidTestCounts
    }
}
