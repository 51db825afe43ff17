import CostModel

/// The values `words/checklist-N.mustache` gets for one item: every figure formatted (spec §8),
/// every choice a `Bool`. Common to all items: `declared` (with `declaredStatus`), `unknown`,
/// `measured` (neither), `done`, `share` (the deciding fraction as a percentage) and the
/// threshold's `hasThreshold`, `op`, `doneAt`, `partialAt`, `partialBand`.
struct ChecklistWordValues {
    let item: ChecklistItem
    /// With the largest opportunity item or resource it names already worded.
    let facts: ChecklistFacts

    func values() -> [String: Any] {
        let declared = item.status == .declared
        var v: [String: Any] = [
            "declared": declared, "declaredStatus": item.declared ?? "done",
            "done": item.status == .done, "share": Format.percent(item.value ?? 0),
        ]
        v.merge(threshold()) { $1 }
        let unknown: Bool
        if declared {
            unknown = false
        } else {
            let own = itemValues()
            unknown = own.unknown
            v.merge(own.values) { $1 }
        }
        v["unknown"] = unknown
        v["measured"] = !declared && !unknown
        return v
    }

    // MARK: Thresholds

    private func threshold() -> [String: Any] {
        guard let t = facts.threshold else { return ["hasThreshold": false] }
        let lower = facts.lowerIsBetter ?? false
        let weeks = { (v: Double) in Int(v.rounded()) }
        return [
            "hasThreshold": true, "op": lower ? "≤" : "≥",
            "doneAt": Format.percent(t.done), "partialAt": Format.percent(t.partial),
            "partialBand": lower ? t.partial > t.done : t.partial < t.done,
            // Item 8 counts weeks; item 10 is money a month.
            "doneWeeks": Format.count(weeks(t.done)), "doneWeeksOne": weeks(t.done) == 1,
            "partialWeeks": Format.count(weeks(t.partial)), "partialWeeksOne": weeks(t.partial) == 1,
            "doneNone": !(t.done > 0), "doneUSD": Format.usd(t.done), "partialUSD": Format.usd(t.partial),
        ]
    }

    // MARK: Items

    private func itemValues() -> (unknown: Bool, values: [String: Any]) {
        let unknown = item.status == .unknown
        switch item.id {
        case 1:
            guard let s = facts.spot else { return (unknown, [:]) }
            return (unknown, [
                "hasCriticalSuites": !s.criticalSuites.isEmpty, "criticalSuites": WordValue.list(s.criticalSuites),
                "spotHours": Format.hours(s.spotHours), "hours": Format.hours(s.hours),
                "moreHours": Self.hoursUp(s.moreHours ?? 0),
                "hasTopSuite": s.topOnDemandSuite != nil && s.topOnDemandHours != nil,
                "topSuite": s.topOnDemandSuite ?? "", "topHours": Format.hours(s.topOnDemandHours ?? 0),
            ])
        case 2:
            guard let r = facts.rightSize else { return (unknown, [:]) }
            return (unknown, [
                "oversizedSpend": Format.usd(r.oversizedSpend), "knownSpend": Format.usd(r.knownTestTypeSpend),
                "hasUnknownSpend": r.unknownTestTypeSpend > 0, "unknownSpend": Format.usd(r.unknownTestTypeSpend),
                "moreSpend": Self.usdUp(r.moreSpend ?? 0),
            ].merging(largest(r.largest)) { $1 })
        case 3:
            guard let p = facts.parallel else { return (unknown, [:]) }
            return (unknown, [
                "parallel": Format.count(p.parallel), "recorded": Format.count(p.recorded), "recordedOne": p.recorded == 1,
                "neither": Format.count(p.runs - p.recorded), "neitherOne": p.runs - p.recorded == 1,
            ].merging(Self.more("moreRuns", p.moreRuns ?? 0)) { $1 })
        case 4:
            guard let c = facts.cache else { return (unknown, [:]) }
            return (unknown, [
                "noRuns": c.runs == 0, "cached": Format.count(c.cached), "runs": Format.count(c.runs), "runsOne": c.runs == 1,
            ].merging(Self.more("moreRuns", c.moreRuns ?? 0)) { $1 })
        case 5:
            guard let o = facts.offPeak else { return (unknown, [:]) }
            return (unknown, [
                "scheduled": o.scheduled, "offPeakSpend": Format.usd(o.offPeakSpend), "spend": Format.usd(o.spend),
                "moreSpend": Self.usdUp(o.moreSpend ?? 0),
                "start": Self.clock(o.startMinute), "end": Self.clock(o.endMinute), "weekends": o.weekends,
            ])
        case 6:
            guard let r = facts.regions else { return (unknown, [:]) }
            return (unknown, [
                "cheapestSpend": Format.usd(r.cheapestSpend), "regionalSpend": Format.usd(r.regionalSpend),
                "moreSpend": Self.usdUp(r.moreSpend ?? 0),
            ].merging(largest(r.largest)) { $1 })
        case 7:
            guard let a = facts.alerts else { return (false, [:]) }
            return (false, Self.alerts(a))
        case 8:
            guard let r = facts.review else { return (unknown, [:]) }
            return Self.review(r, unknown: unknown)
        case 9:
            guard let r = facts.reserved else { return (unknown, [:]) }
            return Self.reserved(r, unknown: unknown)
        case 10:
            guard let c = facts.cleanup else { return (unknown, [:]) }
            return (!c.inventoryGiven, Self.cleanup(c))
        default:
            return (unknown, [:])
        }
    }

    private func largest(_ item: OpportunityItem?) -> [String: Any] {
        ["hasLargest": item != nil, "largestKey": item?.key ?? "", "largestAction": item?.action ?? ""]
    }

