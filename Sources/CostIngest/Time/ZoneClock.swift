import CostModel
import Foundation

/// Converts between instants and wall-clock times of one IANA time zone, correctly across DST,
/// with small caches so a million rows cost a million dictionary lookups, not a million
/// `TimeZone` queries. UTC (and any zone without transitions since 1970) takes a fast path.
struct ZoneClock {
    private let zone: TimeZone
    private let fixedOffset: Double?
    /// Offsets are cached per 15-minute bucket: every modern zone changes offset on a quarter hour.
    private static let bucket: Double = 900
    private var offsetAtInstant: [Int64: Double] = [:]
    private var instantForLocalOffset: [Int64: Double] = [:]

    init(zone: TimeZone) {
        self.zone = zone
        let since1970 = Date(timeIntervalSince1970: 0)
        fixedOffset = zone.nextDaylightSavingTimeTransition(after: since1970) == nil
            ? Double(zone.secondsFromGMT(for: since1970)) : nil
    }

    /// Seconds to add to an instant to read the zone's wall clock.
    mutating func offset(atInstant t: Double) -> Double {
        if let fixedOffset { return fixedOffset }
        let key = Int64((t / Self.bucket).rounded(.down))
        if let cached = offsetAtInstant[key] { return cached }
        let o = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t)))
        offsetAtInstant[key] = o
        return o
    }

    /// The instant a naive wall-clock reading denotes. An ambiguous reading (the repeated hour
    /// when clocks go back) takes the first occurrence; a reading in the skipped hour (clocks go
    /// forward) is read with the offset before the change, so 02:30 becomes 03:30 — both as
    /// Python's `zoneinfo` does with `fold=0`, the team's writer's convention.
    mutating func instant(fromLocal local: Double) -> Double {
        if let fixedOffset { return local - fixedOffset }
        let key = Int64((local / Self.bucket).rounded(.down))
        if let o = instantForLocalOffset[key] { return local - o }
        let o = Self.offsetForLocal(local, in: zone)
        instantForLocalOffset[key] = o
        return local - o
    }

    /// The local day and minute of the day of an instant.
    mutating func localDayAndMinute(ofInstant t: Double) -> (day: Day, minuteOfDay: Int16) {
        let local = t + offset(atInstant: t)
        let days = (local / 86_400).rounded(.down)
        let minute = Int16(((local - days * 86_400) / 60).rounded(.down))
        return (Day(ordinal: Int32(days)), min(minute, 1439))
    }

    private static func offsetForLocal(_ local: Double, in zone: TimeZone) -> Double {
        func offset(_ t: Double) -> Double { Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t))) }
        // The offsets in force a day either side bracket any single transition near `local`.
        let before = offset(local - 86_400), after = offset(local + 86_400)
        if before == after { return before }
        let validBefore = offset(local - before) == before
        let validAfter = offset(local - after) == after
        switch (validBefore, validAfter) {
        case (true, true): return max(before, after)    // ambiguous: larger offset = earlier instant
        case (true, false): return before
        case (false, true): return after
        case (false, false): return before                // in the gap
        }
    }
}
