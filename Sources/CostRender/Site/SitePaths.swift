import CostAnalysis
import CostModel

/// Where each page lives in the site. Shared by the renderer (links in the index) and the site
/// writer (file paths), so a link and its target can never disagree.
public enum SitePaths {
    public static let index = "index.html"
    public static let stylesheet = "assets/style.css"
    /// Sortable, filterable tables (issue 13 part 3): one small local script, no CDN.
    public static let script = "assets/table.js"
    public static let data = "data.json"
    /// The cost-reduction checklist (spec §7) of the current week, and its Markdown source.
    public static let checklist = "checklist.html"
    public static let checklistMarkdown = "checklist.md"
    /// How every figure is computed, and the pricing catalog and settings actually used.
    public static let methodology = "methodology.html"
    public static let methodologyMarkdown = "methodology.md"
    /// Performance per dollar (spec §13) over the dimension pages' 12 weeks.
    public static let efficiency = "efficiency.html"
    /// The ISO weeks in which a site was published (checklist item 8), kept across rebuilds.
    public static let publicationLog = "publication-log.json"

    /// `weeks/2026-W48` or `months/2026-11` (no extension): `.html` and `.md` share it.
    public static func stem(_ kind: Period.Kind, id: String) -> String {
        switch kind {
        case .week: return "weeks/" + id
        case .month: return "months/" + id
        case .range: return "ranges/" + id
        }
    }

    /// The folder of a dimension's key pages, e.g. `instance-types` (URL names live here, with
    /// every other path of the site).
    public static func folder(_ dimension: DimensionKind) -> String {
        switch dimension {
        case .provider: return "providers"
        case .instanceType: return "instance-types"
        case .developer: return "developers"
        case .suite: return "suites"
        }
    }

    /// From a page at `path` back to the site root: `weeks/x.html` → `../`.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}

// MARK: - Data downloads, the feed and the dimension pages (issue 4 parts 3 and 6)

extension SitePaths {
    /// The Atom feed of the weekly reports.
    public static let feed = "feed.xml"
    /// The listing of every provider, instance type, developer and suite, and its Markdown source.
    public static let dimensions = "dimensions.html"
    public static let dimensionsMarkdown = "dimensions.md"

    /// `weeks/2026-W48/provider.csv`: one breakdown of one report (`dimension` in JSON naming).
    public static func breakdownCSV(_ kind: Period.Kind, id: String, dimension: BreakdownDimension) -> String {
        stem(kind, id: id) + "/" + dimension.rawValue + ".csv"
    }

    /// `providers/aws` (no extension): `.html` and `.md` share it. `slug` from `slugs(for:)`.
    public static func dimensionStem(_ dimension: DimensionKind, slug: String) -> String { folder(dimension) + "/" + slug }

    /// A file-name-safe form of `key`: ASCII lowercased, every character outside `[a-z0-9._-]`
    /// replaced by `-`, no leading `.` or `-` and never `..`, at most 64 characters; `key` when
    /// nothing is left. When that changed the key, a stable 8-hex-digit hash of the key (FNV-1a, the same on
    /// every machine and run) is appended, so `Alice` (`alice-1a2b3c4d`) and `alice` (`alice`)
    /// never share a file.
    public static func slug(_ key: String) -> String {
        var out = ""
        for scalar in key.unicodeScalars {
            switch scalar {
            // A `.` right after a `.` (or first) becomes `-`: never `..`, never a hidden file.
            case ".": out += out.isEmpty || out.hasSuffix(".") ? "-" : "."
            case "a"..."z", "0"..."9", "_", "-": out.unicodeScalars.append(scalar)
            case "A"..."Z": out.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value + 32)))  // A–Z → a–z, ASCII
            default: out += "-"
            }
        }
        if out.count > 64 { out = String(out.prefix(64)) }
        // No leading `-` (a file name that reads as a command-line option); `key` when nothing is left.
        while out.hasPrefix("-") || out.hasPrefix(".") { out.removeFirst() }
        if out.isEmpty { out = "key" }
        return out == key ? out : out + "-" + hash(key)
    }

    /// Slugs of distinct keys, each unique among them (compared case-insensitively, for case-
    /// insensitive file systems): on a clash the later key (in sorted order) gets its own hash
    /// appended, then a counter. Deterministic for the same set of keys, whatever their order.
    public static func slugs(for keys: [String]) -> [String: String] {
        var taken = Set<String>()
        var result: [String: String] = [:]
        // Keys whose slug is themselves first: they keep their plain name.
        let ordered = Set(keys).sorted { a, b in
            let pa = slug(a) == a, pb = slug(b) == b
            return pa != pb ? pa : a < b
        }
        for key in ordered {
            var candidate = slug(key)
            if taken.contains(candidate.lowercased()) { candidate = slug(key) + "-" + hash(key + "\u{0}") }
            var n = 2
            let base = candidate
            while taken.contains(candidate.lowercased()) { candidate = base + "-\(n)"; n += 1 }
            taken.insert(candidate.lowercased())
            result[key] = candidate
        }
        return result
    }

    /// Each benchmark's section id on the efficiency page (`bench-flash_attention`): unique, and
    /// the same for the same benchmark names, so instance-type pages can link straight to it.
    public static func efficiencyAnchors(_ benchmarks: [String]) -> [String: String] {
        slugs(for: benchmarks).mapValues { "bench-" + $0 }
    }

    /// 32-bit FNV-1a of the UTF-8 bytes, as 8 lowercase hex digits.
    static func hash(_ text: String) -> String {
        var h: UInt32 = 2_166_136_261
        for byte in text.utf8 { h = (h ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
