import CostAnalysis
import CostModel

/// The Methodology page: how every figure is computed (in the template's words), with the
/// settings and the pricing catalog this build actually used. Values that came from the user's
/// `--pricing` file are marked, matched by the catalog loader's dotted key paths
/// (`aws.instances.p4d.24xlarge.on_demand`, `gcp.commitments.1y`, `aws.storage_per_gb_month.gp3`).
struct MethodologyView: TemplateFields {
    let title: String
    let providers: [ProviderCatalogView]
    let hasProviders: Bool
    let overriddenKeys: [String]
    let hasOverrides: Bool
    let settings: SettingsView
    let rightSize: [RightSizeRow]
    /// The thresholds the checklist uses with this config (defaults, or the config's), per item.
    let thresholds: MethodologyThresholds
    let thresholdOverrides: [ThresholdOverride]
    let hasThresholdOverrides: Bool
    /// Rows a breakdown table shows in Markdown before the rest is summarised.
    let breakdownRowLimit: String
    let declared: [DeclaredItem]
    let hasDeclared: Bool
    let checklistHref: String
    let publicationLog: String

    init(catalog: Catalog, config: Config) {
        title = "Methodology"
        providers = catalog.providers.keys.sorted().map { ProviderCatalogView(name: $0, catalog: catalog) }
        hasProviders = !providers.isEmpty
        overriddenKeys = catalog.overriddenKeys.sorted()
        hasOverrides = !overriddenKeys.isEmpty
        checklistHref = SitePaths.checklist
        publicationLog = SitePaths.publicationLog

        settings = SettingsView(config)

        let known = ["unit", "quick", "integration", "benchmark"]
        let types = known.filter { config.rightSize[$0] != nil }
            + config.rightSize.keys.filter { !known.contains($0) }.sorted()
        rightSize = types.map { type in
            let row = config.rightSize[type] ?? [:]
            return RightSizeRow(testType: type, aws: row["aws"] ?? "–", gcp: row["gcp"] ?? "–", gcpTPU: row["gcp-tpu"] ?? "–")
        }

        thresholds = MethodologyThresholds(ChecklistThresholds.effective(config))
        breakdownRowLimit = Format.count(ReportSettings.defaultBreakdownRowLimit)
        thresholdOverrides = config.thresholds.sorted { $0.key < $1.key }.map { id, t in
            ThresholdOverride(item: String(id), done: MethodologyView.threshold(id, t.done),
                              partial: MethodologyView.threshold(id, t.partial))
        }
        hasThresholdOverrides = !thresholdOverrides.isEmpty
        declared = config.declared.sorted { $0.key < $1.key }.map { DeclaredItem(item: String($0.key), word: $0.value) }
        hasDeclared = !declared.isEmpty
    }

    /// Item 8 counts weeks, item 10 USD per month; every other threshold is a share.
    static func threshold(_ item: Int, _ value: Double) -> String {
        switch item {
        case 8: return "\(Format.hours(value)) weeks"
        case 10: return Format.usd(value) + " per month"
        default: return Format.percent(value)
        }
    }


    /// The file's own name: the site must not depend on the folder a build was started from.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// The checklist's effective thresholds as the Methodology page states them: shares as `80 %`
/// (one decimal only when needed), weeks as counts (`4`, `2 or 3`), money as USD a month.
struct MethodologyThresholds: TemplateFields {
    let spot: ShareThreshold
    let rightSize: ShareThreshold
    let parallel: ShareThreshold
    let cache: ShareThreshold
    let offPeak: ShareThreshold
    let regions: ShareThreshold
    let review: WeeksThreshold
    let cleanup: CleanupThreshold

    /// `t` is `ChecklistThresholds.effective`, which holds every measured item; a missing one
    /// (never) would show as 0.
    init(_ t: [Int: Threshold]) {
        let none = Threshold(done: 0, partial: 0)
        spot = ShareThreshold(t[1] ?? none, lowerIsBetter: false)
        rightSize = ShareThreshold(t[2] ?? none, lowerIsBetter: true)
        parallel = ShareThreshold(t[3] ?? none, lowerIsBetter: false)
        cache = ShareThreshold(t[4] ?? none, lowerIsBetter: false)
        offPeak = ShareThreshold(t[5] ?? none, lowerIsBetter: false)
        regions = ShareThreshold(t[6] ?? none, lowerIsBetter: false)
        review = WeeksThreshold(t[8] ?? none)
        cleanup = CleanupThreshold(t[10] ?? none)
    }

    /// `0.8` → `80 %`, `0.825` → `82.5 %`.
    static func share(_ fraction: Double) -> String {
        let text = Format.percent(fraction)
        return (text.hasSuffix(".0%") ? String(text.dropLast(3)) : String(text.dropLast())) + " %"
    }
}

struct ShareThreshold: TemplateFields {
    let done: String
    let partial: String
    /// False when the partial threshold leaves no band below done (item 4 by default).
    let hasPartial: Bool

