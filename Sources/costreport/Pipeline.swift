import CostAnalysis
import CostIngest
import CostModel
import CostRender
import Foundation

/// The stages of every command, in order: load inputs, ingest, analyse. Each step's errors
/// name the file they concern; `Console.fail` turns them into one line on stderr.
struct Pipeline {
    let config: Config
    let catalog: Catalog
    let dataset: Dataset
    let analyzer: Analyzer
    let asOf: Day
    let inventory: Inventory?
    /// The log the analyzer saw (checklist item 8); `build` publishes it with the site.
    let publicationLog: PublicationLog?

    /// - Parameter publicationLog: given the as-of date, the publication log the analysis should
    ///   see (`build`: the previous log with the as-of week recorded; `report`: the published log).
    /// - Parameter defaultAsOf: without `--as-of`, turns the latest record's day into the as-of date
    ///   (`check --period` moves it to the period's end).
    static func load(_ input: InputOptions, progress: Console,
                     defaultAsOf: (Day) -> Day = { $0 },
                     publicationLog: (Day) throws -> PublicationLog? = { _ in nil }) throws -> Pipeline {
        let config = try loadConfig(input.config)
        let catalog = try CatalogLoader.load(overridePath: input.pricing)
        let inventory = try loadInventory(input.inventory, console: progress)
        let dataset = try BenchmarksDatabase.read(path: input.db, catalog: catalog, config: config,
                                                  progress: { progress.say($0) })
        progress.say("\(dataset.quality.read) records read, \(dataset.records.count) accepted, \(dataset.quality.rejectedTotal) rejected")
        // The default as-of date is the latest record's day (what `Analyzer.latestDay` gives),
        // needed before the analyzer exists because the publication log depends on it.
        guard let asOf = input.asOfDay ?? dataset.records.lazy.map(\.day).max().map(defaultAsOf) else {
            throw CLIError("\(input.db) has no usable records (\(dataset.quality.read) read, all rejected or none): nothing to report. Run `costreport demo` for sample data.")
        }
        let log = try publicationLog(asOf)
        let analyzer = Analyzer(dataset: dataset, catalog: catalog, config: config,
                                inventory: inventory, publicationLog: log)
        return Pipeline(config: config, catalog: catalog, dataset: dataset, analyzer: analyzer, asOf: asOf,
                        inventory: inventory, publicationLog: log)
    }

    /// `--inventory DIR`: files of no known shape are warned about, one line each, not fatal.
    static func loadInventory(_ directory: String?, console: Console) throws -> Inventory? {
        guard let directory else { return nil }
        let inventory = try InventoryReader.read(directory: directory)
        for file in inventory.unrecognizedFiles {
            console.warn("\(file) in \(directory) is not inventory JSON of a known shape (aws ec2 describe-volumes|describe-snapshots|describe-addresses, gcloud compute disks|snapshots|addresses list --format=json): ignored")
        }
        console.say("inventory \(directory): \(inventory.resources.count) resources in \(inventory.files.count) files")
        return inventory
    }

    /// `--config FILE`, else `./costreport.yml` when it exists, else the spec's defaults.
    static func loadConfig(_ path: String?) throws -> Config {
        if let path { return try ConfigLoader.load(path: path) }
        if FileManager.default.fileExists(atPath: "costreport.yml") { return try ConfigLoader.load(path: "costreport.yml") }
        return Config()
    }

    /// `--templates DIR`, else ./Templates, else the repository's Templates beside the built program.
    static func templatesDirectory(_ option: String?) -> String {
        if let option { return option }
        if FileManager.default.fileExists(atPath: "Templates") { return "Templates" }
        let program = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // .build/<config>/costreport → repository root
        let repo = program.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let beside = repo.appendingPathComponent("Templates").path
        return FileManager.default.fileExists(atPath: beside) ? beside : "Templates"
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
