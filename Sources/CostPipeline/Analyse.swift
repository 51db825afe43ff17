import CostAnalysis
import CostModel

/// The analysis of one dataset as of one day, with the inputs it came from.
public struct Analysis: Sendable {
    public let inputs: Inputs
    public let dataset: Dataset
    public let analyzer: Analyzer
    public let asOf: Day
    /// The log the analyzer saw (checklist item 8); `build` publishes it with the site.
    public let publicationLog: PublicationLog?
}

/// Stage 3: decide the as-of date and build the analyzer.
public struct Analyse: Sendable {
    /// Without `--as-of`, turns the latest record's day into the as-of date
    /// (`check --period` moves it to the period's end).
    public var defaultAsOf: @Sendable (Day) -> Day
    /// Given the as-of date, the publication log the analysis should see (`build`: the previous
    /// log with the as-of week recorded; `report`: the published log).
    public var publicationLog: @Sendable (Day) throws -> PublicationLog?

    public init(defaultAsOf: @escaping @Sendable (Day) -> Day = { $0 },
                publicationLog: @escaping @Sendable (Day) throws -> PublicationLog? = { _ in nil }) {
        self.defaultAsOf = defaultAsOf
        self.publicationLog = publicationLog
    }

    public func run(_ inputs: Inputs, _ dataset: Dataset) throws -> Analysis {
        try Step.analyse.run(file: inputs.sourceNames) {
            let analyzer = Analyzer(dataset: dataset, catalog: inputs.catalog, config: inputs.config,
                                    inventory: inputs.inventory)
            // Spec §6: the latest record's day, but never later than today, so a record dated in
            // the future (a CI runner's wrong clock) cannot move every report into the future.
            guard let asOf = inputs.settings.asOf ?? analyzer.latestDay.map({ defaultAsOf(min($0, inputs.today)) }) else {
                throw PipelineError(step: .analyse, file: inputs.sourceNames, message:
                    "\(inputs.sourceNames) has no usable records (\(dataset.quality.read) read, all rejected or none): nothing to report. Run `costreport demo` for sample data.")
            }
            let log = try publicationLog(asOf)
            return Analysis(inputs: inputs, dataset: dataset, analyzer: analyzer.seeing(publicationLog: log),
                            asOf: asOf, publicationLog: log)
        }
    }
}

extension Analysis {
    /// How the latest record's day compares with today (`maxAge`: days it may lie before it).
    /// Measured from the latest record on or before today: one record dated in the future by a
    /// wrong runner clock must not make weeks-old data look fresh (the future ones are warned
    /// about apart: `futureRecords`).
    public func freshness(maxAge: Int) -> DataFreshness? {
        analyzer.latestDay(onOrBefore: inputs.today).map { DataFreshness(latest: $0, today: inputs.today, maxAge: maxAge) }
    }

    /// Records dated after today, and the latest day among them.
    public var futureRecords: (count: Int, latest: Day)? {
        guard let latest = analyzer.latestDay, latest > inputs.today else { return nil }
        return (analyzer.recordCount(after: inputs.today), latest)
    }
}
