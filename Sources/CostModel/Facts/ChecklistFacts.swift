/// What decided a checklist item (spec §7), as the analysis found it: the threshold used and the
/// item's own figures. Exactly one of the per-item members is set, the one of the item's id (none
/// for a declared item). The render stage's `words/checklist-N.mustache` turns these facts into the
/// item's `title`, `value_text`, `threshold`, `detail` and `to_done`; the facts are in the JSON too
/// (`checklist[].facts`).
/// Amounts still to change ("more_…") are unrounded and set only when the item is not done.
public struct ChecklistFacts: Sendable, Codable, Equatable {
    /// The threshold the item was judged by (items 1–6, 8 and 10).
    public var threshold: Threshold?
    /// For items judged by a figure on a scale (1–6, 8): true when a lower figure is better (item 2).
    public var lowerIsBetter: Bool?
    public var spot: Spot?
    public var rightSize: RightSize?
    public var parallel: Parallel?
    public var cache: Cache?
    public var offPeak: OffPeak?
    public var regions: Regions?
    public var alerts: Alerts?
    public var review: Review?
    public var reserved: Reserved?
    public var cleanup: Cleanup?

    public init(threshold: Threshold? = nil, lowerIsBetter: Bool? = nil) {
        self.threshold = threshold; self.lowerIsBetter = lowerIsBetter
    }

    /// 1: instance-hours of non-critical records with a known market, and those on spot.
    public struct Spot: Sendable, Codable, Equatable {
        /// The `critical_suites` globs excluded.
        public var criticalSuites: [String]
        public var hours: Double
        public var spotHours: Double
        /// Spot hours still needed to reach the done threshold.
        public var moreHours: Double?
        /// The non-critical suite with the most on-demand hours, and those hours.
        public var topOnDemandSuite: String?
        public var topOnDemandHours: Double?
        public init(criticalSuites: [String], hours: Double, spotHours: Double, moreHours: Double? = nil,
                    topOnDemandSuite: String? = nil, topOnDemandHours: Double? = nil) {
            self.criticalSuites = criticalSuites; self.hours = hours; self.spotHours = spotHours; self.moreHours = moreHours
            self.topOnDemandSuite = topOnDemandSuite; self.topOnDemandHours = topOnDemandHours
        }
    }

    /// 2: spend with a known test type, the part on oversized instances, and the spend not judged.
    public struct RightSize: Sendable, Codable, Equatable {
        public var knownTestTypeSpend: Double
        public var oversizedSpend: Double
        public var unknownTestTypeSpend: Double
        /// Oversized spend to right-size to reach the done threshold.
        public var moreSpend: Double?
        /// The right-size opportunity's largest suite.
        public var largest: OpportunityItem?
        public init(knownTestTypeSpend: Double, oversizedSpend: Double, unknownTestTypeSpend: Double,
                    moreSpend: Double? = nil, largest: OpportunityItem? = nil) {
            self.knownTestTypeSpend = knownTestTypeSpend; self.oversizedSpend = oversizedSpend
            self.unknownTestTypeSpend = unknownTestTypeSpend; self.moreSpend = moreSpend; self.largest = largest
        }
    }

    /// 3: runs (once per run_id), those recording pytest args or workers, and those in parallel.
    public struct Parallel: Sendable, Codable, Equatable {
        public var runs: Int
        public var recorded: Int
        public var parallel: Int
        /// Runs still to make parallel to reach the done threshold.
        public var moreRuns: Int?
        public init(runs: Int, recorded: Int, parallel: Int, moreRuns: Int? = nil) {
            self.runs = runs; self.recorded = recorded; self.parallel = parallel; self.moreRuns = moreRuns
        }
    }

    /// 4: runs, whether any records metadata.cache, and the runs with it true.
    public struct Cache: Sendable, Codable, Equatable {
        public var runs: Int
        public var recorded: Bool
        public var cached: Int
        public var moreRuns: Int?
        public init(runs: Int, recorded: Bool, cached: Int, moreRuns: Int? = nil) {
            self.runs = runs; self.recorded = recorded; self.cached = cached; self.moreRuns = moreRuns
        }
    }

    /// 5: the judged spend (scheduled runs', or every run's when none is scheduled) and its off-peak part.
    public struct OffPeak: Sendable, Codable, Equatable {
        public var scheduled: Bool
        public var spend: Double
        public var offPeakSpend: Double
        public var moreSpend: Double?
        /// The configured window: minutes after local midnight, and whether weekends count.
        public var startMinute: Int
        public var endMinute: Int
        public var weekends: Bool
        public init(scheduled: Bool, spend: Double, offPeakSpend: Double, moreSpend: Double? = nil,
                    startMinute: Int, endMinute: Int, weekends: Bool) {
            self.scheduled = scheduled; self.spend = spend; self.offPeakSpend = offPeakSpend; self.moreSpend = moreSpend
            self.startMinute = startMinute; self.endMinute = endMinute; self.weekends = weekends
        }
    }

