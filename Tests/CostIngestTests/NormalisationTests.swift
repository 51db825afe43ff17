import CostModel
import Foundation
import Testing

@testable import CostIngest

/// The builder applies the text and metadata rules of spec §1/§12 to every dimension.
@Suite struct NormalisationTests {
    typealias F = IngestFixtures

    private func one(_ raw: RawRecord, config: Config = Config()) throws -> (Dataset, RunRecord) {
        let dataset = try F.build([raw], config: config)
        return (dataset, try #require(dataset.records.first))
    }

    @Test func textDimensionsAreStrippedAndLowerCasedWhereTheSpecSays() throws {
        var raw = F.raw(provider: " Amazon ", instance: "G5.XLarge", region: "US-EAST-1A", suite: "  unit ", benchmark: " Test_X ")
        raw.hardwareType = "NVIDIA"
        raw.gpuModel = " A10G "
        let (d, r) = try one(raw)
        #expect(d.text(r.provider) == "aws")
        #expect(d.text(r.instanceType) == "g5.xlarge")
        #expect(d.text(r.region) == "us-east-1")
        #expect(d.text(r.hardwareType) == "nvidia")
        #expect(d.text(r.gpuModel) == "A10G")          // GPU model keeps its case
        #expect(d.text(r.suite) == "unit")
        #expect(d.text(r.benchmark) == "Test_X")
        #expect(r.onDemandRate == 1.006)
    }

    /// The commit (`commit`, else `commit_sha`) and the billed account (`account_id`) are kept
    /// from the metadata, for the PR's commits and the FOCUS export's BillingAccountId.
    @Test func commitAndAccountComeFromTheMetadata() throws {
        var raw = F.raw(provider: "aws", instance: "g5.xlarge", region: "us-east-1", suite: "unit", benchmark: "t")
        raw.metadata = #"{"commit_sha": " 9f3c2a1 ", "account_id": 123456789012}"#
        let (d, r) = try one(raw)
        #expect(d.text(r.commit) == "9f3c2a1" && d.text(r.account) == "123456789012")
        raw.metadata = #"{"commit": "abc", "commit_sha": "def"}"#
        let (d2, r2) = try one(raw)
        #expect(d2.text(r2.commit) == "abc" && r2.account == StringTable.none)
    }

    @Test func missingProviderComesFromTheCatalogElseUnknown() throws {
        let (d1, listed) = try one(F.raw(provider: nil, instance: "a2-highgpu-1g", region: "us-central1-a"))
        #expect(d1.text(listed.provider) == "gcp")
        #expect(listed.onDemandRate == 3.67)
        let (d2, unlisted) = try one(F.raw(provider: "", instance: "x9.mystery"))
        #expect(d2.text(unlisted.provider) == "unknown")
    }

    @Test func missingDimensionsAreNoneAndDeveloperUnattributed() throws {
        let (d, r) = try one(RawRecord(runID: "r", timestamp: "2026-11-02T10:00:00", durationSeconds: 60, costUSD: 1))
        for id in [r.instanceType, r.region, r.hardwareType, r.gpuModel, r.suite, r.benchmark, r.branch, r.pr] {
            #expect(id == StringTable.none)
        }
        #expect(d.text(r.developer) == "(unattributed)")
        #expect(d.text(r.provider) == "unknown")
        #expect(r.testType == .unknown)
    }

    @Test func metadataFields() throws {
        let (d, r) = try one(F.raw(metadata: ##"{"developer": " bob ", "branch": "feature/x", "pr_number": "#412", "pr": 9, "trigger": "nightly", "test_type": "integration", "cache": "true", "workers": 4}"##))
        #expect(d.text(r.developer) == "bob")
        #expect(d.text(r.branch) == "feature/x")
        #expect(d.text(r.pr) == "412")                 // pr_number before pr
        #expect(r.testType == .integration)            // metadata before names
        #expect(r.flags.isSuperset(of: [.scheduled, .cacheRecorded, .cacheOn, .parallelismRecorded, .parallel]))
        let (d2, fromPR) = try one(F.raw(metadata: #"{"pr": "pr-77"}"#))
        #expect(d2.text(fromPR.pr) == "77")
    }

    @Test func testTypeFallsBackToSuiteThenBenchmarkThenTestPath() throws {
        #expect(try one(F.raw(suite: "smoke", benchmark: "test_attention", metadata: nil)).1.testType == .quick)
        #expect(try one(F.raw(suite: "nvidia_backend", benchmark: "quick_forward", metadata: nil)).1.testType == .quick)
        var raw = F.raw(suite: "nvidia_backend", benchmark: "fused_gelu", metadata: nil)
        raw.testPath = "tests/integration/test_end_to_end.py"
        #expect(try one(raw).1.testType == .integration)
        #expect(try one(F.raw(suite: "nvidia_backend", benchmark: "fused_gelu", metadata: nil)).1.testType == .unknown)
    }

    @Test func scheduledFromTriggerOrSuiteName() throws {
        #expect(try one(F.raw(metadata: #"{"trigger": "schedule"}"#)).1.flags.contains(.scheduled))
        #expect(try one(F.raw(suite: "nightly_benchmarks", metadata: #"{"trigger": "pr"}"#)).1.flags.contains(.scheduled))
        #expect(!(try one(F.raw(suite: "unit", metadata: #"{"trigger": "pr"}"#)).1.flags.contains(.scheduled)))
    }

    @Test func parallelismAndCacheFlags() throws {
        let serial = try one(F.raw(metadata: #"{"pytest_args": ["-x", "-q"]}"#)).1
        #expect(serial.flags.contains(.parallelismRecorded))
        #expect(!serial.flags.contains(.parallel))
        let oneWorker = try one(F.raw(metadata: #"{"pytest_args": "-n 1", "workers": 1}"#)).1
        #expect(!oneWorker.flags.contains(.parallel))
        let nothing = try one(F.raw(metadata: #"{"developer": "a"}"#)).1
        #expect(nothing.flags.isDisjoint(with: [.parallelismRecorded, .parallel, .cacheRecorded, .cacheOn]))
        let cacheOff = try one(F.raw(metadata: #"{"cache": false}"#)).1
        #expect(cacheOff.flags.contains(.cacheRecorded) && !cacheOff.flags.contains(.cacheOn))
    }

    @Test func metadataThatIsNotAnObjectIsEmptyAndFlagged() throws {
        for text in ["[1, 2]", "not json", "\"text\"", "null", "{broken"] {
            let r = try one(F.raw(metadata: text)).1
            #expect(r.flags.contains(.metadataNotObject), "\(text)")
        }
        for text in [nil, "", "  ", "{}"] as [String?] {
            let r = try one(F.raw(metadata: text)).1
            #expect(!r.flags.contains(.metadataNotObject))
        }
    }

    @Test func repeatedMetadataTextIsParsedOnceButGivesTheSameFacts() throws {
        let meta = #"{"developer": "carol", "market": "spot"}"#
        let dataset = try F.build([F.raw(run: "a", metadata: meta), F.raw(run: "b", metadata: meta), F.raw(run: "c", metadata: nil)])
        #expect(dataset.records.map { dataset.text($0.developer) } == ["carol", "carol", "(unattributed)"])
        #expect(dataset.records.map(\.market) == [.spot, .spot, .onDemand])
    }

    @Test func timesUseTheConfiguredZone() throws {
        var config = Config()
        config.timezone = "Europe/Berlin"
        // Naive: 23:30 in Berlin (CET, +1) is 22:30 UTC; the local day stays the 2nd.
        let (_, naive) = try one(F.raw(timestamp: "2026-11-02T23:30:00"), config: config)
        #expect(naive.day == Day(year: 2026, month: 11, day: 2))
        #expect(naive.minuteOfDay == 23 * 60 + 30)
        #expect(naive.instant == Double(Day(year: 2026, month: 11, day: 2).ordinal) * 86_400 + 22.5 * 3600)
        // With an offset: 23:30Z is 00:30 on the 3rd in Berlin.
        let (_, aware) = try one(F.raw(timestamp: "2026-11-02T23:30:00Z"), config: config)
        #expect(aware.day == Day(year: 2026, month: 11, day: 3))
        #expect(aware.minuteOfDay == 30)
    }

    @Test func unknownTimeZoneIsAnError() {
        var config = Config()
        config.timezone = "Mars/Olympus"
        #expect(throws: IngestError.self) { try DatasetBuilder(catalog: F.catalog, config: config) }
    }
}
