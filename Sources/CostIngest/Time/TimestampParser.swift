import CostModel

/// A parsed run start, before time zones: either an absolute instant (epoch seconds, or ISO text
/// with an offset) or a naive wall-clock time that the report's time zone must place.
enum ParsedTimestamp: Equatable {
    /// Seconds since 1970-01-01T00:00:00Z.
    case instant(Double)
    /// The wall-clock reading encoded as seconds since 1970-01-01T00:00 *of the same clock*.
    case local(Double)
}

/// Hand-written parser for the timestamps spec §1 allows. A `DateFormatter` per row would be
/// slow for a million rows and depend on the machine's locale; this walks the UTF-8 bytes once.
///
/// Accepted: `2026-11-02T22:15:03`, with `.123456` (or `,123`), with `Z` / `+02:00` / `+0200` /
/// `+02`, a space (or lower-case `t`) instead of `T`, `HH:MM` without seconds, a date alone
/// (local midnight), and epoch seconds as numeric text.
enum TimestampParser {
    /// Epoch values outside 2000-01-01 ..< 2100-01-01 are rejected rather than guessed at: a
    /// year-like `2026` or a millisecond count would otherwise land silently in the wrong decade.
    static let plausibleEpoch: Range<Double> = 946_684_800 ..< 4_102_444_800

    static func parse(_ raw: RawTimestamp) -> ParsedTimestamp? {
        switch raw {
        case .epochSeconds(let s): return epoch(s)
        case .text(let text): return parse(text)
        }
    }

    static func epoch(_ seconds: Double) -> ParsedTimestamp? {
        plausibleEpoch.contains(seconds) ? .instant(seconds) : nil
    }

    static func parse(_ text: String) -> ParsedTimestamp? {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes all: UnsafeBufferPointer<UInt8>) -> ParsedTimestamp? {
        var lo = 0, hi = all.count
        while lo < hi, isSpace(all[lo]) { lo += 1 }
        while hi > lo, isSpace(all[hi - 1]) { hi -= 1 }
        guard hi - lo >= 1 else { return nil }
        let b = UnsafeBufferPointer(rebasing: all[lo..<hi])

        // A date always has '-' at index 4; anything else numeric is epoch seconds.
        if b.count < 10 || b[4] != UInt8(ascii: "-") {
            guard let seconds = Double(String(decoding: b, as: UTF8.self)) else { return nil }
            return epoch(seconds)
        }

        var i = 0
        guard let year = digits(b, &i, 4), expect(b, &i, "-"),
              let month = digits(b, &i, 2), expect(b, &i, "-"),
              let day = digits(b, &i, 2),
              (1...12).contains(month), day >= 1, day <= Day.daysIn(year: year, month: month)
        else { return nil }
        let midnight = Double(Day(year: year, month: month, day: day).ordinal) * 86_400
        if i == b.count { return .local(midnight) }

        let sep = b[i]
        guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let hour = digits(b, &i, 2), expect(b, &i, ":"), let minute = digits(b, &i, 2),
              hour <= 23, minute <= 59 else { return nil }
        var seconds = Double(hour * 3600 + minute * 60)
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let s = digits(b, &i, 2), s <= 60 else { return nil }   // 60: a leap second
            seconds += Double(s)
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                guard let fraction = fraction(b, &i) else { return nil }
                seconds += fraction
            }
        }
        let local = midnight + seconds
        if i == b.count { return .local(local) }

        // Python's str() of an aware datetime has no space before the offset; tolerate one.
        if b[i] == UInt8(ascii: " "), i + 1 < b.count { i += 1 }
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return i + 1 == b.count ? .instant(local) : nil
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign: Double = b[i] == UInt8(ascii: "+") ? 1 : -1
            i += 1
            guard let oh = digits(b, &i, 2), oh <= 23 else { return nil }
            var om = 0
            if i < b.count {
                if b[i] == UInt8(ascii: ":") { i += 1 }
                guard let m = digits(b, &i, 2), m <= 59 else { return nil }
                om = m
            }
            guard i == b.count else { return nil }
            return .instant(local - sign * Double(oh * 3600 + om * 60))
        default:
            return nil
        }
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }

    /// Exactly `count` ASCII digits at `i`.
    @inline(__always) private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ count: Int) -> Int? {
        guard i + count <= b.count else { return nil }
        var value = 0
        for k in i..<(i + count) {
            let d = Int(b[k]) - 48
            guard d >= 0, d <= 9 else { return nil }
            value = value * 10 + d
        }
        i += count
        return value
    }

    @inline(__always) private static func expect(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ c: Unicode.Scalar) -> Bool {
        guard i < b.count, b[i] == UInt8(ascii: c) else { return false }
        i += 1
        return true
    }

    /// One or more digits after the decimal mark; digits beyond nanoseconds are ignored.
    private static func fraction(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Double? {
        var value = 0, scale = 1, count = 0
        while i < b.count, b[i] >= 48, b[i] <= 57 {
            if count < 9 { value = value * 10 + Int(b[i] - 48); scale *= 10 }
            count += 1
            i += 1
        }
        return count == 0 ? nil : Double(value) / Double(scale)
    }
}
