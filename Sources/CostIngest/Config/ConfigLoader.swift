import CostModel
import Foundation
import Yams

/// Loads `costreport.yml` (spec §11): exactly the spec's keys and defaults. An unknown key at any
/// level, or a value of the wrong type, is an error naming the file and the key path, so a typo
/// never silently falls back to a default.
public enum ConfigLoader {
    /// The largest amount of USD a setting may hold (budgets, alerts, allocations, thresholds):
    /// far above any team's bill, low enough that no figure derived from it loses its cents.
    static let maxUSD = 1e9

    public static func load(path: String) throws -> Config {
        guard FileManager.default.fileExists(atPath: path) else {
            throw IngestError("config file not found: \(path) — pass --config PATH, or leave it out to use the defaults")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw IngestError("cannot read \(path) as UTF-8 text: check the file and its permissions")
        }
        return try parse(yaml: text, path: path)
    }

    /// Parses YAML text; `path` names the file in messages and becomes `sourcePath`.
    public static func parse(yaml: String, path: String) throws -> Config {
        var config = Config()
        config.sourcePath = path
        let reader = YAMLReader(file: path)
        guard let root = try reader.root(yaml) else { return config }   // empty file: the defaults
        var parser = ConfigParser(reader: reader)
        try parser.read(root: root, into: &config)
        return config
    }
}

/// The key-by-key reading of spec §11, one function per section.
struct ConfigParser {
    let reader: YAMLReader

    static let topKeys = ["timezone", "cost_attribution", "critical_suites", "budget", "right_size",
                          "off_peak", "reserved", "inventory", "checklist", "results", "focus", "table"]
    static let budgetKeys = ["monthly", "warn_at", "critical_at", "daily_alert", "allocations"]
    static let testTypes = ["unit", "quick", "integration", "benchmark"]
    static let families = ["aws", "gcp", "gcp-tpu"]
    static let offPeakKeys = ["start", "end", "weekends"]
    static let checklistKeys = ["declared", "thresholds"]
    static let checklistItems = (1...10).map(String.init)
    static let declaredStatuses = ["done", "partial", "todo"]

    mutating func read(root: Node, into config: inout Config) throws {
        guard case .mapping = root else {
            throw reader.error("the file must be a mapping of settings (key: value), got \(YAMLReader.describe(root))")
        }
        let top = try reader.entries(root, path: "", expected: "a mapping")
        try reader.requireKnown(top, Self.topKeys, path: "")
        for (key, value) in top where !YAMLReader.isNull(value) {
            switch key {
            case "timezone": config.timezone = try timezone(value)
            case "cost_attribution": config.costAttribution = try costAttribution(value)
            case "critical_suites": config.criticalSuites = try criticalSuites(value)
            case "budget": try budget(value, into: &config.budget)
            case "right_size": try rightSize(value, into: &config.rightSize)
            case "off_peak": try offPeak(value, into: &config.offPeak)
            case "reserved":
                try single(value, path: "reserved", key: "months") {
                    config.reservedMonths = try reader.integer($0, path: "reserved.months",
                                                               "a whole number of months (1 or more)", where: { $0 >= 1 })
                }
            case "inventory":
                try single(value, path: "inventory", key: "snapshot_age_days") {
                    config.snapshotAgeDays = try reader.integer($0, path: "inventory.snapshot_age_days",
                                                                "a whole number of days (0 or more)", where: { $0 >= 0 })
                }
            case "checklist": try checklist(value, into: &config)
            case "results": config.results = try results(value)
            case "table":
                let name = try reader.string(value, path: "table", "a table name such as benchmarks")
                guard BenchmarksSchema.isValidTableName(name) else {
                    throw reader.error("'table' must be a table name (letters, digits and _, optionally after a schema: analytics.benchmarks), got '\(name)'")
                }
                config.table = name
            case "focus":
                try single(value, path: "focus", key: "billing_account_id") {
                    config.focusBillingAccountId = try reader.string($0, path: "focus.billing_account_id", "the billing account's id (text)")
                }
            default: break
            }
        }
    }

