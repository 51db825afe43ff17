import CostModel
import Testing

@testable import CostIngest

@Suite struct TextRulesTests {
    @Test(arguments: [("aws", "aws"), (" AWS ", "aws"), ("amazon", "aws"), ("EC2", "aws"), ("google", "gcp"),
                      ("GCE", "gcp"), ("GCP", "gcp"), ("azure", "azure")])
    func providerAliases(raw: String, expected: String) {
        #expect(TextRules.provider(raw) == expected)
    }

    @Test func missingProviderIsNil() {
        #expect(TextRules.provider(nil) == nil)
        #expect(TextRules.provider("   ") == nil)
    }

    @Test(arguments: [("us-central1-a", "us-central1"), ("US-CENTRAL1-A", "us-central1"), ("europe-west4-b", "europe-west4"),
                      ("us-west-2a", "us-west-2"), ("us-west-2", "us-west-2"), ("us-central1", "us-central1"),
                      ("EU-WEST-1", "eu-west-1"), ("westeurope", "westeurope")])
    func zonesBecomeRegions(raw: String, expected: String) {
        #expect(TextRules.region(raw) == expected)
    }

    @Test(arguments: [("#123", "123"), ("pr-123", "123"), ("PR-123", "123"), ("123", "123"), (" 123 ", "123"),
                      ("pr123", "123"), ("feature-x", "feature-x")])
    func prKeys(raw: String, expected: String) {
        #expect(TextRules.prKey(raw) == expected)
    }

    @Test func testTypeTakesTheFirstMatchingTokenOfTheFirstNameThatHasOne() {
        #expect(TextRules.testType("unit_tests", "integration") == .unit)
        #expect(TextRules.testType(nil, "smoke", "test_attention") == .quick)
        #expect(TextRules.testType("nvidia_backend", "quick_forward") == .quick)
        #expect(TextRules.testType("nightly_benchmarks") == .benchmark)
        #expect(TextRules.testType("release_validation", "full_regression", "tests/perf/test_x.py") == .benchmark)
        #expect(TextRules.testType("nvidia_backend", "fused_gelu") == .unknown)
        // Tokens are split on non-alphanumerics, so "community" does not start with "unit".
        #expect(TextRules.testType("community") == .unknown)
    }

    @Test func scheduledTriggersAndSuites() {
        for trigger in ["nightly", "Weekly", "schedule", "scheduled"] { #expect(TextRules.isScheduled(trigger: trigger)) }
        for trigger in ["pr", "manual", "release", nil] { #expect(!TextRules.isScheduled(trigger: trigger)) }
        #expect(TextRules.isScheduled(suite: "nightly_benchmarks"))
        #expect(TextRules.isScheduled(suite: "weekly-integration"))
        #expect(TextRules.isScheduled(suite: "scheduled_smoke"))
        #expect(!TextRules.isScheduled(suite: "unit"))
    }
}

@Suite struct PytestArgsTests {
    private func parallel(_ args: Any) -> Bool {
        PytestArgs.tokens(of: args).map(PytestArgs.requestsParallelWorkers) ?? false
    }

    @Test func recognisesXdistWorkers() {
        #expect(parallel("-n auto --tb=short"))
        #expect(parallel(["-n", "4", "-q"]))
        #expect(parallel("-n4"))
        #expect(parallel("-nauto"))
        #expect(parallel("--numprocesses=8 --dist loadgroup"))
        #expect(parallel(["--numprocesses", "logical"]))
        #expect(parallel("-n=2"))
    }

    @Test func oneWorkerIsNotParallel() {
        #expect(!parallel("-n 0"))
        #expect(!parallel("-n 1"))
        #expect(!parallel(["-x", "-q", "-m", "not slow"]))
        #expect(!parallel("--tb=short -v"))
        #expect(!parallel("-n"))
    }

    @Test func otherValuesAreNotArguments() {
        #expect(PytestArgs.tokens(of: 42) == nil)
    }
}
