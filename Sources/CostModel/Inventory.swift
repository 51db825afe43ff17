/// Cloud resources read from `aws ec2 describe-*` and `gcloud compute * list --format=json` output
/// (spec §7 item 10). Ingest reads them; analysis decides what is unused and prices it.
public struct Inventory: Sendable, Equatable {
    public var resources: [CloudResource]
    /// Files read, and files that matched no known shape (reported by name, not fatal).
    public var files: [String]
    public var unrecognizedFiles: [String]

    public init(resources: [CloudResource] = [], files: [String] = [], unrecognizedFiles: [String] = []) {
        self.resources = resources; self.files = files; self.unrecognizedFiles = unrecognizedFiles
    }
}

public struct CloudResource: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable { case volume, disk, snapshot, address }

    public var provider: String
    public var kind: Kind
    /// `vol-0abc…`, disk or snapshot name, `eipalloc-…` / address name.
    public var id: String
    /// Region or zone as the tool printed it.
    public var location: String
    /// Volume/disk type (`gp3`, `pd-ssd`), nil for snapshots and addresses.
    public var storageType: String?
    public var sizeGB: Double?
    /// Creation time as an absolute instant (seconds since 1970), when printed.
    public var createdAt: Double?
    /// Attached to an instance (volumes, disks) or associated (addresses) — i.e. in use.
    public var inUse: Bool
    /// GCP address status (`RESERVED`, `IN_USE`) or AWS association, for the report.
    public var state: String
    /// The file it came from.
    public var source: String

    public init(provider: String, kind: Kind, id: String, location: String, storageType: String?, sizeGB: Double?,
                createdAt: Double?, inUse: Bool, state: String, source: String) {
        self.provider = provider; self.kind = kind; self.id = id; self.location = location
        self.storageType = storageType; self.sizeGB = sizeGB; self.createdAt = createdAt
        self.inUse = inUse; self.state = state; self.source = source
    }
}

/// Unused resources as the report lists them (checklist item 10), each priced per month.
public struct UnusedResources: Sendable, Codable, Equatable {
    /// False when no inventory was given: item 10 is then `unknown`.
    public var inventoryGiven: Bool
    public var items: [UnusedResource]
    public var monthlyCost: Double
    public var files: [String]
    public var unrecognizedFiles: [String]

    public init(inventoryGiven: Bool, items: [UnusedResource], monthlyCost: Double, files: [String], unrecognizedFiles: [String]) {
        self.inventoryGiven = inventoryGiven; self.items = items; self.monthlyCost = monthlyCost
        self.files = files; self.unrecognizedFiles = unrecognizedFiles
    }

    public static let none = UnusedResources(inventoryGiven: false, items: [], monthlyCost: 0, files: [], unrecognizedFiles: [])
}

public struct UnusedResource: Sendable, Codable, Equatable {
    public var provider: String
    public var kind: String
    public var id: String
    public var location: String
    /// "unattached gp3 volume, 500 GB", "snapshot 412 days old, 80 GB", "RESERVED static address";
    /// empty until the render stage words `facts`.
    public var reason: String
    public var sizeGB: Double?
    public var monthlyCost: Double
    /// What `reason` says, as facts (nil for a resource made with its words only).
    public var facts: UnusedFacts?
    public init(provider: String, kind: String, id: String, location: String, reason: String, sizeGB: Double?, monthlyCost: Double) {
        self.provider = provider; self.kind = kind; self.id = id; self.location = location
        self.reason = reason; self.sizeGB = sizeGB; self.monthlyCost = monthlyCost
    }
}

/// Why a resource is unused and how it was priced (checklist item 10); the render stage words it as
/// `UnusedResource.reason`.
public struct UnusedFacts: Sendable, Codable, Equatable {
    public enum Price: String, Sendable, Codable {
        /// The catalog lists a price for it.
        case listed
        /// A volume or disk whose type the catalog does not list, priced as `priced_as`.
        case fallback
        /// No price in the catalog: it counts at $0.00 a month.
        case missing
    }

    /// Volumes and disks: the storage type as printed, without a URL prefix; nil when not printed.
    public var storageType: String?
    /// Snapshots: whole days since creation at the end of the as-of day (UTC), and the age they exceed.
    public var ageDays: Int?
    public var ageLimitDays: Int?
    /// Addresses: the status the tool printed (`RESERVED`), empty when none.
    public var state: String?
    public var price: Price
    public var pricedAs: String?

    public init(storageType: String? = nil, ageDays: Int? = nil, ageLimitDays: Int? = nil, state: String? = nil,
                price: Price, pricedAs: String? = nil) {
        self.storageType = storageType; self.ageDays = ageDays; self.ageLimitDays = ageLimitDays; self.state = state
        self.price = price; self.pricedAs = pricedAs
    }
}

/// The site's publication log (checklist item 8): the ISO weeks in which a site was published,
/// kept in the output folder across rebuilds. A build records the week of its as-of date (never
/// the wall clock), so rebuilding the same data changes nothing.
public struct PublicationLog: Sendable, Codable, Equatable {
    public var weeks: [String]
    public init(weeks: [String] = []) { self.weeks = weeks }

    public func recording(week: String) -> PublicationLog {
        PublicationLog(weeks: Array(Set(weeks + [week])).sorted())
    }
}
