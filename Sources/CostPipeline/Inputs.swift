import CostAssets
import CostIngest
import CostModel
import CostPostgres
import Foundation

/// What a command was told to read, as the user gave it (paths not yet opened).
public struct InputSettings: Sendable {
    /// `--db`: the team's SQLite database, or a `postgresql://` URL of the shared store; nil:
    /// `./benchmarks.db` when it exists.
    public var database: String?
    /// `--table`: the table of records in the database; nil: the config's `table:`, else `benchmarks`.
    public var table: String?
    /// `--results`: folders of JSON result files; nil: the config's `results:`.
    public var results: [String]?
    /// `--config FILE`; nil: `./costreport.yml` when present, else the defaults.
    public var config: String?
    /// `--pricing FILE`, merged key by key over the built-in catalog.
    public var pricing: String?
    /// `--inventory DIR` (checklist item 10).
    public var inventory: String?
    /// `--templates DIR`, overriding the built-in templates file by file.
    public var templates: String?
    /// `--as-of`; nil: the latest record's day, but never later than today (spec §6).
    public var asOf: Day?
    /// `--today` (tests); nil: the clock's day in the report time zone. Used only to cap the
    /// as-of date and to judge how old the data is.
    public var today: Day?
    /// Where `./costreport.yml` and the parent folders' are looked for; nil: the working directory.
    public var workingDirectory: String?

    public init(database: String? = nil, table: String? = nil, results: [String]? = nil, config: String? = nil, pricing: String? = nil,
                inventory: String? = nil, templates: String? = nil, asOf: Day? = nil, today: Day? = nil,
                workingDirectory: String? = nil) {
        self.database = database; self.table = table; self.results = results; self.config = config; self.pricing = pricing
        self.inventory = inventory; self.templates = templates; self.asOf = asOf; self.today = today
        self.workingDirectory = workingDirectory
    }
}

/// Everything loaded before the records are read: settings, prices, inventory, templates, and
/// the record sources in the order they are read (the database first).
public struct Inputs: Sendable {
    public let settings: InputSettings
    public let config: Config
    public let catalog: Catalog
    public let inventory: Inventory?
    public let assets: AssetStore
    public let sources: [any RecordSource]
    /// Today in the report time zone (`--today`, else the clock).
    public let today: Day

    /// How messages name the sources: `benchmarks.db`, or `a.db and results/`.
    public var sourceNames: String { sources.map(\.name).joined(separator: " and ") }
}

/// Stage 1: load the config, the catalog, the inventory and the template lookup.
public struct LoadInputs: Sendable {
    public var settings: InputSettings

    public init(_ settings: InputSettings) { self.settings = settings }

    public func run(progress: ProgressLines) throws -> Inputs {
        try Step.loadInputs.run {
            // The data first: a missing database is reported before anything else is read.
            let cwd = settings.workingDirectory ?? FileManager.default.currentDirectoryPath
            let found = settings.workingDirectory == nil ? "benchmarks.db" : cwd + "/benchmarks.db"
            let database = settings.database ?? (FileManager.default.fileExists(atPath: cwd + "/benchmarks.db") ? found : nil)
            // A SQLite file is checked before the config is read; the config may name the table.
            if let database, !PostgresLocation.isURL(database) {
                try Step.loadInputs.run(file: database) { try SQLiteRecordSource(path: database).validate() }
            }
            let config = try Self.loadConfig(settings, progress: progress)
            let table = settings.table ?? config.table
            let store = try database.map { try Self.databaseSource($0, table: table) }
            // The database first, then each results folder (spec §1: one run, one source).
            let folders = settings.results ?? config.results
            let sources: [any RecordSource] = (store.map { [$0] } ?? []) + folders.map { ResultFilesSource(folder: $0) }
            guard !sources.isEmpty else {
                throw PipelineError(step: .loadInputs, file: "benchmarks.db", message:
                    "no data to read: there is no ./benchmarks.db — pass --db FILE (the team's SQLite database) and/or --results DIR (a folder of JSON result files), or run `costreport demo` for sample data")
            }
            // Every source, the SQLite file again (cheap) now that the table is known.
            for source in sources {
                try Step.loadInputs.run(file: source.name) { try source.validate() }
            }
            let catalog = try CatalogLoader.load(overridePath: settings.pricing)
            let inventory = try Self.loadInventory(settings.inventory, progress: progress)
            let assets = try AssetStore(userDirectory: settings.templates)
            return Inputs(settings: settings, config: config, catalog: catalog, inventory: inventory,
                          assets: assets, sources: sources,
                          today: settings.today ?? Clock.today(timezone: config.timezone))
        }
    }

    /// `--db` as a source: a `postgresql://` URL is the shared store, anything else a SQLite file.
    /// A URL is parsed here, so a malformed one fails before anything is read; its password
    /// never appears in a message (the source's name has none).
    static func databaseSource(_ database: String, table: String) throws -> any RecordSource {
        guard PostgresLocation.isURL(database) else { return SQLiteRecordSource(path: database, table: table) }
        return try Step.loadInputs.run(file: "--db") { try PostgresRecordSource(url: database, table: table) }
    }

    /// `--config FILE`, else the discovered `costreport.yml` (`ConfigDiscovery`), else the defaults.
    static func loadConfig(_ settings: InputSettings, progress: ProgressLines) throws -> Config {
        let cwd = settings.workingDirectory ?? FileManager.default.currentDirectoryPath
        guard let path = settings.config ?? ConfigDiscovery.find(from: cwd) else {
            progress.say("config: none found (./costreport.yml or a parent folder's up to the repository root): the defaults apply")
            return Config()
        }
        progress.say("config: \(path)")
        return try ConfigLoader.load(path: path)
    }

    /// `--inventory DIR`: files of no known shape are warned about, one line each, not fatal.
    static func loadInventory(_ directory: String?, progress: ProgressLines) throws -> Inventory? {
        guard let directory else { return nil }
        let inventory = try InventoryReader.read(directory: directory)
        for file in inventory.unrecognizedFiles {
            progress.warn("\(file) in \(directory) is not inventory JSON of a known shape (aws ec2 describe-volumes|describe-snapshots|describe-addresses, gcloud compute disks|snapshots|addresses list --format=json): ignored")
        }
        progress.say("inventory \(directory): \(inventory.resources.count) resources in \(inventory.files.count) files")
        return inventory
    }
}

/// Stage 2: stream every source into one dataset.
public struct IngestRecords: Sendable {
    public init() {}

    public func run(_ inputs: Inputs, progress: ProgressLines) throws -> Dataset {
        let dataset = try Step.ingest.run(file: inputs.sourceNames) {
            try RecordSources.dataset(from: inputs.sources, catalog: inputs.catalog, config: inputs.config, validated: true,
                                      progress: progress.say)
        }
        progress.say("\(dataset.quality.read) records read, \(dataset.records.count) accepted, \(dataset.quality.rejectedTotal) rejected")
        return dataset
    }
}
