import CostModel

/// Checklist items 7 (config) and 8 (publication log).
extension Checklist {
    /// 7: monthly budget and daily alert set in costreport.yml → done; one → partial; neither or no file → todo.
    static func alerts(_ c: ChecklistContext) -> ChecklistItem {
        let b = c.config.budget
        let file = c.config.sourcePath != nil
        let monthly = file && b.monthlyConfigured ? b.monthly : nil
        let daily = file && b.dailyAlertConfigured ? b.dailyAlert : nil
        let set = [monthly, daily].compactMap { $0 }.count
        let status: ChecklistStatus = set == 2 ? .done : set == 1 ? .partial : .todo
        var f = facts(7, c)
        f.alerts = .init(configFile: file, monthlyBudget: monthly, dailyAlert: daily)
        return ChecklistItem(id: 7, status: status, value: Double(set), facts: f)
    }

    /// The 4 ISO weeks ending with the as-of week, oldest first.
    static func reviewWeeks(asOf: Day) -> [String] {
        (0..<4).reversed().map { Period.week(containing: asOf.adding(days: -7 * $0)).id }
    }

    /// 8: weeks of the publication log among the last 4 ISO weeks (4 done, 2–3 partial, 0–1 todo).
    static func weeklyReview(_ c: ChecklistContext) -> ChecklistItem {
        let weeks = reviewWeeks(asOf: c.asOf)
        guard let log = c.publicationLog else {
            return unknown(8, c) { $0.review = .init(weeks: weeks) }
        }
        let logged = Set(log.weeks)
        let published = weeks.filter { logged.contains($0) }
        let missed = weeks.filter { !logged.contains($0) }
        return measured(8, c, value: Double(published.count)) { f, _, _ in
            f.review = .init(weeks: weeks, published: published, missed: missed)
        }
    }
}
