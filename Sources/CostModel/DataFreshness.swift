/// How old the data is on a given day: what `check --max-data-age` fails on and `build` warns
/// about. Never part of a report: the reports stay those of the data's as-of date.
public struct DataFreshness: Sendable, Equatable {
    /// The latest record's day.
    public let latest: Day
    public let today: Day
    /// Days the latest record may lie before today.
    public let maxAge: Int

    public init(latest: Day, today: Day, maxAge: Int) {
        self.latest = latest; self.today = today; self.maxAge = maxAge
    }

    /// Days from the latest record to today (negative when it lies in the future).
    public var age: Int { today - latest }
    public var isStale: Bool { age > maxAge }
}
