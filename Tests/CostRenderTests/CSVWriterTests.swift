import CostAnalysis
@testable import CostRender
import CostTestSupport
import Foundation
import Testing

/// RFC 4180 quoting and locale-free, exponent-free numbers; and Python's `csv` module reading back
/// exactly what went in.
@Suite struct CSVWriterTests {
    @Test func plainFieldsAreWrittenAsTheyAre() {
        #expect(CSVWriter.escape("p4d.24xlarge") == "p4d.24xlarge")
        #expect(CSVWriter.escape("") == "")
        #expect(CSVWriter.escape(" leading and trailing spaces ") == " leading and trailing spaces ")
        #expect(CSVWriter.escape("<script>alert(1)</script>") == "<script>alert(1)</script>")
        #expect(CSVWriter.escape("matmul_größte|ünïcødé — ✓ 日本") == "matmul_größte|ünïcødé — ✓ 日本")
        #expect(CSVWriter.escape("tab\there") == "tab\there")
    }

    @Test func fieldsWithCommaQuoteOrLineBreakAreQuoted() {
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.escape("\"") == "\"\"\"\"")
        #expect(CSVWriter.escape("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVWriter.escape("carriage\rreturn") == "\"carriage\rreturn\"")
        // "\r\n" is a single Character in Swift; it must still be seen.
        #expect(CSVWriter.escape("crlf\r\ninside") == "\"crlf\r\ninside\"")
        #expect(CSVWriter.escape("<script>alert(\"x,y\")</script>") == "\"<script>alert(\"\"x,y\"\")</script>\"")
    }

    @Test func numbersHaveNoExponentNoGroupingAndFullPrecision() {
        #expect(String(describing: 0.00001) == "1e-05")  // why plain `description` is not enough
        #expect(CSVWriter.number(0.00001) == "0.00001")
        #expect(CSVWriter.number(1e-10) == "0.0000000001")
        #expect(CSVWriter.number(-2.5e-7) == "-0.00000025")
        #expect(CSVWriter.number(0.1) == "0.1")
        #expect(CSVWriter.number(3) == "3")
        #expect(CSVWriter.number(-0.0) == "0")
        #expect(CSVWriter.number(0) == "0")
        #expect(CSVWriter.number(1234567.5) == "1234567.5")
        #expect(CSVWriter.number(1.5e20) == "150000000000000000000")
        #expect(CSVWriter.number(1e16) == "10000000000000000")
        #expect(CSVWriter.number(32.77) == "32.77")
        #expect(CSVWriter.number(0.1 + 0.2) == "0.30000000000000004")
        #expect(CSVWriter.number(-561.9228884931672) == "-561.9228884931672")
        #expect(CSVWriter.number(.infinity) == "")
        #expect(CSVWriter.number(.nan) == "")
    }

    @Test func everyNumberReadsBackAsTheSameDouble() {
        var values: [Double] = [.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                                .ulpOfOne, 1 / 3, 2 / 3, 1e-300, 123.456e-12, 9_007_199_254_740_993]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5000 {  // a fixed pseudo-random spread of magnitudes and bit patterns
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let x = Double(bitPattern: state)  // any sign and exponent, subnormals included
            if x.isFinite { values.append(x) }
        }
        for x in values {
            let text = CSVWriter.number(x)
            #expect(!text.contains("e") && !text.contains("E") && !text.contains(","), "\(x) → \(text)")
            #expect(Double(text) == x, "\(x) → \(text)")
        }
    }

    @Test func wholeTableHasHeaderCRLFAndNulls() {
        let table = ExportTable(columns: ["key", "n", "x", "flag", "empty"], rows: [
            [.text("a,b"), .integer(-3), .number(0.00001), .bool(true), .null],
            [.text("plain"), .integer(0), .number(2), .bool(false), .text("")],
        ])
        #expect(CSVWriter.csv(table) == "key,n,x,flag,empty\r\n\"a,b\",-3,0.00001,true,\r\nplain,0,2,false,\r\n")
    }

    @Test func streamedChunksEqualTheWholeText() {
        let rows: [[ExportValue]] = (0..<500).map { [.text("row \($0), \"quoted\"\n"), .number(Double($0) / 7)] }
        let table = ExportTable(columns: ["a", "b"], rows: rows)
        var chunks: [String] = []
        CSVWriter.write(columns: table.columns, rows: table.rows, chunkBytes: 1000) { chunks.append($0) }
        #expect(chunks.count > 5)
        #expect(chunks.joined() == CSVWriter.csv(table))
        #expect(chunks.allSatisfy { $0.hasSuffix("\r\n") })  // whole rows per chunk
    }

    /// Hostile text through Python's `csv` module (the acceptance reader) comes back unchanged, but
    /// for the leading `'` that keeps formula-like text (`=SUM(…)`) from running in a spreadsheet.
    @Test func pythonCSVReadsBackEveryValue() throws {
        let hostile = [
            "plain", "", "a,b", "say \"hi\"", "\"", "\"\"", "line\nbreak", "carriage\rreturn", "crlf\r\ninside",
            "trailing newline\n", ",", " spaced ", "<script>alert(\"x,y\")</script>", "matmul_größte|ünïcødé — ✓ 日本",
            "emoji 🚀👩‍💻", "tab\there", "=SUM(A1:A2)", "semi;colon", "back\\slash", "'single'",
        ]
        let numbers: [Double] = [0, 0.00001, 1e-10, 1234567.5, 1.5e20, 0.1 + 0.2, -561.9228884931672, 1 / 3]
        let rows: [[ExportValue]] = hostile.enumerated().map { i, s in
            [.text(s), .number(numbers[i % numbers.count]), .integer(i), .bool(i % 2 == 0), .null]
        }
        let columns = ["text, with comma", "number", "integer", "flag", "null \"quoted\""]
        let csv = CSVWriter.csv(ExportTable(columns: columns, rows: rows))

        let parsed = try PythonCSV.parse(csv)
        #expect(parsed.count == rows.count + 1)
        #expect(parsed.first == columns)
        for (i, fields) in parsed.dropFirst().enumerated() {
            #expect(fields.count == 5)
            guard fields.count == 5 else { continue }
            let expected = hostile[i].hasPrefix("=") ? "'" + hostile[i] : hostile[i]
            #expect(Array(fields[0].utf8) == Array(expected.utf8), "row \(i): \(fields[0].debugDescription)")
            #expect(Double(fields[1]) == numbers[i % numbers.count], "row \(i): \(fields[1])")
            #expect(fields[2] == String(i))
            #expect(fields[3] == (i % 2 == 0 ? "true" : "false"))
            #expect(fields[4] == "")
        }
    }
}

