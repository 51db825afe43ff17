/// Savings opportunities (spec §5) and the cost-reduction checklist (spec §7) in the report model.
/// Money is USD for the report's period, unrounded; shares are fractions.
public struct Opportunities: Sendable, Codable, Equatable {
    /// On-demand records not in `critical_suites`, moved to spot: cost × d.
    public var spot: Opportunity
    /// Records on a bigger instance than their test type needs: cost × (1 − R_rec / R).
    public var rightSize: Opportunity
    /// On-demand records in a dearer region of a regionally priced instance: cost × (1 − R_cheapest / R_region).
    public var region: Opportunity
    /// All three together per record, cost × (1 − f): never the sum of the three, never above spend.
    public var combined: Opportunity
    /// Share of spend whose start falls off-peak (reported, not priced); nil when the period has no spend.
    public var offPeakShare: Double?
    public var offPeakSpend: Double
    /// Per provider and instance type with on-demand hours, even when nothing is recommended.
    public var reserved: [ReservedCapacity]
    /// The reserved window and what its recommendations add up to.
    public var reservedSummary: ReservedSummary
    /// The largest concrete changes of the period, at most `TopAction.limit`: every instance type and
    /// suite listed under spot, right-size and region, by potential (the dashboard's "Top actions").
    public var topActions: [TopAction]

    public init(spot: Opportunity, rightSize: Opportunity, region: Opportunity, combined: Opportunity,
                offPeakShare: Double?, offPeakSpend: Double, reserved: [ReservedCapacity],
                reservedSummary: ReservedSummary, topActions: [TopAction]) {
        self.spot = spot; self.rightSize = rightSize; self.region = region; self.combined = combined
        self.offPeakShare = offPeakShare; self.offPeakSpend = offPeakSpend; self.reserved = reserved
        self.reservedSummary = reservedSummary; self.topActions = topActions
    }

    public static let empty = Opportunities(spot: .none, rightSize: .none, region: .none, combined: .none,
                                            offPeakShare: nil, offPeakSpend: 0, reserved: [], reservedSummary: .none,
                                            topActions: [])

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(spot, forKey: .spot); try c.encode(rightSize, forKey: .rightSize)
        try c.encode(region, forKey: .region); try c.encode(combined, forKey: .combined)
        try c.encode(offPeakShare, forKey: .offPeakShare); try c.encode(offPeakSpend, forKey: .offPeakSpend)
        try c.encode(reserved, forKey: .reserved); try c.encode(reservedSummary, forKey: .reservedSummary)
        try c.encode(topActions, forKey: .topActions)
    }
}

/// One item of an opportunity's `top_instance_types` or `top_suites`, ranked across spot, right-size
/// and region by potential.
public struct TopAction: Sendable, Codable, Equatable {
    public enum Subject: String, Sendable, Codable { case instanceType = "instance_type", suite }
    public enum Source: String, Sendable, Codable { case spot, rightSize = "right_size", region }

    /// How many the report keeps.
    public static let limit = 3

    /// The opportunity the item is listed under.
    public var opportunity: Source
    public var subject: Subject
    public var key: String
    public var records: Int
    public var spend: Double
    public var potential: Double
    /// The item's `action`, and its `change`.
    public var action: String
    public var change: OpportunityChange?

    public init(opportunity: Source, subject: Subject, key: String, records: Int, spend: Double, potential: Double,
                action: String, change: OpportunityChange? = nil) {
        self.opportunity = opportunity; self.subject = subject; self.key = key; self.records = records
        self.spend = spend; self.potential = potential; self.action = action; self.change = change
    }
}

/// The reserved-capacity analysis as a whole (spec §5): the full months it covers, and how many
/// instance types have a recommended term, with the sum of their monthly savings.
public struct ReservedSummary: Sendable, Codable, Equatable {
    /// The full calendar months analysed, oldest first (empty when no month is complete yet).
    public var monthIds: [String]
    /// Rows of `reserved` with a recommended term.
    public var recommended: Int
    /// The sum of their `monthly_savings`, USD per month.
    public var monthlySavings: Double

    public init(monthIds: [String], recommended: Int, monthlySavings: Double) {
        self.monthIds = monthIds; self.recommended = recommended; self.monthlySavings = monthlySavings
    }

    public static let none = ReservedSummary(monthIds: [], recommended: 0, monthlySavings: 0)
}

public struct Opportunity: Sendable, Codable, Equatable {
    /// Potential saving in the period, USD.
    public var potential: Double
    /// Records the rule applies to, and their spend.
    public var records: Int
    public var spend: Double
    /// Potential / the period's spend (0 when the period has no spend).
    public var share: Double
    /// What is behind the figure, largest potential first (ties by key), at most 10 each.
    public var topSuites: [OpportunityItem]
    public var topInstanceTypes: [OpportunityItem]
    public var topRuns: [OpportunityItem]

    public init(potential: Double, records: Int, spend: Double, share: Double,
                topSuites: [OpportunityItem], topInstanceTypes: [OpportunityItem], topRuns: [OpportunityItem]) {
        self.potential = potential; self.records = records; self.spend = spend; self.share = share
        self.topSuites = topSuites; self.topInstanceTypes = topInstanceTypes; self.topRuns = topRuns
    }

