import CostModel

extension Analyzer {
    /// The report of one pull request (or branch) as seen on `asOf`, compared with `base`'s last
    /// 4 weeks. One pass over the records up to as-of: a record of the PR feeds the PR's totals,
    /// market mix, suites, runs and opportunities (with its precomputed `RecordSavings`, the same
    /// rules as every report); a record on the base branch inside the window feeds the base's suites.
    ///
    /// - The PR: records whose normalised PR key (selector `.pr`) or branch (selector `.branch`)
    ///   equals the selector's value. The PR key is matched as ingest stored it, so pass `123`, not
    ///   `#123` (the CLI normalises its argument with ingest's rule).
    /// - The base: records on `base` in the `PullRequestReport.baseWindowDays` days ending at
    ///   `asOf`, minus the PR's own records.
    /// Records after as-of count nowhere. A PR without records gives a report with `hasRuns == false`.
    public func pullRequest(_ selector: PullRequestSelector, base: String, asOf: Day,
                            siteURL: String? = nil, commit: String? = nil) -> PullRequestReport {
        // `(none)` (id 0) is "not recorded", never a PR key or a branch one can ask for.
        func id(_ text: String) -> StringID? {
            labels.strings.id(of: text).flatMap { $0 == StringTable.none ? nil : $0 }
        }
        let selected = id(selector.value)
        let baseID = id(base)
        func isPR(_ pr: StringID, _ branch: StringID) -> Bool {
            guard let selected else { return false }
            return (selector.kind == .pr ? pr : branch) == selected
        }
        // `--commit SHA`: the PR's runs of that commit only; a short SHA matches as a prefix.
        let wanted = commit?.lowercased()
        var commitMatches: [StringID: Bool] = [:]
        func isCommit(_ id: StringID) -> Bool {
            guard let wanted else { return true }
            if let known = commitMatches[id] { return known }
            let ok = id != StringTable.none && labels[id].lowercased().hasPrefix(wanted)
            commitMatches[id] = ok
            return ok
        }

        let records = timeline.records
        let end = timeline.dayStart[timeline.dayIndex(atOrAfter: asOf.adding(days: 1))]
        // The base window follows the PR (issue 14 part 3): the 4 weeks before its first run, so a
        // PR that ran in September is compared with the base's August, not with the weeks around
        // the data's latest record. Without runs: the 4 weeks up to as-of.
        let prStart = records[0..<end].first { isPR($0.pr, $0.branch) && isCommit($0.commit) }?.day
        let windowEnd = prStart.map { $0.adding(days: -1) } ?? asOf
        let windowStart = windowEnd.adding(days: 1 - PullRequestReport.baseWindowDays)

        var totals = TotalsAccumulator(runsContiguous: false)
        var markets = DimensionTally(runsContiguous: false)
        var suites = DimensionTally(runsContiguous: false)
        var baseSuites = DimensionTally(runsContiguous: false)
        var baseTotals = TotalsAccumulator(runsContiguous: false)
        var opportunities = SavingsAccumulator(index: savings, config: config)
        var runs = RunTable()
        var firstDay: Day?, lastDay: Day?
        let month = Period.month(containing: asOf)
        var monthSpend = 0.0

        for i in 0..<end {
            let r = records[i]
            if isPR(r.pr, r.branch) && isCommit(r.commit) {
                totals.add(r)
                markets.add(Int32(r.market.rawValue), r)
                suites.add(r.suite, r)
                opportunities.add(r, savings.savings(at: i, of: r))
                runs.add(r, index: i)
                if firstDay == nil { firstDay = r.day }
                lastDay = r.day
                if month.contains(r.day) { monthSpend += r.cost }
            } else if baseID != nil, r.branch == baseID, r.day >= windowStart, r.day <= windowEnd,
                      !isPR(r.pr, r.branch) {  // the PR's other commits are never its baseline
                baseSuites.add(r.suite, r)
                baseTotals.add(r)
            }
        }

        let prTotals = totals.totals
        let prRuns = runs.rows(records: records, labels: labels)
        let suiteRows = zip(suites.keys, suites.tallies).map { key, t -> SuiteComparison in
            let b = baseSuites.tally(for: key)
            return SuiteComparison(suite: labels[key], runs: t.runs, records: t.records, hours: t.hours, spend: t.spend,
                                   testsPassed: t.testsPassed, testsFailed: t.testsFailed,
                                   baseRuns: b?.runs ?? 0, baseSpend: b?.spend ?? 0)
        }.sorted { $0.spend != $1.spend ? $0.spend > $1.spend : $0.suite < $1.suite }

        var comparedRuns = 0, uncomparedRuns = 0
        var comparedSpend = 0.0, expectedSpend = 0.0, uncomparedSpend = 0.0
        // The headline's other measures, over the same compared runs (issue 14 part 1).
        var comparedHours = 0.0, expectedHours = 0.0, comparedFailed = 0.0, expectedFailed = 0.0
        for (key, s) in zip(suites.keys, suites.tallies) {
            guard let b = baseSuites.tally(for: key), b.runs > 0, b.spend > 0 else { continue }
            let scale = Double(s.runs) / Double(b.runs)
            comparedHours += s.hours; expectedHours += scale * b.hours
            comparedFailed += s.failedRunSpend; expectedFailed += scale * b.failedRunSpend
        }
        for s in suiteRows {
            if let perRun = s.baseSpendPerRun, perRun > 0 {
                comparedRuns += s.runs; comparedSpend += s.spend; expectedSpend += Double(s.runs) * perRun
            } else {
                uncomparedRuns += s.runs; uncomparedSpend += s.spend
            }
        }
        let baseWindowTotals = baseTotals.totals
        let comparison = PullRequestComparison(
            comparedRuns: comparedRuns, comparedSpend: comparedSpend, expectedSpend: expectedSpend,
            uncomparedRuns: uncomparedRuns, uncomparedSpend: uncomparedSpend,
            baseRuns: baseWindowTotals.runs, baseSpend: baseWindowTotals.spend)

        var report = PullRequestReport(
            selector: selector, base: base, asOf: asOf.iso,
            baseWindow: DayRange(start: windowStart, end: windowEnd),
            firstDay: firstDay?.iso, lastDay: lastDay?.iso, totals: prTotals, comparison: comparison,
            markets: markets.rows(label: { Market(rawValue: UInt8($0))?.key ?? Market.unknown.key },
                                  periodSpend: prTotals.spend),
            suites: suiteRows,
            runs: prRuns,
            opportunities: opportunities.opportunities(labels: labels, reserved: nil),
            siteURL: siteURL)
        // The PR's samples, selected like its records, against the fleet's over the base window.
        report.commits = CommitRuns.grouped(prRuns)
        report.commitFilter = commit
        let compared = comparedRuns > 0
        // Nothing to compare: no table of zeros; the comparison sentence says why.
        report.headline = !compared ? [] : [
            HeadlineMeasure(.spend, pr: comparedSpend, base: compared ? expectedSpend : nil),
            HeadlineMeasure(.runs, pr: Double(comparedRuns), base: nil),
            HeadlineMeasure(.hours, pr: comparedHours, base: compared ? expectedHours : nil),
            HeadlineMeasure(.spendPerRun, pr: compared ? comparedSpend / Double(comparedRuns) : 0,
                            base: compared ? expectedSpend / Double(comparedRuns) : nil),
            HeadlineMeasure(.failedRunSpend, pr: comparedFailed, base: compared ? expectedFailed : nil),
        ]
        let budget = BudgetCalculator.budget(timeline: timeline, labels: labels, config: config.budget, asOf: asOf)
        report.budgetImpact = BudgetImpact(month: budget.month, spend: monthSpend, monthToDate: budget.monthToDate,
                                           projected: budget.projected, monthly: budget.monthly,
                                           projectedStatus: budget.projectedStatus, monthlyConfigured: budget.monthlyConfigured)
        (report.efficiency, report.efficiencyWindow) = efficiency.pullRequest(
            from: windowStart, asOf: asOf, labels: labels, catalog: catalog) { isPR($0.pr, $0.branch) && isCommit($0.commit) }
        return report
    }
}

