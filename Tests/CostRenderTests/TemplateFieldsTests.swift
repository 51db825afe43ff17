import CostModel
import Testing
@testable import CostRender

/// The hot row views answer template lookups with a `switch`; it must give exactly what
/// reflection gives, for every field (a field added later without a case would render "").
@Suite("Hand-written template lookups match reflection")
struct TemplateFieldsTests {
    private func check<V: TemplateFields>(_ view: V) {
        let labels = Mirror(reflecting: view).children.compactMap(\.label)
        #expect(!labels.isEmpty)
        for label in labels {
            let manual = view.child(named: label), reflected = view.reflectedChild(named: label)
            #expect(manual != nil || reflected == nil, "\(V.self).\(label) is missing from its switch")
            #expect(String(describing: manual) == String(describing: reflected), "\(V.self).\(label)")
        }
        #expect(view.child(named: "noSuchField") == nil)
    }

    @Test("breakdown, efficiency and opportunity-item rows, with and without optional links")
    func hotRows() {
        let row = BreakdownRow(key: "g5.xlarge", runs: 3, records: 7, hours: 1.5, spend: 12.25, share: 0.5,
                               onDemandEquivalent: 20, realizedSavings: 7.75, savingsRate: 0.3875,
                               testsPassed: 10, testsFailed: 1, failedRunSpend: 2)
        check(BreakdownRowView(row))
        check(BreakdownRowView(row, href: "instance-types/g5-xlarge.html"))
        let efficiency = EfficiencyRow(benchmark: "resnet50", instanceType: "g5.xlarge", provider: "aws", samples: 4,
                                       medianThroughput: 1200, medianLatencyMs: nil, onDemandRate: 1.006,
                                       value: 1192.8, relativeValue: 0.8, best: false)
        check(EfficiencyRowView(efficiency))
        let item = OpportunityItem(key: "run-1", records: 2, spend: 5, potential: 3.5, action: "use spot")
        check(OpportunityItemRow(kind: "spot", item))
        check(OpportunityItemRow(kind: "spot", item, href: "https://ci.example/run-1"))
    }
}
