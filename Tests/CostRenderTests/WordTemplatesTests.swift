import CostAssets
import CostModel
import Foundation
import Testing
@testable import CostRender

/// `Templates/words/`: every branch of the built-in words renders, a user's folder overrides one
/// file, and a words template that names something it is not given fails instead of printing "".
@Suite struct WordTemplatesTests {
    let words = try! ReportWording(assets: AssetStore())

    // MARK: Every branch of the built-in checklist words

    /// Facts for each item, in the variants its template tells apart.
    static func variants(_ id: Int) -> [ChecklistFacts] {
        let percent = ChecklistFacts(threshold: Threshold(done: 0.8, partial: 0.5), lowerIsBetter: false)
        let largest = OpportunityItem(key: "unit", records: 2, spend: 20, potential: 10, change: OpportunityChange(moveTo: ["g5.xlarge"]))
        func with(_ change: (inout ChecklistFacts) -> Void, _ base: ChecklistFacts = percent) -> ChecklistFacts {
            var f = base; change(&f); return f
        }
        switch id {
        case 1: return [with { $0.spot = .init(criticalSuites: [], hours: 100, spotHours: 60, moreHours: 20) },
                        with { $0.spot = .init(criticalSuites: ["nightly-*", "release"], hours: 100, spotHours: 60, moreHours: 20,
                                               topOnDemandSuite: "od", topOnDemandHours: 30) }]
        case 2: return [with({ $0.rightSize = .init(knownTestTypeSpend: 1000, oversizedSpend: 100, unknownTestTypeSpend: 0, moreSpend: 10) },
                             ChecklistFacts(threshold: Threshold(done: 0.05, partial: 0.2), lowerIsBetter: true)),
                        with({ $0.rightSize = .init(knownTestTypeSpend: 1000, oversizedSpend: 100, unknownTestTypeSpend: 50,
                                                    moreSpend: 10, largest: largest) },
                             ChecklistFacts(threshold: Threshold(done: 0.05, partial: 0.2), lowerIsBetter: true))]
        case 3: return [with { $0.parallel = .init(runs: 3000, recorded: 2000, parallel: 1234, moreRuns: 1) }]
        case 4: return [with { $0.cache = .init(runs: 0, recorded: false, cached: 0) },
                        with { $0.cache = .init(runs: 10, recorded: true, cached: 4, moreRuns: 4) }]
        case 5: return [true, false].map { scheduled in
            with { $0.offPeak = .init(scheduled: scheduled, spend: 200, offPeakSpend: 90, moreSpend: 50, startMinute: 22 * 60,
                                      endMinute: 6 * 60, weekends: scheduled) } }
        case 6: return [with { $0.regions = .init(regionalSpend: 300, cheapestSpend: 100, moreSpend: 140, largest: largest) },
                        with { $0.regions = .init(regionalSpend: 300, cheapestSpend: 100, moreSpend: 140) }]
        case 7: return [(false, nil, nil), (true, nil, nil), (true, 500, nil), (true, nil, 20), (true, 500, 20)].map { file, monthly, daily in
            with({ $0.alerts = .init(configFile: file, monthlyBudget: monthly, dailyAlert: daily) }, ChecklistFacts()) }
        case 8:
            let weeks = ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
            let scale = ChecklistFacts(threshold: Threshold(done: 4, partial: 1), lowerIsBetter: false)
            return [with({ $0.review = .init(weeks: weeks) }, scale),
                    with({ $0.review = .init(weeks: weeks, published: [], missed: weeks) }, scale),
                    with({ $0.review = .init(weeks: weeks, published: weeks, missed: []) }, scale)]
        case 9:
            let row = ChecklistFacts.Reserved.Row(ReservedCapacity(provider: "aws", instanceType: "p4d.24xlarge", months: 2,
                                                                   monthIds: ["2026-09", "2026-10"], meanHours: 500,
                                                                   utilization: 0.68, term: "1yr", breakEven: 0.6, monthlySavings: 900,
                                                                   terms: []))
            var untermed = row; untermed.term = nil
            let months = ["2026-09", "2026-10"]
            return [with({ $0.reserved = .init(windowMonths: 3, months: [], recommended: 0, monthlySavings: 0, reservedRecords: 0) }, ChecklistFacts()),
                    with({ $0.reserved = .init(windowMonths: 3, months: months, recommended: 2, monthlySavings: 1200, reservedRecords: 5, top: row) }, ChecklistFacts()),
                    with({ $0.reserved = .init(windowMonths: 3, months: ["2026-10"], recommended: 0, monthlySavings: 0, reservedRecords: 1) }, ChecklistFacts()),
                    with({ $0.reserved = .init(windowMonths: 3, months: months, recommended: 0, monthlySavings: 0, reservedRecords: 0,
                                               highest: untermed) }, ChecklistFacts()),
                    with({ $0.reserved = .init(windowMonths: 3, months: months, recommended: 0, monthlySavings: 0, reservedRecords: 0) }, ChecklistFacts())]
        default:
            let money = ChecklistFacts(threshold: Threshold(done: 0, partial: 50), lowerIsBetter: true)
            let resource = UnusedResource(provider: "aws", kind: "volume", id: "vol-1", location: "us-east-1",
                                          facts: UnusedFacts(storageType: "gp3", price: .listed), sizeGB: 500, monthlyCost: 40)
            return [with({ $0.cleanup = .init(inventoryGiven: false, snapshotAgeDays: 90, asOf: "2026-11-27") }, money),
                    with({ $0.cleanup = .init(inventoryGiven: true, files: 1, snapshotAgeDays: 90, asOf: "2026-11-27") }, money),
                    with({ $0.cleanup = .init(inventoryGiven: true, files: 6, unrecognizedFiles: ["odd.json"], snapshotAgeDays: 90,
                                              asOf: "2026-11-27", resources: 4, monthlyCost: 52, volumes: .init(count: 1, monthlyCost: 40),
                                              snapshots: .init(count: 2, monthlyCost: 8), addresses: .init(count: 1, monthlyCost: 4),
                                              undatedSnapshots: 1, largest: resource) }, money)]
        }
    }