/// The PR's runs in order of their first record (records are in time order, so oldest first). A
/// run's dimensions are its first record's; hours, spend and tests are summed over its records.
private struct RunTable {
    struct Entry {
        /// Index into `Timeline.records` of the run's first record.
        var first: Int
        var records = 0
        var hours = 0.0
        var spend = 0.0
        var passed = 0
        var failed = 0
    }

    private var slotOf: [StringID: Int] = [:]
    private(set) var entries: [Entry] = []

    mutating func add(_ r: RunRecord, index: Int) {
        let slot: Int
        if r.run != StringTable.none, let s = slotOf[r.run] {
            slot = s
        } else {
            // A record without a run id is a run of its own.
            slot = entries.count
            if r.run != StringTable.none { slotOf[r.run] = slot }
            entries.append(Entry(first: index))
        }
        entries[slot].records += 1
        if let h = r.hours { entries[slot].hours += h }
        entries[slot].spend += r.cost
        entries[slot].passed = entries[slot].passed.addingSaturated(Int(r.testsPassed))
        entries[slot].failed = entries[slot].failed.addingSaturated(Int(r.testsFailed))
    }

    func rows(records: [RunRecord], labels: Labels) -> [PullRequestRun] {
        entries.map { e in
            let r = records[e.first]
            let minute = Int(r.minuteOfDay)
            let hh = minute / 60, mm = minute % 60
            let start = "\(r.day.iso) \(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm)"
            var run = PullRequestRun(runID: labels[r.run], start: start, suite: labels[r.suite],
                                     provider: labels[r.provider], instanceType: labels[r.instanceType],
                                     region: labels[r.region], market: r.market.key, records: e.records,
                                     hours: e.hours, spend: e.spend, testsPassed: e.passed, testsFailed: e.failed)
            run.commit = r.commit == StringTable.none ? nil : labels[r.commit]
            return run
        }
    }
}

extension CommitRuns {
    /// The runs (oldest first) by commit, in the order each commit was first run; "since the
    /// previous commit" compares each with the one before; then the latest commit first.
    static func grouped(_ runs: [PullRequestRun]) -> [CommitRuns] {
        var order: [String?] = []
        var groups: [String?: (first: String, last: String, runs: Int, spend: Double)] = [:]
        for run in runs {
            if groups[run.commit] == nil { order.append(run.commit); groups[run.commit] = (run.start, run.start, 0, 0) }
            groups[run.commit]!.last = run.start
            groups[run.commit]!.runs += 1
            groups[run.commit]!.spend += run.spend
        }
        var out: [CommitRuns] = []
        var previous: Double?
        for commit in order {
            let g = groups[commit]!
            out.append(CommitRuns(commit: commit, firstStart: g.first, lastStart: g.last, runs: g.runs, spend: g.spend,
                                  sincePrevious: previous.map { g.spend - $0 }))
            previous = g.spend
        }
        return out.reversed()
    }
}
