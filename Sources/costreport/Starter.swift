import ArgumentParser
import CostPipeline

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starter you own: costreport.yml, templates/ and pricing.example.yml.",
        discussion: """
            costreport.yml states every setting with its default; templates/ is a copy of the built-in \
            templates and stylesheet (pass it with --templates, and keep only the files you change: the \
            others fall back to the built-in ones); pricing.example.yml shows how to override one price \
            (pass your file with --pricing). An existing file is never overwritten: init then names it \
            and exits 2 without writing anything.
            """)

    @Argument(help: ArgumentHelp("Folder to write into (created if missing).", valueName: "dir"))
    var directory: String = "."

    @OptionGroup var common: CommonOptions

    func run() async throws {
        do {
            try InitJob(directory: directory).run(progress: common.console.progress)
        } catch {
            throw Console.fail(error)
        }
    }
}

struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Print the pricing catalog in effect as YAML (the built-in one, merged with --pricing).",
        discussion: "Copy the keys you want to change into a file and pass it with --pricing FILE; see pricing.example.yml from `costreport init`.")

    @Option(name: .long, help: ArgumentHelp("Pricing override file (YAML), merged key by key over the built-in catalog.", valueName: "file"))
    var pricing: String?

    @OptionGroup var common: CommonOptions

    func run() async throws {
        do {
            Console.write(try CatalogJob(pricing: pricing).run())
        } catch {
            throw Console.fail(error)
        }
    }
}
