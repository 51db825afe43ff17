import Dispatch

/// Independent pieces of work (one period's report, one page) on every core, with results in
/// the order of their indices whatever order they finish in: the output stays byte-identical to
/// a serial run, only sooner (issue 15: two cores halve the rendering of a large site).
public enum Concurrently {
    /// `[body(0), body(1), …, body(count - 1)]`, computed concurrently. When some fail, the error of
    /// the lowest failing index is thrown, as a serial loop would have thrown first. (Typed throws:
    /// work that cannot fail, `E == Never`, is called without `try`.)
    public static func map<T: Sendable, E: Error>(_ count: Int, _ body: @Sendable (Int) throws(E) -> T) throws(E) -> [T] {
        guard count > 1 else {
            var results: [T] = []
            for i in 0..<count { results.append(try body(i)) }
            return results
        }
        let slots = Slots<Result<T, E>>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            do throws(E) { slots.set(i, .success(try body(i))) } catch { slots.set(i, .failure(error)) }
        }
        var results: [T] = []
        results.reserveCapacity(count)
        for slot in slots.values() { results.append(try slot.get()) }
        return results
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
