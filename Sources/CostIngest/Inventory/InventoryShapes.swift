import CostModel
import Foundation

/// The six kinds of element the inventory understands (spec §7 item 10), each the JSON that one
/// command prints for one resource.
enum InventoryShape: CaseIterable {
    case awsVolume      // aws ec2 describe-volumes          {"Volumes": [...]}
    case awsSnapshot    // aws ec2 describe-snapshots        {"Snapshots": [...]}
    case awsAddress     // aws ec2 describe-addresses        {"Addresses": [...]}
    case gcpDisk        // gcloud compute disks list --format=json      [{kind: compute#disk}]
    case gcpSnapshot    // gcloud compute snapshots list --format=json  [{kind: compute#snapshot}]
    case gcpAddress     // gcloud compute addresses list --format=json  [{kind: compute#address}]

    /// The AWS CLI wraps its list in an object under one of these keys.
    static let awsWrappers: [(key: String, shape: InventoryShape)] = [
        ("Volumes", .awsVolume), ("Snapshots", .awsSnapshot), ("Addresses", .awsAddress),
    ]

    /// What a bare element is, from its keys: gcloud's `kind` when printed, otherwise the keys
    /// characteristic of each resource. AWS elements are recognised too, for lists printed with
    /// `--query 'Volumes[]'`. Nil when it is none of them.
    static func of(_ e: InventoryElement) -> InventoryShape? {
        if case .string(let kind)? = e.fields["kind"] {
            switch kind {
            case "compute#disk": return .gcpDisk
            case "compute#snapshot": return .gcpSnapshot
            case "compute#address": return .gcpAddress
            default: return nil   // compute#instance and the like: some other listing
            }
        }
        // Checked in this order because a cloned disk also has `sourceDisk`, and an AWS volume
        // also has `SnapshotId` (the snapshot it was created from).
        if e.has("sizeGb"), e.has("zone") || e.has("region") { return .gcpDisk }
        if e.has("storageBytes") || e.has("sourceDisk") { return .gcpSnapshot }
        if e.has("address"), e.has("addressType") || e.has("status") { return .gcpAddress }
        if e.has("VolumeId"), e.has("Size"), e.has("AvailabilityZone") || e.has("Attachments") { return .awsVolume }
        if e.has("SnapshotId"), e.has("StartTime") || e.has("VolumeSize") { return .awsSnapshot }
        if e.has("AllocationId") || e.has("PublicIp") && e.has("Domain") { return .awsAddress }
        return nil
    }

    /// The resource an element of this shape describes. Throws `ShapeMismatch` when a required
    /// key (the id) is missing or a value has the wrong type.
    func resource(_ e: InventoryElement, source: String) throws -> InventoryItem {
        switch self {
        case .awsVolume: return try AWSInventory.volume(e, source: source)
        case .awsSnapshot: return try AWSInventory.snapshot(e, source: source)
        case .awsAddress: return try AWSInventory.address(e, source: source)
        case .gcpDisk: return try GCPInventory.disk(e, source: source)
        case .gcpSnapshot: return try GCPInventory.snapshot(e, source: source)
        case .gcpAddress: return try GCPInventory.address(e, source: source)
        }
    }
}

/// A resource read from a file, with the key that says whether two files list the same one.
struct InventoryItem {
    var resource: CloudResource
    /// Globally unique: AWS ids are unique across accounts and regions; for GCP the `selfLink`
    /// URL (which names the project), else kind + location + name.
    var identity: String
}

