/// A calendar day with no time zone attached: the local day of a record in the report's time zone.
///
/// Stored as the number of days since 1970-01-01 so that arithmetic, ordering and hashing are
/// integer operations (a million records are bucketed by day). Conversions use Howard Hinnant's
/// civil-calendar algorithms, which are exact for the proleptic Gregorian calendar and need no
/// Foundation `Calendar` (whose results would depend on the machine's settings).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    public init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = Int32(era * 146_097 + doe - 719_468)
    }

    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= Day.daysIn(year: y, month: m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var dayOfMonth: Int { components.day }

    /// ISO weekday: Monday = 1 ... Sunday = 7. 1970-01-01 was a Thursday.
    public var isoWeekday: Int {
        let r = (Int(ordinal) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + Int32(days)) }

    public static func - (lhs: Day, rhs: Day) -> Int { Int(lhs.ordinal) - Int(rhs.ordinal) }

    /// The Monday that starts this day's ISO week.
    public var startOfISOWeek: Day { adding(days: 1 - isoWeekday) }

    /// ISO 8601 week-numbering year and week (the week belongs to the year of its Thursday).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - isoWeekday)
        let y = thursday.year
        let week = (thursday - Day(year: y, month: 1, day: 1)) / 7 + 1
        return (y, week)
    }

    public var firstOfMonth: Day { let c = components; return Day(year: c.year, month: c.month, day: 1) }

    public var daysInMonth: Int { let c = components; return Day.daysIn(year: c.year, month: c.month) }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2026-11-27`
    public var iso: String {
        let c = components
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// The days a report can be about.
public enum SupportedDays {
    /// Spec §12: timestamps outside the years 1970–2200 are invalid, and so are dates given on
    /// the command line outside them.
    public static let range = Day(year: 1970, month: 1, day: 1)...Day(year: 2200, month: 12, day: 31)
    public static let years = "1970–2200"
    /// The longest `--period` range: 5 years, so a report's work stays bounded (issue 11).
    public static let maxPeriodDays = 5 * 366
}
