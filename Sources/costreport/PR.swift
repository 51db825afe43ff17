import ArgumentParser
import CostModel
import CostPipeline

/// `costreport pr`: what one pull request's (or branch's) cloud test runs cost, against the base
/// branch's 4 weeks before it, and what would have been cheaper — as a PR comment, a job summary or JSON.
struct PR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pr",
        abstract: "Print the cost comment for one pull request (or branch) to stdout.",
        discussion: """
            The PR's runs are the records whose metadata pr_number / pr (normalised: #123, pr-123 \
            and 123 are all 123) or, with --branch, whose branch matches. Each suite's spend per run \
            is compared with the base branch's average over the 28 days before the PR's first run \
            (the base's records minus this PR's).

            Formats: markdown (default) is the PR comment, at most 65,000 characters, starting with \
            the hidden marker <!-- costreport:pr --> so CI can update it in place; github-summary is \
            the same for $GITHUB_STEP_SUMMARY (at most 1 MiB, no marker); json is the model. Long \
            tables are folded into <details> and cut in the middle to fit, saying how many rows were \
            left out.

            Exit codes: 0 printed, or quiet because of --only-if-over / --only-if-change (stdout \
            empty, one line on stderr says why); 1 printed, but a --fail-if-over, --fail-if-change \
            or --fail-if-failed-spend threshold was crossed (one line on stderr each, so CI can post \
            the comment and fail the check); 2 no runs for the PR (without an --only-if flag), an \
            input or a usage error.

            Examples:
              costreport pr --pr 1234 > comment.md
              costreport pr --branch feature/flash-attn --base main --format github-summary >> "$GITHUB_STEP_SUMMARY"
              costreport pr --pr 1234 --only-if-over 5 --only-if-change 10
              costreport pr --pr 1234 --fail-if-over 50 --fail-if-change 20 > comment.md
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var templateOptions: TemplateOptions
    @OptionGroup var runURLOptions: RunURLOptions

    @Option(name: .customLong("pr"), help: ArgumentHelp("The pull request: 123, #123 or pr-123.", valueName: "number"))
    var pr: String?

    @Option(name: .long, help: ArgumentHelp("A branch instead of a PR: the runs whose metadata.branch is NAME.", valueName: "name"))
    var branch: String?

    @Option(name: .long, help: ArgumentHelp("The base branch to compare with.", valueName: "branch"))
    var base: String = "main"

    @Option(name: .customLong("site-url"), help: ArgumentHelp("The published cost-report site (http or https), linked from the comment.", valueName: "url"))
    var siteURL: String?

    @Option(name: .long, help: "Output format: markdown (the PR comment), github-summary or json.")
    var format: PullRequestJob.Format = .markdown

    @Option(name: .customLong("only-if-over"), help: ArgumentHelp("Print nothing (exit 0) when the PR's spend is below AMOUNT USD.", valueName: "amount"))
    var onlyIfOver: Amount?

    @Option(name: .customLong("only-if-change"), help: ArgumentHelp("Print nothing (exit 0) when neither the PR's total nor any suite's spend per run changed by PERCENT or more against the base.", valueName: "percent"))
    var onlyIfChange: Amount?

    @Option(name: .long, help: ArgumentHelp("Only the runs of this commit (metadata commit or commit_sha; a short SHA matches as a prefix).", valueName: "sha"))
    var commit: String?

    @Option(name: .customLong("fail-if-over"), help: ArgumentHelp("Print the comment, then exit 1 when the PR's spend is above AMOUNT USD.", valueName: "amount"))
    var failIfOver: Amount?

    @Option(name: .customLong("fail-if-change"), help: ArgumentHelp("Print the comment, then exit 1 when the PR's spend per run is more than PERCENT above the base's (suite by suite).", valueName: "percent"))
    var failIfChange: Amount?

    @Option(name: .customLong("fail-if-failed-spend"), help: ArgumentHelp("Print the comment, then exit 1 when the PR spent more than AMOUNT USD on runs with failed tests.", valueName: "amount"))
    var failIfFailedSpend: Amount?

    func validate() throws {
        switch (pr, branch) {
        case (nil, nil): throw ValidationError("name the pull request with --pr NUMBER or the branch with --branch NAME")
        case (.some, .some): throw ValidationError("give --pr or --branch, not both")
        default: break
        }
        if let pr, PullRequestSelector.normalisedKey(pr) == nil { throw ValidationError("--pr is empty: give a PR number such as 123") }
        if let branch, branch.trimmingSpaces.isEmpty { throw ValidationError("--branch is empty: give a branch name") }
        if base.trimmingSpaces.isEmpty { throw ValidationError("--base is empty: give a branch name such as main") }
        if let commit, commit.trimmingSpaces.isEmpty { throw ValidationError("--commit is empty: give a commit SHA such as 9f3c2a1") }
        if let siteURL {
            let lower = siteURL.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
                throw ValidationError("--site-url '\(siteURL)' is not an http(s) URL: use e.g. https://costs.example.com/")
            }
        }
    }

    var selector: PullRequestSelector {
        if let pr, let key = PullRequestSelector.normalisedKey(pr) { return .pr(key) }
        return .branch(branch?.trimmingSpaces ?? "")
    }

    func run() async throws {
        var job = PullRequestJob(inputs: input.settings(templates: templateOptions.templates), selector: selector,
                                 base: base.trimmingSpaces, siteURL: siteURL, format: format,
                                 onlyIfOver: onlyIfOver?.value, onlyIfChange: onlyIfChange.map { $0.value / 100 },
                                 runURL: runURLOptions.runURL)
        job.failIfOver = failIfOver?.value
        job.failIfChange = failIfChange.map { $0.value / 100 }
        job.failIfFailedSpend = failIfFailedSpend?.value
        job.commit = commit?.trimmingSpaces
        let outcome: PullRequestJob.Outcome
        do {
            outcome = try job.run(progress: common.console.progress)
        } catch {
            throw Console.fail(error)
        }
        switch outcome {
        case .printed(let text, let crossed):
            Console.write(text)
            // A crossed --fail-if-* threshold: the comment is out, the check fails (exit 1), and
            // stderr says which threshold, even with -q (it is the result).
            guard crossed.isEmpty else {
                let console = Console(quiet: false)
                for line in crossed { console.say(line) }
                throw ExitCode(1)
            }
        // Why nothing was printed: one line on stderr (stdout stays empty for CI).
        case .quiet(let reason): Console(quiet: false).say(reason)  // even with -q: it is the result
        }
    }

    /// A non-negative number: `25`, `25.50`, `$25` (USD) or `10`, `10%` (percent).
    struct Amount: ExpressibleByArgument {
        let value: Double
        init?(argument: String) {
            var text = argument.trimmingSpaces
            if text.hasPrefix("$") { text.removeFirst() }
            if text.hasSuffix("%") { text.removeLast() }
            guard let v = Double(text), v.isFinite, v >= 0 else { return nil }
            value = v
        }
    }
}

extension PullRequestJob.Format: ExpressibleByArgument {}
