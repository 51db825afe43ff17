import Foundation
import Testing

/// Support for the browser suite: the demo site built once, and the external tools a person's
/// view of the site is checked with (Debian's `chromium`, `linkchecker` and `tidy`).
enum BrowserTools {
    struct Missing: Error, CustomStringConvertible {
        let tool: String
        var description: String {
            "`\(tool)` is not installed: run .ci/install-deps (CI installs chromium, linkchecker and tidy)"
        }
    }

    /// The tool's full path, or an error telling how to install it (the tests fail, never skip).
    static func require(_ tool: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing(tool: tool)
    }

    struct Run: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
        let timedOut: Bool
    }

    struct Command: Sendable {
        let tool: String
        let arguments: [String]
        var timeout: TimeInterval = 90
    }

    /// Runs the commands two at a time (output to files, so no pipe can fill), in order, and waits
    /// for all. Two, not all: six Chromiums at once beside the other suites, on CI's two cores, let
    /// one run out of its time (a screenshot missing, `exit -1`).
    static func runAll(_ commands: [Command], in directory: URL, atOnce: Int = 2) throws -> [Run] {
        var runs: [Run] = []
        for start in stride(from: 0, to: commands.count, by: atOnce) {
            runs += try runTogether(Array(commands[start..<min(start + atOnce, commands.count)]), in: directory)
        }
        return runs
    }

    private static func runTogether(_ commands: [Command], in directory: URL) throws -> [Run] {
        let fm = FileManager.default
        var started: [(Process, URL, URL, Date)] = []
        for command in commands {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try require(command.tool))
            process.arguments = command.arguments
            process.currentDirectoryURL = directory
            let id = UUID().uuidString
            let out = directory.appendingPathComponent(".out-\(id)"), err = directory.appendingPathComponent(".err-\(id)")
            _ = fm.createFile(atPath: out.path, contents: nil)
            _ = fm.createFile(atPath: err.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
            try process.run()
            started.append((process, out, err, Date().addingTimeInterval(command.timeout)))
        }
        return started.map { process, out, err, deadline in
            var timedOut = false
            while process.isRunning {
                if Date() > deadline {
                    timedOut = true
                    process.terminate()
                    Thread.sleep(forTimeInterval: 1)
                    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                    break
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            process.waitUntilExit()
            let stdout = (try? Data(contentsOf: out)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let stderr = (try? Data(contentsOf: err)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            try? fm.removeItem(at: out)
            try? fm.removeItem(at: err)
            return Run(status: timedOut ? -1 : process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut)
        }
    }

    static func run(_ tool: String, _ arguments: [String], in directory: URL, timeout: TimeInterval = 90) throws -> Run {
        try runAll([Command(tool: tool, arguments: arguments, timeout: timeout)], in: directory)[0]
    }

    /// Headless Chromium with its own profile folder; `--no-sandbox` because CI runs as root.
    static func chromium(_ extra: [String], url: URL, width: Int, height: Int, profile: URL) -> Command {
        Command(tool: "chromium", arguments: [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-extensions", "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)",
        ] + extra + [url.absoluteString], timeout: 120)
    }
}

/// The demo site (`costreport demo` + `costreport build --templates <repo>/Templates`), built once
/// for the whole browser suite, with the report figures it must show.
struct DemoSite: Sendable {
    static let asOf = "2026-11-27"
    /// Given to `build --site-url` when the program supports it (only the feed may use it).
    static let siteURL = "https://costs.example.test/reports/"

    let folder: URL
    let site: URL
    let siteURLGiven: Bool
    /// `costreport report --format json` for the week of the as-of date.
    let weekJSON: Data

    static let shared: Result<DemoSite, any Error> = Result { try DemoSite() }

    static func get() throws -> DemoSite { try shared.get() }

    private init() throws {
        let fm = FileManager.default
        folder = fm.temporaryDirectory.appendingPathComponent("costreport-browser-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        site = folder.appendingPathComponent("site")
        let templates = CLIRunner.packageRoot.appendingPathComponent("Templates").path
        let demo = try CLIRunner.run(["demo"], in: folder)
        guard demo.status == 0 else { throw Failure("costreport demo failed: \(demo.stderr)") }
        let help = try CLIRunner.run(["help", "build"], in: folder)
        siteURLGiven = (help.stdout + help.stderr).contains("--site-url")
        var args = ["build", "--templates", templates, "--out", "site", "--as-of", Self.asOf, "-q"]
        if siteURLGiven { args += ["--site-url", Self.siteURL] }
        let build = try CLIRunner.run(args, in: folder)
        guard build.status == 0 else { throw Failure("costreport build failed: \(build.stderr)") }
        let report = try CLIRunner.run(["report", "--format", "json", "--as-of", Self.asOf], in: folder)
        guard report.status == 0, (try? JSONSerialization.jsonObject(with: Data(report.stdout.utf8))) is [String: Any]
        else { throw Failure("costreport report --format json failed: \(report.stderr)") }
        weekJSON = Data(report.stdout.utf8)
        // linkchecker drops root privileges to `nobody`, which must be able to read the site.
        _ = try? BrowserTools.run("chmod", ["-R", "a+rX", folder.path], in: folder)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    /// Every file of the site, as paths relative to the site folder, sorted.
    func files(withExtension ext: String? = nil) -> [String] {
        let e = FileManager.default.enumerator(atPath: site.path)
        var result: [String] = []
        while let path = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path, isDirectory: &isDir),
                  !isDir.boolValue else { continue }
            if let ext, !path.hasSuffix(".\(ext)") { continue }
            result.append(path)
        }
        return result.sorted()
    }

    /// The latest weekly page (weeks/YYYY-Www.html sorts chronologically).
    var latestWeek: String? { files(withExtension: "html").filter { $0.hasPrefix("weeks/") }.last }

    func number(_ path: String...) -> Double? {
        var value: Any? = try? JSONSerialization.jsonObject(with: weekJSON)
        for key in path { value = (value as? [String: Any])?[key] }
        return (value as? NSNumber)?.doubleValue
    }

    func string(_ path: String...) -> String? {
        var value: Any? = try? JSONSerialization.jsonObject(with: weekJSON)
        for key in path { value = (value as? [String: Any])?[key] }
        return value as? String
    }
}

/// USD the way the reports print it: `$1,234.56`, `-$38.61`.
func usd(_ value: Double) -> String {
    let cents = Int((abs(value) * 100).rounded())
    var whole = String(cents / 100)
    var groups: [String] = []
    while whole.count > 3 {
        groups.insert(String(whole.suffix(3)), at: 0)
        whole = String(whole.dropLast(3))
    }
    groups.insert(whole, at: 0)
    let fraction = cents % 100
    return (value < 0 && cents > 0 ? "-" : "") + "$" + groups.joined(separator: ",") + "." + (fraction < 10 ? "0" : "") + String(fraction)
}

/// The visible text of serialized HTML, roughly: tags dropped, common entities decoded, spaces collapsed.
func textOfHTML(_ html: String) -> String {
    var text = html.replacingOccurrences(of: "<(script|style)\\b[\\s\\S]*?</\\1>", with: " ", options: .regularExpression)
    text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    for (entity, char) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
        text = text.replacingOccurrences(of: entity, with: char)
    }
    return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
}

/// Width and height from a PNG's IHDR chunk, if the bytes are a PNG.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
          bytes[12..<16].elementsEqual(Array("IHDR".utf8)) else { return nil }
    func be(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (be(16), be(20))
}
