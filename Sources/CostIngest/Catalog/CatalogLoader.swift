import CostAssets
import CostModel
import Foundation

/// Loads the pricing catalog (spec §2): the bundled data file, merged key by key with the
/// user's override file when one is given.
public enum CatalogLoader {
    /// How the bundled file is named in messages.
    static let bundledName = "bundled catalog.yml"

    public static func bundled() throws -> Catalog {
        Catalog(providers: try CatalogDecoder().catalog(from: bundledTree()))
    }

    public static func load(overridePath: String?) throws -> Catalog {
        guard let overridePath else { return try bundled() }
        guard FileManager.default.fileExists(atPath: overridePath) else {
            throw IngestError("pricing file not found: \(overridePath) — pass --pricing PATH to a catalog override, or leave it out to use the bundled prices")
        }
        let text: String
        do {
            text = try String(contentsOfFile: overridePath, encoding: .utf8)
        } catch {
            throw IngestError("cannot read \(overridePath) as UTF-8 text: check the file and its permissions")
        }
        return try merged(overrideYAML: text, file: overridePath)
    }

    /// The bundled catalog with `overrideYAML` merged over it; `file` names it in messages.
    static func merged(overrideYAML: String, file: String) throws -> Catalog {
        let reader = YAMLReader(file: file)
        let base = try bundledTree()
        guard let root = try reader.root(overrideYAML) else { return Catalog(providers: try CatalogDecoder().catalog(from: base)) }
        guard case .mapping = root else {
            throw reader.error("the pricing file must be a mapping of provider (aws, gcp, …) → pricing, like the bundled catalog.yml")
        }
        var overridden = Set<String>()
        let tree = base.merging(try CatalogTree(root, reader: reader), path: "", overridden: &overridden)
        return Catalog(providers: try CatalogDecoder().catalog(from: tree), overriddenKeys: overridden)
    }

    private static func bundledTree() throws -> CatalogTree {
        // Compiled into the program (CostAssets), so no resource bundle is needed at run time.
        let text = BuiltinAssets.catalog
        let reader = YAMLReader(file: bundledName)
        guard let root = try reader.root(text) else {
            throw IngestError("\(bundledName) is empty — rebuild costreport")
        }
        return try CatalogTree(root, reader: reader)
    }
}
