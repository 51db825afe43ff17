import CostModel
import CostTestSupport
import Foundation
import Testing
@testable import CostRender

/// The Savings section, the Checklist page and the Methodology page render every figure of a
/// hand-made report, keep data text escaped, and say so in words when there is nothing to show.
@Suite struct SavingsChecklistRenderTests {
    static let templates = ReportRendererTests.templates

    func renderer() async throws -> ReportRenderer {
        try await ReportRenderer(templatesDirectory: Self.templates)
    }

    // MARK: - Savings

    @Test func savingsSectionShowsEveryFigure() async throws {
        let r = try await renderer()
        for report in [HandMade.report(), HandMade.report(period: "2026-11")] {
            let md = try r.markdown(for: report)
            #expect(md.contains("## Savings versus on-demand"))
            #expect(md.contains("Spot and reserved capacity saved $1,075.50 against on-demand in this period (on-demand equivalent $3,100.75, an effective savings rate of 34.7%)."))
            #expect(md.contains("| Opportunity | Potential | Share of spend | Records | Their spend |"))
            #expect(md.contains("| Spot for non-critical on-demand runs | $812.35 | 43.2% | 120 | $1,250.50 |"))
            #expect(md.contains("| Right-size oversized instances | $1,500.25 | 79.8% | 40 | $1,800.00 |"))
            #expect(md.contains("| Cheapest region | $0.00 | 0.0% | 3 | $90.00 |"))
            #expect(md.contains("| All three combined | $1,999.99 | 98.8% | 150 | $2,500.00 |"))
            #expect(md.contains("it is not the sum of the three"))
            #expect(md.contains("Off-peak share: 27.9% of the spend ($532.10)"))
            // One small table per opportunity with potential > 0; none for region.
            #expect(md.contains("#### Spot: $812.35"))
            #expect(md.contains("#### Right-size: $1,500.25"))
            #expect(md.contains("#### Combined: $1,999.99"))
            #expect(!md.contains("#### Region"))
            #expect(md.contains("| Suite | nightly | 60 | $550.50 | $356.85 | use spot (d = 65.0%) |"))
            #expect(md.contains("| Instance type | p5.48xlarge | 40 | $1,800.00 | $1,500.25 | move to g5.xlarge |"))
            #expect(md.contains("| Suite | unit | 40 | $1,800.00 | $1,650.50 | move to g5.xlarge and use spot |"))
            // Top 5 runs of 7 in the table; the other two folded below it.
            let fold = try #require(md.range(of: "<details>\n\n2 more rows\n"))
            #expect(try #require(md.range(of: "| Run | run-5\\|")).lowerBound < fold.lowerBound)
            #expect(try #require(md.range(of: "| Run | run-6\\|")).lowerBound > fold.upperBound)
            // Reserved capacity, recommended or not.
            #expect(md.contains("over the full months 2026-08, 2026-09, 2026-10"))
            #expect(md.contains("| aws | p4d.24xlarge | 3 | 612.3 | 83.9% | 45.0% | 3-year | $9,876.54 |"))
            #expect(md.contains("| gcp | a2-highgpu-1g | 3 | 100.1 | 13.7% | 63.0% | none | $0.00 |"))
            #expect(md.contains("1 commitment is recommended, saving $9,876.54 a month"))
        }
    }

    @Test func hostileOpportunityTextStaysEscaped() async throws {
        let r = try await renderer()
        let report = HandMade.report()
        let md = try r.markdown(for: report)
        expectTablesIntact(md)
        #expect(!md.contains("<script>"))
        #expect(!md.contains("<b>now"))
        #expect(md.contains("suite\\|evil\\|\\<script\\>"))
        let html = try r.page(markdown: md, shell: PageShell(title: "Week", root: "../", asOf: report.asOf))
        #expect(!withoutTableScript(html).contains("<script"))
        #expect(!html.contains("<b>now"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("use spot (d = 65.0%) &lt;b&gt;now&lt;/b&gt;"))
    }

    @Test func noOpportunityIsASentenceNotEmptyTables() async throws {
        let r = try await renderer()
        let md = try r.markdown(for: HandMade.report(opportunities: .empty))
        #expect(md.contains("No saving opportunity in this period"))
        #expect(!md.contains("| Opportunity |"))
        #expect(!md.contains("####"))
        #expect(md.contains("No on-demand use in the full months analysed, so there is nothing to reserve."))
        #expect(!md.contains("| Provider | Instance type | Months analysed"))
        expectTablesIntact(md)

        var quiet = HandMade.report(opportunities: .empty)
        quiet.totals = Totals()
        let none = try r.markdown(for: quiet)
        #expect(none.contains("No spend in this period, so there is nothing to save."))
        #expect(none.contains("Off-peak share: no spend in this period."))
    }

