// swift-tools-version:6.0
// costreport: benchmarks.db + pricing catalog -> cost reports (Markdown) -> static HTML site.
// Modules depend only forward (assets -> ingest -> analysis -> render -> site -> pipeline -> CLI),
// so a backward import does not compile. Each third-party library is imported by exactly one
// module, except where a comment below says why not.
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
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The built-in templates, stylesheet and pricing catalog, compiled into the program by the
        // EmbedAssets build plugin, and the lookup that lets a user folder override them file by file.
        .target(name: "CostAssets", exclude: ["catalog.yml", "pricing.example.yml"], plugins: ["EmbedAssetsPlugin"]),
        .executableTarget(name: "EmbedAssets"),
        .plugin(name: "EmbedAssetsPlugin", capability: .buildTool(), dependencies: ["EmbedAssets"],
                path: "Sources/EmbedAssetsPlugin"),
        // Value types shared by every stage: records, catalog, config, days, periods, report model.
        .target(name: "CostModel"),
        // Reading the outside world: SQLite (GRDB), YAML config and catalog (Yams).
        .target(name: "CostIngest", dependencies: [
            "CostModel", "CostAssets",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // The team's shared store: the benchmarks table read from PostgreSQL (postgres-nio, which
        // re-exports the NIO and NIOSSL types it takes), rows handed to CostIngest's builder as the
        // SQLite reader's are.
        .target(name: "CostPostgres", dependencies: [
            "CostModel", "CostIngest",
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
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
            "CostModel", "CostAnalysis", "CostAssets", "CCmarkGFM",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // Paths and bytes -> the output folder, atomically; the publication log read back.
        .target(name: "CostSite", dependencies: ["CostModel", "CostRender"]),
        // The named stages (load inputs -> ingest -> analyse -> render -> write) and one job per
        // command, as a library: the CLI only parses options, calls a job and prints.
        .target(name: "CostPipeline", dependencies: [
            "CostModel", "CostAssets", "CostIngest", "CostPostgres", "CostAnalysis", "CostRender", "CostSite",
        ]),
        .executableTarget(name: "costreport", dependencies: [
            "CostModel", "CostRender", "CostPipeline", "CostDemo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Helpers shared by the test targets, used by nothing else (never linked into the tool).
        // It imports GRDB, a test-only exception to one importer per library: the tests write
        // arbitrary SQL and hold transactions open as the team's Python writer does, which neither
        // CostIngest (read-only) nor the demo's writer (generated rows only) offers.
        .target(name: "CostTestSupport", dependencies: [
            "CostModel", "CostAssets", "CostRender",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], path: "Tests/CostTestSupport"),
        .testTarget(name: "CostModelTests", dependencies: ["CostModel"]),
        .testTarget(name: "CostIngestTests", dependencies: ["CostModel", "CostIngest", "CostTestSupport"]),
        .testTarget(name: "CostDemoTests", dependencies: ["CostModel", "CostDemo", "CostTestSupport"]),
        .testTarget(name: "CostAnalysisTests", dependencies: ["CostModel", "CostIngest", "CostAnalysis", "CostRender", "CostTestSupport"]),
        .testTarget(name: "CostRenderTests", dependencies: ["CostModel", "CostAnalysis", "CostAssets", "CostRender", "CostTestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "CostSiteTests", dependencies: ["CostModel", "CostAnalysis", "CostRender", "CostSite", "CostTestSupport"]),
        .testTarget(name: "CostAssetsTests", dependencies: ["CostAssets"]),
        .testTarget(name: "CostPostgresTests", dependencies: ["CostIngest", "CostPostgres"]),
        .testTarget(name: "CostPipelineTests", dependencies: [
            "CostModel", "CostAssets", "CostIngest", "CostAnalysis", "CostRender", "CostPipeline", "CostTestSupport",
        ]),
        .testTarget(name: "CLITests", dependencies: ["costreport", "CostTestSupport"], exclude: ["Snapshots", "Goldens"]),
    ],
    swiftLanguageModes: [.v6]
)
