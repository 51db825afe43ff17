// swift-tools-version:6.0
// costreport: benchmarks.db + pricing catalog -> cost reports (Markdown) -> static HTML site.
// Modules depend only forward (ingest -> analysis -> render -> site -> CLI), so a backward
// import does not compile. Each third-party library is imported by exactly one module, except
// where a comment below says why not.
import PackageDescription

let package = Package(
    name: "costreport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "costreport", targets: ["costreport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Value types shared by every stage: records, catalog, config, days, periods, report model.
        .target(name: "CostModel"),
        // Reading the outside world: SQLite (GRDB), YAML config and catalog (Yams).
        .target(name: "CostIngest", dependencies: [
            "CostModel",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
        ], resources: [.copy("Resources/catalog.yml")]),
        // The demo: a deterministic benchmarks.db in the team's schema. It writes the database that
        // CostIngest reads (ingest only reads), so it is GRDB's second importer, on purpose.
        .target(name: "CostDemo", dependencies: [
            "CostModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Pure: Dataset + Catalog + Config -> Report. No files, no clock.
        .target(name: "CostAnalysis", dependencies: ["CostModel"]),
        // Report -> Markdown (Mustache) -> HTML (cmark-gfm).
        .target(name: "CostRender", dependencies: [
            "CostModel", "CostAnalysis", "CCmarkGFM",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // Pages -> files, written atomically into the output folder.
        .target(name: "CostSite", dependencies: ["CostModel", "CostAnalysis", "CostRender"]),
        .executableTarget(name: "costreport", dependencies: [
            "CostModel", "CostIngest", "CostAnalysis", "CostRender", "CostSite", "CostDemo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Helpers shared by the test targets, used by nothing else (never linked into the tool).
        // It imports GRDB, a test-only exception to one importer per library: the tests write
        // arbitrary SQL and hold transactions open as the team's Python writer does, which neither
        // CostIngest (read-only) nor the demo's writer (generated rows only) offers.
        .target(name: "CostTestSupport", dependencies: [
            "CostModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], path: "Tests/CostTestSupport"),
        .testTarget(name: "CostModelTests", dependencies: ["CostModel"]),
        .testTarget(name: "CostIngestTests", dependencies: ["CostModel", "CostIngest", "CostTestSupport"]),
        .testTarget(name: "CostDemoTests", dependencies: ["CostModel", "CostDemo", "CostTestSupport"]),
        .testTarget(name: "CostAnalysisTests", dependencies: ["CostModel", "CostIngest", "CostAnalysis", "CostTestSupport"]),
        .testTarget(name: "CostRenderTests", dependencies: ["CostModel", "CostAnalysis", "CostRender", "CostTestSupport"]),
        .testTarget(name: "CostSiteTests", dependencies: ["CostModel", "CostAnalysis", "CostRender", "CostSite", "CostTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["costreport", "CostTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
