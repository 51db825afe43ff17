import CostModel

/// Catalog and config facts shared by every record with the same provider, instance type, region and
/// test type: looked up once per combination, not once per record.
struct RateFacts: Sendable {
    struct Target: Sendable {
        /// Index into `SavingsIndex.names`.
        let name: Int32
        let rate: Double
    }

    /// d = 1 − S/R from the catalog (spec §2), kept in [0, 1]; nil for unknown instances.
    let spotDiscount: Double?
    /// The recommended instance for the test type and its R in the record's region (the regional
    /// price if the catalog lists one for that region, else its base price); nil when right-sizing
    /// cannot apply (unknown test type, CPU-only or unknown instance, recommendation missing from the
    /// catalog or of another accelerator kind).
    let recommended: Target?
    /// The instance's cheapest listed region (ties: region name); nil when it lists no regions.
    let cheapest: Target?

    struct Key: Hashable {
        let provider: StringID
        let instanceType: StringID
        let region: StringID
        let testType: UInt8
        init(_ r: RunRecord) {
            provider = r.provider; instanceType = r.instanceType; region = r.region; testType = r.testType.rawValue
        }
    }

    init(provider: String, instanceType: String, region: String, testType: TestType,
         catalog: Catalog, rightSize: [String: [String: String]], name: (String) -> Int32) {
        spotDiscount = catalog.spotDiscount(provider: provider, instanceType: instanceType, region: region)
            .map { min(1, max(0, $0)) }
        recommended = RateFacts.recommendation(provider: provider, instanceType: instanceType, region: region,
                                               testType: testType, catalog: catalog, rightSize: rightSize)
            .map { Target(name: name($0.instance), rate: $0.rate) }
        cheapest = catalog.cheapestRegion(provider: provider, instanceType: instanceType)
            .map { Target(name: name($0.region), rate: $0.rate) }
    }

    /// Spec §5/§12 right-size family: a TPU instance uses the `<provider>-tpu` entry (`gcp-tpu`), a GPU
    /// instance the provider's entry (`aws`, `gcp`); CPU-only and unknown instances are never flagged.
    /// The recommendation must be in the same provider's catalog and of the same accelerator kind.
    static func recommendation(provider: String, instanceType: String, region: String, testType: TestType,
                               catalog: Catalog, rightSize: [String: [String: String]]) -> (instance: String, rate: Double)? {
        guard testType != .unknown, let current = catalog.instance(provider, instanceType) else { return nil }
        let family: String
        switch current.accelerator {
        case .tpu: family = provider + "-tpu"
        case .gpu: family = provider
        case .cpu: return nil
        }
        guard let target = rightSize[testType.key]?[family],
              let pricing = catalog.instance(provider, target), pricing.accelerator == current.accelerator,
              let rate = catalog.onDemandRate(provider: provider, instanceType: target, region: region)
        else { return nil }
        return (target, rate)
    }
}
