import Foundation
import Testing
import CostModel
import CostRender
@testable import CostAnalysis

@Suite struct JSONKeysTests {
    @Test func specSection10KeysExist() throws {
        let data = try HandFixture.report().jsonData()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func object(_ value: Any?) throws -> [String: Any] { try #require(value as? [String: Any]) }
        func array(_ value: Any?) throws -> [[String: Any]] { try #require(value as? [[String: Any]]) }
        func has(_ o: [String: Any], _ keys: [String], _ context: String) {
            for k in keys { #expect(o[k] != nil, "\(context).\(k)") }
        }

        #expect(json["as_of"] as? String == "2026-11-18")
        let p = try object(json["period"])
        has(p, ["kind", "id", "start", "end"], "period")
        #expect(p["kind"] as? String == "week" && p["id"] as? String == "2026-W47")
        #expect(p["start"] as? String == "2026-11-16" && p["end"] as? String == "2026-11-22")

        has(try object(json["totals"]), ["records", "runs", "hours", "spend", "on_demand_equivalent",
                                         "realized_savings", "savings_rate"], "totals")

        let breakdowns = try object(json["breakdowns"])
        for dimension in ["provider", "instance_type", "region", "hardware_type", "gpu_model", "suite", "benchmark",
                          "market", "developer", "branch", "pr", "test_type", "day"] {
            let rows = try array(breakdowns[dimension])
            #expect(!rows.isEmpty, "breakdowns.\(dimension)")
            for row in rows {
                has(row, ["key", "runs", "hours", "spend", "share", "on_demand_equivalent", "realized_savings",
                          "tests_passed", "tests_failed"], "breakdowns.\(dimension)")
            }
        }

        let trend = try array(json["trend"])
        #expect(trend.count == 12)
        for point in trend { has(point, ["week", "spend"], "trend") }

        let budget = try object(json["budget"])
        has(budget, ["monthly", "month", "month_to_date", "projected", "status", "projected_status",
                     "developers", "alert_days"], "budget")
        #expect(budget["status"] as? String == "OK" && budget["projected_status"] as? String == "OVER")
        for dev in try array(budget["developers"]) { has(dev, ["key", "allocation", "spend", "share", "status"], "developers") }
        let alerts = try array(budget["alert_days"])
        #expect(alerts.count == 2)
        for a in alerts { has(a, ["day", "spend"], "alert_days") }

        let dq = try object(json["data_quality"])
        has(dq, ["read", "accepted", "rejected", "estimated", "inferred_market", "unknown_instances",
                 "spot_above_on_demand", "suspected_double_counting"], "data_quality")
        let rejected = try object(dq["rejected"])
        #expect(Set(rejected.keys) == Set(RejectionReason.allCases.map(\.rawValue)))
        for u in try array(dq["unknown_instances"]) { has(u, ["key", "records", "spend"], "unknown_instances") }
        // Money is an unrounded number, shares are fractions.
        let totals = try object(json["totals"])
        #expect(abs((totals["spend"] as? Double ?? 0) - 350.35) < 0.005)
        let provider = try array(breakdowns["provider"])
        #expect((provider[0]["share"] as? Double ?? 0) < 1)
    }
}
