/// Tiny helpers for writing SVG by hand: charts are built from numbers only, and every text that
/// reaches the SVG (labels, titles) goes through `escape`, so data can never become markup.
enum SVG {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Coordinates with at most one decimal, no exponent, no locale: stable bytes for golden files.
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int(saturating: (value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let a = tenths.magnitude
        return a % 10 == 0 ? sign + String(a / 10) : sign + String(a / 10) + "." + String(a % 10)
    }

    /// A money axis with round steps (issue 13 part 6): the step is 1, 2 or 5 × a power of ten,
    /// the smallest that covers `value` in at most `maxTicks` intervals ($500, $1k, $2k …), and the
    /// top is the first multiple of it at or above `value` (at least one step).
    static func axisScale(_ value: Double, maxTicks: Int = 5) -> (top: Double, step: Double) {
        // Tiny (subnormal) or huge values: a plain 0…1 axis rather than a step of 0 or a top of ∞.
        guard value >= 1e-300, value <= 1e300 else { return (1, 0.25) }
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        // `magnitude` ≤ value < 10 × magnitude: a step of magnitude / 10 … magnitude × 2 fits.
        for factor in [0.1, 0.2, 0.5, 1, 2, 5, 10] {
            let step = magnitude * factor
            let intervals = (value / step).rounded(.up)
            if intervals <= Double(maxTicks) { return (max(step, step * intervals), step) }
        }
        return (magnitude * 10, magnitude * 10)
    }
}

/// The accessible frame every chart shares: `role="img"`, a title and a description that screen
/// readers announce, and a viewBox so the chart scales with its container.
struct ChartFrame {
    let id: String
    let title: String
    let description: String
    let width: Double
    let height: Double

    func wrap(_ body: String) -> String {
        let t = "\(id)-title", d = "\(id)-desc"
        return "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" "
            + "role=\"img\" aria-labelledby=\"\(t) \(d)\">"
            + "<title id=\"\(t)\">\(SVG.escape(title))</title><desc id=\"\(d)\">\(SVG.escape(description))</desc>"
            + body + "</svg>"
    }
}