    init(_ t: Threshold, lowerIsBetter: Bool) {
        done = MethodologyThresholds.share(t.done)
        partial = MethodologyThresholds.share(t.partial)
        hasPartial = lowerIsBetter ? t.partial > t.done : t.partial < t.done
    }
}

/// Item 8 counts published weeks among the last 4: done from `done` weeks, partial from `partial`.
struct WeeksThreshold: TemplateFields {
    /// The week counts that are done (`4`, `3 or 4`) and partial (`2 or 3`, `1 to 3`).
    let done: String
    let partial: String
    let hasPartial: Bool

    init(_ t: Threshold) {
        func least(_ v: Double) -> Int { min(5, max(0, Int(v.rounded(.up)))) }
        let d = least(t.done), p = min(least(t.partial), d)
        done = WeeksThreshold.range(d, 4)
        partial = WeeksThreshold.range(p, d - 1)
        hasPartial = p <= d - 1
    }

    static func range(_ low: Int, _ high: Int) -> String {
        if low > high { return "none" }
        if low == high { return Format.count(low) }
        return high == low + 1 ? "\(Format.count(low)) or \(Format.count(high))" : "\(Format.count(low)) to \(Format.count(high))"
    }
}

/// Item 10: done with nothing unused (or, when `done` is positive, up to that much a month); partial under `partial`.
struct CleanupThreshold: TemplateFields {
    let noneUnused: Bool
    let done: String
    let partial: String

    init(_ t: Threshold) {
        noneUnused = t.done <= 0
        done = Format.usd(t.done)
        partial = Format.usd(t.partial)
    }
}

/// The settings this build used, by name: the template labels them and words the defaults.
struct SettingsView: TemplateFields {
    /// The config file's name; nil without one (built-in defaults).
    let configFile: String?
    let timezone: String
    let costAttribution: String
    /// Comma-separated globs; nil when none.
    let criticalSuites: String?
    let monthlyBudget: String
    let preset: String?
    let monthlyConfigured: Bool
    let warnAt: String
    let criticalAt: String
    let dailyAlert: String
    let dailyAlertConfigured: Bool
    /// `alice $500.00, bob $300.00`; nil when none.
    let allocations: String?
    let offPeakWindow: OffPeakWindowView
    let reservedMonths: String
    let snapshotAgeDays: String

    init(_ config: Config) {
        let b = config.budget
        configFile = config.sourcePath.map(MethodologyView.fileName)
        timezone = config.timezone
        costAttribution = config.costAttribution.rawValue
        criticalSuites = config.criticalSuites.isEmpty ? nil : config.criticalSuites.joined(separator: ", ")
        monthlyBudget = Format.usd(b.monthly)
        preset = b.preset
        monthlyConfigured = b.monthlyConfigured
        warnAt = Format.percent(b.warnAt)
        criticalAt = Format.percent(b.criticalAt)
        dailyAlert = Format.usd(b.dailyAlert)
        dailyAlertConfigured = b.dailyAlertConfigured
        let allocations = b.allocations.map { "\($0.developer) \(Format.usd($0.monthly))" }
        self.allocations = allocations.isEmpty ? nil : allocations.joined(separator: ", ")
        offPeakWindow = OffPeakWindowView(config.offPeak)
        reservedMonths = Format.count(config.reservedMonths)
        snapshotAgeDays = Format.count(config.snapshotAgeDays)
    }
}

/// The off-peak window's local start and end (`22:00`, `06:00`) and whether weekends count.
struct OffPeakWindowView: TemplateFields {
    let start: String
    let end: String
    let weekends: Bool

    init(_ o: OffPeakConfig) {
        func clock(_ minute: Int) -> String { PriceText.pad(minute / 60, 2) + ":" + PriceText.pad(minute % 60, 2) }
        start = clock(o.startMinute)
        end = clock(o.endMinute)
        weekends = o.weekends
    }
}

struct ThresholdOverride: TemplateFields {
    let item: String
    let done: String
    let partial: String
}

struct DeclaredItem: TemplateFields {
    let item: String
    let word: String
}

struct RightSizeRow: TemplateFields {
    let testType: String
    let aws: String
    let gcp: String
    let gcpTPU: String
}

/// A price or discount in the catalog tables, marked when the `--pricing` file set it.
struct CatalogCell: TemplateFields {
    let text: String
    let overridden: Bool
    /// For lists inside one table cell: every entry but the first is preceded by a comma.
    let notFirst: Bool

    init(_ text: String, overridden: Bool, notFirst: Bool = false) {
        self.text = text; self.overridden = overridden; self.notFirst = notFirst
    }
}

struct ProviderCatalogView: TemplateFields {
    let name: String
    let instances: [InstanceCatalogRow]
    let hasInstances: Bool
    let defaults: [DefaultRow]
    let hasDefaults: Bool

