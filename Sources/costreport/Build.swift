import ArgumentParser
import CostPipeline

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static site: index, every week and month with data, as HTML and Markdown.",
        discussion: "The site is written to a temporary folder and swapped in at the end: a failed build leaves the previous site untouched.")

    @OptionGroup var input: InputOptions
    @OptionGroup var templateOptions: TemplateOptions
    @OptionGroup var siteURLOptions: SiteURLOptions
    @OptionGroup var runURLOptions: RunURLOptions

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String = "site"

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let job = BuildJob(inputs: input.settings(templates: templateOptions.templates), out: out,
                           siteURL: siteURLOptions.normalized, runURL: runURLOptions.runURL)
        do {
            try job.run(progress: common.console.progress)
        } catch {
            throw Console.fail(error)
        }
    }
}
