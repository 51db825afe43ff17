import CostModel

/// The pricing catalog in effect as YAML (`costreport catalog`), in the shape of the built-in
/// `catalog.yml`, so a user can copy any part into a `--pricing` override file. Keys are sorted
/// (the same catalog is always the same text); values from the override file are marked.
public enum CatalogYAML {
    public static func text(_ catalog: Catalog, overrideFile: String?) -> String {
        var out = "# The pricing catalog in effect (spec §2): USD per instance-hour; storage USD per GB-month;\n"
        out += "# discounts are fractions, [low, high] uses the midpoint.\n"
        if let overrideFile {
            out += "# The built-in catalog with \(comment(overrideFile)) merged over it: its keys are marked \"# override\".\n"
        } else {
            out += "# The built-in catalog. Copy any part into a file and pass it with --pricing FILE to change it.\n"
        }
        var w = Writer(overridden: catalog.overriddenKeys)
        for provider in catalog.providers.keys.sorted() {
            guard let p = catalog.providers[provider] else { continue }
            w.open(provider)
            if let d = p.spotDiscount { w.value("spot_discount", range(d)) }
            w.map("commitments", p.commitments.mapValues(range))
            w.map("storage_per_gb_month", p.storagePerGBMonth.mapValues(number))
            if let idle = p.idleAddressPerHour { w.value("idle_address_per_hour", number(idle)) }
            w.open("instances")
            for type in p.instances.keys.sorted() {
                guard let i = p.instances[type] else { continue }
                w.open(type)
                w.value("on_demand", number(i.onDemand))
                if let spot = i.spot { w.value("spot", range(spot)) }
                if !i.regions.isEmpty { w.map("regions", i.regions.mapValues(number)) }
                w.value("accelerator", i.accelerator.rawValue)
                w.close()
            }
            w.close()
            w.close()
        }
        return out + w.text
    }

    /// Indentation and the dotted key path (`aws.instances.p4d.24xlarge.on_demand`) of each line.
    private struct Writer {
        let overridden: Set<String>
        var text = ""
        var path: [String] = []

        mutating func open(_ key: String) {
            line(CatalogYAML.key(key) + ":", key: key)
            path.append(key)
        }

        mutating func close() { path.removeLast() }

        mutating func value(_ key: String, _ value: String) {
            line("\(CatalogYAML.key(key)): \(value)", key: key)
        }

        mutating func map(_ key: String, _ values: [String: String]) {
            guard !values.isEmpty else { return value(key, "{}") }
            open(key)
            for k in values.keys.sorted() { value(k, values[k] ?? "") }
            close()
        }

        private mutating func line(_ body: String, key: String) {
            let dotted = (path + [key]).joined(separator: ".")
            let marked = overridden.contains(dotted) ? "  # override" : ""
            text += String(repeating: "  ", count: path.count) + body + marked + "\n"
        }
    }

    /// A plain key, or a double-quoted one when it holds anything YAML could read otherwise.
    static func key(_ k: String) -> String {
        let plain = !k.isEmpty && k.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "." || c == "-" || c == "_"
        } && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(k.lowercased())
        return plain ? k : quoted(k)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if c.value < 0x20 { out += "\\x" + (c.value < 16 ? "0" : "") + String(c.value, radix: 16) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    /// Shortest text that reads back as the same Double (`32.77`, `0.005`).
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? ".nan" : (d > 0 ? ".inf" : "-.inf") }
        let t = "\(d)"
        return t.hasSuffix(".0") ? String(t.dropLast(2)) : t
    }

    static func range(_ r: PriceRange) -> String {
        r.low == r.high ? number(r.low) : "[\(number(r.low)), \(number(r.high))]"
    }

    static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
