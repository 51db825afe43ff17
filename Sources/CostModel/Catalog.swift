/// The pricing catalog (spec §2): USD per instance-hour, storage per GB-month.
/// Loaded from the bundled data file and merged with a user's override file by ingest.
public struct Catalog: Sendable, Equatable {
    public var providers: [String: ProviderPricing]
    /// Keys (`aws.instances.p4d.24xlarge.on_demand`) whose value came from the user's override file,
    /// so the methodology page can mark them.
    public var overriddenKeys: Set<String>

    public init(providers: [String: ProviderPricing], overriddenKeys: Set<String> = []) {
        self.providers = providers
        self.overriddenKeys = overriddenKeys
    }

    public func instance(_ provider: String, _ type: String) -> InstancePricing? {
        providers[provider]?.instances[type]
    }

    /// The provider whose catalog lists this instance type (used when `cloud_provider` is missing).
    public func provider(listing type: String) -> String? {
        providers.keys.sorted().first { providers[$0]?.instances[type] != nil }
    }

    /// R: the region's on-demand price if listed, else the instance's.
    public func onDemandRate(provider: String, instanceType: String, region: String) -> Double? {
        guard let i = instance(provider, instanceType) else { return nil }
        return i.regions[region] ?? i.onDemand
    }

    /// S: the midpoint of the instance's spot range, else R × (1 − midpoint of the provider's discount).
    public func spotRate(provider: String, instanceType: String, region: String) -> Double? {
        guard let i = instance(provider, instanceType),
              let r = onDemandRate(provider: provider, instanceType: instanceType, region: region) else { return nil }
        if let s = i.spot { return s.midpoint }
        guard let d = providers[provider]?.spotDiscount else { return nil }
        return r * (1 - d.midpoint)
    }

    /// d = 1 − S/R.
    public func spotDiscount(provider: String, instanceType: String, region: String) -> Double? {
        guard let r = onDemandRate(provider: provider, instanceType: instanceType, region: region), r > 0,
              let s = spotRate(provider: provider, instanceType: instanceType, region: region) else { return nil }
        return 1 - s / r
    }

    /// The cheapest listed regional price of an instance, with its region (ties: region name).
    public func cheapestRegion(provider: String, instanceType: String) -> (region: String, rate: Double)? {
        guard let regions = instance(provider, instanceType)?.regions, !regions.isEmpty else { return nil }
        return regions.map { ($0.key, $0.value) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
    }
}

/// A price or discount given as a range (`29–40`, `60–70 %`); a single value has low == high.
public struct PriceRange: Sendable, Equatable, Codable {
    public var low: Double
    public var high: Double
    public init(low: Double, high: Double) { self.low = low; self.high = high }
    public init(_ value: Double) { self.init(low: value, high: value) }
    public var midpoint: Double { (low + high) / 2 }
}

/// What kind of accelerator an instance carries: right-sizing compares TPU with TPU, GPU with GPU.
public enum Accelerator: String, Sendable, Codable { case gpu, tpu, cpu }

public struct InstancePricing: Sendable, Equatable {
    public var onDemand: Double
    public var spot: PriceRange?
    public var regions: [String: Double]
    public var accelerator: Accelerator
    public init(onDemand: Double, spot: PriceRange? = nil, regions: [String: Double] = [:], accelerator: Accelerator) {
        self.onDemand = onDemand; self.spot = spot; self.regions = regions; self.accelerator = accelerator
    }
}

public struct ProviderPricing: Sendable, Equatable {
    /// Typical spot discount (fraction) for instances without a spot price.
    public var spotDiscount: PriceRange?
    /// Commitment terms, e.g. `1y` → 0.30–0.40 discount.
    public var commitments: [String: PriceRange]
    /// Storage per GB-month by volume/disk type (`gp3`, `pd-ssd`, `snapshot`).
    public var storagePerGBMonth: [String: Double]
    /// An idle public address per hour.
    public var idleAddressPerHour: Double?
    public var instances: [String: InstancePricing]

    public init(spotDiscount: PriceRange?, commitments: [String: PriceRange], storagePerGBMonth: [String: Double],
                idleAddressPerHour: Double?, instances: [String: InstancePricing]) {
        self.spotDiscount = spotDiscount; self.commitments = commitments
        self.storagePerGBMonth = storagePerGBMonth; self.idleAddressPerHour = idleAddressPerHour
        self.instances = instances
    }
}
