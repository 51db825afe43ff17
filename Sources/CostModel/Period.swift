/// A reporting period: an ISO week (`2026-W48`), a calendar month (`2026-11`) or an inclusive
/// range of days (`2026-10-01..2026-11-30`). Both ends are inclusive local days.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable { case week, month, range }

    public let kind: Kind
    public let start: Day
    public let end: Day

    public init(kind: Kind, start: Day, end: Day) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    public static func week(containing day: Day) -> Period {
        let monday = day.startOfISOWeek
        return Period(kind: .week, start: monday, end: monday.adding(days: 6))
    }

    public static func month(containing day: Day) -> Period {
        let first = day.firstOfMonth
        return Period(kind: .month, start: first, end: first.adding(days: first.daysInMonth - 1))
    }

    /// Parses `2026-W48`, `2026-11` or `2026-10-01..2026-11-30`; nil when the text is none of them.
    public init?(parsing text: String) {
        let t = text.trimmingSpaces
        if let r = t.range(of: "..") {
            guard let a = Day(iso: String(t[..<r.lowerBound])), let b = Day(iso: String(t[r.upperBound...])),
                  a <= b else { return nil }
            self.init(kind: .range, start: a, end: b)
            return
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        if parts[1].hasPrefix("W") || parts[1].hasPrefix("w") {
            guard parts[1].count == 3, let week = Int(parts[1].dropFirst()), week >= 1 else { return nil }
            // Week 1 is the week containing January 4th.
            let monday = Day(year: year, month: 1, day: 4).startOfISOWeek.adding(days: (week - 1) * 7)
            guard monday.isoWeek.year == year else { return nil }
            self = .week(containing: monday)
        } else {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self = .month(containing: Day(year: year, month: month, day: 1))
        }
    }

    /// `2026-W48`, `2026-11` or `2026-10-01..2026-11-30`.
    public var id: String {
        switch kind {
        case .week:
            let w = start.isoWeek
            return "\(Day.pad(w.year, 4))-W\(Day.pad(w.week, 2))"
        case .month:
            return "\(Day.pad(start.year, 4))-\(Day.pad(start.month, 2))"
        case .range:
            return "\(start.iso)..\(end.iso)"
        }
    }

    public var dayCount: Int { end - start + 1 }

    public func contains(_ day: Day) -> Bool { day >= start && day <= end }

    /// The whole previous week or month, or the equally long range just before.
    public var previous: Period {
        switch kind {
        case .week: return .week(containing: start.adding(days: -7))
        case .month: return .month(containing: start.adding(days: -1))
        case .range: return Period(kind: .range, start: start.adding(days: -dayCount), end: start.adding(days: -1))
        }
    }

    public var next: Period {
        switch kind {
        case .week: return .week(containing: start.adding(days: 7))
        case .month: return .month(containing: end.adding(days: 1))
        case .range: return Period(kind: .range, start: end.adding(days: 1), end: end.adding(days: dayCount))
        }
    }

    public var description: String { id }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension StringProtocol {
    /// Strips spaces, tabs and newlines at both ends without Foundation.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
