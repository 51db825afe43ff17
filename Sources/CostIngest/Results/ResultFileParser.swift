import Foundation

/// What one result file gave: its records in file order, or why it gave nothing.
enum ParsedResultFile: Sendable {
    /// The file contributes nothing; the reason is plain words for the data-quality section.
    case unreadable(String)
    case items([ParsedResultItem])
}

/// One record of a file, or one that is not a JSON object (`invalid_record`).
struct ParsedResultItem: Sendable {
    /// Empty when `isObject` is false. Not optional, so adding it to the builder copies nothing.
    var record: RawRecord
    /// false: a JSON Lines line or array element that is not a JSON object.
    var isObject: Bool
    /// 0 for a file holding one object; the element number (from 1) of an array file; the line number of a `.jsonl`.
    var position: Int

    init(_ object: [String: Any]?, position: Int) {
        record = object.map(ResultRecords.record) ?? RawRecord()
        isObject = object != nil
        self.position = position
    }
}

/// Bytes of one result file → records (spec §1 file rules). Pure and thread-safe: files are parsed
/// in parallel, then added to the builder in path order.
///
/// Parsing is Foundation's `JSONSerialization`, which checks UTF-8 inside strings and refuses more
/// than 512 levels of nesting by itself (a 10,000-level array is refused, not recursed into), so no
/// pre-scan runs on the happy path; a file it refuses is scanned once to say why in plain words.
enum ResultFileParser {
    /// JSONSerialization's own nesting limit.
    static let maxDepth = 512

    static func parse(_ data: Data, jsonLines: Bool) -> ParsedResultFile {
        var data = data
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }       // a UTF-8 byte-order mark
        if isBlank(data) { return .unreadable("empty file") }
        // JSONSerialization would also read UTF-16 and UTF-32; spec §1 reads UTF-8 only.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || containsNUL(data) {
            return .unreadable("not UTF-8 text (a binary file, or UTF-16/UTF-32)")
        }
        return jsonLines ? parseLines(data) : parseDocument(data)
    }

    /// `.json`: one object, or an array whose elements are records (a non-object element is `invalid_record`).
    static func parseDocument(_ data: Data) -> ParsedResultFile {
        let value: Any
        switch jsonValue(data) {
        case .success(let v): value = v
        case .failure(let reason): return .unreadable(reason.text)
        }
        switch value {
        case let object as [String: Any]:
            return .items([ParsedResultItem(object, position: 0)])
        case let array as [Any]:
            var items: [ParsedResultItem] = []
            items.reserveCapacity(array.count)
            for (i, element) in array.enumerated() {
                items.append(ParsedResultItem(element as? [String: Any], position: i + 1))
            }
            return .items(items)
        default:
            return .unreadable("holds a single JSON \(kind(of: value)), not an object or an array of objects")
        }
    }

    /// `.jsonl`: one object per line; blank lines are skipped; any other line that is not a JSON
    /// object (truncated, not JSON, an array) is one `invalid_record`.
    static func parseLines(_ data: Data) -> ParsedResultFile {
        guard String(validating: data, as: UTF8.self) != nil else {
            return .unreadable("not UTF-8 text")
        }
        var items: [ParsedResultItem] = []
        data.withUnsafeBytes { (all: UnsafeRawBufferPointer) in
            guard let base = all.baseAddress else { return }
            var lineStart = 0, lineNumber = 0
            while lineStart <= all.count {
                lineNumber += 1
                let newline = lineStart < all.count
                    ? memchr(base + lineStart, 0x0A, all.count - lineStart).map { base.distance(to: UnsafeRawPointer($0)) }
                    : nil
                let lineEnd = newline ?? all.count
                let line = UnsafeRawBufferPointer(rebasing: all[lineStart..<lineEnd])
                if !isBlank(line) {
                    var object: [String: Any]?
                    if case .success(let v) = jsonValue(Data(line)) { object = v as? [String: Any] }
                    items.append(ParsedResultItem(object, position: lineNumber))
                }
                if newline == nil { break }
                lineStart = lineEnd + 1
            }
        }
        if items.isEmpty { return .unreadable("empty file") }
        return .items(items)
    }

    /// The parsed value, or the plain reason it could not be parsed. Python's `json.dumps` writes
    /// `NaN`, `Infinity` and `-Infinity` for floats that are not finite (JSON has no such values):
    /// when the first parse fails on them, they are read as the text "NaN" etc., which the builder
    /// treats as any non-numeric number (a NaN cost is `invalid_cost`, as in the database).
    static func jsonValue(_ data: Data) -> Result<Any, Reason> {
        do {
            return .success(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        } catch {
            if let quoted = JSONScan.quotingNonFiniteNumbers(data),
               let value = try? JSONSerialization.jsonObject(with: quoted, options: [.fragmentsAllowed]) {
                return .success(value)
            }
            return .failure(Reason(whyNotJSON(data, error: error)))
        }
    }

    struct Reason: Error { let text: String; init(_ text: String) { self.text = text } }

    /// Plain words for a file JSONSerialization refused.
    static func whyNotJSON(_ data: Data, error: any Error) -> String {
        if String(validating: data, as: UTF8.self) == nil { return "not UTF-8 text" }
        let scan = JSONScan.scan(data)
        if scan.maxDepth > maxDepth { return "nested deeper than \(maxDepth) levels" }
        if !scan.complete { return "truncated: the JSON ends before it is complete" }
        var detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        if detail.hasSuffix(".") { detail.removeLast() }
        if let first = detail.first { detail = first.lowercased() + detail.dropFirst() }
        return detail.isEmpty ? "not valid JSON" : "not valid JSON: \(detail)"
    }

    static func kind(of value: Any) -> String {
        switch value {
        case is String: return "string"
        case let n as NSNumber: return JSONValue.isBoolean(n) ? "boolean" : "number"
        case is NSNull: return "null"
        default: return "value"
        }
    }

    static func isBlank(_ data: Data) -> Bool {
        data.withUnsafeBytes { isBlank($0) }
    }

    /// Only JSON whitespace (space, tab, CR, LF).
    static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for b in bytes where !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) { return false }
        return true
    }

    static func containsNUL(_ data: Data) -> Bool {
        data.withUnsafeBytes { p in p.count > 0 && memchr(p.baseAddress!, 0, p.count) != nil }
    }
}

