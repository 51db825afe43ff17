import CostModel
import Foundation

/// Size limits for Markdown posted to GitHub, and the pure functions that make a rendering fit.
///
/// GitHub refuses a comment body over 65,536 characters and a job summary (`$GITHUB_STEP_SUMMARY`)
/// over 1 MiB. A PR comment must fit whatever the data, so long tables are cut in the middle (their
/// first and last rows kept, a row in between saying how many were left out) until the text fits.
public struct TextBudget: Sendable, Equatable {
    public enum Unit: Sendable, Equatable { case characters, utf8Bytes }
    public let limit: Int
    public let unit: Unit

    public init(limit: Int, unit: Unit) { self.limit = limit; self.unit = unit }

    /// A PR comment: 65,000 characters, leaving 536 of GitHub's 65,536 for what CI may add.
    /// Characters are counted as Unicode scalars (code points), as GitHub counts them; a grapheme
    /// count would be smaller for flags and accented letters written with combining marks.
    public static let prComment = TextBudget(limit: 65_000, unit: .characters)
    /// A job summary: 1 MiB, counted in UTF-8 bytes as GitHub counts the file.
    public static let jobSummary = TextBudget(limit: 1_048_576, unit: .utf8Bytes)

    public func measure(_ text: String) -> Int {
        unit == .characters ? text.unicodeScalars.count : text.utf8.count
    }

    public func fits(_ text: String) -> Bool { measure(text) <= limit }

    /// `65,000 characters`, `1,048,576 bytes`.
    var description: String { "\(Format.count(limit)) \(unit == .characters ? "characters" : "bytes")" }
}

/// Where a table is cut: its first `head` rows and its last `tail` rows are kept.
public struct TableCut: Sendable, Equatable {
    public let head: Int
    public let tail: Int
    public let leftOut: Int

    /// Keeps every row when `cap` is nil or the table has at most `cap` rows; otherwise the first
    /// ⌈cap/2⌉ and the last ⌊cap/2⌋ rows, so the oldest and the newest (or the largest and the
    /// smallest) stay visible.
    public init(count: Int, cap: Int?) {
        guard let cap, count > cap else { head = count; tail = 0; leftOut = 0; return }
        let keep = max(0, cap)
        head = (keep + 1) / 2
        tail = keep / 2
        leftOut = count - keep
    }
}

public enum BudgetFit {
    /// The largest rendering that fits `budget`. `render(cap)` renders with every long table cut to
    /// at most `cap` rows (nil: every row); `longest` is the row count of the longest cuttable table.
    ///
    /// A table of up to 16 rows renders in full at once (the common case: one render). Otherwise the
    /// search works like a person would: measure a small rendering, estimate how many rows the rest of
    /// the budget holds from the characters each cap step added so far, render that, and repeat; once
    /// one rendering is too long, interpolate between the longest that fit and the shortest that did
    /// not (halving instead when interpolation stops narrowing the gap). The text grows with the cap
    /// and each added row costs no more than the ones before (short tables stop growing first), so the
    /// estimates from below stay below: a few renders of about the final size, not a dozen. It stops
    /// at the exact largest cap, or within 1 % of it for caps over 100. Every returned text has been
    /// measured. Should even a cap of 0 not fit (a template edited to print something huge), the
    /// text is cut at a line with a note saying so.
    public static func fit(_ budget: TextBudget, longest: Int,
                           render: (Int?) throws -> String) rethrows -> (text: String, cap: Int?) {
        typealias Probe = (cap: Int, length: Int)
        var fit: (cap: Int, length: Int, text: String)?
        var previousFit: Probe?
        var tooLong: Probe?
        var probe = min(16, longest)
        var lastGap = Int.max
        while true {
            let full = probe >= longest
            let text = try render(full ? nil : probe)
            let length = budget.measure(text)
            if length <= budget.limit {
                if full { return (text, nil) }
                if let f = fit { previousFit = (f.cap, f.length) }
                fit = (probe, length, text)
            } else {
                tooLong = (min(probe, longest), length)
            }

            let low = fit?.cap ?? -1
            if let high = tooLong {
                let gap = high.cap - low
                if gap <= max(1, low / 100) { break }
                var next: Int
                if let f = fit, high.length > f.length, gap * 2 <= lastGap {
                    // Interpolate between the longest fit and the shortest failure.
                    next = f.cap + Int(Double(budget.limit - f.length) * Double(gap) / Double(high.length - f.length))
                } else {
                    next = (low + high.cap) / 2
                }
                lastGap = gap
                probe = min(max(next, low + 1), high.cap - 1)
            } else if let f = fit {
                // Still fitting: extrapolate with the cost of the last step (from nothing, the first time).
                let perCap = previousFit.map { Double(f.length - $0.length) / Double(f.cap - $0.cap) }
                    ?? Double(f.length) / Double(max(1, f.cap))
                let room = Double(budget.limit - f.length)
                let next = perCap > 0 ? f.cap + Int(room / perCap) : f.cap * 2
                probe = max(next, f.cap + 1)
            }
        }
        if let fit { return (fit.text, fit.cap) }
        return (truncate(try render(0), to: budget), 0)
    }

    /// Last resort: the text cut at the last line break that leaves room for a note, with any
    /// `<details>` left open closed again.
    static func truncate(_ text: String, to budget: TextBudget) -> String {
        let note = "\n\n_… the rest is left out: it would not fit in \(budget.description) …_\n"
        if budget.fits(text) { return text }
        let room = max(0, budget.limit - budget.measure(note) - budget.measure("\n</details>") * 8)
        var kept = Substring(text)
        while budget.measure(String(kept)) > room {
            // Drop whole lines from the end; halve first when far over, to stay linear.
            let over = budget.measure(String(kept)) - room
            if over > 4096 {
                kept = kept.prefix(max(0, kept.count - over))
            } else if let newline = kept.lastIndex(of: "\n") {
                kept = kept[..<newline]
            } else {
                kept = kept.prefix(max(0, kept.count - over))
            }
        }
        var out = String(kept)
        let open = occurrences(of: "<details>", in: out) - occurrences(of: "</details>", in: out)
        for _ in 0..<max(0, min(open, 8)) { out += "\n</details>" }
        return out + note
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        var count = 0
        var rest = Substring(text)
        while let r = rest.range(of: needle) { count += 1; rest = rest[r.upperBound...] }
        return count
    }
}