/// A whole file's document → its resources; nil when it matches no shape.
enum InventoryDocument {
    static func items(in json: InventoryJSON, source: String) -> [InventoryItem]? {
        do {
            switch json {
            case .array(let elements):
                // `[]` is what gcloud prints when nothing exists: recognised, no resources.
                return try elements.map { value in
                    guard let e = InventoryElement(value), let shape = InventoryShape.of(e) else { throw ShapeMismatch() }
                    return try shape.resource(e, source: source)
                }
            case .object:
                guard let top = InventoryElement(json) else { return nil }
                let wrapped = InventoryShape.awsWrappers.filter { top.fields[$0.key] != nil }
                if wrapped.isEmpty {
                    // A single resource (`gcloud compute disks describe … --format=json`).
                    guard let shape = InventoryShape.of(top) else { return nil }
                    return [try shape.resource(top, source: source)]
                }
                // Other keys beside the list (`NextToken` from a paginated call) are ignored.
                var items: [InventoryItem] = []
                for (key, shape) in wrapped {
                    guard let list = try top.array(key) else { throw ShapeMismatch() }
                    for value in list {
                        guard let e = InventoryElement(value) else { throw ShapeMismatch() }
                        items.append(try shape.resource(e, source: source))
                    }
                }
                return items
            default:
                return nil
            }
        } catch {
            return nil
        }
    }
}

/// `aws ec2 describe-volumes | describe-snapshots | describe-addresses` (JSON output).
enum AWSInventory {
    static func volume(_ e: InventoryElement, source: String) throws -> InventoryItem {
        let id = try e.requiredString("VolumeId")
        let state = try e.string("State") ?? ""
        let attachments = try e.array("Attachments") ?? []
        let resource = CloudResource(
            provider: "aws", kind: .volume, id: id,
            location: try e.string("AvailabilityZone") ?? "",
            storageType: try e.string("VolumeType")?.lowercased(),
            sizeGB: try e.number("Size"),                     // GiB, as EBS bills it
            createdAt: try e.timestamp("CreateTime"),
            inUse: !attachments.isEmpty || state.lowercased() == "in-use",
            state: state, source: source)
        return InventoryItem(resource: resource, identity: "aws/volume/\(id)")
    }

    /// `VolumeSize` is the size of the volume the snapshot was taken from: describe-snapshots does
    /// not print the incremental bytes AWS bills, so this is an upper bound. The output names no
    /// region or zone, so `location` is empty.
    static func snapshot(_ e: InventoryElement, source: String) throws -> InventoryItem {
        let id = try e.requiredString("SnapshotId")
        let resource = CloudResource(
            provider: "aws", kind: .snapshot, id: id, location: "",
            storageType: nil,
            sizeGB: try e.number("VolumeSize"),
            createdAt: try e.timestamp("StartTime"),
            inUse: false,                                     // age decides (analysis)
            state: try e.string("State") ?? "", source: source)
        return InventoryItem(resource: resource, identity: "aws/snapshot/\(id)")
    }

    /// An Elastic IP. In use when associated: `AssociationId`, or (EC2-Classic and older CLIs,
    /// which print `""` when unassociated) a non-empty `InstanceId` / `NetworkInterfaceId`.
    static func address(_ e: InventoryElement, source: String) throws -> InventoryItem {
        guard let id = try e.string("AllocationId") ?? e.string("PublicIp") else { throw ShapeMismatch() }
        let associated = try e.string("AssociationId") != nil || e.string("InstanceId") != nil
            || e.string("NetworkInterfaceId") != nil
        let resource = CloudResource(
            provider: "aws", kind: .address, id: id,
            location: try e.string("NetworkBorderGroup") ?? "",
            storageType: nil, sizeGB: nil, createdAt: nil,    // describe-addresses prints no creation time
            inUse: associated,
            state: associated ? "associated" : "unassociated", source: source)
        return InventoryItem(resource: resource, identity: "aws/address/\(id)")
    }
}

/// `gcloud compute disks | snapshots | addresses list --format=json`.
enum GCPInventory {
    /// GCP bills disk and snapshot storage per "GB" that is a binary gigabyte, 2^30 bytes (the
    /// same unit as `sizeGb` and `diskSizeGb`, and as AWS's GiB sizes).
    static let bytesPerGB = 1_073_741_824.0

