import CostModel

/// One charge row of the FOCUS-shaped export: one accepted record of the period.
///
/// Money is USD, unrounded. Optional fields are FOCUS nulls (empty CSV fields).
public struct FocusRow: Sendable, Equatable {
    /// The record's cost (recorded or estimated): what the team paid.
    public var billedCost: Double
    /// Equal to `billedCost`: costreport knows no amortised commitment fees to spread.
    public var effectiveCost: Double
    /// hours × R (the on-demand equivalent) when both are known, else the cost.
    public var listCost: Double
    /// R, the on-demand rate per instance-hour; nil for an instance the catalog does not list.
    public var listUnitPrice: Double?
    /// `Standard` (on-demand), `Dynamic` (spot / preemptible), `Committed` (reserved / committed use);
    /// nil when the market is unknown.
    public var pricingCategory: String?
    /// Instance-hours; nil when the duration was not recorded.
    public var pricingQuantity: Double?
    /// `Hours`, nil exactly when `pricingQuantity` is (FOCUS pairs the two).
    public var pricingUnit: String?
    /// ISO 8601 UTC, `2026-11-02T22:15:03Z`: the run's start truncated to the second.
    public var chargePeriodStart: String
    /// Start plus the duration rounded to the second; the start itself when the duration is unknown.
    public var chargePeriodEnd: String
    /// `Amazon Web Services`, `Google Cloud`, any other provider as recorded; nil when unknown.
    public var serviceProviderName: String?
    public var regionId: String?
    /// The instance type.
    public var resourceType: String?
    /// `provider/instance type/market`, e.g. `aws/p4d.24xlarge/spot`; nil without an instance type.
    public var skuId: String?
    public var developer: String?
    public var pr: String?
    public var suite: String?
    public var benchmark: String?
    public var runId: String?
    public var testsPassed: Int
    public var testsFailed: Int
    public var costEstimated: Bool
    public var marketInferred: Bool
    /// The record's `metadata.account_id`, else the config's `focus.billing_account_id`, else `unknown`.
    public var billingAccountId: String
    /// The record's region (for `SkuPriceId`), as recorded; nil when none.
    public var region: String?

    public init(billedCost: Double, effectiveCost: Double, listCost: Double, listUnitPrice: Double?,
                pricingCategory: String?, pricingQuantity: Double?, pricingUnit: String?,
                chargePeriodStart: String, chargePeriodEnd: String, serviceProviderName: String?,
                regionId: String?, resourceType: String?, skuId: String?, developer: String?, pr: String?,
                suite: String?, benchmark: String?, runId: String?, testsPassed: Int, testsFailed: Int,
                costEstimated: Bool, marketInferred: Bool, billingAccountId: String = "unknown") {
        self.billingAccountId = billingAccountId
        self.region = regionId
        self.billedCost = billedCost; self.effectiveCost = effectiveCost; self.listCost = listCost
        self.listUnitPrice = listUnitPrice; self.pricingCategory = pricingCategory
        self.pricingQuantity = pricingQuantity; self.pricingUnit = pricingUnit
        self.chargePeriodStart = chargePeriodStart; self.chargePeriodEnd = chargePeriodEnd
        self.serviceProviderName = serviceProviderName; self.regionId = regionId; self.resourceType = resourceType
        self.skuId = skuId; self.developer = developer; self.pr = pr; self.suite = suite
        self.benchmark = benchmark; self.runId = runId; self.testsPassed = testsPassed
        self.testsFailed = testsFailed; self.costEstimated = costEstimated; self.marketInferred = marketInferred
    }

    // MARK: FOCUS 1.0 columns derived from the record (docs/focus.md says why each holds what it holds)

    /// The cloud, named as FOCUS expects: never null, `Unknown` for an unrecorded provider.
    public var providerName: String { serviceProviderName ?? "Unknown" }

    /// The calendar month (UTC) of the charge's start: `2026-11-01T00:00:00Z` … `2026-12-01T00:00:00Z` (exclusive).
    public var billingPeriod: (start: String, end: String) {
        let year = Int(chargePeriodStart.prefix(4)) ?? 1970
        let month = Int(chargePeriodStart.dropFirst(5).prefix(2)) ?? 1
        let next = month == 12 ? (year + 1, 1) : (year, month + 1)
        func pad(_ n: Int, _ width: Int) -> String { let t = String(n); return String(repeating: "0", count: max(0, width - t.count)) + t }
        func stamp(_ y: Int, _ m: Int) -> String { pad(y, 4) + "-" + pad(m, 2) + "-01T00:00:00Z" }
        return (stamp(year, month), stamp(next.0, next.1))
    }

    /// The provider's compute service: EC2 on AWS, Compute Engine (Cloud TPU for TPU slices) on GCP.
    public var serviceName: String {
        switch serviceProviderName {
        case "Amazon Web Services": return "Amazon Elastic Compute Cloud"
        case "Google Cloud": return (resourceType.map(FocusExport.isTPU) ?? false) ? "Cloud TPU" : "Compute Engine"
        default: return "Compute"
        }
    }