    private func timezone(_ node: Node) throws -> String {
        let name = try reader.string(node, path: "timezone", "an IANA time zone name such as UTC or Europe/Berlin")
        guard TimeZone(identifier: name) != nil else {
            throw reader.error("'timezone' must be an IANA time zone name such as UTC or Europe/Berlin, got '\(name)'")
        }
        return name
    }

    private func costAttribution(_ node: Node) throws -> Config.CostAttribution {
        let text = try reader.string(node, path: "cost_attribution", "record or run")
        guard let value = Config.CostAttribution(rawValue: text) else {
            throw reader.error("'cost_attribution' must be record or run, got '\(text)'")
        }
        return value
    }

    /// Folders of result files; a relative one is relative to the config file, so the same file
    /// works from any working directory.
    private func results(_ node: Node) throws -> [String] {
        let items: [Node]
        switch node {
        case .sequence(let list): items = Array(list)
        case .scalar: items = [node]
        default:
            throw reader.error("'results' must be a list of folders such as [results/], got \(YAMLReader.describe(node))")
        }
        let base = (reader.file as NSString).deletingLastPathComponent
        return try items.enumerated().map { i, item in
            let folder = try reader.string(item, path: "results[\(i)]", "a folder of JSON result files")
            guard !folder.isEmpty else { throw reader.error("'results[\(i)]' is empty: name a folder of JSON result files") }
            return folder.hasPrefix("/") || base.isEmpty ? folder : base + "/" + folder
        }
    }

    private func criticalSuites(_ node: Node) throws -> [String] {
        guard case .sequence(let items) = node else {
            throw reader.error("'critical_suites' must be a list of suite globs such as [\"release*\"], got \(YAMLReader.describe(node))")
        }
        return try items.enumerated().map { i, item in
            try reader.string(item, path: "critical_suites[\(i)]", "a suite glob such as release*")
        }
    }

    private func budget(_ node: Node, into budget: inout BudgetConfig) throws {
        let entries = try reader.entries(node, path: "budget", expected: "a mapping")
        try reader.requireKnown(entries, Self.budgetKeys, path: "budget")
        let fraction = "a number between 0 and 1"
        for (key, value) in entries where !YAMLReader.isNull(value) {
            let path = "budget.\(key)"
            switch key {
            case "monthly":
                if let preset = value.scalar?.string.lowercased(), let amount = BudgetConfig.presets[preset] {
                    budget.monthly = amount
                    budget.preset = preset
                } else {
                    budget.monthly = try reader.number(value, path: path, "a number of USD from 0.01 to 1,000,000,000 or one of small, medium, large",
                                                       where: { (0.01...ConfigLoader.maxUSD).contains($0) })
                    budget.preset = nil
                }
                budget.monthlyConfigured = true
            case "warn_at": budget.warnAt = try reader.number(value, path: path, fraction, where: { (0...1).contains($0) })
            case "critical_at": budget.criticalAt = try reader.number(value, path: path, fraction, where: { (0...1).contains($0) })
            case "daily_alert":
                budget.dailyAlert = try reader.number(value, path: path, "a number of USD from 0 to 1,000,000,000", where: { (0...ConfigLoader.maxUSD).contains($0) })
                budget.dailyAlertConfigured = true
            case "allocations":
                let people = try reader.entries(value, path: path, expected: "a mapping of developer: USD per month")
                budget.allocations = try people.map { developer, amount in
                    Allocation(developer: developer,
                               monthly: try reader.number(amount, path: "\(path).\(developer)", "a number of USD from 0 to 1,000,000,000",
                                                          where: { (0...ConfigLoader.maxUSD).contains($0) }))
                }
            default: break
            }
        }
        guard budget.warnAt < budget.criticalAt else {
            throw reader.error("'budget.warn_at' (\(budget.warnAt)) must be below 'budget.critical_at' (\(budget.criticalAt))")
        }
    }

