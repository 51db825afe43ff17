import CostRender
import Foundation
import Testing
@testable import CostSite

@Suite("SiteWriter")
struct SiteWriterTests {
    /// A fresh parent folder per test; the site goes to `<parent>/site`.
    private struct Scratch {
        let parent: String
        var site: String { parent + "/site" }
        init() throws {
            parent = FileManager.default.temporaryDirectory
                .appendingPathComponent("sitewriter-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        func cleanUp() { try? FileManager.default.removeItem(atPath: parent) }
        /// Entries of the parent folder: only "site" (and test fixtures) may be left behind.
        func siblings() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: parent).sorted()
        }
    }

    /// Every entry under `root`: files as their bytes, folders as "dir", links as "-> target".
    private func snapshot(_ root: String) throws -> [String: String] {
        var result: [String: String] = [:]
        func walk(_ relative: String) throws {
            let full = relative.isEmpty ? root : root + "/" + relative
            for name in try FileManager.default.contentsOfDirectory(atPath: full) {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let path = root + "/" + rel
                let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
                switch type {
                case .typeSymbolicLink?:
                    result[rel] = "-> " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
                case .typeDirectory?:
                    result[rel] = "dir"
                    try walk(rel)
                default:
                    result[rel] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
                }
            }
        }
        try walk("")
        return result
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    private let first = [
        SiteFile(path: "index.html", text: "<h1>v1</h1>"),
        SiteFile(path: "reports/2026-10.html", text: "october"),
        SiteFile(path: "reports/old/stale.html", text: "stale"),
    ]
    private let second = [
        SiteFile(path: "reports/2026-11.html", text: "november"),
        SiteFile(path: "index.html", text: "<h1>v2</h1>"),
        SiteFile(path: "style.css", bytes: [0x62, 0x6F, 0x64, 0x79]),
    ]

    @Test func writesAFreshSiteWithMarkerAndModes() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try SiteWriter.write(first, to: scratch.site)
        let snap = try snapshot(scratch.site)
        #expect(snap == [
            ".costreport-site": SiteWriter.markerContent,
            "index.html": "<h1>v1</h1>",
            "reports": "dir",
            "reports/2026-10.html": "october",
            "reports/old": "dir",
            "reports/old/stale.html": "stale",
        ])
        #expect(try mode(scratch.site) == 0o755)
        #expect(try mode(scratch.site + "/reports/old") == 0o755)
        #expect(try mode(scratch.site + "/index.html") == 0o644)
        #expect(try mode(scratch.site + "/.costreport-site") == 0o644)
        #expect(try scratch.siblings() == ["site"])
    }

    @Test func aBuildReplacesTheWholePreviousSite() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try SiteWriter.write(first, to: scratch.site)
        try SiteWriter.write(second, to: scratch.site + "/")  // trailing slash: same folder
        #expect(try snapshot(scratch.site) == [
            ".costreport-site": SiteWriter.markerContent,
            "index.html": "<h1>v2</h1>",
            "reports": "dir",
            "reports/2026-11.html": "november",
            "style.css": "body",
        ])
        #expect(try scratch.siblings() == ["site"])
    }

    @Test func deterministicOutput() throws {
        let a = try Scratch(), b = try Scratch()
        defer { a.cleanUp(); b.cleanUp() }
        try SiteWriter.write(second, to: a.site)
        try SiteWriter.write(second.reversed(), to: b.site)
        #expect(try snapshot(a.site) == snapshot(b.site))
    }

    @Test(arguments: [
        "/etc/passwd", "../escape.html", "reports/../../x", "a//b", "a/", "", "./a", "a/./b",
        ".costreport-site",
    ])
    func invalidPathLeavesPreviousSiteUntouched(_ bad: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try SiteWriter.write(first, to: scratch.site)
        let before = try snapshot(scratch.site)
        let error = #expect(throws: SiteWriteError.self) {
            try SiteWriter.write(second + [SiteFile(path: bad, text: "x")], to: scratch.site)
        }
        #expect(error?.path == bad)
        #expect(error?.message.contains("'\(bad)'") == true)
        #expect(try snapshot(scratch.site) == before)
        #expect(try scratch.siblings() == ["site"])
    }

    @Test func duplicatePathIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let error = #expect(throws: SiteWriteError.self) {
            try SiteWriter.write(second + [SiteFile(path: "index.html", text: "again")], to: scratch.site)
        }
        #expect(error?.message == "duplicate site path 'index.html': two files would be written there")
        #expect(try scratch.siblings() == [])
    }

    /// "reports" is written as a file, then "reports/2026-11.html" needs it as a folder: the
    /// failure happens after files were written into the temp folder.
    @Test func writeFailureMidwayLeavesPreviousSiteUntouched() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try SiteWriter.write(first, to: scratch.site)
        let before = try snapshot(scratch.site)
        let error = #expect(throws: SiteWriteError.self) {
            try SiteWriter.write(second + [SiteFile(path: "reports", text: "a file")], to: scratch.site)
        }
        #expect(error?.path == "reports/2026-11.html")
        #expect(try snapshot(scratch.site) == before)
        #expect(try scratch.siblings() == ["site"])
    }

    @Test func refusesANonEmptyForeignFolder() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try FileManager.default.createDirectory(atPath: scratch.site, withIntermediateDirectories: true)
        try "precious".write(toFile: scratch.site + "/notes.txt", atomically: false, encoding: .utf8)
        let error = #expect(throws: SiteWriteError.self) { try SiteWriter.write(second, to: scratch.site) }
        #expect(error?.message == "output folder \(scratch.site) is not empty and was not written by costreport; "
            + "choose an empty folder or remove it")
        #expect(try snapshot(scratch.site) == ["notes.txt": "precious"])
        #expect(try scratch.siblings() == ["site"])
    }

    @Test func acceptsAnEmptyExistingFolder() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try FileManager.default.createDirectory(atPath: scratch.site, withIntermediateDirectories: true)
        try SiteWriter.write(second, to: scratch.site)
        #expect(try snapshot(scratch.site)["index.html"] == "<h1>v2</h1>")
        #expect(try scratch.siblings() == ["site"])
    }

    @Test func createsMissingParentFolders() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try SiteWriter.write(second, to: scratch.parent + "/out/public")
        #expect(try snapshot(scratch.parent + "/out/public")["style.css"] == "body")
    }

    @Test func refusesASymlinkedOutputFolder() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try SiteWriter.write(first, to: scratch.parent + "/real")
        try FileManager.default.createSymbolicLink(atPath: scratch.site, withDestinationPath: scratch.parent + "/real")
        let before = try snapshot(scratch.parent + "/real")
        let error = #expect(throws: SiteWriteError.self) { try SiteWriter.write(second, to: scratch.site) }
        #expect(error?.message.contains("is a symbolic link") == true)
        #expect(try snapshot(scratch.parent + "/real") == before)
        #expect(try scratch.siblings() == ["real", "site"])
    }

    @Test func refusesAFileAsOutput() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try "x".write(toFile: scratch.site, atomically: false, encoding: .utf8)
        #expect(throws: SiteWriteError.self) { try SiteWriter.write(second, to: scratch.site) }
        #expect(try String(contentsOfFile: scratch.site, encoding: .utf8) == "x")
    }

    @Test func carryOverKeepsTheNamedFile() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try SiteWriter.write(first + [SiteFile(path: "log/publications.log", text: "2026-11-01 v1\n")], to: scratch.site)
        try SiteWriter.write(second, to: scratch.site, carryOver: ["log/publications.log", "missing.txt"])
        let snap = try snapshot(scratch.site)
        #expect(snap["log/publications.log"] == "2026-11-01 v1\n")
        #expect(snap["missing.txt"] == nil)
        #expect(snap["reports/old/stale.html"] == nil)
        #expect(try mode(scratch.site + "/log/publications.log") == 0o644)
    }

    @Test func aNewFileWinsOverCarryOver() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try SiteWriter.write([SiteFile(path: "log.txt", text: "old")], to: scratch.site)
        try SiteWriter.write([SiteFile(path: "log.txt", text: "new")], to: scratch.site, carryOver: ["log.txt"])
        #expect(try snapshot(scratch.site)["log.txt"] == "new")
    }

    @Test func carryOverPathsAreValidated() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        #expect(throws: SiteWriteError.self) { try SiteWriter.write(second, to: scratch.site, carryOver: ["../x"]) }
    }

    /// Links placed in the old site (by hand, or by an attacker with write access to it) are
    /// neither copied through nor followed when the old site is deleted.
    @Test func symlinksInsideTheOldSiteAreNotFollowed() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let outside = scratch.parent + "/outside"
        try FileManager.default.createDirectory(atPath: outside + "/dir", withIntermediateDirectories: true)
        try "secret".write(toFile: outside + "/secret.txt", atomically: false, encoding: .utf8)
        try "inner".write(toFile: outside + "/dir/file.txt", atomically: false, encoding: .utf8)

        try SiteWriter.write(first, to: scratch.site)
        try FileManager.default.createSymbolicLink(atPath: scratch.site + "/pub.log", withDestinationPath: outside + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: scratch.site + "/logs", withDestinationPath: outside + "/dir")

        try SiteWriter.write(second, to: scratch.site, carryOver: ["pub.log", "logs/file.txt"])
        let snap = try snapshot(scratch.site)
        #expect(snap["pub.log"] == nil)
        #expect(snap["logs"] == nil)
        #expect(snap["logs/file.txt"] == nil)
        // Deleting the old site removed the links, not their targets.
        #expect(try snapshot(outside) == ["secret.txt": "secret", "dir": "dir", "dir/file.txt": "inner"])
        #expect(try scratch.siblings() == ["outside", "site"])
    }
}
