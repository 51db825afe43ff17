import CostModel

/// Interns one dimension: each distinct raw value is normalised once, then every later row
/// costs one dictionary lookup. Missing values map to `StringTable.none` (id 0, "(none)").
///
/// The previous row's value is checked first: the records of a run follow each other and share
/// its instance, region, suite and run id, and comparing two short strings costs less than hashing one.
///
/// `remembersUnchanged: false` (run ids) keeps no cache entry for a value that normalises to
/// itself: the table already maps it to its id, and a quarter of a million run ids would otherwise
/// be held in two dictionaries.
struct NormalisingInterner {
    private var cache: [String: StringID] = [:]
    private var last: (raw: String, id: StringID)?
    private let normalise: (String) -> String?
    private let remembersUnchanged: Bool

    init(remembersUnchanged: Bool = true, _ normalise: @escaping (String) -> String?) {
        self.normalise = normalise
        self.remembersUnchanged = remembersUnchanged
    }

    mutating func id(_ raw: String?, in table: inout StringTable) -> StringID {
        guard let raw else { return StringTable.none }
        if let last, last.raw == raw { return last.id }
        let id: StringID
        if let known = cache[raw] {
            id = known
        } else {
            let normalised = normalise(raw)
            id = normalised.map { table.intern($0) } ?? StringTable.none
            if remembersUnchanged || normalised != raw { cache[raw] = id }
        }
        last = (raw, id)
        return id
    }
}

extension NormalisingInterner {
    static func stripped() -> Self { Self { TextRules.stripped($0) } }
    /// Run ids: many, each seen in one run's adjacent rows.
    static func runIDs() -> Self { Self(remembersUnchanged: false) { TextRules.stripped($0) } }
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