extension ResultFileParser.Reason: CustomStringConvertible {
    var description: String { text }
}

/// One pass over JSON bytes, outside strings: how deep the brackets go, whether the text ends
/// where a complete document would, and Python's non-finite number literals.
enum JSONScan {
    struct Facts {
        var maxDepth = 0
        /// Not inside a string and every bracket closed at the end.
        var complete = true
    }

    static func scan(_ data: Data) -> Facts {
        data.withUnsafeBytes { bytes in
            var facts = Facts()
            var depth = 0, inString = false, escaped = false
            for b in bytes {
                if inString {
                    if escaped { escaped = false }
                    else if b == 0x5C { escaped = true }            // backslash
                    else if b == 0x22 { inString = false }          // quote
                } else if b == 0x22 {
                    inString = true
                } else if b == 0x5B || b == 0x7B {                  // [ {
                    depth += 1
                    if depth > facts.maxDepth { facts.maxDepth = depth }
                } else if b == 0x5D || b == 0x7D {                  // ] }
                    depth -= 1
                }
            }
            facts.complete = !inString && depth <= 0
            return facts
        }
    }

    /// `data` with `NaN`, `Infinity` and `-Infinity` in value position (after `:`, `,` or `[`,
    /// outside strings) quoted; nil when there are none.
    static func quotingNonFiniteNumbers(_ data: Data) -> Data? {
        let tokens: [[UInt8]] = [Array("NaN".utf8), Array("Infinity".utf8), Array("-Infinity".utf8)]
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data? in
            var out: [UInt8] = []
            var copiedUpTo = 0, i = 0
            var inString = false, escaped = false
            var lastSignificant: UInt8 = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if inString {
                    if escaped { escaped = false }
                    else if b == 0x5C { escaped = true }
                    else if b == 0x22 { inString = false; lastSignificant = b }
                    i += 1
                    continue
                }
                if b == 0x22 { inString = true; i += 1; continue }
                if b == 0x4E || b == 0x49 || b == 0x2D,                                    // N I -
                   lastSignificant == 0x3A || lastSignificant == 0x2C || lastSignificant == 0x5B,   // : , [
                   let token = tokens.first(where: { t in
                       i + t.count <= n && (0..<t.count).allSatisfy { bytes[i + $0] == t[$0] }
                   }) {
                    if out.isEmpty { out.reserveCapacity(n + 16) }
                    out.append(contentsOf: bytes[copiedUpTo..<i])
                    out.append(0x22); out.append(contentsOf: token); out.append(0x22)
                    i += token.count
                    copiedUpTo = i
                    lastSignificant = 0x22
                    continue
                }
                if !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) { lastSignificant = b }
                i += 1
            }
            guard copiedUpTo > 0 else { return nil }
            out.append(contentsOf: bytes[copiedUpTo..<n])
            return Data(out)
        }
    }
}
