import CostModel
import Foundation

/// What the understood metadata keys of spec §1 say about a record, read from the JSON once.
/// Values are taken leniently (a number where text was expected is its text) because the
/// team's writers were never strict about types.
struct MetadataFacts: Equatable {
    var developer: String?
    var branch: String?
    var pr: String?
    var testType: String?
    var trigger: String?
    /// `commit`, else `commit_sha`: the commit the run tested (a PR's runs group by it).
    var commit: String?
    /// `account_id`: the cloud account billed (FOCUS `BillingAccountId`).
    var account: String?
    /// The market the metadata states (`market`, `purchase_option`, then the booleans).
    var market: Market?
    var parallelismRecorded = false
    var parallel = false
    var cacheRecorded = false
    var cacheOn = false
    /// The text was not a JSON object and was read as `{}` (spec §12).
    var notObject = false

    init() {}

    /// NULL or blank metadata is simply empty; anything else must be a JSON object. The common
    /// flat object is read by `MetadataScanner`; whatever it does not accept, by JSONSerialization.
    init(json text: String?) {
        guard let text else { self.init(); return }
        if let values = MetadataScanner.scan(text) {
            self.init(scanned: values)
            return
        }
        self.init(parsing: text)
    }

    /// The same through JSONSerialization only (the scanner's tests compare both).
    init(parsing text: String) {
        guard !text.trimmingSpaces.isEmpty else { self.init(); return }
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        guard let object = object as? [String: Any] else {
            self.init()
            notObject = true
            return
        }
        self.init(object: object)
    }

    init(object m: [String: Any]) {
        developer = Self.text(m["developer"])
        branch = Self.text(m["branch"])
        pr = Self.text(m["pr_number"]) ?? Self.text(m["pr"])
        testType = Self.text(m["test_type"])
        trigger = Self.text(m["trigger"])
        commit = Self.text(m["commit"]) ?? Self.text(m["commit_sha"])
        account = Self.text(m["account_id"])
        market = Self.text(m["market"]).flatMap(MarketRules.market(named:))
            ?? Self.text(m["purchase_option"]).flatMap(MarketRules.market(named:))
            ?? Self.firstBoolean(m, keys: ["spot_instance", "preemptible", "spot"]).map { $0 ? .spot : .onDemand }

        let args = m["pytest_args"].flatMap(PytestArgs.tokens(of:))
        let workers = m["workers"].flatMap(Self.number)
        parallelismRecorded = args != nil || workers != nil
        parallel = (args.map(PytestArgs.requestsParallelWorkers) ?? false) || (workers ?? 0) > 1

        if let cache = m["cache"].flatMap(Self.boolean) {
            cacheRecorded = true
            cacheOn = cache
        }
    }

    /// What `init(object:)` reads, from the scanner's values: the same rules on typed values.
    init(scanned v: [MetadataScanner.Value?]) {
        typealias K = MetadataScanner.Key
        func value(_ k: K) -> MetadataScanner.Value? { v[k.rawValue] }
        developer = Self.text(value(.developer))
        branch = Self.text(value(.branch))
        pr = Self.text(value(.prNumber)) ?? Self.text(value(.pr))
        testType = Self.text(value(.testType))
        trigger = Self.text(value(.trigger))
        commit = Self.text(value(.commit)) ?? Self.text(value(.commitSHA))
        account = Self.text(value(.accountID))
        market = Self.text(value(.market)).flatMap(MarketRules.market(named:))
            ?? Self.text(value(.purchaseOption)).flatMap(MarketRules.market(named:))
            ?? [K.spotInstance, .preemptible, .spot].lazy.compactMap { value($0).flatMap(Self.boolean) }.first
                .map { $0 ? .spot : .onDemand }

        let args = value(.pytestArgs).flatMap(Self.tokens)
        let workers = value(.workers).flatMap(Self.number)
        parallelismRecorded = args != nil || workers != nil
        parallel = (args.map(PytestArgs.requestsParallelWorkers) ?? false) || (workers ?? 0) > 1

        if let cache = value(.cache).flatMap(Self.boolean) {
            cacheRecorded = true
            cacheOn = cache
        }
    }

    /// `text(_:)` of a scanned value: a boolean, null or list is no text.
    static func text(_ value: MetadataScanner.Value?) -> String? {
        switch value {
        case .string(let s): return TextRules.stripped(s)
        case .integer(let n): return String(n)   // at most 15 digits: exact, as `integer(fromDouble:)` gives it
        default: return nil
        }
    }

    /// `boolean(_:)` of a scanned value (a JSON boolean is the NSNumber 1 or 0).
    static func boolean(_ value: MetadataScanner.Value) -> Bool? {
        switch value {
        case .boolean(let b): return b
        case .integer(let n): return n == 1 ? true : n == 0 ? false : nil
        case .string(let s): return boolean(s as Any)
        default: return nil
        }
    }

    /// `number(_:)` of a scanned value.
    static func number(_ value: MetadataScanner.Value) -> Double? {
        switch value {
        case .integer(let n): return Double(n)
        case .boolean(let b): return b ? 1 : 0
        case .string(let s): return Double(s.trimmingSpaces)
        default: return nil
        }
    }

    /// `PytestArgs.tokens(of:)` of a scanned value: a command line, or a list's texts.
    static func tokens(_ value: MetadataScanner.Value) -> [Substring]? {
        switch value {
        case .string(let s): return PytestArgs.tokens(of: s)
        case .list(let items):
            return items.compactMap { item in
                if case .string(let s) = item { return Substring(s) }
                return text(item).map { Substring($0) }
            }
        default: return nil
        }
    }

    /// Text of a scalar: strings stripped, whole numbers without a decimal point.
    static func text(_ value: Any?) -> String? {
        switch value {
        case let s as String:
            return TextRules.stripped(s)
        case let n as NSNumber:
            // A boolean is no name and no PR number: `"pr": true` is not PR 1 (issue 11).
            if JSONValue.isBoolean(n) { return nil }
            return LenientValue.integer(fromDouble: n.doubleValue).map(String.init) ?? "\(n)"
        default:
            return nil
        }
    }

    /// true/false, "true"/"false" (any case), 1/0 — as spec §12 lists for the market booleans.
    static func boolean(_ value: Any) -> Bool? {
        switch value {
        case let n as NSNumber:
            return n.doubleValue == 1 ? true : n.doubleValue == 0 ? false : nil
        case let s as String:
            switch s.trimmingSpaces.lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: return nil
            }
        default:
            return nil
        }
    }

    static func number(_ value: Any) -> Double? {
        switch value {
        case let n as NSNumber: return n.doubleValue
        case let s as String: return Double(s.trimmingSpaces)
        default: return nil
        }
    }

    /// The first of `keys` present with a readable boolean decides (spec §12 order).
    private static func firstBoolean(_ m: [String: Any], keys: [String]) -> Bool? {
        for key in keys {
            if let v = m[key], let b = boolean(v) { return b }
        }
        return nil
    }
}
