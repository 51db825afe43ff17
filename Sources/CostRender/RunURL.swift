/// `--run-url TEMPLATE` (issue 13 part 3): run ids become links to the CI that ran them, e.g.
/// `https://ci.example/runs/{run_id}`. Without it run ids stay plain text: a link must never
/// guess where a run lives.
public struct RunURL: Sendable, Equatable {
    public static let placeholder = "{run_id}"
    /// Characters a run id keeps in the link; every other byte is percent-encoded, so an id can
    /// neither end the Markdown link nor leave its path segment (`/`, `?`, `#` are encoded).
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".unicodeScalars)

    private let before: String
    private let after: String

    /// Nil (with the reason) unless `template` is an http(s) address holding `{run_id}` once and
    /// nothing a Markdown link destination cannot carry.
    public static func parse(_ template: String) -> Result<RunURL, RunURLError> {
        let lower = template.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return .failure(.notHTTP) }
        let parts = template.components(separatedBy: placeholder)
        guard parts.count == 2 else { return .failure(.placeholder) }
        guard template.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"<>()[]\"'`\\ |".unicodeScalars.contains($0) })
        else { return .failure(.characters) }
        return .success(RunURL(before: parts[0], after: parts[1]))
    }

    private init(before: String, after: String) { self.before = before; self.after = after }

    /// The address of a recorded run id; nil for a record without one (its key is made up,
    /// `(no run_id) …`, and no CI knows it).
    public func linkIfRecorded(_ runID: String) -> String? {
        runID.hasPrefix("(no run_id)") ? nil : link(runID)
    }

    /// The run's address: the template with the id, percent-encoded, in place of `{run_id}`.
    public func link(_ runID: String) -> String {
        // `.` and `..` alone would resolve as path steps (`runs/..` is `runs`' parent): encoded.
        if runID == "." || runID == ".." { return before + String(repeating: "%2E", count: runID.count) + after }
        var id = ""
        for scalar in runID.unicodeScalars {
            if Self.unreserved.contains(scalar) { id.unicodeScalars.append(scalar) } else { id += Self.percentEncoded(scalar) }
        }
        return before + id + after
    }
}

extension RunURL {
    /// `ü` → `%C3%BC`: the scalar's UTF-8 bytes, each as `%` and two upper-case hex digits.
    static func percentEncoded(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf8.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return "%" + (hex.count == 1 ? "0" + hex : hex)
        }.joined()
    }
}

public enum RunURLError: Error, CustomStringConvertible, Sendable {
    case notHTTP, placeholder, characters

    public var description: String {
        switch self {
        case .notHTTP: return "--run-url must start with https:// or http://, e.g. https://ci.example/runs/{run_id}"
        case .placeholder: return "--run-url must contain {run_id} exactly once, e.g. https://ci.example/runs/{run_id}"
        case .characters: return "--run-url may not contain spaces, quotes, brackets, parentheses, | or non-ASCII characters"
        }
    }
}
