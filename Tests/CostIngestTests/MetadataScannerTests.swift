import CostModel
import CostTestSupport
import Foundation
import Testing

@testable import CostIngest

/// `MetadataScanner` is a fast path: whatever it accepts must mean exactly what JSONSerialization
/// makes of it (`MetadataFacts(parsing:)`), and whatever it declines is parsed as before.
@Suite("MetadataScanner reads metadata exactly as JSONSerialization does")
struct MetadataScannerTests {
    /// Shapes the team's writers store, and the ones a hostile or careless writer might.
    static let texts = [
        #"{"developer": "ci", "branch": "main", "commit_sha": "1c97a06", "trigger": "schedule"}"#,
        #"{"developer": "ci", "branch": "main", "trigger": "schedule", "pytest_args": ["-n", "auto", "--tb=short"], "test_type": "benchmark"}"#,
        #"{"developer": "alice", "branch": "fix/kv-cache", "trigger": "pr", "pr_number": 1197, "spot_instance": false, "test_type": "quick"}"#,
        #"{"developer": "carol", "pr_number": "pr-1283", "market": "spot", "workers": 4, "cache": "TRUE"}"#,
        #"{"pr": 12, "pr_number": null, "commit": "abc", "commit_sha": "def", "account_id": 123456789012}"#,
        #"{"pytest_args": "-n 4 -q", "workers": "2", "cache": 0, "preemptible": 1, "spot": true}"#,
        #"{"pytest_args": ["-n", 3, true, null, "x"], "workers": true, "cache": 1}"#,
        #"{"pytest_args": ["-n", ["4"]], "developer": "x"}"#,
        #"{"pytest_args": {"n": 4}, "developer": {"name": "x"}, "branch": ["main"]}"#,
        #"{"developer": "  padded  ", "branch": "", "trigger": " nightly", "test_type": "Unit"}"#,
        #"{"developer": 1.5, "branch": 2.0, "workers": 1.5}"#,
        #"{"developer": -0, "pr_number": 0, "workers": -3}"#,
        #"{"developer": 1234567890123456, "pr_number": 123456789012345}"#,
        #"{"developer": 1e3, "pr": 12E1}"#,
        #"{"developer": "x", "developer": "y"}"#,
        #"{"other": 1, "other": 2, "developer": "z"}"#,
        #"{"developer": "caf\u00e9", "branch": "line\nbreak"}"#,
        #"{"developer": "café ☕", "branch": "ünïcode"}"#,
        #"{"developer": "x\#u{01}y"}"#,
        #"{"developer": "x\#u{7F}y"}"#,
        #"{"nested": {"deep": [1, 2, {"a": [true, false, null]}], "f": 0.25}, "developer": "n"}"#,
        #"{"a": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]], "developer": "deep"}"#,
        #"{"developer": 0123}"#,
        #"{"developer": "x",}"#,
        #"{"developer": "x"} trailing"#,
        #"{"developer": "x""#,
        #"{"developer" "x"}"#,
        #"{'developer': 'x'}"#,
        " \n\t{\"developer\": \"spaced\"}\r\n ",
        "{}", "", "   ", "null", "[1, 2]", "\"text\"", "42", "true", "{", "}", "{\"a\":tru}", "{\"a\":-}", "{\"a\":1.}",
        "{\"market\": \"On Demand\", \"purchase_option\": \"spot\"}",
        "{\"market\": \"weird\", \"purchase_option\": \"reserved\", \"spot_instance\": \"yes\", \"preemptible\": \"false\"}",
        "{\"spot_instance\": 2, \"preemptible\": \"1\"}",
        "{\"mar\u{212A}et\": \"spot\", \"develope\u{0072}\": \"k\"}",
        "{\"market\": \"on-demand\", \"mar\u{212A}et\": \"spot\"}",
        "{\"caf\u{E9}\": 1, \"developer\": \"x\"}",
    ]

    @Test("every listed shape gives the same facts both ways")
    func listedShapes() {
        for text in Self.texts {
            #expect(MetadataFacts(json: text) == MetadataFacts(parsing: text), "\(text)")
        }
    }

    @Test("the team's flat objects take the fast path; escapes, exponents and repeated keys do not")
    func fastPathIsTaken() {
        #expect(MetadataScanner.scan(Self.texts[0]) != nil)
        #expect(MetadataScanner.scan(Self.texts[1]) != nil)
        #expect(MetadataScanner.scan(Self.texts[2]) != nil)
        #expect(MetadataScanner.scan(#"{"nested": {"f": 0.25}, "developer": "n"}"#) != nil)
        #expect(MetadataScanner.scan(#"{"developer": "caf\u00e9"}"#) == nil)
        #expect(MetadataScanner.scan(#"{"developer": 1e3}"#) == nil)
        #expect(MetadataScanner.scan(#"{"developer": "x", "developer": "y"}"#) == nil)
        #expect(MetadataScanner.scan(#"{"developer": 1.5}"#) == nil)
        #expect(MetadataScanner.scan("") == nil)
    }

    @Test("5,000 generated objects give the same facts both ways")
    func generatedObjects() {
        var rng = SplitMix64(seed: 15)
        let keys = MetadataScanner.keys + ["other", "gpu_util", "labels"]
        let values = [#""ci""#, #"" padded ""#, #""""#, #""-n auto""#, #""true""#, #""0""#, #""spot""#, #""On-Demand""#,
                      #""pr-17""#, "17", "0", "1", "-1", "2", "0.5", "3.0", "1e2", "true", "false", "null",
                      #"["-n", "4"]"#, #"["-n4", 2]"#, "[]", #"{"k": "v"}"#, "[[1]]", #""a\"b""#, #""tab\#tinside""#,
                      "123456789012345", "1234567890123456", #""café""#]
        for _ in 0..<5_000 {
            let n = Int(rng.next() % 7)
            let members = (0..<n).map { _ in
                "\"\(keys[Int(rng.next() % UInt64(keys.count))])\": \(values[Int(rng.next() % UInt64(values.count))])"
            }
            let text = "{" + members.joined(separator: rng.next() % 2 == 0 ? ", " : ",") + "}"
            #expect(MetadataFacts(json: text) == MetadataFacts(parsing: text), "\(text)")
        }
    }

    @Test("every metadata text of the shared sample database gives the same facts both ways")
    func sampleDatabase() throws {
        let path = IngestFixtures.samples.appendingPathComponent("benchmarks.db").path
        let texts = try DemoInspection.query(path, "SELECT metadata FROM benchmarks WHERE typeof(metadata) = 'text'")
            .compactMap { $0.first ?? nil }
        #expect(!texts.isEmpty)
        for text in texts {
            #expect(MetadataFacts(json: text) == MetadataFacts(parsing: text), "\(text)")
        }
    }
}
