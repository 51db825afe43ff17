import Foundation
import Testing

/// Savings, the checklist and the methodology through the real program: the JSON keys of spec
/// §10, the pricing override marked on the Methodology page, and `--inventory`.
@Suite(.serialized) struct SavingsPagesTests {
    let templates = CLIRunner.packageRoot.appendingPathComponent("Templates").path

    /// 13 weeks of demo data: full months 2026-09 and 2026-10 for the reserved-capacity analysis.
    func workspace() throws -> URL {
        let dir = try CLIRunner.scratch()
        let demo = try CLIRunner.run(["demo", "--records", "800", "--weeks", "13", "--end-date", "2026-11-27"], in: dir)
        #expect(demo.status == 0, "\(demo.stderr)")
        return dir
    }

    func text(_ dir: URL, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: dir.appendingPathComponent(path)), as: UTF8.self)
    }

    @Test func jsonCarriesOpportunitiesChecklistAndUnusedResources() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["report", "--period", "2026-11", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])

        let o = try #require(object["opportunities"] as? [String: Any])
        for key in ["spot", "right_size", "region", "combined", "off_peak_share", "reserved"] {
            #expect(o.keys.contains(key), "opportunities.\(key) missing")
        }
        for key in ["spot", "right_size", "region", "combined"] {
            let one = try #require(o[key] as? [String: Any])
            #expect(one["potential"] is Double, "\(key).potential")
            #expect(one["share"] is Double, "\(key).share")
            #expect(one["records"] is Int, "\(key).records")
        }
        #expect(o["off_peak_share"] is Double)
        let reserved = try #require(o["reserved"] as? [[String: Any]])
        #expect(!reserved.isEmpty, "the demo has on-demand hours in full months")
        for row in reserved {
            for key in ["provider", "instance_type", "months", "mean_hours", "utilization", "term", "break_even", "monthly_savings"] {
                #expect(row.keys.contains(key), "reserved.\(key) missing")
            }
        }

        let checklist = try #require(object["checklist"] as? [[String: Any]])
        #expect(checklist.map { $0["id"] as? Int } == (1...10).map { $0 })
        for item in checklist {
            for key in ["id", "title", "status", "value", "detail"] {
                #expect(item.keys.contains(key), "checklist.\(key) missing")
            }
            #expect(["done", "partial", "todo", "unknown", "declared"].contains(item["status"] as? String ?? ""))
        }

        let unused = try #require(object["unused_resources"] as? [String: Any])
        #expect(unused["inventory_given"] as? Bool == false)
        #expect((unused["items"] as? [Any])?.isEmpty == true)
    }

    @Test func weeklyMonthlyAndIndexHaveTheSavingsSection() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let build = try CLIRunner.run(["build", "--templates", templates, "-q"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        for page in ["site/weeks/2026-W48.md", "site/months/2026-11.md", "site/index.html"] {
            let body = try text(dir, page)
            #expect(body.contains("Savings versus on-demand"), "\(page)")
            #expect(body.contains("Reserved capacity"), "\(page)")
            #expect(body.contains("Off-peak share"), "\(page)")
        }
        let index = try text(dir, "site/index.html")
        #expect(index.contains("Cost-reduction checklist"))
        #expect(index.contains("10 items:"))
    }

    @Test func pricingOverridesAreMarkedOnTheMethodologyPage() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("""
            aws:
              instances:
                P4D.24xlarge:
                  on_demand: 30.10
                  regions: {us-west-2: 30.10}
            gcp:
              commitments:
                1y: 0.40
              instances:
                a2-highgpu-1g: {spot: 1.05}
            """.utf8).write(to: dir.appendingPathComponent("prices.yml"))
        let plain = try CLIRunner.run(["build", "--templates", templates, "-q", "--out", "plain"], in: dir)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!(try text(dir, "plain/methodology.html")).contains("overridden"))

        let r = try CLIRunner.run(["build", "--templates", templates, "-q", "--pricing", "prices.yml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let md = try text(dir, "site/methodology.md")
        #expect(md.contains("| p4d.24xlarge | gpu | $30.10 **overridden** | $10.00–$15.00 (midpoint $12.50) | eu-west-1 $35.92, us-east-2 $32.77, us-west-2 $30.10 **overridden** |"))
        #expect(md.contains("| a2-highgpu-1g | gpu | $3.67 | $1.05 **overridden** |"))
        #expect(md.contains("| Commitment discount, 1-year | 40.0% **overridden** |"))
        #expect(md.contains("| Commitment discount, 3-year | 55.0% |"))
        let html = try text(dir, "site/methodology.html")
        #expect(html.contains("$30.10 <strong>overridden</strong>"))
        // Four values set, plus the legend.
        #expect(html.components(separatedBy: "<strong>overridden</strong>").count - 1 == 4 + 1)
    }

    @Test func inventoryFeedsItemTenAndUnrecognizedFilesAreWarnings() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inventory = dir.appendingPathComponent("inventory")
        try FileManager.default.createDirectory(at: inventory, withIntermediateDirectories: true)
        try Data("""
            {"Volumes": [
              {"VolumeId": "vol-0abc", "Size": 500, "VolumeType": "gp3", "State": "available", "Attachments": [],
               "AvailabilityZone": "us-west-2a", "CreateTime": "2026-01-01T00:00:00.000Z"},
              {"VolumeId": "vol-used", "Size": 8, "VolumeType": "gp3", "State": "in-use",
               "Attachments": [{"InstanceId": "i-1", "State": "attached"}],
               "AvailabilityZone": "us-west-2a", "CreateTime": "2026-01-01T00:00:00.000Z"}
            ]}
            """.utf8).write(to: inventory.appendingPathComponent("volumes.json"))
        try Data("{\"hello\": 1}".utf8).write(to: inventory.appendingPathComponent("notes.json"))
        try Data("not json".utf8).write(to: inventory.appendingPathComponent("broken.json"))

        let r = try CLIRunner.run(["build", "--templates", templates, "-q", "--inventory", "inventory", "--today", "2026-11-27"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let warnings = r.stderr.split(separator: "\n").filter { $0.hasPrefix("costreport: warning:") }
        #expect(warnings.count == 2, "\(r.stderr)")
        #expect(warnings.contains { $0.contains("notes.json") })
        #expect(warnings.contains { $0.contains("broken.json") })

        let checklist = try text(dir, "site/checklist.md")
        #expect(checklist.contains("1 unused resource costs **$40.00** a month."))
        #expect(checklist.contains("| aws | volume | vol-0abc | us-west-2a |"))
        #expect(!checklist.contains("vol-used"))
        #expect(checklist.contains("- notes.json"))
        #expect(checklist.contains("- broken.json"))
        #expect(checklist.contains("| 10 | Clean up unused resources | **partial** |"))

        // report and check take it too, with the same warnings.
        let json = try CLIRunner.run(["report", "--format", "json", "--inventory", "inventory"], in: dir)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let unused = object?["unused_resources"] as? [String: Any]
        #expect(unused?["inventory_given"] as? Bool == true)
        #expect(unused?["monthly_cost"] as? Double == 40)
        #expect(json.stderr.split(separator: "\n").filter { $0.hasPrefix("costreport: warning:") }.count == 2)
        let check = try CLIRunner.run(["check", "--inventory", "inventory", "--fail-on", "over"], in: dir)
        #expect(check.status == 0 || check.status == 1)
        #expect(check.stderr.contains("notes.json"))
    }
}
