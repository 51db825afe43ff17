/// Display rules of spec §8, with fixed rules instead of `NumberFormatter` so output never depends
/// on the machine's locale: USD with thousands separators and cents, percentages and hours with
/// one decimal. Totals are computed from unrounded values; only display rounds.
public enum Format {
    /// `$1,234.56`, `-$12.30`. Total for every Double: huge values keep all their digits,
    /// NaN and infinities (never in a report: ingest rejects them) read `$0.00`.
    public static func usd(_ value: Double) -> String {
        let f = fixed(value, decimals: 2)
        return (f.negative ? "-$" : "$") + f.integer + "." + f.fraction
    }

    /// `+$12.30` / `-$12.30` / `$0.00`, for changes.
    public static func signedUSD(_ value: Double) -> String {
        let f = fixed(value, decimals: 2)
        return f.positive ? "+" + usd(value) : usd(value)
    }

    /// A fraction as a percentage with one decimal: 0.2534 → `25.3%`.
    public static func percent(_ fraction: Double) -> String { decimal1(fraction * 100) + "%" }

    /// `+12.3%` / `-4.0%` / `0.0%`.
    public static func signedPercent(_ fraction: Double) -> String {
        (fixed(fraction * 100, decimals: 1).positive ? "+" : "") + percent(fraction)
    }

    /// Hours with one decimal and thousands separators: `1,234.5`.
    public static func hours(_ value: Double) -> String { decimal1(value) }

    /// An integer with thousands separators: `12,345`.
    public static func count(_ value: Int) -> String {
        // `value.magnitude` is a UInt: no trap for Int.min, unlike abs().
        (value < 0 ? "-" : "") + grouped(String(value.magnitude))
    }

    static func decimal1(_ value: Double) -> String {
        let f = fixed(value, decimals: 1)
        return (f.negative ? "-" : "") + f.integer + "." + f.fraction
    }

    /// `value` rounded half away from zero to `decimals` places (as a person rounds), as grouped
    /// integer digits and fraction digits. Never converts a huge value to a fixed-width integer
    /// (which traps above 9.2e18): beyond 2^53 units the Double's shortest decimal spelling is
    /// expanded instead, so `1e22` reads `10,000,000,000,000,000,000,000.00`.
    public static func fixed(_ value: Double, decimals: Int) -> (negative: Bool, positive: Bool, integer: String, fraction: String) {
        let zeros = String(repeating: "0", count: decimals)
        guard value.isFinite else { return (false, false, "0", zeros) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let units = (value * scale).rounded(.toNearestOrAwayFromZero)
        if units.magnitude < 9e15 {
            // Exact: below 2^53 every integral Double converts to UInt64 without loss.
            var digits = String(UInt64(units.magnitude))
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            return (units < 0, units > 0, grouped(String(digits.dropLast(decimals))), String(digits.suffix(decimals)))
        }
        // Huge: the fraction is below the Double's precision; expand the shortest spelling.
        var (digits, point) = shortestDigits(value.magnitude)
        if digits.count < point + decimals + 1 { digits += Array(repeating: 0, count: point + decimals + 1 - digits.count) }
        var kept = Array(digits[0..<(point + decimals)])
        if digits[point + decimals] >= 5 {  // half away from zero, on the decimal digits
            var k = kept.count - 1
            while k >= 0 { if kept[k] == 9 { kept[k] = 0; k -= 1 } else { kept[k] += 1; break } }
            if k < 0 { kept.insert(1, at: 0); point += 1 }
        }
        let text = kept.map { String($0) }.joined()
        return (value < 0, value > 0, grouped(String(text.prefix(point))), String(text.dropFirst(point)))
    }

    /// The shortest decimal digits that read back as `d` (d ≥ 0), and how many of them stand
    /// before the decimal point (`1.5e+22` → [1, 5], 23).
    static func shortestDigits(_ d: Double) -> (digits: [UInt8], point: Int) {
        let text = "\(d)"  // Swift prints the shortest round-trip form: "1e+22", "123.45"
        let parts = text.split(separator: "e")
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0]
        let beforePoint = mantissa.split(separator: ".", omittingEmptySubsequences: false)[0]
        var digits = mantissa.compactMap { $0.wholeNumberValue.map(UInt8.init) }
        var point = beforePoint.count + exponent
        while digits.count > 1 && digits.first == 0 { digits.removeFirst(); point -= 1 }
        return (digits, max(point, 0))
    }

    static func grouped(_ digits: String) -> String {
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

}

extension Int {
    /// `self + other`, saturating at `Int.max`/`Int.min` instead of trapping (sums of test counts,
    /// each up to 2^53, over a million records).
    public func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// The Int nearest to `d`, saturating at `Int.min`/`Int.max`; NaN is 0. Never traps, unlike
    /// `Int(_:)`, for the figures a chart or a bar derives from data of any size.
    public init(saturating d: Double) {
        if d.isNaN { self = 0 }
        else if d >= 9.2e18 { self = .max }
        else if d <= -9.2e18 { self = .min }
        else { self.init(d) }  // |d| < 9.2e18 < 2^63: representable
    }
}
