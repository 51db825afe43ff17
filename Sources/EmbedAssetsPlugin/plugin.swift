// Compiles the built-in assets into CostAssets: every file of the package's Templates/ folder
// (as `templates/RELATIVE`), catalog.yml and the starter files of `costreport init`, through the
// EmbedAssets tool. The inputs are declared, so editing a template regenerates the file.
import Foundation
import PackagePlugin

@main
struct EmbedAssetsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let package = context.package.directoryURL
        // The catalog, and the starter files `costreport init` writes (the example config is the
        // documented one in docs/, tested to state exactly the defaults).
        var inputs: [(name: String, url: URL)] = [
            ("catalog.yml", package.appending(path: "Sources/CostAssets/catalog.yml")),
            ("starter/costreport.yml", package.appending(path: "docs/costreport.example.yml")),
            ("starter/pricing.example.yml", package.appending(path: "Sources/CostAssets/pricing.example.yml")),
        ]
        let base = templates.standardizedFileURL.path
        if let walker = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let path = url.standardizedFileURL.path
                guard path.hasPrefix(base + "/") else { continue }
                let relative = String(path.dropFirst(base.count + 1))
                // Editor droppings and hidden files are not assets.
                guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasSuffix("~") }) else { continue }
                inputs.append(("templates/" + relative, url))
            }
        }
        inputs.sort { $0.name < $1.name }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinAssets+Files.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) built-in assets",
            executable: try context.tool(named: "EmbedAssets").url,
            arguments: [output.path] + inputs.map { "\($0.name)=\($0.url.path)" },
            inputFiles: inputs.map(\.url),
            outputFiles: [output])]
    }
}
