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

/// `build --site-url URL`: where the site is published. Only the Atom feed uses it (absolute
/// links and ids); every page link stays relative. Normalised to end with `/`.
struct SiteURLOptions: ParsableArguments {
    @Option(name: .customLong("site-url"), help: ArgumentHelp("The published site's address (http or https), e.g. https://costs.internal.example/: makes the feed's links and ids absolute. Pages always link relatively.", valueName: "url"))
    var siteURL: String?

    func validate() throws {
        guard let siteURL else { return }
        let lower = siteURL.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), siteURL.count > 8,
              !siteURL.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\n" }) else {
            throw ValidationError("--site-url '\(siteURL)' is not an http(s) URL: use e.g. https://costs.internal.example/")
        }
    }

    /// With a trailing `/`.
    var normalized: String? { siteURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } }
}
