import CostModel

/// Inline SVG charts generated from the report's numbers. Colours come from CSS classes
/// (`series-0`…, `budget`, `projection`, `axis`), so the stylesheet decides light, dark and print.
public enum Charts {
    /// One bar per week, oldest first, with the spend of the latest week labelled.
    public static func trend(_ points: [TrendPoint], id: String = "trend") -> String {
        let width = 640.0, height = 220.0, left = 56.0, right = 8.0, top = 12.0, bottom = 28.0
        let scale = SVG.axisScale(points.map(\.spend).max() ?? 0)
        let maxSpend = scale.top
        let plotW = width - left - right, plotH = height - top - bottom
        let slot = points.isEmpty ? plotW : plotW / Double(points.count)
        var body = axis(scale, left: left, top: top, plotW: plotW, plotH: plotH)
        for (i, p) in points.enumerated() {
            let h = maxSpend > 0 ? p.spend / maxSpend * plotH : 0
            let x = left + Double(i) * slot + slot * 0.15
            body += "<rect class=\"series-0\" x=\"\(SVG.n(x))\" y=\"\(SVG.n(top + plotH - h))\" width=\"\(SVG.n(slot * 0.7))\" height=\"\(SVG.n(h))\">"
                + "<title>\(SVG.escape("\(p.week): \(Format.usd(p.spend))"))</title></rect>"
            // Label every other week so labels never overlap on a phone.
            if i % 2 == (points.count - 1) % 2 {
                body += "<text class=\"label\" x=\"\(SVG.n(x + slot * 0.35))\" y=\"\(SVG.n(height - 8))\" text-anchor=\"middle\">\(SVG.escape(String(p.week.suffix(3))))</text>"
            }
        }
        let first = points.first?.week ?? "", last = points.last?.week ?? ""
        let total = points.reduce(0) { $0 + $1.spend }
        let description = points.isEmpty ? "No data." :
            "Weekly spend from \(first) to \(last): \(points.map { "\($0.week) \(Format.usd($0.spend))" }.joined(separator: ", ")). Total \(Format.usd(total))."
        return ChartFrame(id: id, title: "Spend per week, \(first) to \(last)", description: description,
                          width: width, height: height).wrap(body)
    }

    /// Cumulative month-to-date spend per day against the budget line, with the projection dashed.
    public static func burnDown(days: [(day: String, spend: Double)], budget: Double, daysInMonth: Int,
                                projected: Double, id: String = "burn") -> String {
        let width = 640.0, height = 220.0, left = 56.0, right = 8.0, top = 12.0, bottom = 28.0
        let plotW = width - left - right, plotH = height - top - bottom
        var cumulative: [Double] = []
        var sum = 0.0
        for d in days { sum += d.spend; cumulative.append(sum) }
        let scale = SVG.axisScale(max(budget, projected, sum))
        let maxValue = scale.top
        let span = Double(max(daysInMonth, 1))
        func x(_ dayIndex: Double) -> Double { left + dayIndex / span * plotW }
        func y(_ v: Double) -> Double { top + plotH - (maxValue > 0 ? v / maxValue * plotH : 0) }
        var body = axis(scale, left: left, top: top, plotW: plotW, plotH: plotH)
        body += "<line class=\"budget\" x1=\"\(SVG.n(x(0)))\" y1=\"\(SVG.n(y(budget)))\" x2=\"\(SVG.n(x(span)))\" y2=\"\(SVG.n(y(budget)))\"/>"
        // The budget's label sits at the left end, where the cumulative line is lowest (it starts
        // at 0): above the line, or below it when the line is near the top of the plot.
        let labelY = y(budget) - 4 < top + 12 ? y(budget) + 14 : y(budget) - 4
        body += "<text class=\"label budget-label\" x=\"\(SVG.n(x(0) + 4))\" y=\"\(SVG.n(labelY))\">budget \(SVG.escape(Format.usd(budget)))</text>"
        if !cumulative.isEmpty {
            let points = cumulative.enumerated().map { "\(SVG.n(x(Double($0.offset + 1)))),\(SVG.n(y($0.element)))" }
            body += "<polyline class=\"series-0 line\" fill=\"none\" points=\"\(SVG.n(x(0))),\(SVG.n(y(0))) \(points.joined(separator: " "))\"/>"
            body += "<line class=\"projection\" x1=\"\(SVG.n(x(Double(cumulative.count))))\" y1=\"\(SVG.n(y(sum)))\" "
                + "x2=\"\(SVG.n(x(span)))\" y2=\"\(SVG.n(y(projected)))\"/>"
        }
        for tick in [1, 10, 20, daysInMonth] where tick <= daysInMonth {
            body += "<text class=\"label\" x=\"\(SVG.n(x(Double(tick))))\" y=\"\(SVG.n(height - 8))\" text-anchor=\"middle\">\(tick)</text>"
        }
        let description = "Month-to-date spend \(Format.usd(sum)) after \(days.count) of \(daysInMonth) days, "
            + "against a budget of \(Format.usd(budget)); projected \(Format.usd(projected)) for the month."
        return ChartFrame(id: id, title: "Budget burn-down", description: description, width: width, height: height).wrap(body)
    }

