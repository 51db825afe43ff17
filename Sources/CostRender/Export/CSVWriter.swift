import CostAnalysis

/// RFC 4180 CSV: a header row, CRLF after every row (the last included), a field quoted when it
/// holds a comma, a double quote, CR or LF, and a double quote inside a quoted field doubled.
/// Nothing else is changed: text is written as it is (UTF-8, no BOM), so any CSV reader gives back
/// exactly the strings that went in.
///
/// Numbers never depend on the locale and never use exponent notation: a `Double` is written as
/// the shortest decimal that reads back as the same `Double` (what Swift and Python print), with
/// the exponent expanded — `0.00001`, not `1e-05`; `1234567.5`; `0.1`; `3`, not `3.0`. So money keeps
/// its full precision and `float(field)` in any language returns the exact value. A null is an
/// empty field; booleans are `true` / `false`.
public enum CSVWriter {
    public static let lineEnding = "\r\n"

    /// The whole table as one string.
    public static func csv(_ table: ExportTable) -> String {
        var out = ""
        write(columns: table.columns, rows: table.rows) { out += $0 }
        return out
    }

    /// Streams the CSV to `emit` in chunks of about `chunkBytes` (whole rows each), so a large
    /// export never needs its text in memory at once. The concatenated chunks equal `csv(_:)`.
    public static func write<Rows: Sequence>(columns: [String], rows: Rows, chunkBytes: Int = 1 << 20,
                                             to emit: (String) throws -> Void) rethrows
    where Rows.Element == [ExportValue] {
        var chunk = ""
        line(columns.map(escape), into: &chunk)
        for row in rows {
            line(row.map(field), into: &chunk)
            if chunk.utf8.count >= chunkBytes {
                try emit(chunk)
                chunk = ""
            }
        }
        if !chunk.isEmpty { try emit(chunk) }
    }

    private static func line(_ fields: [String], into out: inout String) {
        out += fields.joined(separator: ",")
        out += lineEnding
    }

    /// One cell, escaped.
    public static func field(_ value: ExportValue) -> String {
        switch value {
        case .text(let s): return escape(neutralized(s))
        case .integer(let n): return String(n)
        case .number(let x): return number(x)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        }
    }

    /// A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first:
    /// a benchmark named `=HYPERLINK(...)`) gets a leading `'`, which spreadsheets show as text
    /// (OWASP's advice for CSV injection). Numbers are `.number`/`.integer` cells and stay numbers.
    public static func neutralized(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return s }
        return "'" + s
    }

    /// Quotes a field when RFC 4180 requires it (comma, double quote, CR, LF), doubling its quotes.
    public static func escape(_ s: String) -> String {
        // Bytes, not Characters: "\r\n" is one Character in Swift and would not equal "\n"; and
        // these ASCII bytes never occur inside another character's UTF-8.
        let needsQuotes = s.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return s }
        return "\"" + (s.utf8.contains(UInt8(ascii: "\"")) ? s.replacingQuotes() : s) + "\""
    }

    /// The shortest round-trip decimal of `x` in plain notation (no exponent, no grouping, `.` as
    /// the decimal point); `-0` is `0`; a non-finite value (ingest never accepts one) is empty.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if x == 0 { return "0" }
        // Without an exponent, `description` is already plain: "1.5", "0.1", or "100.0" for a whole
        // number (shortest round trip: no other trailing zero, no leading one). A million rows of
        // a FOCUS export spent a fifth of their time in the general case below.
        let plain = x.description
        if !plain.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return plain.hasSuffix(".0") ? String(plain.dropLast(2)) : plain
        }
        return numberFromExponent(x)
    }

    /// `number` by the general rule: the digits of `description` moved by its exponent
    /// (also any plain description; `CSVWriterTests` compares both ways).
    static func numberFromExponent(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if x == 0 { return "0" }
        // `description` is locale-free and shortest round-trip, e.g. "1e-05", "1.2345e+16", "0.1".
        var text = Substring(x.description)
        var negative = false
        if text.first == "-" { negative = true; text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        let digits = Array(integer + fraction)
        // The decimal point sits after `point` digits (may be ≤ 0 or beyond the digits).
        let point = integer.count + exponent
        var whole: String, decimals: String
        if point <= 0 {
            whole = "0"
            decimals = String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            whole = String(digits) + String(repeating: "0", count: point - digits.count)
            decimals = ""
        } else {
            whole = String(digits[..<point])
            decimals = String(digits[point...])
        }
        while whole.count > 1 && whole.first == "0" { whole.removeFirst() }
        while decimals.last == "0" { decimals.removeLast() }
        return (negative ? "-" : "") + whole + (decimals.isEmpty ? "" : "." + decimals)
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(unicodeScalars.count + 2)
        for scalar in unicodeScalars {
            if scalar == "\"" { out.unicodeScalars.append("\"") }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
