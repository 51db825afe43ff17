import CostModel
import Foundation
import Testing

@testable import CostIngest

/// The bundled catalog holds spec §2's data; an override merges key by key and is validated.
@Suite struct CatalogLoaderTests {
    private var bundled: Catalog { IngestFixtures.catalog }

    private func merged(_ yaml: String) throws -> Catalog {
        try CatalogLoader.merged(overrideYAML: yaml, file: "prices.yml")
    }

    private func error(_ yaml: String) -> String? {
        do { _ = try merged(yaml) } catch let e as IngestError { return e.message } catch { return "unexpected \(error)" }
        return nil
    }

    @Test func bundledHasEverySpecPrice() throws {
        let expected: [(String, String, Double, Accelerator)] = [
            ("aws", "p5.48xlarge", 98.32, .gpu), ("aws", "p4d.24xlarge", 32.77, .gpu), ("aws", "p4de.24xlarge", 40.96, .gpu),
            ("aws", "g5.xlarge", 1.006, .gpu), ("aws", "g5.4xlarge", 1.62, .gpu), ("aws", "g5.12xlarge", 5.672, .gpu),
            ("aws", "c6i.8xlarge", 1.36, .cpu),
            ("gcp", "a3-highgpu-8g", 98.32, .gpu), ("gcp", "a2-highgpu-1g", 3.67, .gpu), ("gcp", "a2-highgpu-2g", 7.35, .gpu),
            ("gcp", "a2-highgpu-4g", 14.69, .gpu), ("gcp", "a2-highgpu-8g", 29.39, .gpu), ("gcp", "a2-ultragpu-1g", 5.00, .gpu),
            ("gcp", "a2-ultragpu-8g", 40.00, .gpu), ("gcp", "g2-standard-4", 0.84, .gpu), ("gcp", "g2-standard-24", 2.52, .gpu),
            ("gcp", "n2-standard-32", 1.52, .cpu), ("gcp", "v5litepod-1", 1.20, .tpu), ("gcp", "v5litepod-4", 4.80, .tpu),
            ("gcp", "v5litepod-8", 9.60, .tpu), ("gcp", "v5litepod-16", 19.20, .tpu), ("gcp", "v5p-8", 12.00, .tpu),
            ("gcp", "v6e-1", 2.40, .tpu),
        ]
        for (provider, type, price, accelerator) in expected {
            let i = try #require(bundled.instance(provider, type), "\(provider) \(type)")
            #expect(i.onDemand == price && i.accelerator == accelerator, "\(type)")
        }
        #expect(bundled.providers.values.map(\.instances.count).reduce(0, +) == expected.count)
        #expect(bundled.overriddenKeys.isEmpty)

        let aws = try #require(bundled.providers["aws"]), gcp = try #require(bundled.providers["gcp"])
        #expect(aws.spotDiscount == PriceRange(low: 0.60, high: 0.70) && gcp.spotDiscount == PriceRange(0.70))
        #expect(aws.commitments == ["1y": PriceRange(low: 0.30, high: 0.40), "3y": PriceRange(low: 0.50, high: 0.60)])
        #expect(gcp.commitments == ["1y": PriceRange(0.37), "3y": PriceRange(0.55)])
        #expect(aws.storagePerGBMonth == ["gp3": 0.08, "gp2": 0.10, "io1": 0.125, "st1": 0.045, "sc1": 0.015,
                                          "standard": 0.05, "snapshot": 0.05])
        #expect(gcp.storagePerGBMonth == ["pd-standard": 0.04, "pd-balanced": 0.10, "pd-ssd": 0.17, "snapshot": 0.05])
        #expect(aws.idleAddressPerHour == 0.005 && gcp.idleAddressPerHour == 0.01)

        #expect(bundled.instance("aws", "p5.48xlarge")?.spot == PriceRange(low: 29, high: 40))
        #expect(bundled.instance("aws", "p4d.24xlarge")?.spot == PriceRange(low: 10, high: 15))
        #expect(bundled.instance("aws", "g5.xlarge")?.spot == PriceRange(low: 0.30, high: 0.40))
        #expect(bundled.instance("gcp", "a3-highgpu-8g")?.spot == PriceRange(29.50))
        #expect(bundled.instance("gcp", "a2-highgpu-1g")?.spot == PriceRange(1.10))
        #expect(bundled.instance("gcp", "g2-standard-4")?.spot == PriceRange(0.25))
        #expect(bundled.instance("gcp", "v5litepod-8")?.spot == PriceRange(2.88))
        #expect(bundled.instance("aws", "p4d.24xlarge")?.regions == ["us-east-2": 32.77, "us-west-2": 32.77, "eu-west-1": 35.92])
        #expect(bundled.instance("gcp", "a2-highgpu-1g")?.regions == ["us-central1": 3.67, "us-east4": 3.67, "europe-west4": 4.03])
    }

    @Test func noOverrideIsTheBundledCatalog() throws {
        #expect(try CatalogLoader.load(overridePath: nil) == bundled)
        #expect(try merged("# nothing yet\n") == bundled)
    }

    @Test func overrideChangesOnlyTheKeysItSets() throws {
        let catalog = try merged("""
            aws:
              instances:
                p4d.24xlarge:
                  on_demand: 30.00
                  regions: {us-east-1: 31.5}
                g6.xlarge: {on_demand: 0.805, spot: [0.25, 0.3], accelerator: GPU}
            gcp:
              spot_discount: 0.65
            """)
        let p4d = try #require(catalog.instance("aws", "p4d.24xlarge"))
        #expect(p4d.onDemand == 30)
        #expect(p4d.spot == PriceRange(low: 10, high: 15))                          // kept
        #expect(p4d.regions == ["us-east-2": 32.77, "us-west-2": 32.77, "eu-west-1": 35.92, "us-east-1": 31.5])
        #expect(catalog.instance("aws", "g6.xlarge") == InstancePricing(onDemand: 0.805, spot: PriceRange(low: 0.25, high: 0.3), accelerator: .gpu))
        #expect(catalog.providers["gcp"]?.spotDiscount == PriceRange(0.65))
        #expect(catalog.providers["gcp"]?.commitments == bundled.providers["gcp"]?.commitments)
        #expect(catalog.overriddenKeys == [
            "aws.instances.p4d.24xlarge.on_demand", "aws.instances.p4d.24xlarge.regions.us-east-1",
            "aws.instances.g6.xlarge.on_demand", "aws.instances.g6.xlarge.spot", "aws.instances.g6.xlarge.accelerator",
            "gcp.spot_discount",
        ])
        var untouched = catalog
        untouched.providers["aws"]?.instances["p4d.24xlarge"] = bundled.instance("aws", "p4d.24xlarge")
        untouched.providers["aws"]?.instances["g6.xlarge"] = nil
        untouched.providers["gcp"]?.spotDiscount = bundled.providers["gcp"]?.spotDiscount
        untouched.overriddenKeys = []
        #expect(untouched == bundled)
    }

    @Test func aNullRemovesAKey() throws {
        let catalog = try merged("gcp:\n  instances:\n    v5litepod-8: {spot: ~}\n")
        #expect(catalog.instance("gcp", "v5litepod-8")?.spot == nil)
        #expect(catalog.overriddenKeys == ["gcp.instances.v5litepod-8.spot"])
    }

    @Test func overrideFileFromDisk() throws {
        let folder = IngestFixtures.scratchFolder()
        let path = folder.appendingPathComponent("prices.yml").path
        try "aws:\n  instances:\n    g5.xlarge: {on_demand: 1.1}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CatalogLoader.load(overridePath: path).instance("aws", "g5.xlarge")?.onDemand == 1.1)
        #expect(throws: IngestError.self) { try CatalogLoader.load(overridePath: folder.appendingPathComponent("none.yml").path) }
    }

    @Test func validationNamesFileKeyAndProblem() {
        #expect(error("aws:\n  instances:\n    g5.xlarge: {on_demand: -1}\n") ==
                "prices.yml: 'aws.instances.g5.xlarge.on_demand' must not be negative, got '-1'")
        #expect(error("aws:\n  instances:\n    g5.xlarge: {on_demand: 0.2}\n") ==
                "prices.yml: 'aws.instances.g5.xlarge.spot' (0.3–0.4) is above its on_demand price (0.2)")
        #expect(error("aws:\n  instances:\n    x1: {on_demand: 1, accelerator: fpga}\n") ==
                "prices.yml: 'aws.instances.x1.accelerator' must be gpu, tpu or cpu, got 'fpga'")
        #expect(error("aws:\n  instances:\n    g5.xlarge: {ondemand: 1}\n") ==
                "prices.yml: unknown key 'aws.instances.g5.xlarge.ondemand' (known: on_demand, spot, regions, accelerator)")
        #expect(error("aws:\n  spot_discounts: 0.5\n")?.hasPrefix("prices.yml: unknown key 'aws.spot_discounts' (known: spot_discount,") == true)
        #expect(error("aws:\n  instances:\n    x1: {on_demand: 1}\n") ==
                "prices.yml: 'aws.instances.x1' needs accelerator (a new instance gives on_demand and accelerator at least)")
        #expect(error("aws:\n  instances:\n    g5.xlarge: {on_demand: cheap}\n") ==
                "prices.yml: 'aws.instances.g5.xlarge.on_demand' must be a number, got 'cheap'")
        #expect(error("aws:\n  commitments: {1y: 1.2}\n")?.contains("'aws.commitments.1y' is a discount") == true)
        #expect(error("aws:\n  instances:\n    g5.xlarge: {spot: [0.4, 0.3]}\n")?.contains("low ≤ high") == true)
        #expect(error("aws: [1, 2]\n") == "prices.yml: 'aws' must be a mapping of provider settings, got a list")
        #expect(error("aws:\n  instances: {\n")?.hasPrefix("prices.yml: YAML syntax error at line") == true)
    }
}