    /// Entries override the defaults one family at a time (`right_size.unit.aws` alone is fine).
    private func rightSize(_ node: Node, into table: inout [String: [String: String]]) throws {
        let types = try reader.entries(node, path: "right_size", expected: "a mapping of test type → family → instance")
        try reader.requireKnown(types, Self.testTypes, path: "right_size")
        for (type, familiesNode) in types {
            let path = "right_size.\(type)"
            let families = try reader.entries(familiesNode, path: path, expected: "a mapping of family (aws, gcp, gcp-tpu) → instance")
            try reader.requireKnown(families, Self.families, path: path)
            for (family, instance) in families where !YAMLReader.isNull(instance) {
                table[type, default: [:]][family] = try reader.string(instance, path: "\(path).\(family)",
                                                                      "an instance type such as g5.xlarge").lowercased()
            }
        }
    }

    private func offPeak(_ node: Node, into offPeak: inout OffPeakConfig) throws {
        let entries = try reader.entries(node, path: "off_peak", expected: "a mapping")
        try reader.requireKnown(entries, Self.offPeakKeys, path: "off_peak")
        for (key, value) in entries where !YAMLReader.isNull(value) {
            switch key {
            case "start": offPeak.startMinute = try minuteOfDay(value, path: "off_peak.start")
            case "end": offPeak.endMinute = try minuteOfDay(value, path: "off_peak.end")
            case "weekends": offPeak.weekends = try reader.bool(value, path: "off_peak.weekends")
            default: break
            }
        }
    }

    /// "HH:MM". The raw text is used, so an unquoted 22:00 (a YAML 1.1 sexagesimal number) works too.
    private func minuteOfDay(_ node: Node, path: String) throws -> Int {
        let requirement = "a time HH:MM such as \"22:00\""
        let text = try reader.string(node, path: path, requirement)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else {
            throw reader.error("'\(path)' must be \(requirement), got '\(text)'")
        }
        return h * 60 + m
    }

    private func checklist(_ node: Node, into config: inout Config) throws {
        let entries = try reader.entries(node, path: "checklist", expected: "a mapping")
        try reader.requireKnown(entries, Self.checklistKeys, path: "checklist")
        for (key, value) in entries {
            let path = "checklist.\(key)"
            let items = try reader.entries(value, path: path, expected: "a mapping of item id (1..10) → value")
            try reader.requireKnown(items, Self.checklistItems, path: path)
            for (item, setting) in items where !YAMLReader.isNull(setting) {
                // requireKnown above allowed only the item ids "1"…"10": they parse.
                guard let id = Int(item) else { continue }
                if key == "declared" {
                    let status = try reader.string(setting, path: "\(path).\(item)", "done, partial or todo")
                    guard Self.declaredStatuses.contains(status) else {
                        throw reader.error("'\(path).\(item)' must be done, partial or todo, got '\(status)'")
                    }
                    config.declared[id] = status
                } else {
                    config.thresholds[id] = try threshold(setting, path: "\(path).\(item)")
                }
            }
        }
    }

    private func threshold(_ node: Node, path: String) throws -> Threshold {
        let entries = try reader.entries(node, path: path, expected: "a mapping {done: x, partial: y}")
        try reader.requireKnown(entries, ["done", "partial"], path: path)
        var values: [String: Double] = [:]
        for (key, value) in entries {
            values[key] = try reader.number(value, path: "\(path).\(key)", "a number from 0 to 1,000,000,000", where: { (0...ConfigLoader.maxUSD).contains($0) })
        }
        guard let done = values["done"], let partial = values["partial"] else {
            throw reader.error("'\(path)' needs both done and partial")
        }
        return Threshold(done: done, partial: partial)
    }

    /// Sections with one key (`reserved: {months: 3}`).
    private func single(_ node: Node, path: String, key: String, _ read: (Node) throws -> Void) throws {
        let entries = try reader.entries(node, path: path, expected: "a mapping {\(key): …}")
        try reader.requireKnown(entries, [key], path: path)
        for (_, value) in entries where !YAMLReader.isNull(value) { try read(value) }
    }
}
