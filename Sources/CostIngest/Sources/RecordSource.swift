import CostModel

/// Where raw records come from: the team's SQLite `benchmarks.db`, a folder of JSON result
/// files, a PostgreSQL table. Each source streams its rows into one shared `DatasetBuilder`,
/// which owns every normalisation and rejection rule, so several sources feed one dataset and a
/// new source never touches analysis. Sources are read in a fixed order, the database first
/// (spec §1, "one run, one source"), by `RecordSources.dataset`.
public protocol RecordSource: Sendable {
    /// How progress lines and the data-quality section name it (`benchmarks.db`, `results/`).
    var name: String { get }
    /// Checks what can be checked without reading (the file exists, is a database): called for
    /// every source before any is read, so a bad second source fails before a long first read.
    func validate() throws
    /// Streams every row into `builder` (`builder.add(_:source:)`), never calling `finish()` or
    /// `beginSource` (the caller has begun this source).
    func read(into builder: inout DatasetBuilder, progress: (@Sendable (String) -> Void)?) throws
}

public extension RecordSource {
    func validate() throws {}
}

public enum RecordSources {
    /// Reads `sources` in order into one builder and finishes it into the dataset. Every source
    /// is checked first, unless the caller already did (`validated`: the pipeline checks them
    /// while loading inputs, before templates, and need not open each file twice).
    public static func dataset(from sources: [any RecordSource], catalog: Catalog, config: Config,
                               validated: Bool = false,
                               progress: (@Sendable (String) -> Void)? = nil) throws -> Dataset {
        if !validated { for source in sources { try source.validate() } }
        var builder = try DatasetBuilder(catalog: catalog, config: config)
        for source in sources {
            builder.beginSource(source.name)
            try source.read(into: &builder, progress: progress)
        }
        return builder.finish()
    }
}
