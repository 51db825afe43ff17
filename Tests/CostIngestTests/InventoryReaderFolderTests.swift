import CostModel
import Foundation
import Testing

@testable import CostIngest

/// Seconds since 1970 of a UTC wall-clock reading, computed independently of the parser.
private func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Double = 0) -> Double {
    Double(Day(year: y, month: mo, day: d).ordinal) * 86_400 + Double(h * 3600 + mi * 60) + s
}

/// Hand-written inventory folders: shape (not name) decides, what is not understood is listed
/// and skipped, and a missing folder is an error that says what to pass.
@Suite struct InventoryReaderFolderTests {
    /// A scratch folder holding `files` (relative path → contents), subfolders created as needed.
    private func folder(_ files: [String: String], name: String = #function) throws -> URL {
        let root = IngestFixtures.scratchFolder(name)
        for (path, text) in files {
            try write(Data(text.utf8), to: path, in: root)
        }
        return root
    }

    private func write(_ data: Data, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    private func error(_ directory: String) -> String? {
        do { _ = try InventoryReader.read(directory: directory) } catch let e as IngestError { return e.message } catch { return "unexpected \(error)" }
        return nil
    }

    static let gcloudDisk = """
        [{"kind": "compute#disk", "name": "scratch-1", "sizeGb": "100",
          "type": "https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/diskTypes/pd-ssd",
          "zone": "https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a",
          "creationTimestamp": "2024-01-02T03:04:05.678-08:00", "status": "READY"}]
        """

    static let awsAddresses = """
        {"Addresses": [
          {"PublicIp": "3.3.3.3", "AllocationId": "eipalloc-1", "Domain": "vpc", "AssociationId": "eipassoc-1"},
          {"PublicIp": "4.4.4.4", "AllocationId": "eipalloc-2", "Domain": "vpc", "InstanceId": ""},
          {"PublicIp": "5.5.5.5", "Domain": "standard", "InstanceId": "i-0abc"}
        ]}
        """

    @Test func shapeNotNameDecides() throws {
        let root = try folder([
            "volumes.json": Self.awsAddresses,                      // named like volumes, holds addresses
            "a/b/c/anything-at-all.json": Self.gcloudDisk,           // nested three deep
            "snapshots/EMPTY.JSON": "[]",                           // gcloud with nothing: recognised
        ])
        let inventory = try InventoryReader.read(directory: root.path)
        #expect(inventory.files == ["a/b/c/anything-at-all.json", "snapshots/EMPTY.JSON", "volumes.json"])
        #expect(inventory.unrecognizedFiles.isEmpty)
        #expect(inventory.resources.map { "\($0.provider)/\($0.kind.rawValue)/\($0.id)" } == [
            "aws/address/5.5.5.5", "aws/address/eipalloc-1", "aws/address/eipalloc-2", "gcp/disk/scratch-1",
        ])
        let disk = try #require(inventory.resources.last)
        #expect(disk.source == "a/b/c/anything-at-all.json")
        #expect(disk.location == "us-central1-a")
        #expect(disk.storageType == "pd-ssd")
        #expect(disk.sizeGB == 100)
        #expect(!disk.inUse)
        #expect(disk.createdAt == utc(2024, 1, 2, 11, 4, 5.678))   // 03:04:05.678 at -08:00

