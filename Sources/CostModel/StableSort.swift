/// A stable sort that moves the elements in place: a copy of a million records (or samples) would
/// be a large build's largest allocation. Sorts an index array by (key, position), then applies the
/// permutation cycle by cycle. Items already in order are not touched, so an array shared with
/// another owner is not copied then.
public enum StableSort {
    // Inlinable, so it is specialised where it is called: through generic witnesses, sorting a
    // million records cost about 1.5 s more CPU.
    @inlinable
    public static func inPlace<T, Key: Comparable>(_ items: inout [T], by key: (T) -> Key) {
        if zip(items, items.dropFirst()).allSatisfy({ key($0) <= key($1) }) { return }   // already in order
        let keys = items.map(key)
        var order = Array(Int32(0)..<Int32(items.count))
        order.sort { a, b in keys[Int(a)] != keys[Int(b)] ? keys[Int(a)] < keys[Int(b)] : a < b }
        // Position i takes the element that was at order[i]; a visited entry is marked -1.
        items.withUnsafeMutableBufferPointer { r in
            for start in 0..<order.count where order[start] >= 0 {
                let saved = r[start]
                var i = start
                while true {
                    let from = Int(order[i])
                    order[i] = -1
                    if from == start { r[i] = saved; break }
                    r[i] = r[from]
                    i = from
                }
            }
        }
    }
}
