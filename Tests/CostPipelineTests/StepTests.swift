import CostModel
import Foundation
import Testing
@testable import CostPipeline

/// Errors carry the stage they happened in and the file they concern; the message is the one
/// line the CLI prints.
@Suite("Pipeline steps")
struct StepTests {
    static let sample = RecordSourceTests.sample

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aMissingDatabaseFailsFirstWhileLoadingInputsNamingIt() throws {
        // Checked before the templates are even looked at (here: a folder that does not exist).
        let error = #expect(throws: PipelineError.self) {
            try ReportJob(inputs: InputSettings(database: "/nonexistent/benchmarks.db", templates: "/nonexistent-templates"))
                .run(progress: .silent)
        }
        #expect(error?.step == .loadInputs)
        #expect(error?.file == "/nonexistent/benchmarks.db")
        #expect(error?.message.hasPrefix("database not found: /nonexistent/benchmarks.db") == true)
    }

    @Test func aMissingTemplatesFolderFailsWhileLoadingInputs() throws {
        let error = #expect(throws: PipelineError.self) {
            try ReportJob(inputs: InputSettings(database: Self.sample, templates: "/nonexistent-templates")).run(progress: .silent)
        }
        #expect(error?.step == .loadInputs)
        #expect(error?.message.hasPrefix("templates folder not found: /nonexistent-templates") == true)
    }

    @Test func aBrokenOverrideTemplateNamesItsFile() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{{% CONTENT_TYPE: MARKDOWN}}\n{{#open}}\n".write(to: dir.appendingPathComponent("weekly.mustache"), atomically: true, encoding: .utf8)
        let error = #expect(throws: PipelineError.self) {
            try ReportJob(inputs: InputSettings(database: Self.sample, templates: dir.path)).run(progress: .silent)
        }
        #expect(error?.step == .loadInputs)
        #expect(error?.message.contains(dir.path + "/weekly.mustache") == true)
    }

    @Test func oneOverriddenTemplateChangesOnlyWhatUsesIt() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{{% CONTENT_TYPE: MARKDOWN}}\n# My week {{start}}\n".write(to: dir.appendingPathComponent("weekly.mustache"), atomically: true, encoding: .utf8)
        let builtIn = InputSettings(database: Self.sample)
        var overridden = builtIn
        overridden.templates = dir.path
        let week = try ReportJob(inputs: overridden).run(progress: .silent)
        #expect(week.hasPrefix("# My week 20"))
        // The monthly template, and so the month's report, is the built-in one.
        let month = Period(kind: .month, start: Day(year: 2026, month: 10, day: 1), end: Day(year: 2026, month: 10, day: 31))
        #expect(try ReportJob(inputs: overridden, period: month).run(progress: .silent)
            == ReportJob(inputs: builtIn, period: month).run(progress: .silent))
    }

    @Test func noUsableRecordsIsAnAnalysisError() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = #expect(throws: PipelineError.self) {
            try Analyse().run(LoadInputs(InputSettings(database: Self.sample)).run(progress: .silent),
                              Dataset(records: [], strings: StringTable(), quality: IngestQuality()))
        }
        #expect(error?.step == .analyse)
        #expect(error?.message.hasPrefix("\(Self.sample) has no usable records") == true)
    }
}
