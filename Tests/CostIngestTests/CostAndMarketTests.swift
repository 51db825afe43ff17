import CostModel
import Testing

@testable import CostIngest

/// Market precedence, inference and missing-cost estimation (spec §3, §12).
@Suite struct CostAndMarketTests {
    typealias F = IngestFixtures

    /// g5.xlarge: R = 1.006, S = midpoint(0.30, 0.40) = 0.35; aws 1-year commitment midpoint 0.35.
    static let r = 1.006, s = 0.35, reserved = 1.006 * 0.65

    private func record(_ raw: RawRecord, config: Config = Config()) throws -> RunRecord {
        let dataset = try F.build([raw], config: config)
        return try #require(dataset.records.first)
    }

    @Test func recordedMarketKeysInPrecedenceOrder() throws {
        #expect(try record(F.raw(metadata: #"{"market": "spot", "purchase_option": "on-demand", "spot_instance": false}"#)).market == .spot)
        #expect(try record(F.raw(metadata: #"{"purchase_option": "committed", "spot": true}"#)).market == .reserved)
        #expect(try record(F.raw(metadata: #"{"market": "preemptible"}"#)).market == .spot)
        #expect(try record(F.raw(metadata: #"{"market": "On_Demand"}"#)).market == .onDemand)
        #expect(try record(F.raw(metadata: #"{"spot_instance": "true"}"#)).market == .spot)
        #expect(try record(F.raw(metadata: #"{"preemptible": 1}"#)).market == .spot)
        #expect(try record(F.raw(metadata: #"{"spot": false}"#)).market == .onDemand)
        // spot_instance comes before preemptible and spot.
        #expect(try record(F.raw(metadata: #"{"spot": true, "spot_instance": false}"#)).market == .onDemand)
        // An unrecognised market name gives way to the next evidence.
        #expect(try record(F.raw(metadata: #"{"market": "flex", "spot": true}"#)).market == .spot)
        let recorded = try record(F.raw(metadata: #"{"market": "spot"}"#))
        #expect(!recorded.flags.contains(.marketInferred))
    }

    @Test func nestedExecutionSpotInstanceRanksBelowMetadata() throws {
        var raw = F.raw(metadata: nil)
        raw.executionSpotInstance = true
        #expect(try record(raw).market == .spot)
        raw.metadata = #"{"market": "on-demand"}"#
        #expect(try record(raw).market == .onDemand)
    }

    @Test func inferenceIsInclusiveAtSixtyPercent() throws {
        // 2 hours on an instance with R = 1.0 (an override), so the boundary is exact: 0.6 × 2 = 1.2.
        var catalog = F.catalog
        catalog.providers["aws"]?.instances["t.test"] = InstancePricing(onDemand: 1.0, accelerator: .gpu)
        func market(cost: Double) throws -> RunRecord {
            let dataset = try F.build([F.raw(instance: "t.test", duration: 7200, cost: cost, metadata: nil)], catalog: catalog)
            return try #require(dataset.records.first)
        }
        #expect(try market(cost: 1.2).market == .spot)
        #expect(try market(cost: 1.2).flags.contains(.marketInferred))
        #expect(try market(cost: 1.2001).market == .onDemand)
        #expect(try market(cost: 1.2001).flags.contains(.marketInferred))
    }

    @Test func noInferenceWithoutHoursOrRate() throws {
        let noHours = try record(F.raw(duration: nil, cost: 2, metadata: nil))
        #expect(noHours.market == .unknown)
        #expect(!noHours.flags.contains(.marketInferred))
        #expect(noHours.hours == nil)
        let unknownInstance = try record(F.raw(instance: "x9.mystery", cost: 2, metadata: nil))
        #expect(unknownInstance.market == .unknown)
        #expect(unknownInstance.onDemandRate == nil)
        #expect(unknownInstance.cost == 2)           // still counts in spend
    }

    @Test func missingCostIsEstimatedAtTheRecordedMarketsRate() throws {
        let spot = try record(F.raw(cost: nil, metadata: #"{"market": "spot"}"#))
        #expect(abs(spot.cost - Self.s) < 1e-12)
        #expect(spot.market == .spot)
        #expect(spot.flags.contains(.costEstimated))

        let reserved = try record(F.raw(duration: 7200, cost: nil, metadata: #"{"market": "reserved"}"#))
        #expect(abs(reserved.cost - 2 * Self.reserved) < 1e-12)
        #expect(reserved.market == .reserved)

        // Unknown market: estimated at R and then on-demand, not inferred.
        let unknown = try record(F.raw(cost: nil, metadata: nil))
        #expect(abs(unknown.cost - Self.r) < 1e-12)
        #expect(unknown.market == .onDemand)
        #expect(!unknown.flags.contains(.marketInferred))
    }

    @Test func zeroCostWithDurationIsMissingButZeroCostWithoutDurationIsZero() throws {
        // The Python writer stores 0.0 for a cost never set.
        let neverSet = try record(F.raw(duration: 1800, cost: 0, metadata: nil))
        #expect(neverSet.flags.contains(.costEstimated))
        #expect(abs(neverSet.cost - Self.r / 2) < 1e-12)
        let free = try record(F.raw(duration: 0, cost: 0, metadata: nil))
        #expect(free.cost == 0)
        #expect(!free.flags.contains(.costEstimated))
    }

    @Test func regionalPriceIsR() throws {
        let euWest = try record(F.raw(instance: "p4d.24xlarge", region: "eu-west-1a", cost: 35.92))
        #expect(euWest.onDemandRate == 35.92)
        let elsewhere = try record(F.raw(instance: "p4d.24xlarge", region: "ap-south-1", cost: 32.77))
        #expect(elsewhere.onDemandRate == 32.77)
    }

    @Test func hoursAndTestCounts() throws {
        let r = try record(RawRecord(runID: "r", timestamp: "2026-11-02T10:00:00", instanceType: "g5.xlarge",
                                     durationSeconds: 5400, costUSD: 2))
        #expect(r.hours == 1.5)
        #expect(r.testsPassed == 0 && r.testsFailed == 0 && r.testsSkipped == 0)
    }
}
