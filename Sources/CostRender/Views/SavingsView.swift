import CostModel

/// The Savings section (spec §5): what spot and reserved capacity already saved against on-demand,
/// what each opportunity could still save, and the reserved-capacity analysis. Figures are
/// pre-formatted strings from the report and the flags say which case applies; every sentence is
/// in `Templates/partials/savings.mustache`, where a team can reword it.
struct SavingsView: TemplateFields {
    let realizedSavings: String
    /// The absolute amount, for "cost … more than on-demand" when savings are negative.
    let realizedAmount: String
    let onDemandEquivalent: String
    /// Nil ("n/a" in tables) when no record had a rate.
    let savingsRate: String?
    let saved: Bool
    let costMore: Bool
    let nothingSaved: Bool
    let hasSpend: Bool
    /// True when at least one of spot, right-size and region has a positive potential.
    let hasOpportunities: Bool
    /// The table's four rows, one per opportunity (the template names them).
    let spot: OpportunityRow
    let rightSize: OpportunityRow
    let region: OpportunityRow
    let combined: OpportunityRow
    /// Each opportunity's top suites, instance types and runs; nil when it has nothing to show.
    /// The combined one only when two or more opportunities mix (alone, it lists the same runs).
    let spotDetail: OpportunityDetail?
    let rightSizeDetail: OpportunityDetail?
    let regionDetail: OpportunityDetail?
    let combinedDetail: OpportunityDetail?
    /// Off-peak share of spend (nil without spend) and its spend.
    let offPeakShare: String?
    let offPeakSpend: String
    let reserved: [ReservedRow]
    let hasReserved: Bool
    /// The full months the reserved analysis covers (`2026-09, 2026-10`), how many, and the cases.
    let reservedMonths: String
    let reservedMonthCount: Int
    let reservedOneMonth: Bool
    let noReservedUse: Bool
    let noFullMonth: Bool
    let asOf: String
    let recommendedCount: String
    let oneRecommended: Bool
    let noneRecommended: Bool
    let recommendedSavings: String

    /// Rows per kind (suite, instance type, run) shown in an opportunity's table; the rest (the
    /// report keeps up to 10 of each) are folded below it.
    static let itemLimit = 5

    init(_ r: Report, runURL: RunURL? = nil) {
        let t = r.totals, o = r.opportunities
        realizedSavings = Format.usd(t.realizedSavings)
        realizedAmount = Format.usd(t.realizedSavings.magnitude)
        onDemandEquivalent = Format.usd(t.onDemandEquivalent)
        savingsRate = t.savingsRate.map(Format.percent)
        saved = t.realizedSavings > 0
        costMore = t.realizedSavings < 0
        hasSpend = t.spend > 0
        nothingSaved = t.realizedSavings == 0 && t.spend > 0

        spot = OpportunityRow(o.spot)
        rightSize = OpportunityRow(o.rightSize)
        region = OpportunityRow(o.region)
        combined = OpportunityRow(o.combined)
        let positive = [o.spot, o.rightSize, o.region].filter { $0.potential > 0 }.count
        hasOpportunities = positive > 0
        func detail(_ x: Opportunity, bestValue: [BestValueNote] = []) -> OpportunityDetail? {
            guard x.potential > 0 else { return nil }
            let d = OpportunityDetail(x, bestValue: bestValue, runURL: runURL)
            return d.hasItems ? d : nil
        }
        spotDetail = detail(o.spot)
        rightSizeDetail = detail(o.rightSize, bestValue: r.rightSizeBestValue)
        regionDetail = detail(o.region)
        combinedDetail = positive > 1 ? detail(o.combined) : nil
        offPeakShare = o.offPeakShare.map(Format.percent)
        offPeakSpend = Format.usd(o.offPeakSpend)

        reserved = o.reserved.map(ReservedRow.init)
        hasReserved = !reserved.isEmpty
        let monthIds = o.reservedSummary.monthIds
        reservedMonths = monthIds.joined(separator: ", ")
        reservedMonthCount = monthIds.count
        reservedOneMonth = monthIds.count == 1
        noReservedUse = o.reserved.isEmpty
        noFullMonth = !o.reserved.isEmpty && monthIds.isEmpty
        asOf = r.asOf
        let summary = o.reservedSummary
        recommendedCount = Format.count(summary.recommended)
        oneRecommended = summary.recommended == 1
        noneRecommended = summary.recommended == 0
        recommendedSavings = Format.usd(summary.monthlySavings)
    }
}

