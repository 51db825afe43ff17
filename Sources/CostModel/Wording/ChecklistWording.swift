extension ChecklistItem {
    /// An item decided by the analysis (id, status, deciding figure, facts) whose title and words come
    /// from `ChecklistWording`.
    public init(id: Int, status: ChecklistStatus, value: Double?, facts: ChecklistFacts, declared: String? = nil) {
        let words = ChecklistWording.words(id: id, status: status, value: value, facts, declared: declared)
        self.init(id: id, title: ChecklistWording.title(id), status: status, value: value, valueText: words.value,
                  threshold: ChecklistWording.threshold(id, facts), detail: words.detail, toDone: words.toDone,
                  declared: declared)
        self.facts = facts
    }
}

/// The checklist's words (spec §7): titles, thresholds, and per item the deciding figure, how it was
/// decided and what would move it to done, all from `ChecklistFacts`.
enum ChecklistWording {
    static let titles = [
        "Spot for non-critical tests", "Right-size", "Parallel tests", "Cache weights and kernels",
        "Off-peak scheduling", "Optimal regions", "Alerts and budgets", "Weekly review", "Reserved capacity",
        "Clean up unused resources",
    ]

    static func title(_ id: Int) -> String { (1...titles.count).contains(id) ? titles[id - 1] : "Item \(id)" }

    struct Phrases {
        var value: String
        var detail: String
        var toDone: String
    }

    // MARK: Thresholds

    /// "done at ≥ 80.0%, partial at ≥ 50.0%" (a scale without a partial band: the first half only),
    /// item 10's money thresholds, and the fixed rules of items 7 and 9.
    static func threshold(_ id: Int, _ f: ChecklistFacts) -> String {
        switch id {
        case 7: return "done with budget.monthly and budget.daily_alert set in costreport.yml, partial with one"
        case 9: return "done when ≥ 1 full month is analysed and no commitment pays off, or reserved records exist; todo when one pays off"
        case 10:
            guard let t = f.threshold else { return "" }
            let done = t.done > 0 ? "≤ \(Format.usd(t.done))/month" : "none unused"
            return "done at \(done), partial under \(Format.usd(t.partial))/month"
        default:
            guard let t = f.threshold else { return "" }
            let lower = f.lowerIsBetter ?? false
            let op = lower ? "≤" : "≥"
            let hasPartial = lower ? t.partial > t.done : t.partial < t.done
            func unit(_ v: Double) -> String {
                id == 8 ? Words.count(Int(v.rounded()), "week") + " of the last 4" : Format.percent(v)
            }
            return "done at \(op) \(unit(t.done))" + (hasPartial ? ", partial at \(op) \(unit(t.partial))" : "")
        }
    }

    // MARK: Items

