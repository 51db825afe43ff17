import CostAssets
import CostModel

/// Fills a report's sentences from its facts through `Templates/words/` (the user's folder first,
/// then the built-in files): the first step of rendering, before JSON, Markdown or HTML.
///
/// The analysis leaves every sentence empty and records the facts beside it (`ChecklistItem.facts`,
/// `OpportunityItem.change`, `UnusedResource.facts`, `DataQuality`'s counts). A checklist item,
/// opportunity item or resource made with its words and no facts (a hand-made report) keeps its
/// words; the data-quality warnings are always worded from the counts.
public struct ReportWording: Sendable {
    let words: WordTemplates
    /// RejectionReason raw value → explanation, rendered once.
    let explanations: [String: String]

    public init(assets: AssetStore) throws {
        words = try WordTemplates(assets: assets)
        let reasons = Set(RejectionReason.allCases.map(\.rawValue))
        let fields = try words.fields(WordTemplates.rejectionReasons, [:], labels: reasons)
        explanations = Dictionary(fields.map { ($0.label, $0.text) }) { first, _ in first }
        for reason in RejectionReason.allCases where explanations[reason.rawValue] == nil {
            throw TemplateError(kind: .renderFailed, message:
                "\(WordTemplates.rejectionReasons).mustache in \(words.templates.directory) has no \(reason.rawValue): line — add one")
        }
    }

    /// The report with its checklist, opportunities, unused resources and warnings worded.
    public func worded(_ report: Report) throws -> Report {
        var r = report
        r.checklist = try r.checklist.map(worded)
        r.opportunities = try worded(r.opportunities)
        r.unusedResources.items = try r.unusedResources.items.map(worded)
        r.dataQuality.warnings = try warnings(r.dataQuality, asOf: r.asOf)
        return r
    }

    public func worded(_ report: PullRequestReport) throws -> PullRequestReport {
        var r = report
        r.opportunities = try worded(r.opportunities)
        return r
    }

    // MARK: Pieces (public for hosts and tests that word one value)

    public func worded(_ o: Opportunities) throws -> Opportunities {
        var o = o
        func items(_ list: [OpportunityItem]) throws -> [OpportunityItem] { try list.map(worded) }
        for path in [\Opportunities.spot, \.rightSize, \.region, \.combined] {
            o[keyPath: path].topSuites = try items(o[keyPath: path].topSuites)
            o[keyPath: path].topInstanceTypes = try items(o[keyPath: path].topInstanceTypes)
            o[keyPath: path].topRuns = try items(o[keyPath: path].topRuns)
        }
        o.topActions = try o.topActions.map { a in
            var a = a
            if let change = a.change { a.action = try action(change) }
            return a
        }
        return o
    }

    public func worded(_ item: OpportunityItem) throws -> OpportunityItem {
        var item = item
        if let change = item.change { item.action = try action(change) }
        return item
    }

    public func worded(_ resource: UnusedResource) throws -> UnusedResource {
        var r = resource
        if let facts = r.facts { r.reason = try words.sentence(WordTemplates.unusedReason, UnusedWordValues.values(r, facts)) }
        return r
    }

    public func action(_ change: OpportunityChange) throws -> String {
        try words.sentence(WordTemplates.opportunityAction, ActionWordValues.values(change))
    }

    public func worded(_ item: ChecklistItem) throws -> ChecklistItem {
        guard var facts = item.facts, (1...10).contains(item.id) else { return item }
        // The facts name the largest opportunity item or resource: those are worded too.
        if let largest = facts.rightSize?.largest { facts.rightSize?.largest = try worded(largest) }
        if let largest = facts.regions?.largest { facts.regions?.largest = try worded(largest) }
        if let largest = facts.cleanup?.largest { facts.cleanup?.largest = try worded(largest) }
        let values = ChecklistWordValues(item: item, facts: facts).values()
        let name = WordTemplates.checklist[item.id - 1]
        let fields = try words.fields(name, values, labels: ["title", "threshold", "value", "detail", "to_done"])
        func field(_ label: String) -> String { fields.first { $0.label == label }?.text ?? "" }
        var out = item
        out.facts = facts
        out.title = field("title")
        out.threshold = field("threshold")
        out.valueText = field("value")
        out.detail = field("detail")
        out.toDone = field("to_done")
        return out
    }

    public func warnings(_ quality: DataQuality, asOf: String) throws -> [String] {
        let values = QualityWordValues(quality: quality, asOf: asOf, explanations: explanations).values()
        return try words.fields(WordTemplates.dataQuality, values, labels: ["warning"]).map(\.text)
    }
}