    public static let none = Opportunity(potential: 0, records: 0, spend: 0, share: 0, topSuites: [], topInstanceTypes: [], topRuns: [])
}

public struct OpportunityItem: Sendable, Codable, Equatable {
    public var key: String
    public var records: Int
    public var spend: Double
    public var potential: Double
    /// What to change, in words: "move to g5.xlarge", "run in us-east-2", "use spot (≈ 65.0% cheaper)";
    /// empty until the render stage words `change`.
    public var action: String
    /// The same as facts (nil for an item made with its words only).
    public var change: OpportunityChange?
    public init(key: String, records: Int, spend: Double, potential: Double, action: String) {
        self.key = key; self.records = records; self.spend = spend; self.potential = potential; self.action = action
    }
}

public struct ReservedCapacity: Sendable, Codable, Equatable {
    public var provider: String
    public var instanceType: String
    /// Full calendar months analysed, and which.
    public var months: Int
    public var monthIds: [String]
    /// H: mean on-demand hours per month; U = H / 730.
    public var meanHours: Double
    public var utilization: Double
    /// The recommended term (largest positive saving), nil when none pays off.
    public var term: String?
    /// Break-even utilization 1 − δ of the recommended term, or of the term with the lowest break-even.
    public var breakEven: Double
    /// Monthly saving of the recommended term (0 when none).
    public var monthlySavings: Double
    public var terms: [ReservedTerm]

    public init(provider: String, instanceType: String, months: Int, monthIds: [String], meanHours: Double,
                utilization: Double, term: String?, breakEven: Double, monthlySavings: Double, terms: [ReservedTerm]) {
        self.provider = provider; self.instanceType = instanceType; self.months = months; self.monthIds = monthIds
        self.meanHours = meanHours; self.utilization = utilization; self.term = term; self.breakEven = breakEven
        self.monthlySavings = monthlySavings; self.terms = terms
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(provider, forKey: .provider); try c.encode(instanceType, forKey: .instanceType)
        try c.encode(months, forKey: .months); try c.encode(monthIds, forKey: .monthIds)
        try c.encode(meanHours, forKey: .meanHours); try c.encode(utilization, forKey: .utilization)
        try c.encode(term, forKey: .term); try c.encode(breakEven, forKey: .breakEven)
        try c.encode(monthlySavings, forKey: .monthlySavings); try c.encode(terms, forKey: .terms)
    }
}

public struct ReservedTerm: Sendable, Codable, Equatable {
    /// `1y`, `3y`.
    public var term: String
    /// δ: midpoint of the provider's commitment discount.
    public var discount: Double
    public var breakEven: Double
    /// 730 × R × (1 − δ), and H × R today.
    public var commitmentMonthly: Double
    public var currentMonthly: Double
    /// current − commitment (negative when the commitment would cost more).
    public var monthlySavings: Double
    public init(term: String, discount: Double, breakEven: Double, commitmentMonthly: Double,
                currentMonthly: Double, monthlySavings: Double) {
        self.term = term; self.discount = discount; self.breakEven = breakEven
        self.commitmentMonthly = commitmentMonthly; self.currentMonthly = currentMonthly; self.monthlySavings = monthlySavings
    }
}

public enum ChecklistStatus: String, Sendable, Codable { case done, partial, todo, unknown, declared }

/// A checklist item. The analysis decides `status`, `value` and `facts`; the words (`title`,
/// `valueText`, `threshold`, `detail`, `toDone`) stay empty until the render stage words the facts
/// (`words/checklist-N.mustache`).
public struct ChecklistItem: Sendable, Codable, Equatable {
    /// 1…10, in the cost guide's order.
    public var id: Int
    public var title: String
    public var status: ChecklistStatus
    /// The deciding figure (a fraction, USD or a count, see `valueText`); nil when unknown or declared.
    public var value: Double?
    /// The deciding figure in words: "62.0% of non-critical instance-hours on spot".
    public var valueText: String
    /// "done at ≥ 80.0%, partial at ≥ 50.0%".
    public var threshold: String
    /// What decided it, or for `unknown` which input would decide it.
    public var detail: String
    /// What would move it to done (empty when done).
    public var toDone: String
    /// For `declared`: the status the config declares (`done`, `partial`, `todo`).
    public var declared: String?
    /// What decided it, as facts (the render stage words them); nil for an item made with its words only.
    public var facts: ChecklistFacts?

    public init(id: Int, title: String, status: ChecklistStatus, value: Double?, valueText: String,
                threshold: String, detail: String, toDone: String, declared: String? = nil) {
        self.id = id; self.title = title; self.status = status; self.value = value; self.valueText = valueText
        self.threshold = threshold; self.detail = detail; self.toDone = toDone; self.declared = declared
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(title, forKey: .title); try c.encode(status, forKey: .status)
        try c.encode(value, forKey: .value); try c.encode(valueText, forKey: .valueText)
        try c.encode(threshold, forKey: .threshold); try c.encode(detail, forKey: .detail)
        try c.encode(toDone, forKey: .toDone); try c.encode(declared, forKey: .declared)
        try c.encode(facts, forKey: .facts)
    }
}
