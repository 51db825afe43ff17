import CostModel

/// The text rules of spec §1 and §12, as pure functions so each is testable on its own. The
/// builder caches their results per distinct raw value; none of them runs once per row.
enum TextRules {
    /// Stripped text, or nil when nothing is left (a missing dimension).
    static func stripped(_ raw: String?) -> String? {
        guard var raw, let first = raw.utf8.first, let last = raw.utf8.last else { return nil }
        // Spec §12: text is read whole; a NUL inside a value becomes U+FFFD (it would cut the value
        // short in C code, and merge "abc\0x" with "abc").
        if raw.utf8.contains(0) { raw = wholeText(raw) }
        // Fast path: nearly every value has nothing to strip; only look closer when an end byte is
        // ASCII whitespace or non-ASCII (which may be Unicode whitespace such as a no-break space).
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return raw }
        let t = raw.trimmingSpaces
        return t.isEmpty ? nil : t
    }

    /// `text` with every NUL replaced by U+FFFD.
    static func wholeText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }

    /// Lower-cased provider with the aliases the team's data uses; nil when missing.
    static func provider(_ raw: String?) -> String? {
        guard let p = stripped(raw)?.lowercased() else { return nil }
        switch p {
        case "amazon", "ec2", "amazon web services": return "aws"
        case "google", "gce", "google cloud", "google cloud platform": return "gcp"
        default: return p
        }
    }

    /// Lower-cased region; a GCP zone (`us-central1-a`) or an AWS availability zone
    /// (`us-west-2a`) becomes its region. Region names end in a digit, zones in a letter.
    static func region(_ raw: String?) -> String? {
        guard let r = stripped(raw)?.lowercased() else { return nil }
        let u = Array(r.utf8)
        guard u.count >= 3, isLetter(u[u.count - 1]) else { return r }
        if u[u.count - 2] == UInt8(ascii: "-"), isDigit(u[u.count - 3]) {
            return String(r.dropLast(2))          // us-central1-a → us-central1
        }
        if isDigit(u[u.count - 2]) {
            return String(r.dropLast())           // us-west-2a → us-west-2
        }
        return r
    }

    /// `#123`, `pr-123`, `PR 123`, `123` → `123`. Other text is kept (stripped) as its own key.
    static func prKey(_ raw: String?) -> String? {
        guard let s = stripped(raw) else { return nil }
        let lower = s.lowercased()
        if let prefix = ["pr-", "pr#", "pr ", "pr_", "#"].first(where: { lower.hasPrefix($0) }) {
            return stripped(String(s.dropFirst(prefix.count)))
        }
        if lower.hasPrefix("pr"), s.count > 2, s.dropFirst(2).allSatisfy(\.isASCIIDigit) {
            return String(s.dropFirst(2))         // pr123
        }
        return s
    }

    /// The test type of spec §12: the first token (split on non-alphanumerics) that a word rule
    /// matches, looking at the candidates in order (recorded type, suite, benchmark, test path).
    static func testType(_ candidates: String?...) -> TestType {
        for text in candidates {
            let t = testType(in: text)
            if t != .unknown { return t }
        }
        return .unknown
    }

    static func testType(in text: String?) -> TestType {
        guard let text else { return .unknown }
        for token in tokens(text) {
            let t = TestType(token: String(token))
            if t != .unknown { return t }
        }
        return .unknown
    }

    /// Triggers that mark a scheduled run (spec §12, checklist item 5).
    static func isScheduled(trigger: String?) -> Bool {
        guard let t = stripped(trigger)?.lowercased() else { return false }
        return t == "nightly" || t == "weekly" || t == "schedule" || t == "scheduled"
    }

    /// A suite named like a scheduled one: a token starting with nightly/weekly/schedule.
    static func isScheduled(suite: String?) -> Bool {
        guard let suite else { return false }
        return tokens(suite).contains { token in
            let t = token.lowercased()
            return t.hasPrefix("nightly") || t.hasPrefix("weekly") || t.hasPrefix("schedule")
        }
    }

    static func tokens(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber) }
    }

    @inline(__always) private static func isLetter(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
    @inline(__always) private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
