import ArgumentParser
import CostRender
import CostModel
import CostPipeline

/// Where the records, the config, the prices and the inventory come from (every command that reads data).
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The team's SQLite database, or its shared PostgreSQL store: postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=require] (the password from PGPASSWORD or ~/.pgpass). Default: ./benchmarks.db when it exists.", valueName: "file|url"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The table of records in the database. Default: table: in costreport.yml, else benchmarks.", valueName: "name"))
    var table: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Folders of JSON result files (daily/, weekly/, pr/, results/…/results.json), read after the database; repeat the option or list several. Default: results: in costreport.yml.", valueName: "dir"))
    var results: [String] = []

    @Option(name: .long, help: ArgumentHelp("Config file (YAML). Default: ./costreport.yml, else the nearest costreport.yml in a parent folder up to the repository root, else the built-in defaults.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Pricing override file (YAML), merged key by key over the built-in catalog.", valueName: "file"))
    var pricing: String?

    @Option(name: .long, help: ArgumentHelp("Folder of inventory JSON (aws ec2 describe-volumes|describe-snapshots|describe-addresses, gcloud compute disks|snapshots|addresses list --format=json) for checklist item 10.", valueName: "dir"))
    var inventory: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Report as of this day (YYYY-MM-DD). Default: the day of the latest record, but never later than today (the clock's, or --today).", valueName: "date"), transform: Parse.day)
    var asOf: Day?

    @Option(name: .long, help: ArgumentHelp("Take this day (YYYY-MM-DD) as today instead of the clock's: the as-of date is never later than today, and stale data is judged against it. For tests and reruns.", valueName: "date"), transform: Parse.day)
    var today: Day?

    /// The settings for the pipeline; `templates` from the command's `TemplateOptions`, if it has them.
    func settings(templates: String? = nil) -> InputSettings {
        InputSettings(database: db, table: table, results: results.isEmpty ? nil : results, config: config, pricing: pricing,
                      inventory: inventory, templates: templates, asOf: asOf, today: today)
    }
}

/// `-q/--quiet`, on every subcommand: progress lines go to stderr unless silenced; warnings and
/// errors are always shown.
struct CommonOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "No progress lines on stderr (warnings and errors are still shown).")
    var quiet = false

    var console: Console { Console(quiet: quiet) }
}

struct TemplateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of Mustache templates that override the built-in ones file by file (a file missing from it is taken from the built-in set). Default: the built-in templates.", valueName: "dir"))
    var templates: String?
}

/// `--run-url TEMPLATE` (build, report, pr): run ids link to the CI that ran them.
struct RunURLOptions: ParsableArguments {
    @Option(name: .customLong("run-url"), help: ArgumentHelp("Link every run id to its CI page: an http(s) address with {run_id}, e.g. https://ci.example/runs/{run_id}. Default: run ids are plain text.", valueName: "template"),
            transform: Parse.runURL)
    var runURL: RunURL?
}

/// `build --site-url URL`: where the site is published. Only the Atom feed uses it (absolute
/// links and ids); every page link stays relative. Normalised to end with `/`.
struct SiteURLOptions: ParsableArguments {
    @Option(name: .customLong("site-url"), help: ArgumentHelp("The published site's address (http or https), e.g. https://costs.internal.example/: makes the feed's links and ids absolute. Pages always link relatively.", valueName: "url"))
    var siteURL: String?

    func validate() throws {
        if let siteURL { try Self.check(siteURL) }
    }

    /// An http(s) address with nothing an attribute or a link could trip on (also `report --site-url`).
    static func check(_ siteURL: String) throws {
        let lower = siteURL.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), siteURL.count > 8,
              !siteURL.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\n" }) else {
            throw ValidationError("--site-url '\(siteURL)' is not an http(s) URL: use e.g. https://costs.internal.example/")
        }
    }

    /// With a trailing `/`.
    var normalized: String? { siteURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } }
}

/// Dates and periods are parsed once, here, into typed values (the pipeline never re-parses
/// text); a bad value is a usage error that says what to type.
enum Parse {
    @Sendable static func period(_ text: String) throws -> Period {
        guard let period = Period(parsing: text) else {
            throw ValidationError("'\(text)' is not a period: use 2026-W48, 2026-11 or 2026-10-01..2026-11-30")
        }
        guard SupportedDays.range.contains(period.start), SupportedDays.range.contains(period.end) else {
            throw ValidationError("'\(text)' lies outside the years \(SupportedDays.years) that reports cover")
        }
        guard period.dayCount <= SupportedDays.maxPeriodDays else {
            throw ValidationError("'\(text)' spans \(period.dayCount) days, more than the \(SupportedDays.maxPeriodDays) (5 years) a report covers — choose a shorter range")
        }
        return period
    }

    @Sendable static func runURL(_ text: String) throws -> RunURL {
        switch RunURL.parse(text) {
        case .success(let url): return url
        case .failure(let problem): throw ValidationError("'\(text)': \(problem)")
        }
    }

    @Sendable static func day(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else {
            throw ValidationError("'\(text)' is not a date: use YYYY-MM-DD, e.g. 2026-11-27")
        }
        guard SupportedDays.range.contains(day) else {
            throw ValidationError("'\(text)' lies outside the years \(SupportedDays.years) that reports cover")
        }
        return day
    }
}

/// The help line of every `--period` option.
let periodHelp = "An ISO week (2026-W48), a month (2026-11) or a range (2026-10-01..2026-11-30)."