    @Test(arguments: 1...10)
    func everyVariantOfItemIsWorded(_ id: Int) throws {
        for facts in Self.variants(id) {
            for status: ChecklistStatus in [.done, .partial, .todo, .unknown, .declared] {
                // Item 9 is todo whenever a commitment pays off (spec §7): done with one never happens.
                if id == 9, facts.reserved?.top != nil, status == .done { continue }
                let item = try words.worded(ChecklistItem(id: id, status: status, value: 0.5, facts: facts,
                                                          declared: status == .declared ? "partial" : nil))
                let context = "item \(id) \(status) \(facts)"
                #expect(!item.title.isEmpty && !item.valueText.isEmpty && !item.detail.isEmpty, "\(context)")
                #expect(![item.title, item.valueText, item.threshold, item.detail, item.toDone].contains { $0.contains("{{") || $0.contains("  ") },
                        "\(context)")
                if status == .declared {
                    #expect(item.valueText == "declared partial" && item.toDone.isEmpty, "\(context)")
                } else if item.detail.contains("Would decide it: ") {
                    // An item without its data says what would decide it, and that is what to do.
                    #expect(item.detail.hasSuffix("Would decide it: \(item.toDone)."), "\(context): \(item.detail)")
                } else if status == .done {
                    #expect(item.toDone.isEmpty, "\(context)")
                }
            }
        }
    }

    @Test func countsHaveSeparatorsAndPluralsAgree() throws {
        let parallel = try words.worded(ChecklistItem(id: 3, status: .partial, value: 0.617, facts: Self.variants(3)[0]))
        #expect(parallel.detail == "1,234 of 2,000 runs that record pytest_args or workers ran with -n N (N > 1 or auto) "
                + "or workers > 1; 1,000 runs record neither.")
        #expect(parallel.toDone == "run 1 more run in parallel (pytest -n auto or workers > 1)")
        // The fraction before the first full stop of a sentence is the value; a file name's dot is not one.
        let cache = try words.worded(ChecklistItem(id: 4, status: .unknown, value: nil, facts: Self.variants(4)[1]))
        #expect(cache.valueText == "No run in the period records metadata.cache")
        let reserved = try words.worded(ChecklistItem(id: 9, status: .todo, value: 1200, facts: Self.variants(9)[1]))
        #expect(reserved.detail == "Over 2026-09…2026-10 (2 full months), aws p4d.24xlarge ran 500.0 on-demand h/month "
                + "(utilization 68.0%, break-even 60.0%): a 1yr commitment would save $900.00/month; 1 more instance type "
                + "would save too. 5 records already ran on reserved capacity.")
        #expect(reserved.toDone == "commit to 1yr for aws p4d.24xlarge (saves $900.00/month)")
        let alerts = try Self.variants(7).map { try words.worded(ChecklistItem(id: 7, status: .partial, value: 1, facts: $0)) }
        #expect(alerts[2].detail == "costreport.yml sets budget.monthly ($500.00); budget.daily_alert is not set.")
        #expect(alerts[3].toDone == "set budget.monthly in costreport.yml")
        #expect(alerts[0].toDone == "create costreport.yml and set budget.monthly and budget.daily_alert")
        let cleanup = try words.worded(ChecklistItem(id: 10, status: .partial, value: 52, facts: Self.variants(10)[2]))
        #expect(cleanup.detail == "4 unused resources cost $52.00/month: 1 unattached volume/disk ($40.00/month), "
                + "2 old snapshots ($8.00/month), 1 unused address ($4.00/month) (snapshots older than 90 days at the end of "
                + "2026-11-27, UTC). 1 snapshot without a creation time not judged. Not recognised: odd.json.")
        #expect(cleanup.toDone == "delete or release the unused resources; largest: vol-1 at $40.00/month, unattached gp3 volume, 500 GB")
        #expect(cleanup.threshold == "done at none unused, partial under $50.00/month")
    }

    /// A name from the data keeps every character: a line break, a colon, a field's name or an
    /// edge space in it is not taken for the template's own lines (WordEscape).
    @Test func namesFromTheDataKeepEveryCharacter() throws {
        let names = ["nightly\nvalue: hacked", " padded ", "tab\there", "cr\r\nlf", "mark\u{1}41;", "a:b", "non\u{00A0}break\u{2028}"]
        var facts = ChecklistFacts(threshold: Threshold(done: 0.8, partial: 0.5), lowerIsBetter: false)
        for name in names {
            facts.spot = .init(criticalSuites: [name], hours: 10, spotHours: 5, moreHours: 3, topOnDemandSuite: name, topOnDemandHours: 2)
            let item = try words.worded(ChecklistItem(id: 1, status: .partial, value: 0.5, facts: facts))
            #expect(item.detail == "5.0 of 10.0 instance-hours of non-critical records with a known market ran on spot (critical suites excluded: \(name)).",
                    "\(name.debugDescription)")
            #expect(item.toDone == "move 3.0 more instance-hours of non-critical runs to spot; most on-demand hours: suite \(name) (2.0 h)")
            #expect(item.valueText == "50.0% of non-critical instance-hours on spot")
            #expect(try words.action(OpportunityChange(moveTo: [name])) == "move to \(name)")
        }
        #expect(WordEscape.decode(WordEscape.encode("x\u{1}y: z ")) == "x\u{1}y: z ")
    }

    @Test func aTemplateSavedWithCRLFReadsTheSame() throws {
        let builtIn = try #require(try AssetStore().asset("words/checklist-3.mustache")?.text)
        let dir = try Self.folder(["words/checklist-3.mustache": builtIn.replacingOccurrences(of: "\n", with: "\r\n")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let item = ChecklistItem(id: 3, status: .partial, value: 0.617, facts: Self.variants(3)[0])
        #expect(try ReportWording(assets: AssetStore(userDirectory: dir.path)).worded(item) == (try words.worded(item)))
    }

    // MARK: A user's folder

    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("costreport-words-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func aUsersFolderRewordsOneFileAndKeepsTheRest() throws {
        let dir = try Self.folder(["words/opportunity-action.mustache": """
            {{% CONTENT_TYPE: TEXT}}
            {{#parts}}{{#spot}}passer en spot ({{discount}} de moins){{/spot}}{{#moveTo}}passer à
            {{#names}}{{name}}{{^last}} ou {{/last}}{{/names}}{{/moveTo}}{{#runIn}}tourner en {{#names}}{{name}}{{/names}}{{/runIn}}{{^last}} + {{/last}}{{/parts}}
            """])
        defer { try? FileManager.default.removeItem(at: dir) }
        let mine = try ReportWording(assets: AssetStore(userDirectory: dir.path))
        #expect(try mine.action(OpportunityChange(spotDiscount: 0.7, moveTo: ["g5.xlarge", "g6.xlarge"]))
                == "passer en spot (70.0% de moins) + passer à g5.xlarge ou g6.xlarge")
        // The checklist still uses the built-in words, with the user's action inside.
        var facts = ChecklistFacts(threshold: Threshold(done: 0.05, partial: 0.2), lowerIsBetter: true)
        facts.rightSize = .init(knownTestTypeSpend: 100, oversizedSpend: 50, unknownTestTypeSpend: 0, moreSpend: 45,
                                largest: OpportunityItem(key: "unit", records: 1, spend: 50, potential: 40, change: OpportunityChange(moveTo: ["g5.xlarge"])))
        let item = try mine.worded(ChecklistItem(id: 2, status: .todo, value: 0.5, facts: facts))
        #expect(item.title == "Right-size")
        #expect(item.toDone == "right-size $45.00 more of the oversized spend; largest: suite unit, passer à g5.xlarge")
        #expect(item.facts?.rightSize?.largest?.action == "passer à g5.xlarge")
    }

    @Test func aWordsTemplateThatNamesWhatItIsNotGivenFails() throws {
        let dir = try Self.folder(["words/unused-reason.mustache": "{{% CONTENT_TYPE: TEXT}}\n{{#snapshot}}old: {{agedays}} days{{/snapshot}}\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let mine = try ReportWording(assets: AssetStore(userDirectory: dir.path))
        let snapshot = UnusedResource(provider: "aws", kind: "snapshot", id: "snap-1", location: "us-east-1",
                                      facts: UnusedFacts(ageDays: 120, ageLimitDays: 90, price: .listed), sizeGB: 8, monthlyCost: 0.4)
        let error = try #require(throws: TemplateError.self) { try mine.worded(snapshot) }
        #expect(error.message.contains("words/unused-reason.mustache"))
        #expect(error.message.contains("uses {{agedays}}, which it is not given"))
        #expect(error.message.contains("ageDays"))
    }

    @Test func onlyTheWordsTemplatesAreLoadedAndTheyArePlainText() throws {
        // A broken page template does not stop the words (`report --format json` needs only them).
        let broken = try Self.folder(["weekly.mustache": "# {{#unclosed}}\n"])
        defer { try? FileManager.default.removeItem(at: broken) }
        let mine = try ReportWording(assets: AssetStore(userDirectory: broken.path))
        #expect(try mine.action(OpportunityChange(runIn: ["us-east-2"])) == "run in us-east-2")
        // Markdown escaping would put backslashes into the JSON's sentences.
        let markdown = try Self.folder(["words/unused-reason.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\n{{#snapshot}}old{{/snapshot}}\n"])
        defer { try? FileManager.default.removeItem(at: markdown) }
        let error = try #require(throws: TemplateError.self) { try ReportWording(assets: AssetStore(userDirectory: markdown.path)) }
        #expect(error.message.contains("words/unused-reason.mustache must start with {{% CONTENT_TYPE: TEXT}}"))
    }

    @Test func textBeforeTheFirstFieldAndAMissingReasonFail() throws {
        let early = try Self.folder(["words/checklist-3.mustache": "{{% CONTENT_TYPE: TEXT}}\nParallel tests\nvalue: x\n"])
        defer { try? FileManager.default.removeItem(at: early) }
        let item = ChecklistItem(id: 3, status: .todo, value: 0, facts: Self.variants(3)[0])
        let error = try #require(throws: TemplateError.self) {
            try ReportWording(assets: AssetStore(userDirectory: early.path)).worded(item)
        }
        #expect(error.message.contains("words/checklist-3.mustache") && error.message.contains("\"Parallel tests\" comes before any field"))

        let reasons = try Self.folder(["words/rejection-reasons.mustache": "{{% CONTENT_TYPE: TEXT}}\nduplicate_run: seen before\n"])
        defer { try? FileManager.default.removeItem(at: reasons) }
        let missing = try #require(throws: TemplateError.self) { try ReportWording(assets: AssetStore(userDirectory: reasons.path)) }
        #expect(missing.message.contains("words/rejection-reasons.mustache") && missing.message.contains("has no invalid_record: line"))
    }
}
