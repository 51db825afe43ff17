import CostRender
import Foundation
import Testing
@testable import CostSite

/// Publishing that cannot lose the site: the swap is one atomic exchange with a two-rename
/// fallback, a site missing after a fallback swap was killed is restored, and the leftovers of
/// dead builds are removed while those of live ones are kept. The kill itself is exercised with
/// the real program in CLITests/KilledBuildTests.swift.
@Suite("Site recovery")
struct SiteRecoveryTests {
    private typealias Scratch = SiteScratch
    private func snapshot(_ root: String) throws -> [String: String] { try SiteScratch.snapshot(root) }

    /// The pid of a process that has exited and been reaped: `kill(pid, 0)` says ESRCH.
    private func deadPid() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let pid = process.processIdentifier
        #expect(kill(pid, 0) != 0 && errno == ESRCH, "pid \(pid) was reused already")
        return pid
    }

    private let first = [SiteFile(path: "index.html", text: "v1"), SiteFile(path: "publication-log.json", text: "[W46]")]
    private let second = [SiteFile(path: "index.html", text: "v2"), SiteFile(path: "publication-log.json", text: "[W46, W47]")]

    // MARK: - The swap

    #if os(Linux)
    /// ext4, tmpfs, btrfs and xfs all exchange: the fallback is for filesystems that do not.
    @Test func theTemporaryFolderFilesystemExchangesAtomically() throws {
        let scratch = try Scratch("siterecovery")
        defer { scratch.cleanUp() }
        try scratch.makeFolder("a", files: ["which": "a"])
        try scratch.makeFolder("b", files: ["which": "b"])
        #expect(SiteWriter.exchange(scratch.parent + "/a", scratch.parent + "/b") == .exchanged)
        #expect(try snapshot(scratch.parent + "/a") == ["which": "b"])
        #expect(try snapshot(scratch.parent + "/b") == ["which": "a"])
        #expect(SiteWriter.exchange(scratch.parent + "/a", scratch.parent + "/missing") == .failed(ENOENT))
    }
    #endif

    @Test(arguments: [SiteWriter.SwapMethod.exchange, .renames])
    func bothSwapsReplaceTheWholeSiteAndLeaveNothingBeside(_ method: SiteWriter.SwapMethod) throws {
        let scratch = try Scratch("siterecovery")
        defer { scratch.cleanUp() }
        try SiteWriter.write(first + [SiteFile(path: "stale.html", text: "old")], to: scratch.site, swap: method)
        try SiteWriter.write(second, to: scratch.site, swap: method)
        #expect(try snapshot(scratch.site) == [
            ".costreport-site": SiteWriter.markerContent, "index.html": "v2", "publication-log.json": "[W46, W47]",
        ])
        #expect(try scratch.siblings() == ["site"])
    }

    // MARK: - Recovery

    /// A fallback swap killed between its renames: no site/, the previous one at site.old-*, the
    /// new one (complete, never published) at site.tmp-*. The next build's first check restores
    /// the previous site, so its publication log is read, and removes the unpublished one.
    @Test func aSiteMissingAfterAnInterruptedSwapIsRestored() throws {
        let scratch = try Scratch("siterecovery")
        defer { scratch.cleanUp() }
        try SiteWriter.write(first, to: scratch.site)
        let before = try snapshot(scratch.site)
        let dead = try deadPid()
        #expect(rename(scratch.site, scratch.parent + "/site.old-\(dead)-1") == 0)
        try scratch.makeFolder("site.tmp-\(dead)-0", files: [".costreport-site": SiteWriter.markerContent, "index.html": "v2"])

        try SiteWriter.checkOutput(scratch.site)
        #expect(try snapshot(scratch.site) == before)
        #expect(try scratch.siblings() == ["site"])
        #expect(FileManager.default.contents(atPath: scratch.site + "/publication-log.json") == Data("[W46]".utf8))
    }

    @Test func writeAlsoRestoresBeforeCarryingOver() throws {
        let scratch = try Scratch("siterecovery")
        defer { scratch.cleanUp() }
        try SiteWriter.write(first, to: scratch.site)
        let dead = try deadPid()
        #expect(rename(scratch.site, scratch.parent + "/site.old-\(dead)-0") == 0)
        try SiteWriter.write(second, to: scratch.site, carryOver: ["publication-log.json", "index.html"])
        #expect(try snapshot(scratch.site)["publication-log.json"] == "[W46, W47]")
        #expect(try scratch.siblings() == ["site"])
    }

    /// Of two previous copies (two builds killed mid-swap), the one moved aside last is the
    /// latest site.
    @Test func theNewestPreviousCopyIsRestored() throws {
        let scratch = try Scratch("siterecovery")
        defer { scratch.cleanUp() }
        let dead = try deadPid()
        try SiteWriter.write(first, to: scratch.site)
        #expect(rename(scratch.site, scratch.parent + "/site.old-\(dead)-5") == 0)
        Thread.sleep(forTimeInterval: 0.02)
        try SiteWriter.write(second, to: scratch.site)
        #expect(rename(scratch.site, scratch.parent + "/site.old-\(dead)-2") == 0)
        try SiteWriter.checkOutput(scratch.site)
        #expect(try snapshot(scratch.site)["index.html"] == "v2")
        #expect(try scratch.siblings() == ["site"])
    }

    /// A live process's `old` folder while site/ is missing is a concurrent build between its
    /// two renames: it is left to finish, never restored or removed.
    @Test func aLiveBuildsPreviousCopyIsNotTouched() throws {
        let scratch = try Scratch("siterecovery")
        defer { scratch.cleanUp() }
        try SiteWriter.write(first, to: scratch.site)
        let live = "site.old-\(getpid())-999999"
        #expect(rename(scratch.site, scratch.parent + "/" + live) == 0)
        try SiteWriter.checkOutput(scratch.site)
        #expect(try scratch.siblings() == [live])
    }

    // MARK: - Leftovers

    @Test func leftoversOfDeadProcessesGoAndThoseOfLiveOnesStay() throws {
        let scratch = try Scratch("siterecovery")
        defer { scratch.cleanUp() }
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["60"]
        try sleeper.run()
        // SIGKILL: Process.terminate()'s SIGTERM left it running here until its 60 s were up.
        defer { kill(sleeper.processIdentifier, SIGKILL); sleeper.waitUntilExit() }
        let dead = try deadPid(), me = getpid(), child = sleeper.processIdentifier

        try SiteWriter.write(first, to: scratch.site)
        let site = [".costreport-site": SiteWriter.markerContent, "index.html": "v0"]
        try scratch.makeFolder("site.tmp-\(dead)-0", files: ["index.html": "half a build"])   // killed while writing
        try scratch.makeFolder("site.tmp-\(dead)-3", files: site)                            // killed while removing
        try scratch.makeFolder("site.old-\(dead)-1", files: site)                            // killed after both renames
        try scratch.makeFolder("site.old-\(dead)-2", files: [:])                             // an empty output folder, moved aside
        try scratch.makeFolder("site.tmp-\(me)-77", files: ["index.html": "this process"])
        try scratch.makeFolder("site.old-\(me)-78", files: site)
        try scratch.makeFolder("site.tmp-\(child)-0", files: ["index.html": "a concurrent build"])
        try scratch.makeFolder("site.old-\(child)-1", files: site)
        // Not costreport's, whatever the pid: a dead pid's `old` folder that is not a site, a
        // file with a leftover's name, other names.
        try scratch.makeFolder("site.old-\(dead)-4", files: ["thesis.tex": "x"])
        try "x".write(toFile: scratch.parent + "/site.tmp-\(dead)-9", atomically: false, encoding: .utf8)
        try scratch.makeFolder("site.tmp-\(dead)", files: ["a": "b"])
        try scratch.makeFolder("other.tmp-\(dead)-0", files: ["a": "b"])

        try SiteWriter.write(second, to: scratch.site)
        #expect(try scratch.siblings() == [
            "other.tmp-\(dead)-0", "site", "site.old-\(child)-1", "site.old-\(dead)-4", "site.old-\(me)-78",
            "site.tmp-\(child)-0", "site.tmp-\(dead)", "site.tmp-\(dead)-9", "site.tmp-\(me)-77",
        ].sorted())
        #expect(try snapshot(scratch.site)["index.html"] == "v2")
        #expect(try snapshot(scratch.parent + "/site.tmp-\(child)-0") == ["index.html": "a concurrent build"])
    }

    /// `build` calls checkOutput first: the leftovers go even when the build then fails.
    @Test func checkOutputRemovesLeftoversToo() throws {
        let scratch = try Scratch("siterecovery")
        defer { scratch.cleanUp() }
        let dead = try deadPid()
        try scratch.makeFolder("site.tmp-\(dead)-0", files: ["index.html": "half a build"])
        try SiteWriter.checkOutput(scratch.site)
        #expect(try scratch.siblings() == [])
    }

    @Test func siblingNames() {
        func parse(_ name: String) -> String? {
            SiteWriter.parseSibling(name, siteName: "site").map { "\($0.kind.rawValue) \($0.pid)" }
        }
        #expect(parse("site.tmp-123-0") == "tmp 123")
        #expect(parse("site.old-9-41") == "old 9")
        for name in ["site.tmp-123", "site.tmp-123-", "site.tmp--1-0", "site.tmp-0-0", "site.tmp-a-0", "site.tmp-1-2-3",
                     "site.tmp-١٢-0", "site.new-1-0", "other.tmp-1-0", "site", "site.tmp-99999999999-0"] {
            #expect(parse(name) == nil, "\(name)")
        }
    }

    @Test func liveness() throws {
        #expect(SiteWriter.isAlive(getpid()))
        #expect(SiteWriter.isAlive(1))
        #expect(!SiteWriter.isAlive(try deadPid()))
        #expect(SiteWriter.isAlive(0))  // a process group, never "dead"
    }
}
