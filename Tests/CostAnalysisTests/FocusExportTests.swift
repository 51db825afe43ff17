import CostModel
import Testing
@testable import CostAnalysis

/// The FOCUS export and the breakdown tables for a dataset built in code, value by value.
@Suite struct FocusExportTests {
    /// Week 2026-W48 (Mon 23 – Sun 29 November), as of Saturday the 28th, plus records outside it.
    static func fixture() -> Fixture {
        var f = Fixture()
        f.add("2026-11-22", "09:00", run: "before", market: .onDemand, hours: 1, cost: 32.77, rate: 32.77)
        f.add("2026-11-23", "10:00", run: "r1", suite: "nightly", benchmark: "matmul, \"big\"", developer: "alice",
              pr: "123", market: .spot, hours: 2, cost: 20, rate: 32.77, passed: 10, failed: 1, flags: [.marketInferred])
        f.add("2026-11-23", "10:00", run: "r1", suite: "nightly", benchmark: "allreduce", developer: "alice",
              pr: "123", market: .onDemand, hours: 1.25, cost: 40.9625, rate: 32.77, passed: 5, flags: [.costEstimated])
        f.add("2026-11-24", "23:59", run: "r2", provider: "gcp", instance: "a2-highgpu-1g", region: "us-central1",
              gpu: "A100", suite: "release", developer: nil, branch: "release/1.0", market: .reserved,
              hours: 3, cost: 7, rate: 3.67, passed: 3)
        f.add("2026-11-25", "12:00", run: nil, provider: "unknown", instance: "mystery-1",
              developer: "", branch: nil, market: .unknown, hours: nil, cost: 5, rate: nil)
        f.records[f.records.count - 1].region = StringTable.none  // no region recorded
        f.add("2026-11-26", "08:30", run: "r3", provider: "azure", instance: "nd96asr-v4", region: "eastus",
              developer: "bob", market: .spot, hours: 1, cost: 3, rate: nil)
        f.add("2026-11-29", "10:00", run: "after-as-of", market: .spot, hours: 1, cost: 9, rate: 32.77)
        f.add("2026-11-30", "10:00", run: "next-week", market: .spot, hours: 1, cost: 9, rate: 32.77)
        return f
    }

    let analyzer = FocusExportTests.fixture().analyzer()
    let week = period("2026-W48")
    let asOf = day("2026-11-28")

    @Test func oneRowPerRecordOfThePeriodUpToAsOf() {
        let export = analyzer.focusExport(for: week, asOf: asOf)
        let report = analyzer.report(for: week, asOf: asOf)
        #expect(export.rows.count == 5)
        #expect(export.rows.count == report.totals.records)
        #expect(export.rows.map(\.runId) == ["r1", "r1", "r2", nil, "r3"])
        // Same records, summed in the same order: equal to the last bit.
        #expect(export.rows.reduce(0) { $0 + $1.billedCost } == report.totals.spend)
        #expect(export.table.columns == FocusExport.columns)
        #expect(export.table.rows.allSatisfy { $0.count == FocusExport.columns.count })
    }

