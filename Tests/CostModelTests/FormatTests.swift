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