    static func words(id: Int, status: ChecklistStatus, value: Double?, _ f: ChecklistFacts, declared: String?) -> Phrases {
        if status == .declared {
            let word = declared ?? "done"
            return Phrases(value: "declared \(word)",
                         detail: "Declared \(word) in costreport.yml (checklist.declared); not measured.", toDone: "")
        }
        let share = value ?? 0
        let done = status == .done
        switch id {
        case 1:
            let s = f.spot!
            let critical = s.criticalSuites.isEmpty ? "no critical_suites configured"
                : "critical suites excluded: " + s.criticalSuites.joined(separator: ", ")
            if status == .unknown {
                return unknown("No non-critical record in the period has instance-hours and a known market (\(critical)).",
                               input: "duration_seconds and the market (metadata.market, spot_instance or preemptible) of non-critical runs")
            }
            var toDone = ""
            if !done {
                toDone = "move \(hoursUp(s.moreHours ?? 0)) more instance-hours of non-critical runs to spot"
                if let suite = s.topOnDemandSuite, let hours = s.topOnDemandHours {
                    toDone += "; most on-demand hours: suite \(suite) (\(Format.hours(hours)) h)"
                }
            }
            return Phrases(value: "\(Format.percent(share)) of non-critical instance-hours on spot",
                         detail: "\(Format.hours(s.spotHours)) of \(Format.hours(s.hours)) instance-hours "
                            + "of non-critical records with a known market ran on spot (\(critical)).",
                         toDone: toDone)
        case 2:
            let r = f.rightSize!
            if status == .unknown {
                return unknown("No spend in the period on records with a known test type.",
                               input: "record metadata.test_type or name suites unit/smoke/integration/benchmark")
            }
            var toDone = ""
            if !done {
                toDone = "right-size \(usdUp(r.moreSpend ?? 0)) more of the oversized spend"
                if let top = r.largest { toDone += "; largest: suite \(top.key), \(top.action)" }
            }
            return Phrases(value: "\(Format.percent(share)) of spend with a known test type on oversized instances",
                         detail: "\(Format.usd(r.oversizedSpend)) of \(Format.usd(r.knownTestTypeSpend)) spend with a known test type ran on "
                            + "an instance dearer than its test type's recommendation (same provider, TPU with TPU, GPU with GPU)"
                            + (r.unknownTestTypeSpend > 0 ? "; \(Format.usd(r.unknownTestTypeSpend)) has no known test type and is not judged." : "."),
                         toDone: toDone)
        case 3:
            let p = f.parallel!
            if status == .unknown {
                return unknown("No run in the period records pytest_args or workers.", input: "record pytest_args or workers in metadata")
            }
            return Phrases(value: "\(Format.percent(share)) of runs that record pytest args run in parallel",
                         detail: "\(p.parallel) of \(runs(p.recorded)) that record pytest_args or workers ran with "
                            + "-n N (N > 1 or auto) or workers > 1; \(runs(p.runs - p.recorded)) record neither.",
                         toDone: done ? "" : "run \(moreRuns(p.moreRuns ?? 0)) in parallel (pytest -n auto or workers > 1)")
        case 4:
            let c = f.cache!
            if status == .unknown {
                return unknown(c.runs == 0 ? "No run in the period." : "No run in the period records metadata.cache.",
                               input: "record metadata.cache (or declare item 4 in costreport.yml checklist.declared)")
            }
            return Phrases(value: "\(Format.percent(share)) of runs cache weights and kernels",
                         detail: "\(c.cached) of \(runs(c.runs)) in the period have metadata.cache true.",
                         toDone: done ? "" : "cache weights and kernels (metadata.cache: true) in \(moreRuns(c.moreRuns ?? 0))")
        case 5:
            let o = f.offPeak!
            if status == .unknown {
                return unknown("No \(o.scheduled ? "spend on scheduled runs" : "spend") in the period.",
                               input: "runs with spend in the period (scheduled: trigger nightly/weekly/schedule, or a suite named so)")
            }
            let window = offPeakWindow(o)
            let which = o.scheduled ? "scheduled spend (trigger nightly/weekly/schedule/scheduled, or a suite named so)"
                : "spend (no run is scheduled, so all records are judged)"
            return Phrases(value: "\(Format.percent(share)) of \(o.scheduled ? "scheduled spend" : "spend (none scheduled)") starts off-peak",
                         detail: "\(Format.usd(o.offPeakSpend)) of \(Format.usd(o.spend)) \(which) started off-peak (\(window)).",
                         toDone: done ? "" : "start \(usdUp(o.moreSpend ?? 0)) more of that spend off-peak (\(window))")
        case 6:
            let r = f.regions!
            if status == .unknown {
                return unknown("No on-demand spend in the period on instance types with regional prices in the catalog.",
                               input: "on-demand runs of instance types whose catalog entry lists regions")
            }
            var toDone = ""
            if !done {
                toDone = "move \(usdUp(r.moreSpend ?? 0)) more of it to the cheapest region"
                if let top = r.largest { toDone += "; largest: \(top.key), \(top.action)" }
            }
            return Phrases(value: "\(Format.percent(share)) of regionally priced on-demand spend in the cheapest region",
                         detail: "\(Format.usd(r.cheapestSpend)) of \(Format.usd(r.regionalSpend)) on-demand spend on instance types "
                            + "with regional prices ran where the price is the cheapest listed.",
                         toDone: toDone)
        case 7: return alerts(f.alerts!, done: done)
        case 8: return review(f.review!, status: status)
        case 9: return reserved(f.reserved!, status: status)
        default: return cleanup(f.cleanup!, done: done)
        }
    }