    @Test func spotRecordWithRateAndHours() {
        let row = analyzer.focusExport(for: week, asOf: asOf).rows[0]
        #expect(row == FocusRow(
            billedCost: 20, effectiveCost: 20, listCost: 2 * 32.77, listUnitPrice: 32.77,
            pricingCategory: "Dynamic", pricingQuantity: 2, pricingUnit: "Hours",
            chargePeriodStart: "2026-11-23T10:00:00Z", chargePeriodEnd: "2026-11-23T12:00:00Z",
            serviceProviderName: "Amazon Web Services", regionId: "us-east-2", resourceType: "p4d.24xlarge",
            skuId: "aws/p4d.24xlarge/spot", developer: "alice", pr: "123", suite: "nightly",
            benchmark: "matmul, \"big\"", runId: "r1", testsPassed: 10, testsFailed: 1,
            costEstimated: false, marketInferred: true))
        #expect(cents(row.listCost - row.effectiveCost, 45.54))
    }

    @Test func onDemandReservedUnknownAndUnpricedRecords() {
        let rows = analyzer.focusExport(for: week, asOf: asOf).rows
        // On-demand, cost estimated: ListCost is hours × R even where it differs from the cost in the last bit.
        #expect(rows[1].pricingCategory == "Standard")
        #expect(rows[1].listCost == 1.25 * 32.77)
        #expect(rows[1].skuId == "aws/p4d.24xlarge/on-demand")
        #expect(rows[1].costEstimated && !rows[1].marketInferred)
        #expect(rows[1].chargePeriodStart == "2026-11-23T10:00:00Z")  // 10:00:00.001 truncated
        #expect(rows[1].chargePeriodEnd == "2026-11-23T11:15:00Z")

        // Reserved on GCP, no developer recorded (ingest's "(unattributed)"): a null x_Developer.
        #expect(rows[2] == FocusRow(
            billedCost: 7, effectiveCost: 7, listCost: 3 * 3.67, listUnitPrice: 3.67,
            pricingCategory: "Committed", pricingQuantity: 3, pricingUnit: "Hours",
            chargePeriodStart: "2026-11-24T23:59:00Z", chargePeriodEnd: "2026-11-25T02:59:00Z",
            serviceProviderName: "Google Cloud", regionId: "us-central1", resourceType: "a2-highgpu-1g",
            skuId: "gcp/a2-highgpu-1g/reserved", developer: nil, pr: nil, suite: "release",
            benchmark: nil, runId: "r2", testsPassed: 3, testsFailed: 0, costEstimated: false, marketInferred: false))

        // Unknown market, provider, region, rate and duration: nulls, ListCost = cost, end = start.
        #expect(rows[3] == FocusRow(
            billedCost: 5, effectiveCost: 5, listCost: 5, listUnitPrice: nil,
            pricingCategory: nil, pricingQuantity: nil, pricingUnit: nil,
            chargePeriodStart: "2026-11-25T12:00:00Z", chargePeriodEnd: "2026-11-25T12:00:00Z",
            serviceProviderName: nil, regionId: nil, resourceType: "mystery-1",
            skuId: "unknown/mystery-1/unknown", developer: nil, pr: nil, suite: nil,
            benchmark: nil, runId: nil, testsPassed: 0, testsFailed: 0, costEstimated: false, marketInferred: false))

        // Spot on an instance without a rate: no savings claimed (ListCost = cost); other providers as recorded.
        #expect(rows[4].pricingCategory == "Dynamic")
        #expect(rows[4].listCost == 3 && rows[4].listUnitPrice == nil)
        #expect(rows[4].serviceProviderName == "azure")
        #expect(rows[4].skuId == "azure/nd96asr-v4/spot")
    }

    @Test func listMinusEffectiveOverDynamicRowsIsTheReportsRealizedSpotSavings() {
        let export = analyzer.focusExport(for: week, asOf: asOf)
        let report = analyzer.report(for: week, asOf: asOf)
        func savings(_ category: String) -> Double {
            export.rows.filter { $0.pricingCategory == category }.reduce(0) { $0 + ($1.listCost - $1.effectiveCost) }
        }
        #expect(savings("Dynamic") == row(report.breakdowns.market, "spot")?.realizedSavings)
        #expect(savings("Committed") == row(report.breakdowns.market, "reserved")?.realizedSavings)
        #expect(cents(savings("Dynamic"), 45.54))
        #expect(cents(savings("Committed"), 4.01))
        #expect(cents(savings("Dynamic") + savings("Committed"), report.totals.realizedSavings))
    }

    @Test func cellsFollowTheColumns() {
        let cells = analyzer.focusExport(for: week, asOf: asOf).table.rows[3]
        let byColumn = Dictionary(uniqueKeysWithValues: zip(FocusExport.columns, cells))
        #expect(byColumn["BilledCost"] == .number(5))
        #expect(byColumn["ListUnitPrice"] == .null)
        #expect(byColumn["PricingCategory"] == .null)
        #expect(byColumn["PricingUnit"] == .null)
        #expect(byColumn["ResourceType"] == .text("mystery-1"))
        #expect(byColumn["x_TestsPassed"] == .integer(0))
        #expect(byColumn["x_CostEstimated"] == .bool(false))
        // Every FOCUS 1.0 column, alphabetical as the specification lists them, then the x_ ones.
        #expect(FocusExport.focusColumns.count == 43 && FocusExport.focusColumns == FocusExport.focusColumns.sorted())
        #expect(FocusExport.columns.count == 52 && FocusExport.columns.last == "x_MarketInferred")
        // What is true for this data: usage in USD, one calendar month, the provider on every name column.
        #expect(byColumn["BillingCurrency"] == .text("USD") && byColumn["ChargeCategory"] == .text("Usage"))
        #expect(byColumn["ChargeClass"] == .null && byColumn["ChargeFrequency"] == .text("Usage-Based"))
        #expect(byColumn["BillingPeriodStart"] == .text("2026-11-01T00:00:00Z") && byColumn["BillingPeriodEnd"] == .text("2026-12-01T00:00:00Z"))
        #expect(byColumn["ProviderName"] == .text("Unknown") && byColumn["BillingAccountId"] == .text("unknown"))
        #expect(byColumn["ServiceCategory"] == .text("Compute") && byColumn["ServiceName"] == .text("Compute"))
        #expect(byColumn["ChargeDescription"] == .text("mystery-1 instance-hours"))
        #expect(byColumn["Tags"] == .text("{}"))
        for column in FocusExport.nonNullColumns { #expect(byColumn[column] != .null, "\(column) is null") }
    }

    @Test func focusColumnsForAnAWSSpotRecordAndAGCPTPU() {
        let rows = analyzer.focusExport(for: week, asOf: asOf).rows
        let aws = rows[0], gcp = rows[2]
        #expect(aws.providerName == "Amazon Web Services" && aws.serviceName == "Amazon Elastic Compute Cloud")
        #expect(aws.chargeDescription == "p4d.24xlarge spot instance-hours (run r1)")
        #expect(aws.skuPriceId == "aws/p4d.24xlarge/spot/us-east-2")
        #expect(aws.tags == #"{"benchmark":"matmul, \"big\"","developer":"alice","pr":"123","run_id":"r1","suite":"nightly"}"#)
        #expect(gcp.serviceName == "Compute Engine" && gcp.chargeDescription == "a2-highgpu-1g reserved instance-hours (run r2)")
        #expect(FocusExport.isTPU("v5litepod-8") && FocusExport.isTPU("v6e-1") && !FocusExport.isTPU("a2-highgpu-1g"))
    }

    @Test func theBillingAccountIsTheRecordsElseTheConfigsElseUnknown() {
        var f = Fixture()
        f.add("2026-11-23", run: "a", market: .onDemand, hours: 1, cost: 1, rate: 32.77)
        f.add("2026-11-23", run: "b", market: .onDemand, hours: 1, cost: 1, rate: 32.77)
        f.records[1].account = f.strings.intern("123456789012")
        var config = Config()
        #expect(f.analyzer(config).focusExport(for: week, asOf: asOf).rows.map(\.billingAccountId) == ["unknown", "123456789012"])
        config.focusBillingAccountId = "ml-ci"
        #expect(f.analyzer(config).focusExport(for: week, asOf: asOf).rows.map(\.billingAccountId) == ["ml-ci", "123456789012"])
    }

    @Test func timestampsArePureArithmetic() {
        #expect(FocusExport.iso8601(epochSeconds: 0) == "1970-01-01T00:00:00Z")
        #expect(FocusExport.iso8601(epochSeconds: -1) == "1969-12-31T23:59:59Z")
        #expect(FocusExport.iso8601(epochSeconds: 1_793_657_703) == "2026-11-02T22:15:03Z")
        #expect(FocusExport.iso8601(epochSeconds: 951_782_400) == "2000-02-29T00:00:00Z")
        let p = FocusExport.chargePeriod(instant: 1_793_657_703.9, hours: 90.4 / 3600)
        #expect(p.start == "2026-11-02T22:15:03Z")  // truncated
        #expect(p.end == "2026-11-02T22:16:33Z")    // + 90 s (duration rounded)
        let none = FocusExport.chargePeriod(instant: 1_793_657_703, hours: nil)
        #expect(none.start == none.end)
    }

    @Test func breakdownTablesAreTheReportsRows() throws {
        let report = analyzer.report(for: week, asOf: asOf)
        for dimension in Breakdowns.dimensions {
            let table = BreakdownExport.table(report, dimension: dimension)
            #expect(table.columns == BreakdownExport.columns)
            #expect(table.rows == report.breakdowns[dimension].map(BreakdownExport.cells), "\(dimension)")
            #expect(table.rows.count == report.breakdowns[dimension].count)
        }
        // An unknown dimension is not a value at all (it was an empty table once).
        #expect(BreakdownDimension(rawValue: "colour") == nil)
        let spot = try #require(BreakdownExport.table(report, dimension: .market).rows.first { $0.first == .text("spot") })
        let expected = try #require(row(report.breakdowns.market, "spot"))
        #expect(spot == [.text("spot"), .integer(expected.runs), .integer(expected.records), .number(expected.hours),
                         .number(expected.spend), .number(expected.share), .number(expected.onDemandEquivalent),
                         .number(expected.realizedSavings), .nullableNumber(expected.savingsRate),
                         .integer(expected.testsPassed), .integer(expected.testsFailed), .number(expected.failedRunSpend)])
        // A row without a rate has a null savings rate.
        let unknown = try #require(BreakdownExport.table(report, dimension: .market).rows.first { $0.first == .text("unknown") })
        #expect(unknown[8] == .null)
    }
}
