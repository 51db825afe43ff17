import Foundation
import Testing
@testable import CostModel

@Suite struct FormatTests {
    @Test func moneyHasSeparatorsAndCents() {
        #expect(Format.usd(1234.564) == "$1,234.56")
        #expect(Format.usd(1234.565) == "$1,234.57")
        #expect(Format.usd(0) == "$0.00")
        #expect(Format.usd(-12.3) == "-$12.30")
        #expect(Format.usd(1_000_000) == "$1,000,000.00")
        #expect(Format.usd(999.999) == "$1,000.00")
        #expect(Format.signedUSD(12.3) == "+$12.30")
        #expect(Format.signedUSD(-0.001) == "$0.00")
    }

    @Test func percentagesAndHoursHaveOneDecimal() {
        #expect(Format.percent(0.25) == "25.0%")
        #expect(Format.percent(0.12345) == "12.3%")
        #expect(Format.percent(1.5) == "150.0%")
        #expect(Format.signedPercent(0.1) == "+10.0%")
        #expect(Format.signedPercent(-0.04) == "-4.0%")
        #expect(Format.hours(1234.56) == "1,234.6")
        #expect(Format.hours(0.04) == "0.0")
        #expect(Format.count(1234567) == "1,234,567")
    }
}

/// Formatting never traps (issue 11): every Double, however large, has a text.
@Suite struct FormatHugeValueTests {
    @Test func hugeMoneyKeepsItsDigits() {
        #expect(Format.usd(9.2e16) == "$92,000,000,000,000,000.00")
        #expect(Format.usd(1e22) == "$10,000,000,000,000,000,000,000.00")
        #expect(Format.usd(-1e20) == "-$100,000,000,000,000,000,000.00")
        // Beyond 2^53 units the Double's shortest spelling is expanded: no false precision.
        #expect(Format.usd(Double(Int64.max)) == "$9,223,372,036,854,776,000.00")
        let max = Format.usd(.greatestFiniteMagnitude)
        #expect(max.hasPrefix("$179,769,313,486,231,570,000,000,"))
        #expect(max.hasSuffix(",000.00") && max.count == 1 + 309 + 102 + 3)
        #expect(Format.usd(.nan) == "$0.00" && Format.usd(.infinity) == "$0.00")
        #expect(Format.signedUSD(1e300).hasPrefix("+$1,000,000,000,000,000,0"))
    }

    @Test func hugeAndTinyShares() {
        #expect(Format.percent(1e300).hasSuffix(".0%"))
        #expect(Format.percent(1e-300) == "0.0%")
        #expect(Format.hours(1e22 / 3600) == "2,777,777,777,777,777,700.0")
        #expect(Format.usd(123_456_789_012_345.67) == "$123,456,789,012,345.67")
        #expect(Format.count(Int.min) == "-9,223,372,036,854,775,808")
    }

    /// The exact-digit path gives what the fixed-width one gave, wherever that one worked.
    @Test func ordinaryValuesAreUnchanged() {
        var x: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<5_000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let value = (Double(x >> 11) / Double(1 << 53) - 0.5) * pow(10, Double(x % 13))
            let cents = Int64((value * 100).rounded(.toNearestOrAwayFromZero))
            let c = cents.magnitude
            let old = (cents < 0 ? "-$" : "$") + Format.grouped(String(c / 100)) + "." + (c % 100 < 10 ? "0" : "") + String(c % 100)
            #expect(Format.usd(value) == old, "\(value)")
        }
    }
}
