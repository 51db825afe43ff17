import CostModel

/// The period's pass for spec §5 and checklist items 1–6: fed record by record in the same loop as
/// the breakdowns, with each record's precomputed `RecordSavings`.
struct SavingsAccumulator {
    private let index: SavingsIndex
    private let offPeakConfig: OffPeakConfig
    private(set) var total = OpportunityTally()
    private(set) var suites = OpportunityGroups()
    private(set) var instanceTypes = OpportunityGroups()
    private(set) var runs = OpportunityGroups()
    private(set) var offPeak = OffPeakTally()
    private(set) var checklist = RecordChecklistInputs()

    init(index: SavingsIndex, config: Config) {
        self.index = index
        offPeakConfig = config.offPeak
    }

    mutating func add(_ r: RunRecord, _ s: RecordSavings) {
        let isOffPeak = offPeakConfig.isOffPeak(r)
        offPeak.add(cost: r.cost, offPeak: isOffPeak)
        checklist.add(r, s, offPeak: isOffPeak)
        guard s.anyApplies else { return }
        total.add(cost: r.cost, s, facts: index.facts)
        suites.add(r.suite, cost: r.cost, s, facts: index.facts)
        instanceTypes.add(r.instanceType, cost: r.cost, s, facts: index.facts)
        runs.add(r.run, cost: r.cost, s, facts: index.facts)
    }

    /// The period's opportunities; `reserved` comes from the as-of window (not the period), nil for
    /// a pull request's report, which has no reserved analysis.
    func opportunities(labels: Labels, reserved: ReservedWindow?) -> Opportunities {
        let periodSpend = offPeak.spend
        func build(_ kind: OpportunityKind) -> Opportunity {
            let part = total[kind]
            let change = { (t: OpportunityTally) in OpportunityAction.change(kind, t, names: index.names) }
            let label = { (id: StringID) in labels[id] }
            return Opportunity(potential: part.potential, records: part.records, spend: part.spend,
                               share: periodSpend > 0 ? part.potential / periodSpend : 0,
                               topSuites: suites.top(kind, label: label, change: change),
                               topInstanceTypes: instanceTypes.top(kind, label: label, change: change),
                               topRuns: runs.top(kind, label: label, change: change))
        }
        let spot = build(.spot), rightSize = build(.rightSize), region = build(.region)
        return Opportunities(spot: spot, rightSize: rightSize, region: region,
                             combined: build(.combined), offPeakShare: offPeak.share,
                             offPeakSpend: offPeak.offPeakSpend, reserved: reserved?.rows ?? [],
                             reservedSummary: reserved?.summary ?? .none,
                             topActions: TopActions.rank(spot: spot, rightSize: rightSize, region: region))
    }
}