    static func disk(_ e: InventoryElement, source: String) throws -> InventoryItem {
        let name = try e.requiredString("name")
        // Zonal disks print `zone`; regional (replicated) disks print `region` instead.
        let location = try lastComponent(e.string("zone") ?? e.string("region")) ?? ""
        let users = try e.array("users") ?? []
        let resource = CloudResource(
            provider: "gcp", kind: .disk, id: name, location: location,
            storageType: try lastComponent(e.string("type"))?.lowercased(),   // …/diskTypes/pd-ssd → pd-ssd
            sizeGB: try e.number("sizeGb"),
            createdAt: try e.timestamp("creationTimestamp"),
            inUse: !users.isEmpty,
            state: try e.string("status") ?? "", source: source)
        return InventoryItem(resource: resource, identity: try identity(e, kind: "disk", location: location, name: name))
    }

    /// Size: `storageBytes` when printed, else `diskSizeGb`. GCP bills a snapshot by the bytes it
    /// stores (`storageBytes`, incremental and compressed), not by the size of its source disk,
    /// so `storageBytes` is the figure a monthly price must multiply; `diskSizeGb` (the source
    /// disk's size, an upper bound) is only the fallback for output without it. Bytes are turned
    /// into billing GB of 2^30 bytes, see `bytesPerGB`.
    static func snapshot(_ e: InventoryElement, source: String) throws -> InventoryItem {
        let name = try e.requiredString("name")
        // Snapshots are global; where their data is kept (`["us"]`) stands for the location.
        let locations = try (e.array("storageLocations") ?? []).map { value -> String in
            guard case .string(let text) = value else { throw ShapeMismatch() }
            return text
        }
        let location = locations.joined(separator: ",")
        let size = try e.number("storageBytes").map { $0 / bytesPerGB } ?? e.number("diskSizeGb")
        let resource = CloudResource(
            provider: "gcp", kind: .snapshot, id: name, location: location,
            storageType: nil, sizeGB: size,
            createdAt: try e.timestamp("creationTimestamp"),
            inUse: false,                                     // age decides (analysis)
            state: try e.string("status") ?? "", source: source)
        return InventoryItem(resource: resource, identity: try identity(e, kind: "snapshot", location: location, name: name))
    }

    /// A static address. In use unless its status is `RESERVED` (reserved but attached to
    /// nothing); without a status, in use when it lists users.
    static func address(_ e: InventoryElement, source: String) throws -> InventoryItem {
        let name = try e.requiredString("name")
        let location = try lastComponent(e.string("region")) ?? "global"   // global addresses print no region
        let status = try e.string("status")
        let inUse: Bool
        if let status {
            inUse = status.uppercased() != "RESERVED"
        } else {
            inUse = !(try e.array("users") ?? []).isEmpty
        }
        let resource = CloudResource(
            // `external` or `internal`: GCP charges only for external addresses left unused.
            provider: "gcp", kind: .address, id: name, location: location,
            storageType: try e.string("addressType")?.lowercased(), sizeGB: nil,
            createdAt: try e.timestamp("creationTimestamp"),
            inUse: inUse, state: status ?? "", source: source)
        return InventoryItem(resource: resource, identity: try identity(e, kind: "address", location: location, name: name))
    }

    /// `…/projects/p/zones/us-central1-a` → `us-central1-a`; a bare name stays as it is.
    static func lastComponent(_ text: String?) -> String? {
        text.flatMap { $0.split(separator: "/").last.map(String.init) }
    }

    /// Names are unique only within a project (and zone or region), so two projects' listings may
    /// share one; `selfLink` names the project and tells them apart.
    private static func identity(_ e: InventoryElement, kind: String, location: String, name: String) throws -> String {
        if let link = try e.string("selfLink") { return link }
        return "gcp/\(kind)/\(location)/\(name)"
    }
}