    private static func alerts(_ a: ChecklistFacts.Alerts) -> [String: Any] {
        let monthlySet = a.configFile && a.monthlyBudget != nil, dailySet = a.configFile && a.dailyAlert != nil
        let standard = BudgetConfig()
        return [
            "configFile": a.configFile, "setCount": String((monthlySet ? 1 : 0) + (dailySet ? 1 : 0)),
            "monthlySet": monthlySet, "dailySet": dailySet, "bothSet": monthlySet && dailySet,
            "noneSet": !monthlySet && !dailySet,
            "monthlyMissing": !monthlySet, "dailyMissing": !dailySet, "bothMissing": !monthlySet && !dailySet,
            "monthly": Format.usd(a.monthlyBudget ?? 0), "daily": Format.usd(a.dailyAlert ?? 0),
            "defaultMonthly": Format.usd(standard.monthly), "defaultDaily": Format.usd(standard.dailyAlert),
        ]
    }

    private static func review(_ r: ChecklistFacts.Review, unknown: Bool) -> (unknown: Bool, values: [String: Any]) {
        var v: [String: Any] = ["firstWeek": r.weeks.first ?? "", "lastWeek": r.weeks.last ?? ""]
        guard !unknown, let published = r.published, let missed = r.missed else { return (true, v) }
        v["publishedCount"] = Format.count(published.count)
        v["published"] = WordValue.list(published)
        v["missed"] = WordValue.list(missed)
        v["hasMissed"] = !missed.isEmpty
        return (false, v)
    }

    private static func reserved(_ r: ChecklistFacts.Reserved, unknown: Bool) -> (unknown: Bool, values: [String: Any]) {
        var v: [String: Any] = ["windowMonths": Format.count(r.windowMonths)]
        guard !unknown, let first = r.months.first, let last = r.months.last else { return (true, v) }
        func row(_ row: ChecklistFacts.Reserved.Row) -> [String: Any] {
            ["provider": row.provider, "instanceType": row.instanceType, "meanHours": Format.hours(row.meanHours),
             "utilization": Format.percent(row.utilization), "breakEven": Format.percent(row.breakEven),
             "term": row.term ?? "", "savings": Format.usd(row.monthlySavings)]
        }
        let top = r.top.flatMap { $0.term == nil ? nil : $0 }
        v.merge([
            "span": first == last ? first : "\(first)…\(last)",
            "monthCount": Format.count(r.months.count), "monthOne": r.months.count == 1,
            "noneRecommended": r.recommended == 0, "monthlySavings": Format.usd(r.monthlySavings),
            "recommended": Format.count(r.recommended), "recommendedOne": r.recommended == 1,
            "commitment": top != nil, "reservedOnly": top == nil && r.reservedRecords > 0,
            "noneFits": top == nil && r.reservedRecords == 0,
            "top": WordValue.optional(top.map(row)), "hasHighest": r.highest != nil,
            "highest": WordValue.optional(r.highest.map(row)),
            "hasMoreTypes": r.recommended > 1, "moreTypes": Format.count(r.recommended - 1), "moreTypesOne": r.recommended == 2,
            "hasReservedRecords": r.reservedRecords > 0, "reservedRecords": Format.count(r.reservedRecords),
            "reservedRecordsOne": r.reservedRecords == 1,
        ]) { $1 }
        return (false, v)
    }

    private static func cleanup(_ c: ChecklistFacts.Cleanup) -> [String: Any] {
        func group(_ g: ChecklistFacts.Cleanup.Group?, _ kind: String) -> [String: Any]? {
            g.map { ["count": Format.count($0.count), "one": $0.count == 1, "cost": Format.usd($0.monthlyCost),
                     "volumes": kind == "volumes", "snapshots": kind == "snapshots", "addresses": kind == "addresses"] }
        }
        let groups = [group(c.volumes, "volumes"), group(c.snapshots, "snapshots"), group(c.addresses, "addresses")]
        return [
            "monthlyCost": Format.usd(c.monthlyCost), "resources": Format.count(c.resources), "resourcesOne": c.resources == 1,
            "nothingUnused": c.resources == 0, "files": Format.count(c.files), "filesOne": c.files == 1,
            "snapshotAgeDays": Format.count(c.snapshotAgeDays), "asOf": c.asOf,
            "groups": WordValue.marked(groups.compactMap { $0 }),
            "hasUndated": c.undatedSnapshots > 0, "undated": Format.count(c.undatedSnapshots),
            "undatedOne": c.undatedSnapshots == 1,
            "hasUnrecognized": !c.unrecognizedFiles.isEmpty, "unrecognized": WordValue.list(c.unrecognizedFiles),
            "largest": WordValue.optional(c.largest.map { ["id": $0.id, "cost": Format.usd($0.monthlyCost), "reason": $0.reason] }),
        ]
    }

    // MARK: Small phrases

    /// `22:00`.
    static func clock(_ minutes: Int) -> String {
        "\(minutes / 60 < 10 ? "0" : "")\(minutes / 60):\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)"
    }

    /// Hours rounded up to the tenth shown, so doing what it says reaches the threshold.
    static func hoursUp(_ h: Double) -> String { Format.hours(max(0, ((h * 10) - 1e-9).rounded(.up) / 10)) }

    /// Money rounded up to the cent shown.
    static func usdUp(_ v: Double) -> String { Format.usd(max(0, ((v * 100) - 1e-9).rounded(.up) / 100)) }

    /// `moreRuns` (formatted) and `moreRunsOne`.
    static func more(_ key: String, _ n: Int) -> [String: Any] { [key: Format.count(n), key + "One": n == 1] }
}
