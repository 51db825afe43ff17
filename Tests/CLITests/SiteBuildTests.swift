import Foundation
import CostTestSupport
import Testing

/// The README's main job, end to end, through the real program.
@Suite(.serialized) struct SiteBuildTests {
    let templates = CLIRunner.packageRoot.appendingPathComponent("Templates").path

    /// The committed site/ is exactly what `costreport demo && costreport build --results results` produces,
    /// so anyone can browse real output (and a change in output shows up in review).
    @Test func committedSiteMatchesTheDemoBuild() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let demo = try CLIRunner.run(["demo"], in: dir)
        #expect(demo.status == 0, "\(demo.stderr)")
        let build = try CLIRunner.run(["build", "--templates", templates, "--results", "results"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        let built = try tree(dir.appendingPathComponent("site"))
        let committed = try tree(CLIRunner.packageRoot.appendingPathComponent("site"))
        #expect(built.count > 10)
        #expect(Set(built.keys) == Set(committed.keys), "regenerate site/ with the README's first command")
        for (path, bytes) in built.sorted(by: { $0.key < $1.key }) where committed[path] != bytes {
            Issue.record("site/\(path) differs from a fresh demo build: regenerate site/ with the README's first command and review the diff")
        }
    }

    @Test func sameInputsBuildByteIdenticalSites() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "1500", "--weeks", "6", "--seed", "7"], in: dir).status == 0)
        #expect(try CLIRunner.run(["build", "--templates", templates, "--out", "a"], in: dir).status == 0)
        #expect(try CLIRunner.run(["build", "--templates", templates, "--out", "b"], in: dir).status == 0)
        let a = try tree(dir.appendingPathComponent("a")), b = try tree(dir.appendingPathComponent("b"))
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func siteHasIndexWeeksMonthsAndNavigation() throws {
        let dir = try CLIRunner.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["demo", "--records", "800", "--weeks", "5", "--end-date", "2026-11-27"], in: dir).status == 0)
        let build = try CLIRunner.run(["build", "--templates", templates, "--as-of", "2026-11-27"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        let site = try tree(dir.appendingPathComponent("site"))
        for path in ["index.html", "weeks/2026-W48.html", "weeks/2026-W48.md", "months/2026-11.html",
                     "months/2026-11.md", "months/2026-10.html", "assets/style.css",
                     "checklist.html", "checklist.md", "methodology.html", "methodology.md", "publication-log.json"] {
            #expect(site[path] != nil, "missing \(path)")
        }
        let index = String(decoding: site["index.html"] ?? Data(), as: UTF8.self)
        #expect(index.contains("href=\"checklist.html\""))
        #expect(index.contains("href=\"methodology.html\""))
        #expect(String(decoding: site["publication-log.json"] ?? Data(), as: UTF8.self) == "{\n  \"weeks\" : [\n    \"2026-W48\"\n  ]\n}\n")
        for week in site.keys where week.hasPrefix("weeks/") && week.hasSuffix(".html") {
            #expect(index.contains("href=\"\(week)\""), "index does not link \(week)")
        }
        for month in site.keys where month.hasPrefix("months/") && month.hasSuffix(".html") {
            #expect(index.contains("href=\"\(month)\""), "index does not link \(month)")
        }
        let week = String(decoding: site["weeks/2026-W48.html"] ?? Data(), as: UTF8.self)
        #expect(week.contains("href=\"../index.html\""))
        #expect(week.contains("rel=\"prev\" href=\"../weeks/2026-W47.html\""))
        #expect(week.contains("href=\"../weeks/2026-W48.md\""))
        #expect(week.contains("<a href=\"../checklist.html\">Checklist</a>"))
        #expect(week.contains("<a href=\"../methodology.html\">Methodology</a>"))
        #expect(week.contains("Savings versus on-demand"))
        #expect(week.contains("<table"))
        #expect(!withoutTableScript(week).contains("<script"), "data must never reach the HTML as markup")
        // Progress goes to stderr, never stdout.
        #expect(build.stdout.isEmpty)
        #expect(build.stderr.contains("wrote"))
    }
}
