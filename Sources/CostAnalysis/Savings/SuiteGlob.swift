import CostModel

/// `critical_suites` (spec §11): globs with `*` (any run of characters, none included) and `?` (exactly
/// one character), matched case-sensitively against the whole suite key. A record without a suite has
/// the key `(none)` and is matched as that text (so `*` makes every suite critical).
struct SuiteGlobs: Sendable {
    private let patterns: [[Character]]

    init(_ globs: [String]) { patterns = globs.map(Array.init) }

    var isEmpty: Bool { patterns.isEmpty }

    func matchesAny(_ text: String) -> Bool {
        guard !patterns.isEmpty else { return false }
        let s = Array(text)
        return patterns.contains { SuiteGlobs.match($0, s) }
    }

    /// Iterative wildcard matching with one backtrack point (linear in practice, no recursion).
    static func match(_ p: [Character], _ s: [Character]) -> Bool {
        var pi = 0, si = 0
        var star = -1, mark = 0
        while si < s.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == s[si]) {
                pi += 1; si += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi; mark = si; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; si = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
