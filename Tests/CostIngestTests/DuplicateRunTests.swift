import CostModel
import Foundation
import Testing

@testable import CostIngest

/// The builder's side of spec §1 "one run, one source" and the per-source figures of §9.
@Suite struct DuplicateRunTests {
    typealias F = IngestFixtures

    /// duplicate_run is checked before every other reason; a rejected record still marks its run as seen.
    @Test func duplicateRunComesFirstAndSeenMeansRead() throws {
        var builder = try DatasetBuilder(catalog: F.catalog, config: Config())
        builder.beginSource("first")
        builder.add(F.raw(run: "r", timestamp: "not a time"), source: "first #1")
        builder.beginSource("second")
        builder.add(F.raw(run: " r ", cost: -1), source: "second #1")          // stripped: the same run
        builder.add(F.raw(run: nil), source: "second #2")
        builder.add(F.raw(run: "other"), source: "second #3")
        builder.add(F.raw(run: "other"), source: "second #4")                  // one run within one source: counts
        builder.beginFile()
        builder.add(F.raw(run: "other"), source: "second #5")                  // another file of the same source
        let d = builder.finish()
        #expect(d.quality.rejected == [.invalidTimestamp: 1, .duplicateRun: 2])
        #expect(d.quality.rejectedSamples.map(\.source) == ["first #1", "second #1", "second #5"])
        #expect(d.records.count == 3)
        #expect(d.quality.bySource.map(\.name) == ["first", "second"])
        #expect(d.quality.bySource.map(\.read) == [1, 5])
        #expect(d.quality.bySource.map(\.accepted) == [0, 3])
        #expect(d.quality.bySource[1].rejected == [.duplicateRun: 2])
    }

    /// Records without a run id are each their own run: never duplicates, in any source.
    @Test func recordsWithoutRunIDAreNeverDuplicates() throws {
        var builder = try DatasetBuilder(catalog: F.catalog, config: Config())
        builder.beginSource("a")
        builder.add(F.raw(run: nil), source: "a #1")
        builder.add(F.raw(run: "  "), source: "a #2")
        builder.beginSource("b")
        builder.add(F.raw(run: nil), source: "b #1")
        let d = builder.finish()
        #expect(d.records.count == 3 && d.quality.rejectedTotal == 0)
    }

    /// Files' bookkeeping: records that are not objects, files read and files that could not be.
    @Test func invalidRecordsAndFilesAreCountedPerSource() throws {
        var builder = try DatasetBuilder(catalog: F.catalog, config: Config())
        builder.beginSource("benchmarks.db")
        builder.add(F.raw(run: "a"), source: "benchmarks.db id 1")
        builder.beginSource("results")
        builder.noteFileRead()
        builder.beginFile()
        builder.addInvalidRecord(source: "results/x.jsonl line 2")
        builder.noteUnreadableFile(path: "results/y.json", reason: "empty file")
        let d = builder.finish()
        #expect(d.quality.read == 2 && d.quality.rejected == [.invalidRecord: 1])
        #expect(d.quality.filesRead == 1)
        #expect(d.quality.unreadableFiles == [UnreadableFile(path: "results/y.json", reason: "empty file")])
        #expect(d.quality.bySource.map(\.filesRead) == [0, 1] && d.quality.bySource[1].read == 1)
        #expect(d.quality.rejectedSamples == [RejectedRecord(source: "results/x.jsonl line 2", reason: .invalidRecord)])
    }
}
