import CostModel

/// The lines about stale or future-dated data (`check`'s problem, `build`'s warnings).
public enum FreshnessText {
    public static func problem(_ f: DataFreshness) -> String {
        "data: the latest record is from \(f.latest.iso), \(days(f.age)) before today \(f.today.iso) (more than --max-data-age \(f.maxAge)) — check that the CI runs are still being recorded, or pass --as-of to check an older date"
    }

    public static func staleWarning(_ f: DataFreshness) -> String {
        "the latest record is from \(f.latest.iso), \(days(f.age)) before today \(f.today.iso): the reports show that date's figures, not today's"
    }

    public static func futureWarning(count: Int, latest: Day, today: Day) -> String {
        "\(count) \(count == 1 ? "record lies" : "records lie") after today \(today.iso) (the latest on \(latest.iso)): a CI runner's clock may be wrong; they count in data quality as after the as-of date, not in any report"
    }

    static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }
}
