import CostTestSupport
import Foundation
import Testing

/// A build killed at any moment (kill -9: no handler runs) never loses the published site: the
/// real program is killed mid-build, and after every kill the previous site is there, whole.
/// The unit tests of the pieces (exchange, recovery, leftovers) are CostSiteTests/SiteRecoveryTests.
@Suite(.serialized) struct KilledBuildTests {
    static let buildArguments = ["build", "-q", "--today", "2026-11-27"]

    func workspace() throws -> URL {
        let dir = try CLIRunner.scratch()
        let demo = try CLIRunner.run(["demo", "-q", "--records", "2000", "--weeks", "4", "--end-date", "2026-11-27"], in: dir)
        #expect(demo.status == 0, "\(demo.stderr)")
        return dir
    }

    /// Starts `costreport build` with its output discarded (nothing to read: it may be killed).
    func startBuild(in dir: URL, _ extra: [String] = [], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = Self.buildArguments + extra
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        try process.run()
        return process
    }

    /// The `site.tmp-*` and `site.old-*` folders beside `site`.
    func leftovers(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasPrefix("site.tmp-") || $0.hasPrefix("site.old-") }.sorted()
    }

    func log(_ dir: URL) throws -> String {
        String(decoding: try Data(contentsOf: dir.appendingPathComponent("site/publication-log.json")), as: UTF8.self)
    }

    /// 50 rebuilds killed after a seeded random delay spread over a build's duration (measured
    /// first): after each, the site is the first build's, file for file. Rebuilds of the same
    /// data give the same bytes, so one that finished before its kill leaves the same tree too.
    @Test func fiftyKilledRebuildsNeverLoseTheSite() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let started = Date()
        let first = try startBuild(in: dir)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        // A rebuild's duration, not the first build's: the first starts cold and, on a loaded
        // machine, can take twice as long, so delays spread over it would mostly miss the build.
        let rebuildStarted = Date()
        let rebuild = try startBuild(in: dir)
        rebuild.waitUntilExit()
        #expect(rebuild.terminationStatus == 0)
        let duration = min(rebuildStarted.timeIntervalSince(started), Date().timeIntervalSince(rebuildStarted)) * 0.9
        let site = dir.appendingPathComponent("site")
        let published = try tree(site)
        #expect(published.count > 100 && published[".costreport-site"] != nil && published["publication-log.json"] != nil)

        var random = SplitMix64(seed: 20261127)
        var killed = 0, leftBehind = 0
        for round in 1...50 {
            let delay = Double.random(in: 0...duration, using: &random)
            let build = try startBuild(in: dir)
            Thread.sleep(forTimeInterval: delay)
            if build.isRunning { kill(build.processIdentifier, SIGKILL) }
            build.waitUntilExit()
            if build.terminationReason == .uncaughtSignal { killed += 1 }
            #expect(build.terminationReason == .uncaughtSignal || build.terminationStatus == 0)
            let now = try tree(site)
            #expect(now == published, "round \(round): killed after \(delay) s, the site differs (\(now.count) of \(published.count) files)")
            if now != published { break }
            leftBehind += try leftovers(dir).isEmpty ? 0 : 1
        }
        // Most kills land mid-build (a few builds finish first); some leave a temp folder.
        #expect(killed >= 25, "only \(killed) of 50 builds were killed before they finished (a build took \(duration) s)")
        print("killed \(killed) of 50 rebuilds (one build: \(String(format: "%.2f", duration)) s); \(leftBehind) left a folder beside the site")

        let final = try startBuild(in: dir)
        final.waitUntilExit()
        #expect(final.terminationStatus == 0)
        #expect(try tree(site) == published)
        #expect(try leftovers(dir) == [])
    }

    /// The two-rename fallback killed exactly between its renames (the test hook kills the
    /// process there): no site/ then, and the next build puts the previous one back before it
    /// reads the publication log, so the log keeps its weeks.
    @Test func aBuildKilledBetweenTheFallbackRenamesIsRecovered() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let site = dir.appendingPathComponent("site")
        let weekW47 = try startBuild(in: dir, ["--as-of", "2026-11-18"])
        weekW47.waitUntilExit()
        #expect(weekW47.terminationStatus == 0)
        let before = try tree(site)
        #expect(try log(dir) == "{\n  \"weeks\" : [\n    \"2026-W47\"\n  ]\n}\n")

        let killed = try startBuild(in: dir, environment: ["COSTREPORT_TEST_SWAP": "renames-kill"])
        killed.waitUntilExit()
        #expect(killed.terminationReason == .uncaughtSignal && killed.terminationStatus == SIGKILL)
        #expect(!FileManager.default.fileExists(atPath: site.path))
        let pid = killed.processIdentifier
        let left = try leftovers(dir)
        #expect(left.count == 2 && left.allSatisfy { $0.hasPrefix("site.old-\(pid)-") || $0.hasPrefix("site.tmp-\(pid)-") }, "\(left)")
        let old = try #require(left.first { $0.hasPrefix("site.old-") })
        #expect(try tree(dir.appendingPathComponent(old)) == before)

        let next = try startBuild(in: dir)
        next.waitUntilExit()
        #expect(next.terminationStatus == 0)
        #expect(try log(dir) == "{\n  \"weeks\" : [\n    \"2026-W47\",\n    \"2026-W48\"\n  ]\n}\n")
        #expect(try leftovers(dir) == [])

        // The same two builds, never interrupted, give the same site.
        let reference = try workspace()
        defer { try? FileManager.default.removeItem(at: reference) }
        for extra in [["--as-of", "2026-11-18"], []] {
            let build = try startBuild(in: reference, extra)
            build.waitUntilExit()
            #expect(build.terminationStatus == 0)
        }
        #expect(try tree(site) == tree(reference.appendingPathComponent("site")))
    }
}