    init(name: String, catalog: Catalog) {
        self.name = name
        let pricing = catalog.providers[name]!
        let overridden = catalog.overriddenKeys
        func key(_ parts: String...) -> String { ([name] + parts).joined(separator: ".") }

        instances = pricing.instances.keys.sorted(by: NaturalOrder.precedes).map { type in
            let i = pricing.instances[type]!
            let base = key("instances", type)
            let spot: CatalogCell
            if let s = i.spot {
                spot = CatalogCell(PriceText.range(s), overridden: overridden.contains(base + ".spot"))
            } else if let derived = catalog.spotRate(provider: name, instanceType: type, region: ""),
                      let discount = pricing.spotDiscount {
                spot = CatalogCell("not listed: \(PriceText.rate(derived)) = R × (1 − \(Format.percent(discount.midpoint)))",
                                   overridden: overridden.contains(base + ".spot"))
            } else {
                spot = CatalogCell("none listed", overridden: overridden.contains(base + ".spot"))
            }
            let regions = i.regions.sorted { $0.key < $1.key }.enumerated().map { index, entry in
                let (region, rate) = entry
                return CatalogCell("\(region) \(PriceText.rate(rate))",
                            overridden: overridden.contains(base + ".regions." + region), notFirst: index > 0)
            }
            return InstanceCatalogRow(
                name: type,
                accelerator: CatalogCell(i.accelerator.rawValue, overridden: overridden.contains(base + ".accelerator")),
                onDemand: CatalogCell(PriceText.rate(i.onDemand), overridden: overridden.contains(base + ".on_demand")),
                spot: spot, regions: regions, hasRegions: !regions.isEmpty)
        }
        hasInstances = !instances.isEmpty

        var rows: [DefaultRow] = []
        if let d = pricing.spotDiscount {
            rows.append(DefaultRow(label: "Typical spot discount (instances without a spot price)",
                                   value: CatalogCell(PriceText.discount(d), overridden: overridden.contains(key("spot_discount")))))
        }
        for (term, discount) in pricing.commitments.sorted(by: { $0.key < $1.key }) {
            rows.append(DefaultRow(label: "Commitment discount, \(TermText.label(term))",
                                   value: CatalogCell(PriceText.discount(discount),
                                                      overridden: overridden.contains(key("commitments", term)))))
        }
        for (type, price) in pricing.storagePerGBMonth.sorted(by: { $0.key < $1.key }) {
            rows.append(DefaultRow(label: "Storage: \(type)",
                                   value: CatalogCell(PriceText.rate(price) + " per GB-month",
                                                      overridden: overridden.contains(key("storage_per_gb_month", type)))))
        }
        if let a = pricing.idleAddressPerHour {
            rows.append(DefaultRow(label: "Idle public address",
                                   value: CatalogCell("\(PriceText.rate(a)) per hour (\(PriceText.rate(a * 730)) per month of 730 hours)",
                                                      overridden: overridden.contains(key("idle_address_per_hour")))))
        }
        defaults = rows
        hasDefaults = !rows.isEmpty
    }
}

struct InstanceCatalogRow: TemplateFields {
    let name: String
    let accelerator: CatalogCell
    let onDemand: CatalogCell
    let spot: CatalogCell
    let regions: [CatalogCell]
    let hasRegions: Bool
}

struct DefaultRow: TemplateFields {
    let label: String
    let value: CatalogCell
}

/// Names with numbers in their numeric order (`g5.4xlarge` before `g5.12xlarge`, `v5litepod-4`
/// before `v5litepod-16`), ties by plain order: the same on every machine, unlike a locale compare.
enum NaturalOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        let x = chunks(a), y = chunks(b)
        for (p, q) in zip(x, y) where p != q {
            switch (Int(p), Int(q)) {
            case let (m?, n?) where m != n: return m < n
            default: if p != q { return p < q }
            }
        }
        return x.count != y.count ? x.count < y.count : a < b
    }

    /// Runs of digits and runs of everything else.
    private static func chunks(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        var digits = false
        for ch in s {
            let isDigit = ch.isASCII && ch.isNumber
            if !current.isEmpty && isDigit != digits { out.append(current); current = "" }
            digits = isDigit
            current.append(ch)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}

/// Catalog prices keep their precision (`$1.006`, `$0.005`): rounding a list price to cents
/// would misstate the rate every figure is computed from.
enum PriceText {
    /// USD with thousands separators and 2 to 4 decimals.
    static func rate(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        // Format's exact digits: no fixed-width integer, so no price can trap (issue 11).
        let f = Format.fixed(value, decimals: 4)
        var fraction = f.fraction
        while fraction.count > 2 && fraction.hasSuffix("0") { fraction.removeLast() }
        return (f.negative ? "-$" : "$") + f.integer + "." + fraction
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `$10.00–$15.00 (midpoint $12.50)`, or one price.
    static func range(_ r: PriceRange) -> String {
        r.low == r.high ? rate(r.low) : "\(rate(r.low))–\(rate(r.high)) (midpoint \(rate(r.midpoint)))"
    }

    /// `60.0%–70.0% (midpoint 65.0%)`, or one share.
    static func discount(_ r: PriceRange) -> String {
        r.low == r.high ? Format.percent(r.low)
            : "\(Format.percent(r.low))–\(Format.percent(r.high)) (midpoint \(Format.percent(r.midpoint)))"
    }
}
