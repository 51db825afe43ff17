import CostModel
import Foundation

/// A parsed JSON document, kept as plain values so the inventory reader can look at a file's
/// *shape* (which keys, which element kinds) before deciding what it is.
enum InventoryJSON: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([InventoryJSON])
    case object([String: InventoryJSON])

    /// The document in `data`, or nil when it is not JSON. Tolerates a UTF-8 byte-order mark and
    /// UTF-16 text with a BOM (what Windows PowerShell 5 writes for `aws … > file.json`).
    static func parse(_ data: Data) -> InventoryJSON? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: bytes, encoding: .utf16) else { return nil }
            bytes = Data(text.utf8)
        }
        return try? JSONDecoder().decode(InventoryJSON.self, from: Data(bytes))
    }
}

extension InventoryJSON: Decodable {
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let value = try? c.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? c.decode(Double.self) {
            self = .number(value)
        } else if let value = try? c.decode(String.self) {
            self = .string(value)
        } else if let value = try? c.decode([InventoryJSON].self) {
            self = .array(value)
        } else {
            self = .object(try c.decode([String: InventoryJSON].self))
        }
    }
}

/// The element does not have the shape it was taken for: a required key is missing or a value
/// has the wrong type. The whole file is then reported as unrecognized rather than half read.
struct ShapeMismatch: Error {}

/// One JSON object (a volume, a disk, …) with typed, strict accessors. A key that is absent or
/// `null` reads as nil; a key present with the wrong type throws `ShapeMismatch`.
struct InventoryElement {
    let fields: [String: InventoryJSON]

    init?(_ value: InventoryJSON) {
        guard case .object(let fields) = value else { return nil }
        self.fields = fields
    }

    /// Present and not null.
    func has(_ key: String) -> Bool {
        switch fields[key] {
        case nil, .null?: return false
        default: return true
        }
    }

    /// Trimmed text; an empty string reads as nil (older AWS CLIs print `"InstanceId": ""`).
    func string(_ key: String) throws -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        default: throw ShapeMismatch()
        }
    }

    func requiredString(_ key: String) throws -> String {
        guard let text = try string(key) else { throw ShapeMismatch() }
        return text
    }

    /// A non-negative number, printed as a JSON number (AWS) or as decimal text (gcloud prints
    /// int64 fields such as `sizeGb` and `storageBytes` as strings).
    func number(_ key: String) throws -> Double? {
        let value: Double
        switch fields[key] {
        case nil, .null?: return nil
        case .number(let n)?: value = n
        case .string(let text)?:
            guard let n = Double(text.trimmingCharacters(in: .whitespaces)) else { throw ShapeMismatch() }
            value = n
        default: throw ShapeMismatch()
        }
        guard value.isFinite, value >= 0 else { throw ShapeMismatch() }
        return value
    }

    /// An array (nil when absent or null).
    func array(_ key: String) throws -> [InventoryJSON]? {
        switch fields[key] {
        case nil, .null?: return nil
        case .array(let items)?: return items
        default: throw ShapeMismatch()
        }
    }

    /// A creation time as seconds since 1970. Read with the records' `TimestampParser`: ISO 8601
    /// / RFC 3339 with `Z` or an offset and any fraction (`2025-03-01T10:20:30.000Z`,
    /// `2025-03-01T10:20:30+00:00`, `2024-01-02T03:04:05.678-08:00`), or epoch seconds. A time
    /// without an offset is read as UTC, the zone both clouds' APIs report in. Text that is not a
    /// timestamp is a shape mismatch, never a silent nil: a snapshot without an age could not be
    /// judged old.
    func timestamp(_ key: String) throws -> Double? {
        switch fields[key] {
        case nil, .null?: return nil
        case .number(let n)?:
            guard case .instant(let seconds)? = TimestampParser.epoch(n) else { throw ShapeMismatch() }
            return seconds
        case .string(let text)?:
            if text.allSatisfy(\.isWhitespace) { return nil }
            switch TimestampParser.parse(text) {
            case .instant(let seconds)?, .local(let seconds)?: return seconds
            case nil: throw ShapeMismatch()
            }
        default: throw ShapeMismatch()
        }
    }
}
