import CostModel

/// The Savings section (spec §5): what spot and reserved capacity already saved against on-demand,
/// what each opportunity could still save, and the reserved-capacity analysis. Every figure is a
/// pre-formatted string from the report; the template only places them.
struct SavingsView {
    /// One sentence on the realized savings of the period (from `totals`).
    let realized: String
    let realizedSavings: String
    let onDemandEquivalent: String
    let savingsRate: String
    /// True when at least one of spot, right-size and region has a positive potential.
    let hasOpportunities: Bool
    /// The sentence shown instead of the opportunities table when there is nothing to save.
    let noOpportunity: String
    let rows: [OpportunityRow]
    /// The three opportunities overlap: the combined figure is not their sum.
    let overlap: String
    let offPeak: String
    let details: [OpportunityDetail]
    let hasDetails: Bool
    let reserved: [ReservedRow]
    let hasReserved: Bool
    /// Which months the reserved analysis covers, or why there is no table.
    let reservedScope: String
    let reservedSummary: String

    /// Rows per kind (suite, instance type, run) in an opportunity's table; the JSON keeps up to 10.
    static let itemLimit = 5

    init(_ r: Report) {
        let t = r.totals, o = r.opportunities
        realizedSavings = Format.usd(t.realizedSavings)
        onDemandEquivalent = Format.usd(t.onDemandEquivalent)
        savingsRate = t.savingsRate.map(Format.percent) ?? "n/a"
        realized = SavingsView.realizedSentence(t)

        let entries: [(label: String, short: String, opportunity: Opportunity, what: String)] = [
            ("Spot for non-critical on-demand runs", "Spot", o.spot,
             "On-demand runs outside the critical suites, priced at the instance's typical spot discount."),
            ("Right-size oversized instances", "Right-size", o.rightSize,
             "Runs on a dearer instance than their test type needs, priced at the recommended instance's rate."),
            ("Cheapest region", "Region", o.region,
             "On-demand runs of a regionally priced instance outside its cheapest region, priced at the cheapest region's rate."),
            ("All three combined", "Combined", o.combined,
             "Each run's saving with every change that applies to it, applied one after the other."),
        ]
        rows = entries.map { OpportunityRow(label: $0.label, $0.opportunity) }
        let anyPotential = [o.spot, o.rightSize, o.region].contains { $0.potential > 0 }
        hasOpportunities = anyPotential
        noOpportunity = t.spend > 0
            ? "No saving opportunity in this period: no non-critical on-demand run could move to spot, no run is on a bigger instance than its test type needs, and no regionally priced on-demand run is outside its cheapest region (runs on instance types missing from the pricing catalog cannot be assessed)."
            : "No spend in this period, so there is nothing to save."
        overlap = "The three opportunities overlap: a run can be moved to spot, to a smaller instance and to a cheaper region at once, and each saving applies to what is left after the others. The combined figure prices every change together, run by run; it is not the sum of the three and never exceeds the spend."
        offPeak = SavingsView.offPeakSentence(o)
        // With one opportunity alone the combined one lists the same runs: shown only when they mix.
        let showCombined = [o.spot, o.rightSize, o.region].filter { $0.potential > 0 }.count > 1
        details = entries.filter { $0.opportunity.potential > 0 && ($0.short != "Combined" || showCombined) }.map {
            OpportunityDetail(title: $0.short, what: $0.what, $0.opportunity,
                              bestValue: $0.short == "Right-size" ? r.rightSizeBestValue : [])
        }.filter(\.hasItems)
        hasDetails = !details.isEmpty

        reserved = o.reserved.map(ReservedRow.init)
        hasReserved = !reserved.isEmpty
        let monthIds = o.reservedSummary.monthIds
        if o.reserved.isEmpty {
            reservedScope = "No on-demand use in the full months analysed, so there is nothing to reserve."
        } else if monthIds.isEmpty {
            reservedScope = "No full month of data up to \(r.asOf) yet: utilization below is 0 until a whole month has been analysed."
        } else {
            reservedScope = "Mean on-demand hours per month over the full \(monthIds.count == 1 ? "month" : "months") \(monthIds.joined(separator: ", ")), against 730 hours in a month. A term pays off when utilization is above its break-even (1 − the commitment discount)."
        }
        let summary = o.reservedSummary
        if o.reserved.isEmpty {
            reservedSummary = ""
        } else if summary.recommended == 0 {
            reservedSummary = "No commitment is recommended: no instance type is used enough for a term to cost less than on-demand."
        } else {
            reservedSummary = "\(Format.count(summary.recommended)) \(summary.recommended == 1 ? "commitment is" : "commitments are") recommended, saving \(Format.usd(summary.monthlySavings)) a month in total against paying on-demand for the same hours."
        }
    }