    /// An item without the data to decide it: the figure is what is missing, in the detail's own words.
    static func unknown(_ detail: String, input: String) -> Phrases {
        Phrases(value: String(detail.prefix { $0 != "." && $0 != ";" && $0 != "(" }).trimmingSpaces,
              detail: "\(detail) Would decide it: \(input).", toDone: input)
    }

    static func alerts(_ a: ChecklistFacts.Alerts, done: Bool) -> Phrases {
        var set: [String] = [], missing: [String] = []
        if a.configFile, let m = a.monthlyBudget { set.append("budget.monthly (\(Format.usd(m)))") } else { missing.append("budget.monthly") }
        if a.configFile, let d = a.dailyAlert { set.append("budget.daily_alert (\(Format.usd(d)))") } else { missing.append("budget.daily_alert") }
        let detail: String
        let standard = BudgetConfig()
        let defaults = "\(Format.usd(standard.monthly)) a month and daily alert of \(Format.usd(standard.dailyAlert))"
        if !a.configFile {
            detail = "No costreport.yml was found, so no monthly budget or daily alert is configured: the reports grade spend against the default budget of \(defaults) until budget.monthly and budget.daily_alert are set."
        } else {
            detail = set.isEmpty ? "costreport.yml sets neither budget.monthly nor budget.daily_alert: the reports grade spend against the default budget of \(defaults)."
                : "costreport.yml sets " + set.joined(separator: " and ")
                    + (missing.isEmpty ? "." : "; \(missing.joined(separator: " and ")) is not set.")
        }
        return Phrases(value: "\(set.count) of 2 set (monthly budget, daily alert)", detail: detail,
                     toDone: done ? "" : (a.configFile ? "set " : "create costreport.yml and set ")
                        + missing.joined(separator: " and ") + (a.configFile ? " in costreport.yml" : ""))
    }

    static func review(_ r: ChecklistFacts.Review, status: ChecklistStatus) -> Phrases {
        let first = r.weeks.first ?? "", last = r.weeks.last ?? ""
        guard status != .unknown, let published = r.published, let missed = r.missed else {
            return unknown("No publication log was given, so builds in \(first)…\(last) are not known.",
                           input: "the site's publication log, written by costreport build")
        }
        let detail = "The publication log shows a build in \(published.isEmpty ? "none" : published.joined(separator: ", "))"
            + " of the 4 ISO weeks ending with the as-of week \(last)"
            + (missed.isEmpty ? "." : "; none in \(missed.joined(separator: ", ")).")
        return Phrases(value: "\(published.count) of the last 4 ISO weeks published", detail: detail,
                     toDone: status == .done ? "" : "build and publish the site every week (missed: \(missed.joined(separator: ", ")))")
    }

    static func reserved(_ r: ChecklistFacts.Reserved, status: ChecklistStatus) -> Phrases {
        guard status != .unknown, let first = r.months.first, let last = r.months.last else {
            return unknown("No full calendar month of records ends on or before the as-of date "
                            + "(the window is the last \(r.windowMonths) months starting on or after the first record).",
                           input: "at least one full calendar month of records")
        }
        let span = first == last ? first : "\(first)…\(last)"
        let months = "\(span) (\(Words.count(r.months.count, "full month")))"
        let value = r.recommended == 0 ? "no commitment pays off over \(Words.count(r.months.count, "month"))"
            : "\(Format.usd(r.monthlySavings))/month from \(Words.count(r.recommended, "commitment"))"
        func describe(_ row: ChecklistFacts.Reserved.Row) -> String {
            "\(row.provider) \(row.instanceType) ran \(Format.hours(row.meanHours)) on-demand h/month "
                + "(utilization \(Format.percent(row.utilization)), break-even \(Format.percent(row.breakEven)))"
        }
        let alreadyReserved = r.reservedRecords > 0
            ? " \(Words.count(r.reservedRecords, "record")) already ran on reserved capacity." : ""
        if let top = r.top, let term = top.term {
            return Phrases(value: value,
                         detail: "Over \(months), \(describe(top)): a \(term) commitment would save \(Format.usd(top.monthlySavings))/month"
                            + (r.recommended > 1 ? "; \(r.recommended - 1) more instance types would save too." : ".") + alreadyReserved,
                         toDone: "commit to \(term) for \(top.provider) \(top.instanceType) (saves \(Format.usd(top.monthlySavings))/month)")
        }
        if r.reservedRecords > 0 {
            return Phrases(value: value, detail: "\(Words.count(r.reservedRecords, "record")) ran on reserved capacity in \(months), "
                            + "and no further commitment pays off.", toDone: "")
        }
        return Phrases(value: value,
                     detail: "Over \(months), no instance type's on-demand utilization reaches a commitment's break-even"
                        + (r.highest.map { "; highest: " + describe($0) + "." } ?? "; no on-demand hours in the window."),
                     toDone: "")
    }

