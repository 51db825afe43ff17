import CostModel

/// Checklist items 7 (config) and 8 (publication log).
extension Checklist {
    /// 7: monthly budget and daily alert set in costreport.yml → done; one → partial; neither or no file → todo.
    static func alerts(_ c: ChecklistContext) -> ChecklistItem {
        let b = c.config.budget
        var set: [String] = [], missing: [String] = []
        if b.monthlyConfigured { set.append("budget.monthly (\(Format.usd(b.monthly)))") } else { missing.append("budget.monthly") }
        if b.dailyAlertConfigured { set.append("budget.daily_alert (\(Format.usd(b.dailyAlert)))") } else { missing.append("budget.daily_alert") }
        let status: ChecklistStatus
        let detail: String
        if c.config.sourcePath == nil {
            status = .todo
            detail = "No costreport.yml was found, so no monthly budget or daily alert is configured (the defaults apply)."
            set = []; missing = ["budget.monthly", "budget.daily_alert"]
        } else {
            status = set.count == 2 ? .done : set.count == 1 ? .partial : .todo
            detail = set.isEmpty ? "costreport.yml sets neither budget.monthly nor budget.daily_alert."
                : "costreport.yml sets " + set.joined(separator: " and ")
                    + (missing.isEmpty ? "." : "; \(missing.joined(separator: " and ")) is not set.")
        }
        return ChecklistItem(id: 7, title: title(7), status: status, value: Double(set.count),
                             valueText: "\(set.count) of 2 set (monthly budget, daily alert)",
                             threshold: thresholdText(7, c), detail: detail,
                             toDone: status == .done ? "" : (c.config.sourcePath == nil ? "create costreport.yml and set " : "set ")
                                + missing.joined(separator: " and ") + (c.config.sourcePath == nil ? "" : " in costreport.yml"))
    }

    /// The 4 ISO weeks ending with the as-of week, oldest first.
    static func reviewWeeks(asOf: Day) -> [String] {
        (0..<4).reversed().map { Period.week(containing: asOf.adding(days: -7 * $0)).id }
    }

    /// 8: weeks of the publication log among the last 4 ISO weeks (4 done, 2–3 partial, 0–1 todo).
    static func weeklyReview(_ c: ChecklistContext) -> ChecklistItem {
        let weeks = reviewWeeks(asOf: c.asOf)
        guard let log = c.publicationLog else {
            return unknown(8, c, detail: "No publication log was given, so builds in \(weeks.first!)…\(weeks.last!) are not known.",
                           input: "the site's publication log, written by costreport build")
        }
        let logged = Set(log.weeks)
        let published = weeks.filter { logged.contains($0) }
        let missed = weeks.filter { !logged.contains($0) }
        let scale = scale(8)!
        let t = scale.threshold(c.config, id: 8)
        let status = scale.status(Double(published.count), t)
        let detail = "The publication log shows a build in \(published.isEmpty ? "none" : published.joined(separator: ", "))"
            + " of the 4 ISO weeks ending with the as-of week \(weeks.last!)"
            + (missed.isEmpty ? "." : "; none in \(missed.joined(separator: ", ")).")
        return ChecklistItem(id: 8, title: title(8), status: status, value: Double(published.count),
                             valueText: "\(published.count) of the last 4 ISO weeks published",
                             threshold: scale.text(t), detail: detail,
                             toDone: status == .done ? "" : "build and publish the site every week (missed: \(missed.joined(separator: ", ")))")
    }
}