    static func realizedSentence(_ t: Totals) -> String {
        let rate = t.savingsRate.map { ", an effective savings rate of \(Format.percent($0))" } ?? ""
        if t.realizedSavings > 0 {
            return "Spot and reserved capacity saved \(Format.usd(t.realizedSavings)) against on-demand in this period (on-demand equivalent \(Format.usd(t.onDemandEquivalent))\(rate))."
        }
        if t.realizedSavings < 0 {
            return "Spot and reserved runs cost \(Format.usd(-t.realizedSavings)) more than on-demand would have in this period (on-demand equivalent \(Format.usd(t.onDemandEquivalent))\(rate)); the data-quality section lists them."
        }
        return t.spend > 0
            ? "Nothing saved against on-demand in this period: no spot or reserved run with a catalog price (on-demand equivalent \(Format.usd(t.onDemandEquivalent)))."
            : "No spend in this period."
    }

    static func offPeakSentence(_ o: Opportunities) -> String {
        guard let share = o.offPeakShare else {
            return "Off-peak share: no spend in this period."
        }
        return "Off-peak share: \(Format.percent(share)) of the spend (\(Format.usd(o.offPeakSpend))) was on runs that started off-peak (nights and weekends, as configured). It is reported, not priced."
    }
}

/// One opportunity in a table: the report's Savings section and the PR comment share it.
struct OpportunityRow {
    let label: String
    let potential: String
    let share: String
    let records: String
    let spend: String
    /// The suite with the largest potential and what to change there (used by the PR comment).
    let largest: String

    init(label: String, _ o: Opportunity) {
        self.label = label
        potential = Format.usd(o.potential)
        share = Format.percent(o.share)
        records = Format.count(o.records)
        spend = Format.usd(o.spend)
        largest = o.topSuites.first.map { Clip.text("\($0.key): \($0.action)", 120) } ?? ""
    }
}

/// One opportunity's top suites, instance types and runs, in one small table.
struct OpportunityDetail {
    let title: String
    let what: String
    let potential: String
    let items: [OpportunityItemRow]
    let hasItems: Bool
    let omitted: String?
    /// Right-size only (issue 12 part 4): where the benchmark's best value is another instance.
    let bestValue: [BestValueRow]
    let hasBestValue: Bool

    init(title: String, what: String, _ o: Opportunity, bestValue notes: [BestValueNote] = []) {
        bestValue = notes.map(BestValueRow.init)
        hasBestValue = !notes.isEmpty
        self.title = title
        self.what = what
        potential = Format.usd(o.potential)
        let limit = SavingsView.itemLimit
        let groups: [(String, [OpportunityItem])] = [
            ("Suite", o.topSuites), ("Instance type", o.topInstanceTypes), ("Run", o.topRuns),
        ]
        items = groups.flatMap { kind, list in list.prefix(limit).map { OpportunityItemRow(kind: kind, $0) } }
        hasItems = !items.isEmpty
        let left = groups.map { max(0, $0.1.count - limit) }.reduce(0, +)
        omitted = left > 0 ? "\(Format.count(left)) more \(left == 1 ? "row is" : "rows are") in the JSON output." : nil
    }
}

/// A benchmark whose best-value instance type (spec §13) is not the right-size recommendation.
struct BestValueRow {
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

struct OpportunityItemRow {
    let kind: String
    let key: String
    let records: String
    let spend: String
    let potential: String
    let action: String

    init(kind: String, _ item: OpportunityItem) {
        self.kind = kind
        key = item.key
        records = Format.count(item.records)
        spend = Format.usd(item.spend)
        potential = Format.usd(item.potential)
        action = item.action
    }
}

struct ReservedRow {
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