    /// `p4d.24xlarge spot instance-hours (run r1)`: what the charge is, in one line.
    public var chargeDescription: String {
        let what = [resourceType, pricingCategory.map { FocusExport.marketWord($0) }].compactMap { $0 }.joined(separator: " ")
        return (what.isEmpty ? "Compute" : what) + " instance-hours" + (runId.map { " (run \($0))" } ?? "")
    }

    /// The price point: the SKU in the record's region (`aws/p4d.24xlarge/spot/us-east-2`).
    public var skuPriceId: String? { skuId.map { $0 + "/" + (region ?? "any-region") } }

    /// FOCUS `Tags`: the record's dimensions as a JSON object (sorted keys, no nulls).
    public var tags: String {
        var pairs: [(String, String)] = []
        for (k, v) in [("benchmark", benchmark), ("developer", developer), ("pr", pr), ("run_id", runId), ("suite", suite)] {
            if let v { pairs.append((k, v)) }
        }
        return "{" + pairs.map { "\"\($0.0)\":" + FocusExport.jsonString($0.1) }.joined(separator: ",") + "}"
    }

    /// The cells in `FocusExport.columns` order.
    public var cells: [ExportValue] {
        let period = billingPeriod
        let consumed: ExportValue = .nullableNumber(pricingQuantity)
        return [
            .null,                                   // AvailabilityZone: records keep the region only
            .number(billedCost), .text(billingAccountId), .null,  // BillingAccountName: not recorded
            .text("USD"), .text(period.end), .text(period.start),
            .text("Usage"), .null,                   // ChargeClass: no correction rows
            .text(chargeDescription), .text("Usage-Based"),
            .text(chargePeriodEnd), .text(chargePeriodStart),
            .null, .null, .null, .null, .null,       // CommitmentDiscount*: no commitment ids are recorded
            consumed, .nullableText(pricingUnit),
            .number(listCost), .nullableNumber(listUnitPrice),  // Contracted = list: no negotiated rates known
            .number(effectiveCost), .text(providerName),
            .number(listCost), .nullableNumber(listUnitPrice),
            .nullableText(pricingCategory), consumed, .nullableText(pricingUnit),
            .text(providerName), .text(providerName),
            .nullableText(regionId), .nullableText(regionId),
            .null, .null,                            // ResourceId, ResourceName: instance ids are not recorded
            .nullableText(resourceType), .text("Compute"), .text(serviceName),
            .nullableText(skuId), .nullableText(skuPriceId),
            .null, .null,                            // SubAccountId, SubAccountName: not recorded
            .text(tags),
            .nullableText(developer), .nullableText(pr), .nullableText(suite), .nullableText(benchmark),
            .nullableText(runId), .integer(testsPassed), .integer(testsFailed),
            .bool(costEstimated), .bool(marketInferred),
        ]
    }
}

/// The FOCUS-shaped export of one period (FinOps Open Cost and Usage Specification column names):
/// one row per accepted record of the period up to as-of — the same records, in the same order,
/// as the report of that period — plus `x_` columns for what FOCUS has no column for.
///
/// Per row, ListCost − EffectiveCost is the record's realized savings (spec §3) for spot and
/// reserved records, so the sum over `Dynamic` rows is the report's realized spot savings.
public struct FocusExport: Sendable, Equatable {
    /// The FOCUS version the columns follow (`--focus-version`).
    public static let version = "1.0"

    /// Every column of FOCUS 1.0, in the specification's (alphabetical) order, then the `x_` ones.
    public static let focusColumns = [
        "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency",
        "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription",
        "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory",
        "CommitmentDiscountId", "CommitmentDiscountName", "CommitmentDiscountStatus", "CommitmentDiscountType",
        "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "ContractedUnitPrice", "EffectiveCost",
        "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory", "PricingQuantity", "PricingUnit",
        "ProviderName", "PublisherName", "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType",
        "ServiceCategory", "ServiceName", "SkuId", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags",
    ]
    public static let extensionColumns = [
        "x_Developer", "x_PR", "x_Suite", "x_Benchmark", "x_RunId", "x_TestsPassed", "x_TestsFailed",
        "x_CostEstimated", "x_MarketInferred",
    ]
    public static let columns = focusColumns + extensionColumns

    /// The FOCUS 1.0 columns that may never be null.
    public static let nonNullColumns: Set<String> = [
        "BilledCost", "BillingAccountId", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
        "ChargeCategory", "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart",
        "ContractedCost", "EffectiveCost", "InvoiceIssuerName", "ListCost", "ProviderName", "PublisherName",
        "ServiceCategory", "ServiceName",
    ]

    /// TPU slices (`v5litepod-8`, `v5p-8`, `v6e-1`, `tpu-…`) bill as Cloud TPU, not Compute Engine.
    static func isTPU(_ instanceType: String) -> Bool {
        instanceType.hasPrefix("v2-") || instanceType.hasPrefix("v3-") || instanceType.hasPrefix("v4-")
            || instanceType.hasPrefix("v5") || instanceType.hasPrefix("v6") || instanceType.hasPrefix("tpu")
    }

