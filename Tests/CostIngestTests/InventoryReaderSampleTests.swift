import CostModel
import Foundation
import Testing

@testable import CostIngest

/// Seconds since 1970 of a UTC wall-clock reading, computed independently of the parser.
private func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Double = 0) -> Double {
    Double(Day(year: y, month: mo, day: d).ordinal) * 86_400 + Double(h * 3600 + mi * 60) + s
}

/// The real command output in `../shared/samples/inventory` (spec §7 item 10): every file
/// recognised, and the figures checked against what the files say.
@Suite struct InventoryReaderSampleTests {
    static let folder = IngestFixtures.samples.appendingPathComponent("inventory").path

    let inventory: Inventory

    init() throws {
        inventory = try InventoryReader.read(directory: Self.folder)
    }

    private func resources(_ provider: String, _ kind: CloudResource.Kind) -> [CloudResource] {
        inventory.resources.filter { $0.provider == provider && $0.kind == kind }
    }

    private func resource(_ id: String) throws -> CloudResource {
        try #require(inventory.resources.first { $0.id == id }, "no resource \(id)")
    }

    @Test func everyFileIsRecognised() {
        #expect(inventory.files == [
            "aws-describe-addresses.json", "aws-describe-snapshots.json", "aws-describe-volumes.json",
            "gcloud-addresses.json", "gcloud-disks.json", "gcloud-snapshots.json",
        ])
        #expect(inventory.unrecognizedFiles.isEmpty)
        #expect(inventory.resources.count == 37)
    }

    @Test func countsPerFile() {
        #expect(resources("aws", .volume).count == 10)
        #expect(resources("aws", .snapshot).count == 8)
        #expect(resources("aws", .address).count == 5)
        #expect(resources("gcp", .disk).count == 6)
        #expect(resources("gcp", .snapshot).count == 4)
        #expect(resources("gcp", .address).count == 4)
        // Each resource names the file it came from.
        #expect(Set(resources("aws", .volume).map(\.source)) == ["aws-describe-volumes.json"])
        #expect(Set(resources("gcp", .snapshot).map(\.source)) == ["gcloud-snapshots.json"])
    }

    @Test func sortedByProviderKindId() {
        let keys = inventory.resources.map { [$0.provider, $0.kind.rawValue, $0.id] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(inventory.resources.first?.id == "eipalloc-015fb64256c31de45")   // aws address, smallest id
        #expect(inventory.resources.last?.id == "snapshot-ci-3")                 // gcp snapshot, largest name
    }

    @Test func awsVolumes() throws {
        let attached = try resource("vol-0987fc91e855cdff8")
        #expect(attached == CloudResource(
            provider: "aws", kind: .volume, id: "vol-0987fc91e855cdff8", location: "eu-west-1a", storageType: "gp3",
            sizeGB: 500, createdAt: utc(2026, 7, 4, 6, 45, 52), inUse: true, state: "in-use",
            source: "aws-describe-volumes.json"))

        let unattached = try resource("vol-0c9de48fdff113a1e")
        #expect(!unattached.inUse)
        #expect(unattached.state == "available")
        #expect(unattached.sizeGB == 1000)
        #expect(unattached.storageType == "gp3")
        #expect(unattached.location == "us-west-2a")
        #expect(unattached.createdAt == utc(2026, 3, 24, 10, 59, 7))

        #expect(try resource("vol-0cf69ce4e86da070c").storageType == "standard")
        #expect(try resource("vol-0cf69ce4e86da070c").sizeGB == 50)
        #expect(try resource("vol-0ef828079a78b6244").storageType == "st1")
        #expect(try resource("vol-0b7fe7f406d951908").storageType == "sc1")

        // Five have an empty `Attachments` and state `available`; five are attached.
        #expect(Set(resources("aws", .volume).filter { !$0.inUse }.map(\.id)) == [
            "vol-0c9de48fdff113a1e", "vol-0212e03bdad28d47a", "vol-0ef512c58c835156f",
            "vol-0b7fe7f406d951908", "vol-0cf69ce4e86da070c",
        ])
        #expect(Set(resources("aws", .volume).map { $0.storageType ?? "?" }) == ["gp3", "gp2", "io1", "st1", "sc1", "standard"])
    }

    @Test func awsSnapshots() throws {
        let snapshots = resources("aws", .snapshot)
        #expect(snapshots.filter(\.inUse).isEmpty)
        #expect(Set(snapshots.map(\.state)) == ["completed"])
        #expect(snapshots.compactMap(\.storageType).isEmpty)
        let sizes: [Double] = snapshots.compactMap(\.sizeGB)
        #expect(sizes.sorted() == [50, 100, 200, 250, 300, 500, 1000, 2000])

        let recent = try resource("snap-0b646b8b92e16d12e")
        #expect(recent.sizeGB == 500)
        #expect(recent.createdAt == utc(2026, 10, 18, 9))
        let oldest = try resource("snap-0c89b34b678e57905")
        #expect(oldest.sizeGB == 250)
        #expect(oldest.createdAt == utc(2025, 9, 25, 6))
        let largest = try resource("snap-093dfbccd465620da")
        #expect(largest.sizeGB == 2000)
        #expect(largest.createdAt == utc(2026, 4, 13, 11))
    }

    @Test func awsAddresses() throws {
        let addresses = resources("aws", .address)
        #expect(Set(addresses.map(\.location)) == ["us-west-2"])
        #expect(addresses.compactMap(\.createdAt).isEmpty)
        #expect(addresses.compactMap(\.sizeGB).isEmpty)
        #expect(Set(addresses.filter { !$0.inUse }.map(\.id)) == ["eipalloc-0f45c38116156e64b", "eipalloc-042785cffcd3db4dc"])
        #expect(Set(addresses.filter(\.inUse).map(\.id)) == [
            "eipalloc-0602006118dad9c40", "eipalloc-015fb64256c31de45", "eipalloc-0b0f22bc2d7643d08",
        ])
        #expect(try resource("eipalloc-0f45c38116156e64b").state == "unassociated")
        #expect(try resource("eipalloc-0602006118dad9c40").state == "associated")
    }

    @Test func gcpDisks() throws {
        let inUse = try resource("ci-runner-0-ec49")
        #expect(inUse == CloudResource(
            provider: "gcp", kind: .disk, id: "ci-runner-0-ec49", location: "us-central1-a", storageType: "pd-balanced",
            sizeGB: 200, createdAt: utc(2026, 10, 18, 12), inUse: true, state: "READY", source: "gcloud-disks.json"))

        let detached = try resource("ci-runner-2-6123")
        #expect(!detached.inUse)
        #expect(detached.sizeGB == 1000)
        #expect(detached.storageType == "pd-standard")
        #expect(detached.location == "us-east4-c")
        #expect(detached.createdAt == utc(2026, 3, 13, 12))   // 04:00 at -08:00

        #expect(try resource("ci-runner-1-1596").storageType == "pd-ssd")
        #expect(Set(resources("gcp", .disk).filter { !$0.inUse }.map(\.id)) == ["ci-runner-1-1596", "ci-runner-2-6123", "ci-runner-4-5063"])
    }

    @Test func gcpSnapshotsUseStorageBytes() throws {
        // storageBytes 53687091200 = 50 × 2^30: billed 50 GB, not the 200 GB source disk.
        let first = try resource("snapshot-ci-0")
        #expect(first == CloudResource(
            provider: "gcp", kind: .snapshot, id: "snapshot-ci-0", location: "us", storageType: nil,
            sizeGB: 50, createdAt: utc(2026, 10, 20, 12), inUse: false, state: "READY", source: "gcloud-snapshots.json"))
        #expect(try resource("snapshot-ci-1").sizeGB == 100)
        #expect(try resource("snapshot-ci-2").sizeGB == 20)
        #expect(try resource("snapshot-ci-2").createdAt == utc(2026, 1, 3, 12))
        #expect(try resource("snapshot-ci-3").sizeGB == 300)
    }

    @Test func gcpAddresses() throws {
        let reserved = try resource("ci-egress-1")
        #expect(reserved == CloudResource(
            provider: "gcp", kind: .address, id: "ci-egress-1", location: "us-central1", storageType: "external",
            sizeGB: nil, createdAt: utc(2026, 9, 10, 12), inUse: false, state: "RESERVED", source: "gcloud-addresses.json"))
        let used = try resource("ci-egress-0")
        #expect(used.inUse)
        #expect(used.state == "IN_USE")
        #expect(used.location == "europe-west4")
        #expect(Set(resources("gcp", .address).filter { !$0.inUse }.map(\.id)) == ["ci-egress-1", "ci-egress-3"])
    }
}
