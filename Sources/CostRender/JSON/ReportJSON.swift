// The JSON output (spec §10), produced by the render layer like every other format: the model
// types are Codable (their keys are the schema), the bytes are made here.
import CostModel
import Foundation

extension Report {
    /// The JSON of spec §10: snake_case keys, sorted, so the same report prints the same bytes.
    public func jsonData() throws -> Data { try ReportJSON.encoder.encode(self) }
}

extension SiteOverview {
    public func jsonData() throws -> Data { try ReportJSON.encoder.encode(self) }
}

extension PullRequestReport {
    /// The JSON of `costreport pr --format json`: snake_case keys, sorted.
    public func jsonData() throws -> Data { try ReportJSON.encoder.encode(self) }
}

public enum ReportJSON {
    public static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .throw
        return e
    }
}
