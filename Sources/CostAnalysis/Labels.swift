import CostModel

/// Turns the integer keys of records back into the text shown in reports.
struct Labels: Sendable {
    static let unattributed = "(unattributed)"

    let strings: StringTable
    /// The id of `(unattributed)` if ingest interned it, so a developer stored as the empty id and one
    /// stored as `(unattributed)` fall into one row.
    private let unattributedID: StringID?

    init(strings: StringTable) {
        self.strings = strings
        unattributedID = strings.id(of: Labels.unattributed)
    }

    subscript(id: StringID) -> String { strings[id] }

    /// A developer's grouping key: the empty id means "no developer recorded".
    @inline(__always)
    func developerKey(_ id: StringID) -> StringID {
        id == StringTable.none ? (unattributedID ?? StringTable.none) : id
    }

    func developer(_ id: StringID) -> String {
        id == StringTable.none ? Labels.unattributed : strings[id]
    }
}
