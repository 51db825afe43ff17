import ArgumentParser
import CostModel

/// Where the records, the config, the prices and the inventory come from (shared by build, report and check).
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The team's SQLite database.", valueName: "file"))
    var db: String = "benchmarks.db"

    @Option(name: .long, help: ArgumentHelp("Config file (YAML). Default: ./costreport.yml when present, else built-in defaults.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Pricing override file (YAML), merged key by key over the bundled catalog.", valueName: "file"))
    var pricing: String?

    @Option(name: .long, help: ArgumentHelp("Folder of inventory JSON (aws ec2 describe-volumes|describe-snapshots|describe-addresses, gcloud compute disks|snapshots|addresses list --format=json) for checklist item 10.", valueName: "dir"))
    var inventory: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Report as of this day (YYYY-MM-DD). Default: the day of the latest record, never the clock.", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY-MM-DD, e.g. 2026-11-27")
        }
    }

    var asOfDay: Day? { asOf.flatMap(Day.init(iso:)) }
}

struct TemplateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of Mustache templates (a copy of the repository's Templates/). Default: ./Templates, else the one beside the program.", valueName: "dir"))
    var templates: String?
}