    @Test func reservedTableIsShownWhenNothingIsRecommended() async throws {
        var o = HandMade.opportunities
        o.reserved = [HandMade.reserved[1]]
        o.reservedSummary.recommended = 0
        o.reservedSummary.monthlySavings = 0
        let md = try await renderer().markdown(for: HandMade.report(opportunities: o))
        #expect(md.contains("| gcp | a2-highgpu-1g | 3 | 100.1 | 13.7% | 63.0% | none | $0.00 |"))
        #expect(md.contains("No commitment is recommended"))
    }

    // MARK: - Checklist

    @Test func checklistPageShowsEveryItemAndUnusedResources() async throws {
        let r = try await renderer()
        let md = try r.checklistMarkdown(for: HandMade.report())
        #expect(md.hasPrefix("# Cost-reduction checklist\n"))
        #expect(md.contains("the report of the current week, [2026-W48](weeks/2026-W48.html) (2026-11-23 to 2026-11-29), the ISO week containing the as-of date 2026-11-27"))
        #expect(md.contains("5 items: 1 done, 1 partial, 1 todo, 1 unknown, 1 declared."))
        #expect(md.contains("| 1 | Spot for non-critical tests | **partial** | 62.0% of non-critical instance-hours on spot |"))
        #expect(md.contains("| 4 | Cache weights and kernels | **declared: done** | – |"))
        #expect(md.contains("| 10 | Clean up unused resources | **unknown** | unknown |"))
        #expect(md.contains("### 1. Spot for non-critical tests: partial"))
        #expect(md.contains("- Threshold: done at ≥ 80.0%, partial at ≥ 50.0%"))
        #expect(md.contains("- How it was decided: 120.0 of 193.5 instance-hours ran on spot."))
        #expect(md.contains("- To move it to done: move 34.8 more instance-hours to spot"))
        #expect(md.contains("### 4. Cache weights and kernels: declared: done"))
        #expect(md.contains("### 9. Reserved capacity: todo"))
        // A done item has nothing to move.
        let right = try #require(md.range(of: "### 2. Right-size: done"))
        let rightSection = md[right.upperBound...].prefix { _ in true }.components(separatedBy: "###")[0]
        #expect(!rightSection.contains("To move it to done"))
        // Unused resources: rows, total, files, unrecognized files by name.
        #expect(md.contains("2 unused resources cost **$47.30** a month."))
        #expect(md.contains("| aws | volume | vol-1\\|evil\\|\\<script\\>"))
        #expect(md.contains("| gcp | address | ip-idle | us-central1 | RESERVED static address | $7.30 |"))
        #expect(md.contains("| **Total** | | | | | **$47.30** |"))
        #expect(md.contains("Inventory files read: aws/volumes.json, gcp/addresses.json."))
        #expect(md.contains("- notes\\|evil\\|\\<script\\>"))
        expectTablesIntact(md)
        let html = try r.page(markdown: md, shell: PageShell(title: "Checklist", root: "", asOf: "2026-11-27", isChecklist: true))
        #expect(!withoutTableScript(html).contains("<script"))
        #expect(!html.contains("href=\"javascript:"))
    }

    @Test func checklistPageWithoutInventorySaysWhichFilesDecide() async throws {
        let md = try await renderer().checklistMarkdown(for: HandMade.report(unused: .none))
        #expect(md.contains("No inventory was given, so item 10 is unknown."))
        #expect(md.contains("`aws ec2 describe-volumes`"))
        #expect(md.contains("`gcloud compute addresses list --format=json`"))
        #expect(md.contains("`--inventory DIR`"))
        #expect(!md.contains("| Provider | Kind |"))
    }

    @Test func emptyInventoryAndEmptyChecklistAreSentences() async throws {
        let empty = UnusedResources(inventoryGiven: true, items: [], monthlyCost: 0, files: ["v.json"], unrecognizedFiles: [])
        let md = try await renderer().checklistMarkdown(for: HandMade.report(checklist: [], unused: empty))
        #expect(md.contains("No checklist was computed for this report."))
        #expect(md.contains("No unused resource in the inventory"))
        #expect(!md.contains("| Provider | Kind |"))
        #expect(!md.contains("matched no known shape"))
    }

