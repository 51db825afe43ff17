/// The assets compiled into the executable by the EmbedAssets build plugin
/// (`BuiltinAssets+Files.swift`, generated from `Templates/` and `catalog.yml` at build time):
/// the program runs from any folder, copied anywhere, with nothing beside it.
public enum BuiltinAssets {
    /// Logical path of the pricing catalog.
    public static let catalogPath = "catalog.yml"
    /// Logical folder of the templates and the stylesheet (`templates/weekly.mustache`).
    public static let templatesFolder = "templates/"

    /// `costreport init`'s starter config: every key of spec §11 with its default, commented.
    public static var starterConfig: String { files.first { $0.path == "starter/costreport.yml" }?.text ?? "" }
    /// `costreport init`'s example of a pricing override.
    public static var pricingExample: String { files.first { $0.path == "starter/pricing.example.yml" }?.text ?? "" }

    /// The bundled pricing catalog (spec §2), as YAML text.
    public static var catalog: String {
        // The plugin always embeds catalog.yml (it is an input of every build), and a test
        // checks it: the empty fallback is unreachable and would fail loudly as "empty catalog".
        files.first { $0.path == catalogPath }?.text ?? ""
    }

    /// The built-in templates and stylesheet, paths relative to the templates folder
    /// (`weekly.mustache`, `partials/budget.mustache`, `style.css`), sorted.
    public static var templates: [(path: String, text: String)] {
        files.compactMap { file in
            file.path.hasPrefix(templatesFolder)
                ? (String(file.path.dropFirst(templatesFolder.count)), file.text) : nil
        }
    }
}