    static func marketWord(_ pricingCategory: String) -> String {
        switch pricingCategory {
        case "Dynamic": return "spot"
        case "Committed": return "reserved"
        default: return "on-demand"
        }
    }

    /// A JSON string literal (quotes, backslashes and control characters escaped).
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    public var period: Period
    public var asOf: Day
    public var rows: [FocusRow]

    public init(period: Period, asOf: Day, rows: [FocusRow]) {
        self.period = period; self.asOf = asOf; self.rows = rows
    }

    public var table: ExportTable { ExportTable(columns: FocusExport.columns, rows: rows.map(\.cells)) }

    /// FOCUS PricingCategory of a market; nil (null) for an unknown one rather than a guess.
    public static func pricingCategory(_ market: Market) -> String? {
        switch market {
        case .onDemand: return "Standard"
        case .spot: return "Dynamic"
        case .reserved: return "Committed"
        case .unknown: return nil
        }
    }

    /// The provider's display name: `aws` and `gcp` by their FOCUS names, others as recorded;
    /// nil for a provider that is not known (`unknown`, or none).
    public static func serviceProviderName(_ key: String?) -> String? {
        switch key {
        case nil, "unknown": return nil
        case "aws": return "Amazon Web Services"
        case "gcp": return "Google Cloud"
        case let other?: return other
        }
    }

    /// `2026-11-02T22:15:03Z` for whole seconds since 1970-01-01T00:00:00Z (pure arithmetic).
    public static func iso8601(epochSeconds seconds: Int64) -> String {
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let day = Day(ordinal: Int32(truncatingIfNeeded: days))
        let h = secondOfDay / 3600, m = secondOfDay % 3600 / 60, s = secondOfDay % 60
        return "\(day.iso)T\(two(h)):\(two(m)):\(two(s))Z"
    }

    /// The charge period of a run starting at `instant` (seconds, may carry a fraction) and lasting
    /// `hours`: start truncated to the second; end = start + the duration rounded to the second.
    public static func chargePeriod(instant: Double, hours: Double?) -> (start: String, end: String) {
        let start = clampedSeconds(instant.rounded(.down))
        let seconds = hours.map { clampedSeconds(($0 * 3600).rounded(.toNearestOrAwayFromZero)) } ?? 0
        return (iso8601(epochSeconds: start), iso8601(epochSeconds: start + seconds))
    }

    /// Ingest accepts only finite values; the clamp (±10¹³ s, about ±300,000 years) only keeps an
    /// absurd value from trapping on the conversion.
    private static func clampedSeconds(_ x: Double) -> Int64 {
        guard x.isFinite else { return 0 }
        return Int64(min(1e13, max(-1e13, x)))
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    private static func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Analyzer {
    /// The FOCUS rows of `period` as seen on `asOf`: the records the report of the same period and
    /// as-of date counts (records after as-of are left out), in timeline order.
    public func focusExport(for period: Period, asOf: Day) -> FocusExport {
        FocusExport(period: period, asOf: asOf, rows: Array(focusRows(for: period, asOf: asOf)))
    }

    /// The same rows one at a time, made as they are read: `export` streams them to the CSV, so a
    /// year of a million records is never all in memory as rows of strings (870 MB before).
    public func focusRows(for period: Period, asOf: Day) -> LazyMapSequence<Range<Int>, FocusRow> {
        let last = min(period.end, asOf)
        return timeline.recordIndices(from: period.start, through: last).lazy.map { focusRow(timeline.records[$0]) }
    }

    private func focusRow(_ r: RunRecord) -> FocusRow {
        /// Text of an id; nil for the empty key "(none)".
        func text(_ id: StringID) -> String? { id == StringTable.none ? nil : labels[id] }
        let provider = text(r.provider)
        let instance = text(r.instanceType)
        let when = FocusExport.chargePeriod(instant: r.instant, hours: r.hours)
        return FocusRow(
            billedCost: r.cost,
            effectiveCost: r.cost,
            listCost: r.onDemandEquivalent ?? r.cost,
            listUnitPrice: r.onDemandRate,
            pricingCategory: FocusExport.pricingCategory(r.market),
            pricingQuantity: r.hours,
            pricingUnit: r.hours == nil ? nil : "Hours",
            chargePeriodStart: when.start,
            chargePeriodEnd: when.end,
            serviceProviderName: FocusExport.serviceProviderName(provider),
            regionId: text(r.region),
            resourceType: instance,
            skuId: instance.map { "\(provider ?? "unknown")/\($0)/\(r.market.key)" },
            developer: text(r.developer).flatMap { $0 == Labels.unattributed ? nil : $0 },
            pr: text(r.pr),
            suite: text(r.suite),
            benchmark: text(r.benchmark),
            runId: text(r.run),
            testsPassed: Int(r.testsPassed),
            testsFailed: Int(r.testsFailed),
            costEstimated: r.flags.contains(.costEstimated),
            marketInferred: r.flags.contains(.marketInferred),
            billingAccountId: text(r.account) ?? config.focusBillingAccountId ?? "unknown")
    }
}
