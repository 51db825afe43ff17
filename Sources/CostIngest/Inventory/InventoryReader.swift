import CostModel
import Foundation

/// Reads `--inventory DIR` (spec §7 item 10): the JSON that `aws ec2 describe-volumes |
/// describe-snapshots | describe-addresses` and `gcloud compute disks | snapshots | addresses list
/// --format=json` print, saved as files in any layout and under any names.
///
/// Each file is recognised by its shape, never its name (`InventoryShape`). A file that is not
/// JSON, or is JSON of no known shape, or has an element of the right shape with a wrong value
/// (an id missing, a size that is not a number, a date that is not a date), is listed in
/// `unrecognizedFiles` and contributes nothing: a file is read whole or not at all.
public enum InventoryReader {
    static let usage = "pass --inventory DIR, a folder with the JSON printed by aws ec2 describe-volumes|describe-snapshots|describe-addresses --output json or gcloud compute disks|snapshots|addresses list --format=json"

    /// Reads every `.json` file under `directory` (recursively, sorted by path), recognising each
    /// by its SHAPE, not its name.
    ///
    /// - `files` and `unrecognizedFiles` hold paths relative to `directory` (`/`-separated),
    ///   in path order; each resource's `source` is the same relative path.
    /// - Hidden files and folders (a leading `.`: editor backups, macOS `._x.json` copies) are
    ///   skipped; the `.json` suffix is matched case-insensitively.
    /// - A resource listed by two files (the same output saved twice) is kept once, from the
    ///   first file in path order, so its cost is not counted twice.
    /// - Resources are sorted by provider, kind, id (then source).
    public static func read(directory: String) throws -> Inventory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw IngestError("inventory folder not found: \(directory) — \(usage)")
        }
        guard isDirectory.boolValue else {
            throw IngestError("inventory path is not a folder: \(directory) — \(usage)")
        }
        let root = URL(fileURLWithPath: directory, isDirectory: true)

        var inventory = Inventory()
        var seen = Set<String>()
        for relative in try jsonFiles(under: root) {
            let url = root.appendingPathComponent(relative)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw IngestError("cannot read \(url.path): check the file and its permissions")
            }
            guard let json = InventoryJSON.parse(data),
                  let items = InventoryDocument.items(in: json, source: relative) else {
                inventory.unrecognizedFiles.append(relative)
                continue
            }
            inventory.files.append(relative)
            for item in items where seen.insert(item.identity).inserted {
                inventory.resources.append(item.resource)
            }
        }
        inventory.resources.sort(by: order)
        return inventory
    }

    static func order(_ a: CloudResource, _ b: CloudResource) -> Bool {
        (a.provider, a.kind.rawValue, a.id, a.source) < (b.provider, b.kind.rawValue, b.id, b.source)
    }

    /// Relative paths of the `.json` files under `root`, sorted. Follows symbolic links but
    /// visits each real folder once, so a link loop cannot recurse forever.
    static func jsonFiles(under root: URL) throws -> [String] {
        let fm = FileManager.default
        var found: [String] = []
        var visited = Set<String>()

        func walk(_ folder: URL, prefix: String) throws {
            guard visited.insert(folder.resolvingSymlinksInPath().path).inserted else { return }
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw IngestError("cannot list \(folder.path): check the folder and its permissions")
            }
            for name in names where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }   // dangling link
                if isDirectory.boolValue {
                    try walk(url, prefix: relative)
                } else if name.lowercased().hasSuffix(".json") {
                    found.append(relative)
                }
            }
        }

        try walk(root, prefix: "")
        return found.sorted()
    }
}
