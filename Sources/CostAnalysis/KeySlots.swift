/// Maps small integer keys (string ids, enum raw values, day ordinals) to dense row slots, in the
/// order keys were first seen. Neighbouring records mostly share a key (a run's records are
/// adjacent), so the previous key's slot is remembered, which skips most dictionary look-ups.
/// Shared by every per-key accumulator (breakdown rows, opportunity groups).
struct KeySlots {
    private var slotOf: [Int32: Int] = [:]
    private(set) var keys: [Int32] = []
    private var lastKey: Int32 = .min
    private var lastSlot = -1

    /// The slot of `key`, and whether it was just created (the caller then appends its row).
    @inline(__always)
    mutating func slot(for key: Int32) -> (slot: Int, isNew: Bool) {
        if key == lastKey { return (lastSlot, false) }
        let isNew: Bool
        if let s = slotOf[key] {
            lastSlot = s
            isNew = false
        } else {
            lastSlot = keys.count
            slotOf[key] = lastSlot
            keys.append(key)
            isNew = true
        }
        lastKey = key
        return (lastSlot, isNew)
    }

    func slot(of key: Int32) -> Int? { slotOf[key] }
}
