/// A purpose-built reader for the flat metadata objects the team's writers store
/// (`{"developer": "ci", "branch": "main", "pr_number": 1197, "pytest_args": ["-n", "auto"]}`),
/// about ten times faster than `JSONSerialization`, which was a quarter of reading a million rows
/// (issue 15's profile).
///
/// It is a fast path, not a second JSON parser with its own opinions: it accepts only a subset
/// whose meaning is certain: an object of string keys, whose values are strings without escapes,
/// whole numbers of at most 15 digits, plain decimals, `true`, `false`, `null`, and arrays and
/// objects of those, each key understood by `MetadataFacts` at most once. Anything else (an escape,
/// an exponent, a control character, a repeated known key, a syntax error) returns nil, and the
/// caller asks `JSONSerialization`, so every text means exactly what it meant before
/// (`MetadataScannerTests` compares both on every shape).
enum MetadataScanner {
    /// A value of a key `MetadataFacts` reads, as far as it matters there.
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        /// A number with a fraction (`0.93`), only ever skipped: a known key holding one is left to
        /// JSONSerialization.
        case decimal(Double)
        case boolean(Bool)
        case null
        /// An array of scalars (`pytest_args`); one holding arrays or objects is left to JSONSerialization.
        case list([Value])
        /// An object: no text, number, boolean or list.
        case other
    }

    /// The keys `MetadataFacts` reads, in `Key` order.
    static let keys = ["developer", "branch", "pr_number", "pr", "test_type", "trigger", "commit", "commit_sha",
                       "account_id", "market", "purchase_option", "spot_instance", "preemptible", "spot",
                       "pytest_args", "workers", "cache"]
    enum Key: Int, CaseIterable {
        case developer, branch, prNumber, pr, testType, trigger, commit, commitSHA, accountID, market,
             purchaseOption, spotInstance, preemptible, spot, pytestArgs, workers, cache
    }
    private static let keyBytes: [[UInt8]] = keys.map { Array($0.utf8) }

    /// The understood keys' values (nil: absent), or nil when the text is outside the subset.
    static func scan(_ text: String) -> [Value?]? {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = Cursor(bytes: bytes)
            return scanner.object()
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        static let maxDepth = 16

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func object() -> [Value?]? {
            var found = [Value?](repeating: nil, count: MetadataScanner.keys.count)
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            skipSpace()
            if !take(UInt8(ascii: "}")) {
                while true {
                    guard let key = stringRange() else { return nil }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return nil }
                    skipSpace()
                    if let k = MetadataScanner.key(bytes, key) {
                        // A repeated key: JSON says the last wins; leave that to JSONSerialization.
                        guard found[k.rawValue] == nil, let value = value(depth: 1) else { return nil }
                        found[k.rawValue] = value
                    } else {
                        guard skipValue(depth: 1) else { return nil }
                    }
                    skipSpace()
                    if take(UInt8(ascii: ",")) { skipSpace(); continue }
                    guard take(UInt8(ascii: "}")) else { return nil }
                    break
                }
            }
            skipSpace()
            return i == bytes.count ? found : nil
        }

        /// A value of an understood key.
        mutating func value(depth: Int) -> Value? {
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "\""):
                guard let r = stringRange() else { return nil }
                return .string(String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self))
            case UInt8(ascii: "["):
                i += 1
                skipSpace()
                var items: [Value] = []
                if take(UInt8(ascii: "]")) { return .list([]) }
                while true {
                    guard i < bytes.count else { return nil }
                    // A list inside a list: `pytest_args` reads the scalars around it, a case rare
                    // enough to leave to JSONSerialization.
                    if bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "{") { return nil }
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                    skipSpace()
                    if take(UInt8(ascii: ",")) { skipSpace(); continue }
                    guard take(UInt8(ascii: "]")) else { return nil }
                    return .list(items)
                }
            case UInt8(ascii: "{"):
                return skipValue(depth: depth) ? .other : nil
            case UInt8(ascii: "t"): return literal("true") ? .boolean(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .boolean(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            default:
                // A decimal as a name or count reads as NSNumber's own text: left to JSONSerialization.
                let n = number()
                if case .decimal = n { return nil }
                return n
            }
        }

        /// Checks any value of a key nobody reads.
        mutating func skipValue(depth: Int) -> Bool {
            guard depth <= Self.maxDepth, i < bytes.count else { return false }
            switch bytes[i] {
            case UInt8(ascii: "\""): return stringRange() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[i] == UInt8(ascii: "{")
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                i += 1
                skipSpace()
                if take(close) { return true }
                while true {
                    if isObject {
                        guard stringRange() != nil else { return false }
                        skipSpace()
                        guard take(UInt8(ascii: ":")) else { return false }
                        skipSpace()
                    }
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                    if take(UInt8(ascii: ",")) { skipSpace(); continue }
                    return take(close)
                }
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number() != nil
            }
        }

        /// The bytes between the quotes of a string without escapes or control characters.
        mutating func stringRange() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; return start..<(i - 1) }
                if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
                i += 1
            }
            return nil
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`: whole numbers of up to 15 digits (exact as a Double, as
        /// `MetadataFacts` reads them) and plain decimals; an exponent or a longer number is left
        /// to JSONSerialization.
        mutating func number() -> Value? {
            let start = i
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
            let digitsStart = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            let digits = i - digitsStart
            guard digits > 0, digits <= 15 else { return nil }
            if digits > 1 && bytes[digitsStart] == UInt8(ascii: "0") { return nil }   // no leading zeros in JSON
            var isDecimal = false
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                let fraction = i
                while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
                guard i > fraction, i - start <= 24 else { return nil }
                isDecimal = true
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            if isDecimal { return Double(text).map(Value.decimal) }
            return Int(text).map(Value.integer)
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            let matches = word.withUTF8Buffer { w in (0..<n).allSatisfy { bytes[i + $0] == w[$0] } }
            if matches { i += n }
            return matches
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        /// JSON's whitespace: space, tab, line feed, carriage return.
        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }
    }

    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Key? {
        for (k, candidate) in keyBytes.enumerated() where candidate.count == range.count {
            if candidate.withUnsafeBufferPointer({ c in (0..<c.count).allSatisfy { c[$0] == bytes[range.lowerBound + $0] } }) {
                return Key(rawValue: k)
            }
        }
        return nil
    }
}