    static let inventoryInput = "pass --inventory DIR with the JSON of aws ec2 describe-volumes, describe-snapshots, "
        + "describe-addresses and gcloud compute disks list, snapshots list, addresses list (--format=json)"

    static func cleanup(_ c: ChecklistFacts.Cleanup, done: Bool) -> Phrases {
        guard c.inventoryGiven else { return unknown("No inventory was given.", input: inventoryInput) }
        func group(_ g: ChecklistFacts.Cleanup.Group?, _ word: String, _ plural: String) -> String? {
            g.map { "\(Words.count($0.count, word, plural)) (\(Format.usd($0.monthlyCost))/month)" }
        }
        let parts = [group(c.volumes, "unattached volume/disk", "unattached volumes/disks"),
                     group(c.snapshots, "old snapshot", "old snapshots"),
                     group(c.addresses, "unused address", "unused addresses")].compactMap { $0 }
        var detail = c.resources == 0
            ? "Nothing unused in \(Words.count(c.files, "inventory file")) (snapshots judged at \(c.snapshotAgeDays) days)."
            : "\(Words.count(c.resources, "unused resource")) cost \(Format.usd(c.monthlyCost))/month: "
                + parts.joined(separator: ", ") + " (snapshots older than \(c.snapshotAgeDays) days at the end of \(c.asOf), UTC)."
        if c.undatedSnapshots > 0 { detail += " \(Words.count(c.undatedSnapshots, "snapshot")) without a creation time not judged." }
        if !c.unrecognizedFiles.isEmpty { detail += " Not recognised: \(c.unrecognizedFiles.joined(separator: ", "))." }
        return Phrases(value: "\(Format.usd(c.monthlyCost))/month on \(Words.count(c.resources, "unused resource"))",
                     detail: detail,
                     toDone: done || c.largest == nil ? ""
                        : "delete or release the unused resources; largest: \(c.largest!.id) at \(Format.usd(c.largest!.monthlyCost))/month, \(c.largest!.reason)")
    }

    // MARK: Small phrases

    /// "22:00–06:00 or weekends".
    static func offPeakWindow(_ o: ChecklistFacts.OffPeak) -> String {
        func hm(_ m: Int) -> String { "\(m / 60 < 10 ? "0" : "")\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60)" }
        return "\(hm(o.startMinute))–\(hm(o.endMinute))" + (o.weekends ? " or weekends" : "")
    }

    /// Hours rounded up to the tenth shown, so doing what it says reaches the threshold.
    static func hoursUp(_ h: Double) -> String { Format.hours(max(0, ((h * 10) - 1e-9).rounded(.up) / 10)) }

    /// Money rounded up to the cent shown.
    static func usdUp(_ v: Double) -> String { Format.usd(max(0, ((v * 100) - 1e-9).rounded(.up) / 100)) }

    static func runs(_ n: Int) -> String { Words.count(n, "run") }

    /// `1 more run`, `3 more runs`.
    static func moreRuns(_ n: Int) -> String { "\(Format.count(n)) more \(n == 1 ? "run" : "runs")" }
}
