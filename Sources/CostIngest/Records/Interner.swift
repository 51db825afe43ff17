import CostModel

/// Interns one dimension: each distinct raw value is normalised once, then every later row
/// costs one dictionary lookup. Missing values map to `StringTable.none` (id 0, "(none)").
struct NormalisingInterner {
    private var cache: [String: StringID] = [:]
    private let normalise: (String) -> String?

    init(_ normalise: @escaping (String) -> String?) { self.normalise = normalise }

    mutating func id(_ raw: String?, in table: inout StringTable) -> StringID {
        guard let raw else { return StringTable.none }
        if let id = cache[raw] { return id }
        let id = normalise(raw).map { table.intern($0) } ?? StringTable.none
        cache[raw] = id
        return id
    }
}

extension NormalisingInterner {
    static func stripped() -> Self { Self { TextRules.stripped($0) } }
    static func lowercased() -> Self { Self { TextRules.stripped($0)?.lowercased() } }
    static func provider() -> Self { Self { TextRules.provider($0) } }
    static func region() -> Self { Self { TextRules.region($0) } }
    static func pr() -> Self { Self { TextRules.prKey($0) } }
}

/// A provider/instance/region combination, for caching catalog lookups by interned ids.
struct RateKey: Hashable {
    var provider: StringID
    var instanceType: StringID
    var region: StringID
}
