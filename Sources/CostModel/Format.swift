/// Display rules of spec §8, with fixed rules instead of `NumberFormatter` so output never depends
/// on the machine's locale: USD with thousands separators and cents, percentages and hours with
/// one decimal. Totals are computed from unrounded values; only display rounds.
public enum Format {
    /// `$1,234.56`, `-$12.30`.
    public static func usd(_ value: Double) -> String {
        let cents = roundedUnits(value, scale: 100)
        return (cents < 0 ? "-$" : "$") + grouped(abs(cents) / 100) + "." + Day.pad(Int(abs(cents) % 100), 2)
    }

    /// `+$12.30` / `-$12.30` / `$0.00`, for changes.
    public static func signedUSD(_ value: Double) -> String {
        let cents = roundedUnits(value, scale: 100)
        return cents > 0 ? "+" + usd(value) : usd(value)
    }

    /// A fraction as a percentage with one decimal: 0.2534 → `25.3%`.
    public static func percent(_ fraction: Double) -> String { decimal1(fraction * 100) + "%" }

    /// `+12.3%` / `-4.0%` / `0.0%`.
    public static func signedPercent(_ fraction: Double) -> String {
        let tenths = roundedUnits(fraction * 100, scale: 10)
        return (tenths > 0 ? "+" : "") + percent(fraction)
    }

    /// Hours with one decimal and thousands separators: `1,234.5`.
    public static func hours(_ value: Double) -> String { decimal1(value) }

    /// An integer with thousands separators: `12,345`.
    public static func count(_ value: Int) -> String { (value < 0 ? "-" : "") + grouped(Int64(abs(value))) }

    static func decimal1(_ value: Double) -> String {
        let tenths = roundedUnits(value, scale: 10)
        let sign = tenths < 0 ? "-" : ""
        return sign + grouped(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
    }

    /// Rounds half away from zero at the given scale (100 = cents), as a person rounds.
    static func roundedUnits(_ value: Double, scale: Double) -> Int64 {
        guard value.isFinite else { return 0 }
        return Int64((value * scale).rounded(.toNearestOrAwayFromZero))
    }

    static func grouped(_ value: Int64) -> String {
        let digits = String(value)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
