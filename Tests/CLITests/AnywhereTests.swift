import Foundation
import Testing

/// The executable alone, copied into an empty folder outside the repository, does everything:
/// no Templates/ folder, no resource bundle, no working directory of its own (issue 9).
@Suite(.serialized) struct AnywhereTests {
    /// An empty folder holding only a copy of the program; the program's path.
    func lonelyCopy() throws -> (URL, URL) {
        let dir = try CLIRunner.scratch()
        let program = dir.appendingPathComponent("costreport")
        try FileManager.default.copyItem(at: CLIRunner.executable, to: program)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["costreport"])
        return (dir, program)
    }

    @Test func everySubcommandWorksFromAnEmptyFolder() throws {
        let (dir, program) = try lonelyCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ args: [String]) throws -> CLIRunner.Result {
            let r = try CLIRunner.run(args, in: dir, executable: program)
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("resource bundle"), "\(args): \(r.stderr)")
            return r
        }
        #expect(try run(["demo", "-q"]).status == 0)

        // The site equals the committed one, which the README's first command builds.
        let build = try run(["build", "-q", "--results", "results"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try tree(dir.appendingPathComponent("site")) == tree(CLIRunner.packageRoot.appendingPathComponent("site")))

        let markdown = try run(["report", "-q", "--format", "markdown", "--results", "results"])
        #expect(markdown.status == 0 && markdown.stdout.hasPrefix("# Cloud test spend: week 2026-W48"), "\(markdown.stderr)")
        // The site's Markdown source is the same report with the site's links (dimension pages, CSVs) added.
        let source = try String(contentsOf: dir.appendingPathComponent("site/weeks/2026-W48.md"), encoding: .utf8)
        #expect(source.contains("](../instance-types/") && source.contains("as CSV](../weeks/2026-W48/"))
        #expect(markdown.stdout == Self.withoutSiteLinks(source))
        let json = try run(["report", "-q", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["as_of"] as? String == "2026-11-27")
        let html = try run(["report", "-q", "--format", "html"])
        #expect(html.status == 0 && html.stdout.contains("<table"))

        let check = try run(["check", "-q", "--today", "2026-11-27"])
        #expect(check.status == 0 || check.status == 1)
        #expect(check.stdout.contains("budget 2026-11"))

        let prKey = try #require(((object?["breakdowns"] as? [String: Any])?["pr"] as? [[String: Any]])?
            .compactMap { $0["key"] as? String }.first { $0 != "(none)" })
        let pr = try run(["pr", "-q", "--pr", prKey])
        #expect(pr.status == 0 && pr.stdout.hasPrefix("<!-- costreport:pr -->"), "\(pr.stderr)")

        let focus = try run(["export", "-q", "--format", "focus-csv"])
        #expect(focus.status == 0 && focus.stdout.hasPrefix("AvailabilityZone,BilledCost,BillingAccountId,"))
        let csv = try run(["export", "-q", "--format", "csv", "--breakdown", "provider", "--out", "provider.csv"])
        #expect(csv.status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("provider.csv"), encoding: .utf8).hasPrefix("key,"))

        let catalog = try run(["catalog"])
        #expect(catalog.status == 0 && catalog.stdout.contains("p4d.24xlarge:") && catalog.stdout.contains("on_demand: 32.77"))

        let starter = try run(["init", "-q", "starter"])
        #expect(starter.status == 0, "\(starter.stderr)")
        for file in ["costreport.yml", "pricing.example.yml", "templates/weekly.mustache", "templates/style.css",
                     "templates/partials/budget.mustache"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("starter/" + file).path), "\(file)")
        }
        // The bundled templates, byte for byte.
        #expect(try tree(dir.appendingPathComponent("starter/templates")) == tree(CLIRunner.packageRoot.appendingPathComponent("Templates")))
    }

    @Test func initThenBuildEqualsTheBuiltInsAndOneEditedTemplateChangesOnlyItsPages() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ args: [String]) throws -> CLIRunner.Result {
            let r = try CLIRunner.run(args, in: dir)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            return r
        }
        _ = try run(["demo", "-q", "--records", "600", "--weeks", "4"])
        _ = try run(["init", "-q", "starter"])
        _ = try run(["build", "-q", "--config", "starter/costreport.yml", "--templates", "starter/templates", "--out", "mine"])
        _ = try run(["build", "-q", "--config", "starter/costreport.yml", "--out", "builtin"])
        let builtIn = try tree(dir.appendingPathComponent("builtin"))
        #expect(try tree(dir.appendingPathComponent("mine")) == builtIn)

        // The starter config states the defaults: the figures are the defaults' (only item 7,
        // which asks whether a config file sets the budget, and the budget's `*_configured`
        // flags can tell them apart).
        let withConfig = try run(["report", "-q", "--format", "json", "--config", "starter/costreport.yml"])
        let without = try run(["report", "-q", "--format", "json"])
        let a = try JSONSerialization.jsonObject(with: Data(withConfig.stdout.utf8)) as? [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(without.stdout.utf8)) as? [String: Any]
        #expect((a?["totals"] as? NSDictionary) == (b?["totals"] as? NSDictionary))
        var budgetA = a?["budget"] as? [String: Any] ?? [:], budgetB = b?["budget"] as? [String: Any] ?? [:]
        #expect(budgetA["monthly_configured"] as? Bool == true && budgetB["monthly_configured"] as? Bool == false)
        for key in ["monthly_configured", "daily_alert_configured"] { budgetA[key] = nil; budgetB[key] = nil }
        #expect(NSDictionary(dictionary: budgetA) == NSDictionary(dictionary: budgetB))

        // Editing one template changes only the pages made with it.
        let checklist = dir.appendingPathComponent("starter/templates/checklist.mustache")
        try (String(contentsOf: checklist, encoding: .utf8) + "\nEdited by the team.\n").write(to: checklist, atomically: true, encoding: .utf8)
        _ = try run(["build", "-q", "--config", "starter/costreport.yml", "--templates", "starter/templates", "--out", "edited"])
        let edited = try tree(dir.appendingPathComponent("edited"))
        let changed = Set(edited.keys.filter { edited[$0] != builtIn[$0] })
        #expect(changed == ["checklist.md", "checklist.html"])
        #expect(String(decoding: edited["checklist.md"] ?? Data(), as: UTF8.self).contains("Edited by the team."))
        // A folder holding only that file overrides it alone.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("one"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: checklist, to: dir.appendingPathComponent("one/checklist.mustache"))
        _ = try run(["build", "-q", "--config", "starter/costreport.yml", "--templates", "one", "--out", "one-site"])
        #expect(try tree(dir.appendingPathComponent("one-site")) == edited)
    }

    /// The default folder is the current one (`costreport init`, as the README's quick start has it).
    @Test func initWritesIntoTheCurrentFolder() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["init", "-q"], in: dir)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(written == ["costreport.yml", "pricing.example.yml", "templates"])
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("templates/words/checklist-1.mustache").path))
        let build = try CLIRunner.run(["demo", "-q"], in: dir)
        #expect(build.status == 0)
        #expect(try CLIRunner.run(["build", "-q", "--templates", "templates"], in: dir).status == 0)
    }

    @Test func initNeverOverwrites() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("timezone: Europe/Berlin\n".utf8).write(to: dir.appendingPathComponent("costreport.yml"))
        let r = try CLIRunner.run(["init"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").filter { $0.hasPrefix("costreport: error:") }.count == 1)
        #expect(r.stderr.contains("costreport.yml already exists"))
        // Nothing was written, and the user's file is untouched.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["costreport.yml"])
        #expect(try String(contentsOf: dir.appendingPathComponent("costreport.yml"), encoding: .utf8) == "timezone: Europe/Berlin\n")
    }

    @Test func catalogPrintsTheMergedCatalogThatReadsBackAsItself() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("aws:\n  instances:\n    p4d.24xlarge:\n      on_demand: 30.5\n".utf8).write(to: dir.appendingPathComponent("mine.yml"))
        let merged = try CLIRunner.run(["catalog", "--pricing", "mine.yml"], in: dir)
        #expect(merged.status == 0)
        #expect(merged.stdout.contains("      on_demand: 30.5  # override\n"))
        #expect(merged.stdout.contains("on_demand: 98.32\n"), "other prices stay the built-in ones")
        // The printed catalog, used as an override, is the same catalog.
        try Data(merged.stdout.utf8).write(to: dir.appendingPathComponent("printed.yml"))
        let again = try CLIRunner.run(["catalog", "--pricing", "printed.yml"], in: dir)
        func values(_ text: String) -> [String] {
            text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.replacingOccurrences(of: "  # override", with: "") }
        }
        #expect(values(again.stdout) == values(merged.stdout))
    }

    @Test func versionNamesTheProgram() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["--version"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"^costreport \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(r.stdout)")
    }

    /// A site page's Markdown without its site-only links: `[key](../instance-types/k.html)` → `key`,
    /// and no "as CSV" lines (with the blank line before each).
    static func withoutSiteLinks(_ markdown: String) -> String {
        var lines: [String] = []
        for line in markdown.components(separatedBy: "\n") {
            if line.hasPrefix("[") && line.contains(" as CSV](") {
                if lines.last == "" { lines.removeLast() }
                continue
            }
            lines.append(line)
        }
        var text = lines.joined(separator: "\n")
        let link = try! Regex(#"\[([^\]]*)\]\(\.\./(instance-types|providers|developers|suites)/[^)]*\)"#)
        text = text.replacing(link) { String($0.output[1].substring ?? "") }
        return text
    }
}