    @Test func indexSummarisesTheChecklistAndLinksThePages() async throws {
        let r = try await renderer()
        let overview = HandMade.overview(HandMade.report())
        let md = try r.indexMarkdown(overview)
        #expect(md.contains("[cost-reduction checklist](checklist.html)"))
        #expect(md.contains("[methodology](methodology.html)"))
        // The checklist summary moved to the dashboard (HTML), one line per item.
        let dashboard = try r.dashboardHTML(overview)
        #expect(dashboard.contains("<a href=\"checklist.html\">Cost-reduction checklist</a>"))
        #expect(dashboard.contains("5 items: 1 done, 1 partial, 1 todo, 1 unknown, 1 declared."))
        for item in HandMade.checklist {
            #expect(dashboard.contains(">\(ChecklistStatusText.word(item))</span> <a href=\"checklist.html\">\(item.title)</a>"),
                    "item \(item.id) missing from the dashboard")
        }
        // The details stay on the Checklist page.
        #expect(!md.contains("To move it to done"))
        #expect(!dashboard.contains("To move it to done"))
        #expect(md.contains("## Savings versus on-demand"))
        #expect(md.contains("| Spot for non-critical on-demand runs | $812.35 |"))
        expectTablesIntact(md)
    }

    // MARK: - Methodology

    static let catalog = Catalog(providers: [
        "aws": ProviderPricing(
            spotDiscount: PriceRange(low: 0.6, high: 0.7),
            commitments: ["1y": PriceRange(low: 0.3, high: 0.4), "3y": PriceRange(0.55)],
            storagePerGBMonth: ["gp3": 0.08, "io1": 0.125], idleAddressPerHour: 0.005,
            instances: [
                "p4d.24xlarge": InstancePricing(onDemand: 30.1, spot: PriceRange(low: 10, high: 15),
                                                regions: ["us-west-2": 30.1, "eu-west-1": 35.92], accelerator: .gpu),
                "g5.xlarge": InstancePricing(onDemand: 1.006, accelerator: .gpu),
                "g5.12xlarge": InstancePricing(onDemand: 5.672, accelerator: .gpu),
                "g5.4xlarge": InstancePricing(onDemand: 1.62, accelerator: .gpu),
            ]),
        "gcp": ProviderPricing(spotDiscount: nil, commitments: [:], storagePerGBMonth: [:], idleAddressPerHour: nil,
                               instances: ["v5litepod-8": InstancePricing(onDemand: 9.6, spot: PriceRange(2.88), accelerator: .tpu)]),
    ], overriddenKeys: ["aws.instances.p4d.24xlarge.on_demand", "aws.instances.p4d.24xlarge.regions.us-west-2",
                        "aws.commitments.3y", "gcp.instances.v5litepod-8.spot"])

    @Test func methodologyShowsTheCatalogWithOverridesMarked() async throws {
        var config = Config()
        config.thresholds = [1: Threshold(done: 0.9, partial: 0.6), 10: Threshold(done: 0, partial: 20)]
        config.declared = [4: "done"]
        config.sourcePath = "/home/someone/project/costreport.yml"
        config.criticalSuites = ["release*"]
        let r = try await renderer()
        let md = try r.methodologyMarkdown(catalog: Self.catalog, config: config)
        #expect(md.hasPrefix("# Methodology\n"))
        #expect(md.contains("| p4d.24xlarge | gpu | $30.10 **overridden** | $10.00–$15.00 (midpoint $12.50) | eu-west-1 $35.92, us-west-2 $30.10 **overridden** |"))
        #expect(md.contains("| g5.xlarge | gpu | $1.006 | not listed: $0.3521 = R × (1 − 65.0%) | – |"))
        #expect(md.contains("| v5litepod-8 | tpu | $9.60 | $2.88 **overridden** | – |"))
        #expect(md.contains("| Commitment discount, 1-year | 30.0%–40.0% (midpoint 35.0%) |"))
        #expect(md.contains("| Commitment discount, 3-year | 55.0% **overridden** |"))
        #expect(md.contains("| Storage: io1 | $0.125 per GB-month |"))
        #expect(md.contains("| Idle public address | $0.005 per hour ($3.65 per month of 730 hours) |"))
        // Numbers in names sort as numbers.
        let catalogTables = try #require(md.range(of: "## Pricing catalog used")).upperBound
        let order = ["| g5.4xlarge |", "| g5.12xlarge |", "| g5.xlarge |", "| p4d.24xlarge |"]
            .map { md.range(of: $0, range: catalogTables..<md.endIndex)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        // The overridden keys, listed as the loader names them.
        #expect(md.contains("- aws.instances.p4d.24xlarge.on\\_demand"))
        // Settings and checklist configuration actually used.
        #expect(md.contains("| Config file | costreport.yml |"))
        #expect(!md.contains("/home/someone"))
        #expect(md.contains("| Critical suites (never proposed for spot) | release\\* |"))
        #expect(md.contains("| Off-peak window | 22:00–06:00 local time, and all of Saturday and Sunday |"))
        #expect(md.contains("- Item 1: done at 90.0%, partial at 60.0%."))
        #expect(md.contains("- Item 10: done at $0.00 per month, partial at $20.00 per month."))
        #expect(md.contains("- Item 4: declared done."))
        #expect(md.contains("| unit | g5.xlarge | g2-standard-4 | v5litepod-1 |"))
        expectTablesIntact(md)
        let html = try r.page(markdown: md, shell: PageShell(title: "Methodology", root: "", asOf: "2026-11-27", isMethodology: true))
        // Four marked values, and the legend that explains the mark.
        #expect(html.components(separatedBy: "<strong>overridden</strong>").count - 1 == 4 + 1)
        #expect(html.contains("values it set are marked <strong>overridden</strong>"))
        #expect(html.contains("<a href=\"methodology.html\" aria-current=\"page\">Methodology</a>"))
    }

    @Test func withoutOverridesNothingIsMarked() async throws {
        var catalog = Self.catalog
        catalog.overriddenKeys = []
        let md = try await renderer().methodologyMarkdown(catalog: catalog, config: Config())
        #expect(!md.contains("overridden"))
        #expect(md.contains("| Config file | none (built-in defaults) |"))
    }

    @Test func priceText() {
        #expect(PriceText.rate(1.006) == "$1.006")
        #expect(PriceText.rate(32.77) == "$32.77")
        #expect(PriceText.rate(0.005) == "$0.005")
        #expect(PriceText.rate(12) == "$12.00")
        #expect(PriceText.rate(12345.6789) == "$12,345.6789")
        #expect(PriceText.range(PriceRange(low: 29, high: 40)) == "$29.00–$40.00 (midpoint $34.50)")
        #expect(PriceText.discount(PriceRange(0.37)) == "37.0%")
        #expect(NaturalOrder.precedes("v5litepod-4", "v5litepod-16"))
        #expect(!NaturalOrder.precedes("v5litepod-16", "v5litepod-4"))
        #expect(NaturalOrder.precedes("a2-highgpu-8g", "a2-ultragpu-1g"))
    }

    // MARK: - Page shell and templates

    @Test func everyPageLinksTheChecklistAndMethodology() async throws {
        let html = try await renderer().page(markdown: "# x", shell: PageShell(title: "Week", root: "../", asOf: "2026-11-27"))
        #expect(html.contains("<a href=\"../checklist.html\">Checklist</a>"))
        #expect(html.contains("<a href=\"../methodology.html\">Methodology</a>"))
    }

    @Test func newTemplatesAreRequired() async throws {
        #expect(ReportRenderer.requiredTemplates.contains("checklist"))
        #expect(ReportRenderer.requiredTemplates.contains("methodology"))
        #expect(ReportRenderer.requiredTemplates.contains("dashboard.html"))
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(atPath: Self.templates, toPath: copy.path)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("methodology.mustache"))
        do {
            _ = try await ReportRenderer(templatesDirectory: copy.path)
            Issue.record("a templates folder without methodology.mustache must be refused")
        } catch let error as TemplateError {
            #expect(error.kind == .missingTemplate)
            #expect(error.message.contains("methodology.mustache"))
        }
    }

    /// Every row of every table has as many unescaped `|` as its header.
    func expectTablesIntact(_ markdown: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var expected: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { expected = nil; continue }
            var count = 0, escaped = false
            for ch in line {
                if escaped { escaped = false; continue }
                if ch == "\\" { escaped = true } else if ch == "|" { count += 1 }
            }
            if let e = expected {
                #expect(count == e, "row breaks its table: \(line)", sourceLocation: sourceLocation)
            } else {
                expected = count
            }
        }
    }
}
