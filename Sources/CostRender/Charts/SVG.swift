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

    /// A "nice" axis maximum at or above `value`: 1, 2, 2.5 or 5 times a power of ten.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
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