/// Text that a spreadsheet would run as a formula is written as text (issue 11).
@Suite struct CSVInjectionTests {
    @Test func formulaLikeTextGetsAQuotePrefixAndNumbersStayNumbers() {
        for text in ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            let cell = CSVWriter.field(.text(text))
            #expect(cell.hasPrefix("'") || cell.hasPrefix("\"'"), "\(text) → \(cell)")
        }
        #expect(CSVWriter.field(.text("=1+1")) == "'=1+1")
        #expect(CSVWriter.field(.text("a=b")) == "a=b")
        #expect(CSVWriter.field(.number(-2.5)) == "-2.5")
        #expect(CSVWriter.field(.integer(-3)) == "-3")
        let csv = CSVWriter.csv(ExportTable(columns: ["key", "spend"], rows: [[.text("=cmd|' /C calc'!A0"), .number(-1)]]))
        #expect(csv == "key,spend\r\n'=cmd|' /C calc'!A0,-1\r\n")
    }
}

/// `CSVWriter.number`'s fast path for plain descriptions gives what the general rule gives.
@Suite("CSVWriter.number: the fast path agrees with the general rule")
struct CSVNumberFastPathTests {
    @Test("100,000 doubles across magnitudes, signs and whole numbers")
    func agree() {
        var rng = SplitMix64(seed: 7)
        func next() -> UInt64 { rng.next() }
        var values: [Double] = [1, -1, 0.1, 100, 1e15, 1e16, 123456789012345678, 0.0001, 0.00001, 1.5, -2.25, 9007199254740993]
        for _ in 0..<100_000 {
            let mantissa = Double(next() >> 11) / Double(1 << 53)
            let exponent = Int(next() % 60) - 30
            var x = mantissa * pow(10, Double(exponent))
            if next() % 3 == 0 { x = x.rounded() }
            if next() % 2 == 0 { x = -x }
            values.append(x)
        }
        for x in values {
            #expect(CSVWriter.number(x) == CSVWriter.numberFromExponent(x), "\(x)")
        }
    }

    @Test("quoting: only fields with a comma, quote, CR or LF; quotes doubled")
    func quoting() {
        #expect(CSVWriter.escape("plain") == "plain")
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.escape("line\r\nbreak") == "\"line\r\nbreak\"")
        #expect(CSVWriter.escape("café, ☕") == "\"café, ☕\"")
    }
}