    /// 6: regionally priced on-demand spend and the part in the cheapest listed region.
    public struct Regions: Sendable, Codable, Equatable {
        public var regionalSpend: Double
        public var cheapestSpend: Double
        public var moreSpend: Double?
        /// The region opportunity's largest instance type.
        public var largest: OpportunityItem?
        public init(regionalSpend: Double, cheapestSpend: Double, moreSpend: Double? = nil, largest: OpportunityItem? = nil) {
            self.regionalSpend = regionalSpend; self.cheapestSpend = cheapestSpend; self.moreSpend = moreSpend
            self.largest = largest
        }
    }

    /// 7: whether a config file was read, and the budget settings it sets (nil when not set).
    public struct Alerts: Sendable, Codable, Equatable {
        public var configFile: Bool
        public var monthlyBudget: Double?
        public var dailyAlert: Double?
        public init(configFile: Bool, monthlyBudget: Double?, dailyAlert: Double?) {
            self.configFile = configFile; self.monthlyBudget = monthlyBudget; self.dailyAlert = dailyAlert
        }
    }

    /// 8: the 4 ISO weeks ending with the as-of week, and which of them the publication log shows
    /// (both nil when no log was given).
    public struct Review: Sendable, Codable, Equatable {
        public var weeks: [String]
        public var published: [String]?
        public var missed: [String]?
        public init(weeks: [String], published: [String]? = nil, missed: [String]? = nil) {
            self.weeks = weeks; self.published = published; self.missed = missed
        }
    }

    /// 9: the reserved window (`reserved.months` configured, the full months found) and its outcome.
    public struct Reserved: Sendable, Codable, Equatable {
        public var windowMonths: Int
        public var months: [String]
        public var recommended: Int
        public var monthlySavings: Double
        public var reservedRecords: Int
        /// The first recommended row; without a recommendation, the row with the highest utilization.
        public var top: Row?
        public var highest: Row?
        public init(windowMonths: Int, months: [String], recommended: Int, monthlySavings: Double, reservedRecords: Int,
                    top: Row? = nil, highest: Row? = nil) {
            self.windowMonths = windowMonths; self.months = months; self.recommended = recommended
            self.monthlySavings = monthlySavings; self.reservedRecords = reservedRecords; self.top = top
            self.highest = highest
        }

        public struct Row: Sendable, Codable, Equatable {
            public var provider: String
            public var instanceType: String
            public var meanHours: Double
            public var utilization: Double
            public var breakEven: Double
            public var term: String?
            public var monthlySavings: Double
            public init(_ r: ReservedCapacity) {
                provider = r.provider; instanceType = r.instanceType; meanHours = r.meanHours; utilization = r.utilization
                breakEven = r.breakEven; term = r.term; monthlySavings = r.monthlySavings
            }
        }
    }

    /// 10: the inventory read and what in it is unused, grouped, with the costliest item.
    public struct Cleanup: Sendable, Codable, Equatable {
        public var inventoryGiven: Bool
        public var files: Int
        public var unrecognizedFiles: [String]
        public var snapshotAgeDays: Int
        /// The as-of day whose end (UTC) snapshots are aged at.
        public var asOf: String
        public var resources: Int
        public var monthlyCost: Double
        /// Unattached volumes and disks, old snapshots and unused addresses (nil when there are none).
        public var volumes: Group?
        public var snapshots: Group?
        public var addresses: Group?
        /// Snapshots without a creation time, which cannot be judged.
        public var undatedSnapshots: Int
        public var largest: UnusedResource?
        public init(inventoryGiven: Bool, files: Int = 0, unrecognizedFiles: [String] = [], snapshotAgeDays: Int,
                    asOf: String, resources: Int = 0, monthlyCost: Double = 0, volumes: Group? = nil,
                    snapshots: Group? = nil, addresses: Group? = nil, undatedSnapshots: Int = 0,
                    largest: UnusedResource? = nil) {
            self.inventoryGiven = inventoryGiven; self.files = files; self.unrecognizedFiles = unrecognizedFiles
            self.snapshotAgeDays = snapshotAgeDays; self.asOf = asOf; self.resources = resources
            self.monthlyCost = monthlyCost; self.volumes = volumes; self.snapshots = snapshots; self.addresses = addresses
            self.undatedSnapshots = undatedSnapshots; self.largest = largest
        }

        public struct Group: Sendable, Codable, Equatable {
            public var count: Int
            public var monthlyCost: Double
            public init(count: Int, monthlyCost: Double) { self.count = count; self.monthlyCost = monthlyCost }
        }
    }
}

extension ChecklistItem {
    /// An item decided by the analysis (id, status, deciding figure, facts). Its title and words
    /// are left empty: the render stage words them from the facts (`ReportWording`).
    public init(id: Int, status: ChecklistStatus, value: Double?, facts: ChecklistFacts, declared: String? = nil) {
        self.init(id: id, title: "", status: status, value: value, valueText: "", threshold: "", detail: "", toDone: "",
                  declared: declared)
        self.facts = facts
    }
}
