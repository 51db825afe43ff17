import CostModel

/// Interns one dimension: each distinct raw value is normalised once, then every later row
/// costs one dictionary lookup. Missing values map to `StringTable.none` (id 0, "(none)").
///
/// The previous row's value is checked first: the records of a run follow each other and share
/// its instance, region, suite and run id, and comparing two short strings costs less than hashing one.
struct NormalisingInterner {
    private var cache: [String: StringID] = [:]
    private var last: (raw: String, id: StringID)?
    private let normalise: (String) -> String?

    init(_ normalise: @escaping (String) -> String?) { self.normalise = normalise }

    mutating func id(_ raw: String?, in table: inout StringTable) -> StringID {
        guard let raw else { return StringTable.none }
        if let last, last.raw == raw { return last.id }
        let id: StringID
        if let known = cache[raw] {
            id = known
        } else {
            id = normalise(raw).map { table.intern($0) } ?? StringTable.none
            cache[raw] = id
        }
        last = (raw, id)
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
