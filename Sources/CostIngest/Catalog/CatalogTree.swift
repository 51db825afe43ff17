import Yams

/// A catalog file as a tree of keyed maps and leaf values, each remembering the file it came
/// from, so the bundled catalog and a user's override can be merged key by key and any later
/// validation error names the file that supplied the bad value.
indirect enum CatalogTree {
    /// Keys lower-cased (catalog names are case-insensitive: `P4D.24xlarge` is `p4d.24xlarge`).
    case map([(key: String, value: CatalogTree)], origin: String)
    /// A scalar or a list (`spot: [10, 15]` is replaced whole, never merged element by element).
    case leaf(Node, origin: String)

    init(_ node: Node, reader: YAMLReader, path: String = "") throws {
        guard case .mapping = node else {
            self = .leaf(node, origin: reader.file)
            return
        }
        let entries = try reader.entries(node, path: path.isEmpty ? "(top level)" : path, expected: "a mapping")
        self = .map(try entries.map { key, value in
            let key = key.lowercased()
            return (key, try CatalogTree(value, reader: reader, path: YAMLReader.join(path, key)))
        }, origin: reader.file)
    }

    var origin: String {
        switch self {
        case .map(_, let origin), .leaf(_, let origin): return origin
        }
    }

    subscript(key: String) -> CatalogTree? {
        guard case .map(let entries, _) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// `override` merged over `self`: maps merge key by key, anything else replaces, a null
    /// removes. Every key path the override sets is added to `overridden`.
    func merging(_ override: CatalogTree, path: String, overridden: inout Set<String>) -> CatalogTree {
        guard case .map(var entries, let origin) = self, case .map(let changes, _) = override else {
            override.collectLeafPaths(path, into: &overridden)
            return override
        }
        for (key, change) in changes {
            let keyPath = YAMLReader.join(path, key)
            let index = entries.firstIndex { $0.key == key }
            if case .leaf(let node, _) = change, YAMLReader.isNull(node) {
                if let index { entries.remove(at: index) }
                overridden.insert(keyPath)
            } else if let index {
                entries[index].value = entries[index].value.merging(change, path: keyPath, overridden: &overridden)
            } else {
                change.collectLeafPaths(keyPath, into: &overridden)
                entries.append((key, change))
            }
        }
        return .map(entries, origin: origin)
    }

    private func collectLeafPaths(_ path: String, into paths: inout Set<String>) {
        switch self {
        case .leaf: paths.insert(path)
        case .map(let entries, _):
            if entries.isEmpty { paths.insert(path) }
            for (key, value) in entries { value.collectLeafPaths(YAMLReader.join(path, key), into: &paths) }
        }
    }
}
