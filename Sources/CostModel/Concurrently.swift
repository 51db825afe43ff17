import Dispatch

/// Independent pieces of work (one period's report, one page) on every core, with results in
/// the order of their indices whatever order they finish in: the output stays byte-identical to
/// a serial run, only sooner (issue 15: two cores halve the rendering of a large site).
public enum Concurrently {
    /// `[body(0), body(1), …, body(count - 1)]`, computed concurrently. When some fail, the error of
    /// the lowest failing index is thrown, as a serial loop would have thrown first.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        guard count > 1 else { return try (0..<count).map(body) }
        let slots = Slots<Result<T, any Error>>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            slots.set(i, Result { try body(i) })
        }
        return try slots.values().map { try $0.get() }
    }

    /// The same for work that cannot fail.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            slots.set(i, body(i))
        }
        return slots.values()
    }
}

/// One slot per index, each written by exactly one iteration and read after all have finished
/// (`concurrentPerform` returns only then), so no two threads touch the same slot. Raw memory,
/// not an array property: concurrent writes into one array would be overlapping accesses.
private final class Slots<Element>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Element?>
    private let count: Int

    init(_ count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func set(_ i: Int, _ value: Element) { base[i] = value }

    /// Every slot, in index order; each was set by its iteration before `concurrentPerform` returned.
    func values() -> [Element] { (0..<count).map { base[$0]! } }
}
