import CostModel
import Foundation

/// The one reading of the wall clock (spec §6): today's date in the report time zone.
enum Clock {
    static func today(timezone: String) -> Day {
        let zone = TimeZone(identifier: timezone) ?? .gmt
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
