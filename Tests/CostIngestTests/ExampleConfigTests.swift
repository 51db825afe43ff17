import CostModel
import Foundation
import Testing

@testable import CostIngest

/// The commented example in docs/ is what users copy: it must load, and say exactly the defaults.
@Suite struct ExampleConfigTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/costreport.example.yml").path

    @Test func exampleConfigLoadsAndStatesTheDefaults() throws {
        let config = try ConfigLoader.load(path: Self.example)
        var expected = Config()
        expected.sourcePath = Self.example
        expected.budget.monthlyConfigured = true
        expected.budget.dailyAlertConfigured = true
        #expect(config == expected)
    }
}
