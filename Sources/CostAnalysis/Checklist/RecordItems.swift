import CostModel

/// Checklist items 1–6, over the report period's records (spec §7, §12 denominators).
extension Checklist {
    /// 1: spot hours / hours of non-critical records with a known market.
    static func spot(_ c: ChecklistContext) -> ChecklistItem {
        let i = c.inputs
        let critical = c.config.criticalSuites.isEmpty ? "no critical_suites configured"
            : "critical suites excluded: " + c.config.criticalSuites.joined(separator: ", ")
        guard i.nonCriticalHours > 0 else {
            return unknown(1, c, detail: "No non-critical record in the period has instance-hours and a known market (\(critical)).",
                           input: "duration_seconds and the market (metadata.market, spot_instance or preemptible) of non-critical runs")
        }
        let share = i.nonCriticalSpotHours / i.nonCriticalHours
        return measured(1, c, value: share, valueText: "\(Format.percent(share)) of non-critical instance-hours on spot",
                        detail: "\(Format.hours(i.nonCriticalSpotHours)) of \(Format.hours(i.nonCriticalHours)) instance-hours "
                            + "of non-critical records with a known market ran on spot (\(critical)).") { t in
            var text = "move \(ChecklistText.hoursUp(t.done * i.nonCriticalHours - i.nonCriticalSpotHours)) more instance-hours of non-critical runs to spot"
            let top = i.nonCriticalOnDemandHours.map { (suite: c.labels[$0.key], hours: $0.value) }
                .min { $0.hours != $1.hours ? $0.hours > $1.hours : $0.suite < $1.suite }
            if let top { text += "; most on-demand hours: suite \(top.suite) (\(Format.hours(top.hours)) h)" }
            return text
        }
    }

    /// 2: oversized spend / spend of records with a known test type (lower is better).
    static func rightSize(_ c: ChecklistContext) -> ChecklistItem {
        let i = c.inputs
        guard i.knownTestTypeRecords > 0, i.knownTestTypeSpend > 0 else {
            return unknown(2, c, detail: "No spend in the period on records with a known test type.",
                           input: "record metadata.test_type or name suites unit/smoke/integration/benchmark")
        }
        let share = i.oversizedSpend / i.knownTestTypeSpend
        let unknownSpend = i.all.spend - i.knownTestTypeSpend
        return measured(2, c, value: share, valueText: "\(Format.percent(share)) of spend with a known test type on oversized instances",
                        detail: "\(Format.usd(i.oversizedSpend)) of \(Format.usd(i.knownTestTypeSpend)) spend with a known test type ran on "
                            + "an instance dearer than its test type's recommendation (same provider, TPU with TPU, GPU with GPU)"
                            + (unknownSpend > 0 ? "; \(Format.usd(unknownSpend)) has no known test type and is not judged." : ".")) { t in
            var text = "right-size \(ChecklistText.usdUp(i.oversizedSpend - t.done * i.knownTestTypeSpend)) more of the oversized spend"
            if let top = c.opportunities.rightSize.topSuites.first { text += "; largest: suite \(top.key), \(top.action)" }
            return text
        }
    }

    /// 3: parallel runs / runs that record pytest args or workers (once per run_id).
    static func parallel(_ c: ChecklistContext) -> ChecklistItem {
        let recorded = c.inputs.parallelismRecorded.count, parallel = c.inputs.parallel.count
        guard recorded > 0 else {
            return unknown(3, c, detail: "No run in the period records pytest_args or workers.",
                           input: "record pytest_args or workers in metadata")
        }
        let share = Double(parallel) / Double(recorded)
        return measured(3, c, value: share, valueText: "\(Format.percent(share)) of runs that record pytest args run in parallel",
                        detail: "\(parallel) of \(ChecklistText.runs(recorded)) that record pytest_args or workers ran with "
                            + "-n N (N > 1 or auto) or workers > 1; \(ChecklistText.runs(c.inputs.runs.count - recorded)) record neither.") { t in
            "run \(ChecklistText.moreRuns(ChecklistText.more(parallel, of: recorded, toReach: t.done))) in parallel (pytest -n auto or workers > 1)"
        }
    }

    /// 4: runs with metadata.cache true / all runs.
    static func cache(_ c: ChecklistContext) -> ChecklistItem {
        let runs = c.inputs.runs.count, on = c.inputs.cacheOn.count
        guard runs > 0, c.inputs.cacheRecorded else {
            return unknown(4, c, detail: runs == 0 ? "No run in the period." : "No run in the period records metadata.cache.",
                           input: "record metadata.cache (or declare item 4 in costreport.yml checklist.declared)")
        }
        let share = Double(on) / Double(runs)
        return measured(4, c, value: share, valueText: "\(Format.percent(share)) of runs cache weights and kernels",
                        detail: "\(on) of \(ChecklistText.runs(runs)) in the period have metadata.cache true.") { t in
            "cache weights and kernels (metadata.cache: true) in \(ChecklistText.moreRuns(ChecklistText.more(on, of: runs, toReach: t.done)))"
        }
    }

    /// 5: off-peak share of scheduled records' spend (all records' when none is scheduled).
    static func offPeak(_ c: ChecklistContext) -> ChecklistItem {
        let scheduled = c.inputs.scheduled.records > 0
        let tally = scheduled ? c.inputs.scheduled : c.inputs.all
        let window = c.config.offPeak.windowText
        let which = scheduled ? "scheduled spend (trigger nightly/weekly/schedule/scheduled, or a suite named so)"
            : "spend (no run is scheduled, so all records are judged)"
        guard let share = tally.share else {
            return unknown(5, c, detail: "No \(scheduled ? "spend on scheduled runs" : "spend") in the period.",
                           input: "runs with spend in the period (scheduled: trigger nightly/weekly/schedule, or a suite named so)")
        }
        return measured(5, c, value: share,
                        valueText: "\(Format.percent(share)) of \(scheduled ? "scheduled spend" : "spend (none scheduled)") starts off-peak",
                        detail: "\(Format.usd(tally.offPeakSpend)) of \(Format.usd(tally.spend)) \(which) started off-peak (\(window)).") { t in
            "start \(ChecklistText.usdUp(t.done * tally.spend - tally.offPeakSpend)) more of that spend off-peak (\(window))"
        }
    }

    /// 6: share of regionally priced on-demand spend in the cheapest listed region.
    static func regions(_ c: ChecklistContext) -> ChecklistItem {
        let i = c.inputs
        guard i.regionalRecords > 0, i.regionalSpend > 0 else {
            return unknown(6, c, detail: "No on-demand spend in the period on instance types with regional prices in the catalog.",
                           input: "on-demand runs of instance types whose catalog entry lists regions")
        }
        let share = i.cheapestSpend / i.regionalSpend
        return measured(6, c, value: share, valueText: "\(Format.percent(share)) of regionally priced on-demand spend in the cheapest region",
                        detail: "\(Format.usd(i.cheapestSpend)) of \(Format.usd(i.regionalSpend)) on-demand spend on instance types "
                            + "with regional prices ran where the price is the cheapest listed.") { t in
            var text = "move \(ChecklistText.usdUp(t.done * i.regionalSpend - i.cheapestSpend)) more of it to the cheapest region"
            if let top = c.opportunities.region.topInstanceTypes.first { text += "; largest: \(top.key), \(top.action)" }
            return text
        }
    }
}
