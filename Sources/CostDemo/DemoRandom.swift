/// The demo generator's own pseudo-random numbers: SplitMix64 (Steele, Lea & Flood 2014).
///
/// Not `SystemRandomNumberGenerator` and not Swift's default hashing: the same seed must give
/// the same database on every run and every machine. Only integer arithmetic and the exact IEEE
/// operations (+, -, *, /) are used on top of it, never `log`/`exp`, whose last bits may differ
/// between C libraries.
struct DemoRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stateless mix of one value (used to derive stable per-PR attributes).
    static func mix(_ value: UInt64) -> UInt64 {
        var rng = DemoRandom(seed: value)
        return rng.next()
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    /// Uniform in [low, high).
    mutating func double(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// Uniform integer in `range` (Lemire's multiply-shift; the tiny bias is irrelevant here and
    /// keeps the number of draws per call fixed, so streams stay aligned).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// Picks an item with probability proportional to its weight.
    mutating func weighted<T>(_ items: [(T, Double)]) -> T {
        var total = 0.0
        for item in items { total += item.1 }
        var x = unit() * total
        for item in items {
            if x < item.1 { return item.0 }
            x -= item.1
        }
        return items[items.count - 1].0
    }

    /// A value in [low, high) leaning towards `low` (mean at 37.5 % of the span): many short jobs
    /// and a tail of long ones, without transcendental functions.
    mutating func skewed(_ low: Double, _ high: Double) -> Double {
        let u = (unit() + unit() * unit()) / 2
        return low + (high - low) * u
    }

    /// Lower-case hexadecimal digits.
    mutating func hex(_ count: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        var bits = next()
        var left = 16
        for _ in 0..<count {
            if left == 0 { bits = next(); left = 16 }
            bytes.append(DemoRandom.hexDigits[Int(bits & 15)])
            bits >>= 4
            left -= 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A version-4 UUID as Python's `str(uuid.uuid4())` prints it.
    mutating func uuid() -> String {
        let variant = pick(["8", "9", "a", "b"])
        return "\(hex(8))-\(hex(4))-4\(hex(3))-\(variant)\(hex(3))-\(hex(12))"
    }
}