/// One opportunity in a table: the report's Savings section and the PR comment share it.
struct OpportunityRow: TemplateFields {
    let potential: String
    let share: String
    let records: String
    let spend: String
    /// The suite with the largest potential and what to change there (used by the PR comment).
    let largest: String

    init(_ o: Opportunity) {
        potential = Format.usd(o.potential)
        share = Format.percent(o.share)
        records = Format.count(o.records)
        spend = Format.usd(o.spend)
        largest = o.topSuites.first.map { Clip.text("\($0.key): \($0.action)", 120) } ?? ""
    }
}

/// One opportunity's top suites, instance types and runs, in one small table.
struct OpportunityDetail: TemplateFields {
    let potential: String
    let items: [OpportunityItemRow]
    let hasItems: Bool
    /// Rows beyond `SavingsView.itemLimit` per kind (the report keeps up to 10 each): folded.
    let omitted: String?
    let omittedOne: Bool
    let more: [OpportunityItemRow]
    /// Right-size only (issue 12 part 4): where the benchmark's best value is another instance.
    let bestValue: [BestValueRow]
    let hasBestValue: Bool

    init(_ o: Opportunity, bestValue notes: [BestValueNote] = [], runURL: RunURL? = nil) {
        bestValue = notes.map(BestValueRow.init)
        hasBestValue = !notes.isEmpty
        potential = Format.usd(o.potential)
        let limit = SavingsView.itemLimit
        let groups: [(String, [OpportunityItem])] = [
            ("Suite", o.topSuites), ("Instance type", o.topInstanceTypes), ("Run", o.topRuns),
        ]
        func row(_ kind: String, _ item: OpportunityItem) -> OpportunityItemRow {
            OpportunityItemRow(kind: kind, item, href: kind == "Run" ? runURL?.linkIfRecorded(item.key) : nil)
        }
        items = groups.flatMap { kind, list in list.prefix(limit).map { row(kind, $0) } }
        hasItems = !items.isEmpty
        more = groups.flatMap { kind, list in list.dropFirst(limit).map { row(kind, $0) } }
        omitted = more.isEmpty ? nil : Format.count(more.count)
        omittedOne = more.count == 1
    }
}

/// A benchmark whose best-value instance type (spec §13) is not the right-size recommendation.
struct BestValueRow: TemplateFields {
    let benchmark: String
    let recommended: String
    let best: String
    /// The recommended instance's share of the best value (`62.5%`), or nil when never measured there.
    let recommendedValue: String?
    let records: String
    let spend: String

    init(_ n: BestValueNote) {
        benchmark = n.benchmark
        recommended = n.recommended
        best = n.bestInstanceType
        recommendedValue = n.recommendedRelativeValue.map(Format.percent)
        records = Format.count(n.records)
        spend = Format.usd(n.spend)
    }
}

struct OpportunityItemRow: TemplateFields {
    let kind: String
    let key: String
    /// A run's page on the CI (`--run-url`); nil: plain text.
    let href: String?
    let records: String
    let spend: String
    let potential: String
    let action: String

    /// Repeated for every item of every opportunity: no reflection (see `TemplateFields`).
    func child(named name: String) -> Any? {
        switch name {
        case "kind": return kind
        case "key": return key
        case "href": return href
        case "records": return records
        case "spend": return spend
        case "potential": return potential
        case "action": return action
        default: return nil
        }
    }

    init(kind: String, _ item: OpportunityItem, href: String? = nil) {
        self.kind = kind
        key = item.key
        self.href = href
        records = Format.count(item.records)
        spend = Format.usd(item.spend)
        potential = Format.usd(item.potential)
        action = item.action
    }
}

struct ReservedRow: TemplateFields {
    let provider: String
    let instanceType: String
    let months: String
    let meanHours: String
    let utilization: String
    let breakEven: String
    let term: String
    let monthlySavings: String

    init(_ r: ReservedCapacity) {
        provider = r.provider
        instanceType = r.instanceType
        months = Format.count(r.months)
        meanHours = Format.hours(r.meanHours)
        utilization = Format.percent(r.utilization)
        breakEven = Format.percent(r.breakEven)
        term = r.term.map(TermText.label) ?? "none"
        monthlySavings = Format.usd(r.monthlySavings)
    }
}

enum TermText {
    /// `1y` → `1-year`, `3y` → `3-year`; anything else as the catalog names it.
    static func label(_ term: String) -> String {
        if term.hasSuffix("y"), let years = Int(term.dropLast()) { return "\(years)-year" }
        return term
    }
}
