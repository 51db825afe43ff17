import CostModel

extension Timeline {
    /// Spec §12: the 12 ISO weeks ending with the week that contains `last` (min(period end, as-of)),
    /// oldest first, weeks without spend included; each week's spend stops at as-of.
    func trend(endingWithWeekOf last: Day, asOf: Day, weeks count: Int = 12) -> [TrendPoint] {
        let lastMonday = last.startOfISOWeek
        return (0..<count).reversed().map { back in
            let week = Period.week(containing: lastMonday.adding(days: -7 * back))
            return TrendPoint(week: week.id, start: week.start.iso,
                              spend: spend(from: week.start, through: min(week.end, asOf)))
        }
    }
}
