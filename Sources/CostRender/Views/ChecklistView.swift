import CostModel

/// The cost-reduction checklist (spec §7): the ten items of the team's cost guide, each with its
/// status, the figure that decided it, the threshold, and what would move it to done.
struct ChecklistView: TemplateFields {
    let items: [ChecklistRow]
    let hasItems: Bool
    /// How many items, and per status present (in `ChecklistStatusText.order`), for the line
    /// `10 items: 3 done, 2 partial, 4 todo, 1 unknown.` that the template writes.
    let itemCount: String
    let oneItem: Bool
    let presentCounts: [StatusCount]
    let statusCounts: [StatusCount]

    init(_ checklist: [ChecklistItem]) {
        items = checklist.map(ChecklistRow.init)
        hasItems = !items.isEmpty
        var tally: [String: Int] = [:]
        for item in checklist { tally[item.status.rawValue, default: 0] += 1 }
        statusCounts = ChecklistStatusText.order.map { StatusCount(status: $0, count: Format.count(tally[$0] ?? 0)) }
        let present = ChecklistStatusText.order.filter { tally[$0] != nil }
        presentCounts = present.enumerated().map { i, status in
            StatusCount(status: status, count: Format.count(tally[status] ?? 0), last: i == present.count - 1)
        }
        itemCount = Format.count(checklist.count)
        oneItem = checklist.count == 1
    }
}

struct StatusCount: TemplateFields {
    let status: String
    let count: String
    /// The last of a comma-separated list.
    var last = false
}

struct ChecklistRow: TemplateFields {
    let id: String
    let title: String
    /// The status word; a declared item reads `declared: done`.
    let status: String
    let isDone: Bool
    let value: String
    let threshold: String
    let detail: String
    let toDone: String
    let hasToDone: Bool

    init(_ item: ChecklistItem) {
        id = String(item.id)
        title = item.title
        status = ChecklistStatusText.word(item)
        isDone = item.status == .done || (item.status == .declared && item.declared == "done")
        value = item.valueText.isEmpty ? "–" : item.valueText
        threshold = item.threshold.isEmpty ? "–" : item.threshold
        detail = item.detail
        toDone = item.toDone
        hasToDone = !item.toDone.isEmpty
    }
}

enum ChecklistStatusText {
    /// The order statuses are counted in.
    static let order = ["done", "partial", "todo", "unknown", "declared"]

    /// The plain word (as in the JSON); a declared item shows what the config declares.
    static func word(_ item: ChecklistItem) -> String {
        guard item.status == .declared else { return item.status.rawValue }
        return "declared: " + (item.declared ?? "done")
    }
}

/// Checklist item 10's evidence: unused volumes, disks, snapshots and addresses from `--inventory`.
struct UnusedResourcesView: TemplateFields {
    let inventoryGiven: Bool
    let items: [UnusedRow]
    let hasItems: Bool
    let total: String
    /// How many unused resources there are, and whether that is one (the template words it).
    let count: String
    let one: Bool
    let files: String
    let hasFiles: Bool
    let unrecognizedFiles: [String]
    let hasUnrecognizedFiles: Bool

    init(_ u: UnusedResources) {
        inventoryGiven = u.inventoryGiven
        items = u.items.map(UnusedRow.init)
        hasItems = !items.isEmpty
        total = Format.usd(u.monthlyCost)
        count = Format.count(u.items.count)
        one = u.items.count == 1
        files = u.files.joined(separator: ", ")
        hasFiles = !u.files.isEmpty
        unrecognizedFiles = u.unrecognizedFiles
        hasUnrecognizedFiles = !u.unrecognizedFiles.isEmpty
    }
}

struct UnusedRow: TemplateFields {
    let provider: String
    let kind: String
    let id: String
    let location: String
    let reason: String
    let monthlyCost: String

    init(_ r: UnusedResource) {
        provider = r.provider
        kind = r.kind
        id = r.id
        location = r.location
        reason = r.reason
        monthlyCost = Format.usd(r.monthlyCost)
    }
}

/// The Checklist page: the checklist of the week containing the as-of date, and unused resources.
struct ChecklistPageView: TemplateFields {
    let title: String
    let asOf: String
    let periodID: String
    let start: String
    let end: String
    let weekHref: String
    let checklist: ChecklistView
    let unused: UnusedResourcesView
    let methodologyHref: String
    let timezone: String
    let costAttribution: String

    init(_ r: Report) {
        title = "Cost-reduction checklist"
        asOf = r.asOf
        periodID = r.period.id
        start = r.period.start
        end = r.period.end
        weekHref = SitePaths.stem(r.period.kind, id: r.period.id) + ".html"
        checklist = ChecklistView(r.checklist)
        unused = UnusedResourcesView(r.unusedResources)
        methodologyHref = SitePaths.methodology
        timezone = r.settings.timezone
        costAttribution = r.settings.costAttribution
    }
}
