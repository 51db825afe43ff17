import CostModel

/// Small wording helpers for the data-quality sentences. Money goes through `Format.usd`
/// (`$1,234.56`, `-$3.20`: fixed rules, no locale), the same rule every view uses.
enum Text {
    static func money(_ value: Double) -> String { Format.usd(value) }

    /// `1 record`, `1,234 records`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(Format.count(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