        let byID = Dictionary(uniqueKeysWithValues: inventory.resources.map { ($0.id, $0) })
        #expect(byID["eipalloc-1"]?.inUse == true)
        #expect(byID["eipalloc-2"]?.inUse == false)    // older CLIs print "InstanceId": "" when unassociated
        #expect(byID["5.5.5.5"]?.inUse == true)        // EC2-Classic: no AllocationId, id is the IP
    }

    @Test func unrecognisedFilesAreListedNotFatal() throws {
        let root = try folder([
            "good.json": Self.gcloudDisk,
            "other-tool.json": #"{"items": [1, 2, 3]}"#,
            "instances.json": #"[{"kind": "compute#instance", "name": "vm-1"}]"#,
            "half.json": #"[{"kind": "compute#disk", "name": "d1", "sizeGb": "10", "zone": "z"}, {"hello": 1}]"#,
            "broken.json": "{\"Volumes\": [",
            "text.json": "this is not JSON",
            "empty.json": "",
            "null.json": "null",
            "docker.json": #"{"Volumes": {"/data": {}}}"#,                  // a key named Volumes is not enough
            "badsize.json": #"{"Volumes": [{"VolumeId": "vol-1", "Size": "big", "AvailabilityZone": "z"}]}"#,
            "baddate.json": #"{"Snapshots": [{"SnapshotId": "snap-1", "VolumeSize": 8, "StartTime": "yesterday"}]}"#,
            "noid.json": #"{"Volumes": [{"Size": 8, "AvailabilityZone": "z"}]}"#,
            "notes.txt": "ignored: not .json",
            ".hidden.json": "[not even json",
            "sub/._good.json": "\u{0}\u{5}\u{16}\u{7}",                      // macOS AppleDouble copy
        ])
        let inventory = try InventoryReader.read(directory: root.path)
        #expect(inventory.files == ["good.json"])
        #expect(inventory.unrecognizedFiles == [
            "baddate.json", "badsize.json", "broken.json", "docker.json", "empty.json", "half.json",
            "instances.json", "noid.json", "null.json", "other-tool.json", "text.json",
        ])
        #expect(inventory.resources.map(\.id) == ["scratch-1"])   // nothing from a half-matching file
    }

    @Test func emptyListsAreRecognised() throws {
        let root = try folder([
            "gcp.json": "[]\n",
            "aws.json": #"{"Volumes": [], "NextToken": null}"#,
        ])
        let inventory = try InventoryReader.read(directory: root.path)
        #expect(inventory == Inventory(resources: [], files: ["aws.json", "gcp.json"], unrecognizedFiles: []))
    }

    @Test func emptyFolder() throws {
        let root = try folder([:])
        #expect(try InventoryReader.read(directory: root.path) == Inventory())
    }

    @Test func awsTimestampsWithZOrOffset() throws {
        let root = try folder([
            "v.json": """
                {"Volumes": [
                  {"VolumeId": "vol-a", "Size": 8, "VolumeType": "gp3", "State": "available", "Attachments": [],
                   "AvailabilityZone": "us-east-1a", "CreateTime": "2025-03-01T10:20:30.000Z"},
                  {"VolumeId": "vol-b", "Size": 8, "VolumeType": "GP2", "State": "in-use", "Attachments": [],
                   "AvailabilityZone": "us-east-1a", "CreateTime": "2025-03-01T10:20:30+00:00"},
                  {"VolumeId": "vol-c", "Size": 8, "VolumeType": "io2", "State": "available",
                   "Attachments": [{"InstanceId": "i-1", "State": "attaching"}],
                   "AvailabilityZone": "us-east-1a", "CreateTime": "2025-03-01T12:20:30.250+02:00"}
                ]}
                """,
        ])
        let volumes = try InventoryReader.read(directory: root.path).resources
        #expect(volumes.map(\.id) == ["vol-a", "vol-b", "vol-c"])
        #expect(volumes[0].createdAt == utc(2025, 3, 1, 10, 20, 30))
        #expect(volumes[1].createdAt == utc(2025, 3, 1, 10, 20, 30))
        #expect(volumes[2].createdAt == utc(2025, 3, 1, 10, 20, 30.25))
        #expect(volumes.map(\.inUse) == [false, true, true])      // state in-use, or any attachment
        #expect(volumes[1].storageType == "gp2")                  // lower-cased like the catalog keys
    }

    @Test func gcloudWithoutKindIsRecognisedByKeys() throws {
        let root = try folder([
            "x.json": """
                [{"name": "d", "sizeGb": "20", "zone": "europe-west4-b", "type": "pd-balanced", "users": ["vm"]},
                 {"name": "s", "diskSizeGb": "200", "sourceDisk": "zones/z/disks/d", "creationTimestamp": "2024-01-02T03:04:05.678-08:00"},
                 {"name": "a", "address": "1.2.3.4", "addressType": "EXTERNAL", "status": "RESERVED"},
                 {"name": "g", "address": "5.6.7.8", "status": "IN_USE"}]
                """,
        ])
        let byID = Dictionary(uniqueKeysWithValues: try InventoryReader.read(directory: root.path).resources.map { ($0.id, $0) })
        let d = try #require(byID["d"]), s = try #require(byID["s"]), a = try #require(byID["a"]), g = try #require(byID["g"])
        #expect(d.kind == .disk)
        #expect(d.inUse)
        #expect(d.location == "europe-west4-b")
        #expect(d.storageType == "pd-balanced")
        #expect(d.sizeGB == 20)
        #expect(s.kind == .snapshot)
        #expect(s.sizeGB == 200)                 // no storageBytes: diskSizeGb
        #expect(s.createdAt == utc(2024, 1, 2, 11, 4, 5.678))
        #expect(a.kind == .address)
        #expect(!a.inUse)
        #expect(a.state == "RESERVED")
        #expect(g.inUse)
        #expect(g.location == "global")          // a global address has no region
    }

    @Test func gcloudRegionalDiskAndSingleDescribe() throws {
        let root = try folder([
            "regional.json": """
                [{"kind": "compute#disk", "name": "rd", "sizeGb": "10",
                  "region": "https://www.googleapis.com/compute/v1/projects/p/regions/us-east1",
                  "type": "https://www.googleapis.com/compute/v1/projects/p/regions/us-east1/diskTypes/pd-balanced"}]
                """,
            "describe.json": #"{"kind": "compute#snapshot", "name": "one", "storageBytes": "1073741824"}"#,
        ])
        let inventory = try InventoryReader.read(directory: root.path)
        #expect(inventory.files == ["describe.json", "regional.json"])
        let byID = Dictionary(uniqueKeysWithValues: inventory.resources.map { ($0.id, $0) })
        let regional = try #require(byID["rd"]), one = try #require(byID["one"])
        #expect(regional.location == "us-east1")
        #expect(!regional.inUse)
        #expect(regional.createdAt == nil)
        #expect(one.kind == .snapshot)
        #expect(one.sizeGB == 1)                 // 2^30 bytes
        #expect(one.location == "")
    }

    @Test func theSameResourceInTwoFilesCountsOnce() throws {
        let root = try folder(["b/copy.json": Self.gcloudDisk, "a/original.json": Self.gcloudDisk])
        let inventory = try InventoryReader.read(directory: root.path)
        #expect(inventory.files == ["a/original.json", "b/copy.json"])
        #expect(inventory.resources.count == 1)
        #expect(inventory.resources.first?.source == "a/original.json")
    }

    @Test func byteOrderMarks() throws {
        let root = IngestFixtures.scratchFolder()
        try write(Data([0xEF, 0xBB, 0xBF]) + Data(Self.gcloudDisk.utf8), to: "utf8.json", in: root)
        var utf16 = Data([0xFF, 0xFE])
        for unit in Self.awsAddresses.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        try write(utf16, to: "powershell.json", in: root)
        let inventory = try InventoryReader.read(directory: root.path)
        #expect(inventory.files == ["powershell.json", "utf8.json"])
        #expect(inventory.resources.count == 4)
    }

    @Test func filesAreReadInPathOrder() throws {
        let root = try folder(["z.json": "[]", "a.json": "[]", "m/b.json": "[]", "m.json": "[]", "B.json": "[]"])
        #expect(try InventoryReader.read(directory: root.path).files == ["B.json", "a.json", "m.json", "m/b.json", "z.json"])
    }

    @Test func missingFolderIsAnError() throws {
        let missing = IngestFixtures.scratchFolder().appendingPathComponent("no-such-inventory").path
        let message = try #require(error(missing))
        #expect(message.hasPrefix("inventory folder not found: \(missing) — pass --inventory DIR"))
        #expect(message.contains("aws ec2 describe-volumes"))
        #expect(message.contains("gcloud compute disks|snapshots|addresses list --format=json"))

        let root = try folder(["file.json": "[]"])
        let file = root.appendingPathComponent("file.json").path
        let notFolder = try #require(error(file))
        #expect(notFolder.hasPrefix("inventory path is not a folder: \(file) — pass --inventory DIR"))
    }
}
