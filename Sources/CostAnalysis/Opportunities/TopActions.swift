import CostModel

/// The period's largest concrete actions (`Opportunities.topActions`): the instance types and suites
/// listed under spot, right-size and region, with a positive potential, largest first; ties go to
/// instance types before suites, then by key. The same subject with the same action (the same
/// change, or for an item made with its words only the same words) is listed once.
/// Combined is left out: its items repeat the three single changes.
enum TopActions {
    static func rank(spot: Opportunity, rightSize: Opportunity, region: Opportunity,
                     limit: Int = TopAction.limit) -> [TopAction] {
        var candidates: [TopAction] = []
        for (source, opportunity) in [(TopAction.Source.spot, spot), (.rightSize, rightSize), (.region, region)] {
            candidates += opportunity.topInstanceTypes.map { action(source, .instanceType, $0) }
            candidates += opportunity.topSuites.map { action(source, .suite, $0) }
        }
        candidates = candidates.filter { $0.potential > 0 }
        candidates.sort { a, b in
            a.potential != b.potential ? a.potential > b.potential
                : a.subject != b.subject ? a.subject == .instanceType : a.key < b.key
        }
        var seen = Set<Listing>()
        var out: [TopAction] = []
        for c in candidates where out.count < limit {
            guard seen.insert(Listing(subject: c.subject, key: c.key, change: c.change, action: c.action)).inserted else { continue }
            out.append(c)
        }
        return out
    }

    /// What makes two candidates the same action (the analysis's items carry a change and no words yet).
    private struct Listing: Hashable {
        var subject: TopAction.Subject
        var key: String
        var change: OpportunityChange?
        var action: String
    }

    private static func action(_ source: TopAction.Source, _ subject: TopAction.Subject, _ item: OpportunityItem) -> TopAction {
        TopAction(opportunity: source, subject: subject, key: item.key, records: item.records, spend: item.spend,
                  potential: item.potential, action: item.action, change: item.change)
    }
}