    /// Horizontal bars for a breakdown (spend by provider, instance type…), largest first.
    public static func bars(_ rows: [BreakdownRow], title: String, limit: Int = 8, id: String) -> String {
        let shown = Array(rows.prefix(limit))
        let width = 640.0, rowH = 26.0, left = 170.0, right = 90.0, top = 4.0
        let height = top * 2 + rowH * Double(max(shown.count, 1))
        let maxSpend = shown.map(\.spend).max() ?? 0
        var body = ""
        for (i, r) in shown.enumerated() {
            let y = top + Double(i) * rowH
            let w = maxSpend > 0 ? r.spend / maxSpend * (width - left - right) : 0
            body += "<text class=\"label\" x=\"\(SVG.n(left - 6))\" y=\"\(SVG.n(y + rowH * 0.65))\" text-anchor=\"end\">\(SVG.escape(truncated(r.key)))</text>"
            body += "<rect class=\"series-\(i % 6)\" x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + 4))\" width=\"\(SVG.n(w))\" height=\"\(SVG.n(rowH - 8))\"><title>\(SVG.escape("\(r.key): \(Format.usd(r.spend)) (\(Format.percent(r.share)))"))</title></rect>"
            body += "<text class=\"label\" x=\"\(SVG.n(left + w + 6))\" y=\"\(SVG.n(y + rowH * 0.65))\">\(SVG.escape(Format.usd(r.spend)))</text>"
        }
        let description = shown.isEmpty ? "No spend." :
            shown.map { "\($0.key) \(Format.usd($0.spend)) (\(Format.percent($0.share)))" }.joined(separator: ", ") + "."
        return ChartFrame(id: id, title: title, description: description, width: width, height: height).wrap(body)
    }

    /// One benchmark's throughput per on-demand dollar by instance type (spec §13), best first and
    /// highlighted (`best`, with its label saying so, for print and colour-blind readers).
    public static func value(_ rows: [EfficiencyRow], id: String) -> String {
        // Narrower than the other charts: scaled to a phone's width, its labels stay readable.
        let width = 420.0, rowH = 22.0, left = 130.0, right = 110.0, top = 4.0
        let height = top * 2 + rowH * Double(max(rows.count, 1))
        let maxValue = rows.map(\.value).max() ?? 0
        var body = ""
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * rowH
            let w = maxValue > 0 ? r.value / maxValue * (width - left - right) : 0
            let figure = EfficiencyRowView.number(r.value) + (r.best ? " (best)" : "")
            let what = "\(r.instanceType): \(EfficiencyRowView.number(r.value)) throughput per on-demand dollar-hour"
                + (r.best ? ", the best value" : ", \(Format.percent(r.relativeValue)) of the best")
            body += "<text class=\"label\" x=\"\(SVG.n(left - 6))\" y=\"\(SVG.n(y + rowH * 0.65))\" text-anchor=\"end\">\(SVG.escape(truncated(r.instanceType, 18)))</text>"
            body += "<rect class=\"\(r.best ? "best" : "other")\" x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + 4))\" width=\"\(SVG.n(w))\" height=\"\(SVG.n(rowH - 8))\"><title>\(SVG.escape(what))</title></rect>"
            body += "<text class=\"label\" x=\"\(SVG.n(left + w + 6))\" y=\"\(SVG.n(y + rowH * 0.65))\">\(SVG.escape(figure))</text>"
        }
        let benchmark = rows.first?.benchmark ?? ""
        let description = rows.isEmpty ? "No measurement." :
            rows.map { "\($0.instanceType) \(EfficiencyRowView.number($0.value))\($0.best ? " (best)" : "")" }.joined(separator: ", ") + "."
        return ChartFrame(id: id, title: "\(benchmark): throughput per on-demand dollar-hour by instance type",
                          description: description, width: width, height: height).wrap(body)
    }

    static func truncated(_ s: String, _ limit: Int = 24) -> String { s.count > limit ? String(s.prefix(limit - 1)) + "…" : s }

    /// Gridlines and labels at every `scale.step` from 0 to `scale.top`.
    static func axis(_ scale: (top: Double, step: Double), left: Double, top: Double, plotW: Double, plotH: Double) -> String {
        var out = ""
        let ratio = scale.top / scale.step
        let ticks = scale.step > 0 && ratio.isFinite ? Int(min(100, ratio.rounded())) : 1
        for tick in 0...max(1, ticks) {
            let v = scale.step * Double(tick)
            let y = top + plotH - plotH * v / scale.top
            out += "<line class=\"axis\" x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(left + plotW))\" y2=\"\(SVG.n(y))\"/>"
            out += "<text class=\"label\" x=\"\(SVG.n(left - 6))\" y=\"\(SVG.n(y + 4))\" text-anchor=\"end\">\(SVG.escape(shortUSD(v)))</text>"
        }
        return out
    }

    /// `$1.2k`, `$250`: axis labels stay short.
    static func shortUSD(_ v: Double) -> String {
        if v >= 1000 {
            let k = v / 1000
            return "$" + (k == k.rounded() ? String(Int(saturating: k)) : SVG.n(k)) + "k"
        }
        return "$" + (v == v.rounded() ? String(Int(saturating: v)) : SVG.n(v))
    }
}
