/// The report's prose, built from the structured facts the analysis puts in the model.
///
/// Why here: the JSON of spec §10 carries sentences (checklist `value_text`, `detail`, `to_done`,
/// opportunity `action`, unused-resource `reason`, data-quality `warnings`), and the JSON is encoded
/// from the model alone, so the words must be made where the model is. CostAnalysis decides and
/// computes (numbers, keys, enums); the files in this folder are the one place that turns those
/// facts into English, with `Format` (spec §8) for every figure. The facts stay in the model (and
/// the JSON) next to the sentences, so a view or template can word them differently.
enum Words {
    /// `1 record`, `1,234 records`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(Format.count(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
