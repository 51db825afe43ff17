import CostModel

/// Checklist items 1–6, over the report period's records (spec §7, §12 denominators).
extension Checklist {
    /// 1: spot hours / hours of non-critical records with a known market.
    static func spot(_ c: ChecklistContext) -> ChecklistItem {
        let i = c.inputs
        let critical = c.config.criticalSuites
        guard i.nonCriticalHours > 0 else {
            return unknown(1, c) { $0.spot = .init(criticalSuites: critical, hours: 0, spotHours: 0) }
        }
        return measured(1, c, value: i.nonCriticalSpotHours / i.nonCriticalHours) { f, t, done in
            var s = ChecklistFacts.Spot(criticalSuites: critical, hours: i.nonCriticalHours, spotHours: i.nonCriticalSpotHours)
            if !done {
                s.moreHours = t.done * i.nonCriticalHours - i.nonCriticalSpotHours
                let top = i.nonCriticalOnDemandHours.map { (suite: c.labels[$0.key], hours: $0.value) }
                    .min { $0.hours != $1.hours ? $0.hours > $1.hours : $0.suite < $1.suite }
                s.topOnDemandSuite = top?.suite
                s.topOnDemandHours = top?.hours
            }
            f.spot = s
        }
    }

    /// 2: oversized spend / spend of records with a known test type (lower is better).
    static func rightSize(_ c: ChecklistContext) -> ChecklistItem {
        let i = c.inputs
        let unknownSpend = i.all.spend - i.knownTestTypeSpend
        guard i.knownTestTypeRecords > 0, i.knownTestTypeSpend > 0 else {
            return unknown(2, c) {
                $0.rightSize = .init(knownTestTypeSpend: i.knownTestTypeSpend, oversizedSpend: i.oversizedSpend,
                                     unknownTestTypeSpend: unknownSpend)
            }
        }
        return measured(2, c, value: i.oversizedSpend / i.knownTestTypeSpend) { f, t, done in
            f.rightSize = .init(knownTestTypeSpend: i.knownTestTypeSpend, oversizedSpend: i.oversizedSpend,
                                unknownTestTypeSpend: unknownSpend,
                                moreSpend: done ? nil : i.oversizedSpend - t.done * i.knownTestTypeSpend,
                                largest: done ? nil : c.opportunities.rightSize.topSuites.first)
        }
    }

    /// 3: parallel runs / runs that record pytest args or workers (once per run_id).
    static func parallel(_ c: ChecklistContext) -> ChecklistItem {
        let runs = c.inputs.runs.count, recorded = c.inputs.parallelismRecorded.count, parallel = c.inputs.parallel.count
        guard recorded > 0 else {
            return unknown(3, c) { $0.parallel = .init(runs: runs, recorded: 0, parallel: parallel) }
        }
        return measured(3, c, value: Double(parallel) / Double(recorded)) { f, t, done in
            f.parallel = .init(runs: runs, recorded: recorded, parallel: parallel,
                               moreRuns: done ? nil : ChecklistText.more(parallel, of: recorded, toReach: t.done))
        }
    }

    /// 4: runs with metadata.cache true / all runs.
    static func cache(_ c: ChecklistContext) -> ChecklistItem {
        let runs = c.inputs.runs.count, on = c.inputs.cacheOn.count, recorded = c.inputs.cacheRecorded
        guard runs > 0, recorded else {
            return unknown(4, c) { $0.cache = .init(runs: runs, recorded: recorded, cached: on) }
        }
        return measured(4, c, value: Double(on) / Double(runs)) { f, t, done in
            f.cache = .init(runs: runs, recorded: true, cached: on,
                            moreRuns: done ? nil : ChecklistText.more(on, of: runs, toReach: t.done))
        }
    }

    /// 5: off-peak share of scheduled records' spend (all records' when none is scheduled).
    static func offPeak(_ c: ChecklistContext) -> ChecklistItem {
        let scheduled = c.inputs.scheduled.records > 0
        let tally = scheduled ? c.inputs.scheduled : c.inputs.all
        let w = c.config.offPeak
        func facts(more: Double?) -> ChecklistFacts.OffPeak {
            .init(scheduled: scheduled, spend: tally.spend, offPeakSpend: tally.offPeakSpend, moreSpend: more,
                  startMinute: w.startMinute, endMinute: w.endMinute, weekends: w.weekends)
        }
        guard let share = tally.share else {
            return unknown(5, c) { $0.offPeak = facts(more: nil) }
        }
        return measured(5, c, value: share) { f, t, done in
            f.offPeak = facts(more: done ? nil : t.done * tally.spend - tally.offPeakSpend)
        }
    }

    /// 6: share of regionally priced on-demand spend in the cheapest listed region.
    static func regions(_ c: ChecklistContext) -> ChecklistItem {
        let i = c.inputs
        guard i.regionalRecords > 0, i.regionalSpend > 0 else {
            return unknown(6, c) { $0.regions = .init(regionalSpend: i.regionalSpend, cheapestSpend: i.cheapestSpend) }
        }
        return measured(6, c, value: i.cheapestSpend / i.regionalSpend) { f, t, done in
            f.regions = .init(regionalSpend: i.regionalSpend, cheapestSpend: i.cheapestSpend,
                              moreSpend: done ? nil : t.done * i.regionalSpend - i.cheapestSpend,
                              largest: done ? nil : c.opportunities.region.topInstanceTypes.first)
        }
    }
}
