import CostModel
import Foundation
import Testing

@testable import CostIngest

/// Seconds since 1970 of a UTC wall-clock reading, computed independently of the parser.
private func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Double = 0) -> Double {
    Double(Day(year: y, month: mo, day: d).ordinal) * 86_400 + Double(h * 3600 + mi * 60) + s
}

@Suite struct TimestampParserTests {
    @Test(arguments: [
        ("2026-11-02T22:15:03", utc(2026, 11, 2, 22, 15, 3)),
        ("2026-11-02T22:15:03.123456", utc(2026, 11, 2, 22, 15, 3.123456)),   // Python isoformat with microseconds
        ("2026-11-02 22:15:03", utc(2026, 11, 2, 22, 15, 3)),                 // space instead of T
        ("2026-11-02t22:15", utc(2026, 11, 2, 22, 15)),                       // no seconds
        ("2026-11-02", utc(2026, 11, 2)),                                     // date only: local midnight
        ("  2026-11-02T22:15:03  ", utc(2026, 11, 2, 22, 15, 3)),             // stripped
        ("2024-02-29T00:00:00", utc(2024, 2, 29)),                            // leap day
    ])
    func naiveTimesAreLocal(text: String, expected: Double) throws {
        let parsed = try #require(TimestampParser.parse(text))
        guard case .local(let local) = parsed else { Issue.record("expected a naive time for \(text)"); return }
        #expect(abs(local - expected) < 1e-6)
    }

    @Test(arguments: [
        ("2026-11-02T22:15:03Z", utc(2026, 11, 2, 22, 15, 3)),
        ("2026-11-02T22:15:03.5z", utc(2026, 11, 2, 22, 15, 3.5)),
        ("2026-11-02T22:15:03+02:00", utc(2026, 11, 2, 20, 15, 3)),
        ("2026-11-02T22:15:03+0200", utc(2026, 11, 2, 20, 15, 3)),
        ("2026-11-02T22:15:03-05:30", utc(2026, 11, 3, 3, 45, 3)),
        ("2026-11-02 22:15:03.123456+00:00", utc(2026, 11, 2, 22, 15, 3.123456)),  // Python str() of an aware datetime
        ("2026-11-02T22:15:03 +01", utc(2026, 11, 2, 21, 15, 3)),
        ("1793657703", 1_793_657_703),                                          // epoch seconds as text
        ("1793657703.25", 1_793_657_703.25),
    ])
    func offsetsAndEpochsAreInstants(text: String, expected: Double) throws {
        let parsed = try #require(TimestampParser.parse(text))
        guard case .instant(let instant) = parsed else { Issue.record("expected an instant for \(text)"); return }
        #expect(abs(instant - expected) < 1e-6)
    }

    @Test func epochNumbersAreInstants() {
        #expect(TimestampParser.parse(.epochSeconds(1_793_657_703)) == .instant(1_793_657_703))
    }

    @Test(arguments: [
        "", "not-a-timestamp", "11/02/2026 10:00", "2026-13-01T00:00:00", "2026-02-30", "2026-11-02T24:00:00",
        "2026-11-02T22:61:00", "2026-11-02T22:15:03+25:00", "2026-11-02T22:15:03 junk", "2026-11-02T", "2026-1-2",
        "2026",              // a year is not an epoch
        "1793657703000",     // milliseconds are not guessed at
        "2026-11-02T22:15:03.",
    ])
    func rejectsWhatItCannotRead(text: String) {
        #expect(TimestampParser.parse(text) == nil)
    }
}

@Suite struct ZoneClockTests {
    @Test func utcIsTheIdentity() throws {
        var clock = ZoneClock(zone: try #require(TimeZone(identifier: "UTC")))
        let t = utc(2026, 11, 2, 22, 15, 3)
        #expect(clock.instant(fromLocal: t) == t)
        let (day, minute) = clock.localDayAndMinute(ofInstant: t)
        #expect(day == Day(year: 2026, month: 11, day: 2))
        #expect(minute == 22 * 60 + 15)
    }

    @Test func berlinAcrossDaylightSaving() throws {
        var clock = ZoneClock(zone: try #require(TimeZone(identifier: "Europe/Berlin")))
        // Summer (CEST, +2) and winter (CET, +1) on either side of 2026-10-25.
        #expect(clock.instant(fromLocal: utc(2026, 7, 1, 12)) == utc(2026, 7, 1, 10))
        #expect(clock.instant(fromLocal: utc(2026, 11, 2, 12)) == utc(2026, 11, 2, 11))
        // 02:30 happens twice on 2026-10-25: the first (still CEST) is taken, as Python's fold=0.
        #expect(clock.instant(fromLocal: utc(2026, 10, 25, 2, 30)) == utc(2026, 10, 25, 0, 30))
        // 02:30 does not exist on 2026-03-29: read with the offset before the change (→ 03:30 CEST).
        #expect(clock.instant(fromLocal: utc(2026, 3, 29, 2, 30)) == utc(2026, 3, 29, 1, 30))
        // An instant late in the UTC day is already tomorrow in Berlin.
        let (day, minute) = clock.localDayAndMinute(ofInstant: utc(2026, 11, 2, 23, 30))
        #expect(day == Day(year: 2026, month: 11, day: 3))
        #expect(minute == 30)
    }

    @Test func cachedAnswersMatchFoundation() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        var clock = ZoneClock(zone: zone)
        // Every 17 minutes across a year, twice (the second pass is served from the cache).
        var wrongOffsets = 0, wrongInstants = 0, ambiguous = 0
        for _ in 0..<2 {
            var t = utc(2026, 1, 1)
            while t < utc(2027, 1, 1) {
                let offset = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t)))
                if clock.offset(atInstant: t) != offset { wrongOffsets += 1 }
                let back = clock.instant(fromLocal: t + offset)
                // A repeated reading maps to its first occurrence, exactly one hour earlier.
                if back == t - 3600 { ambiguous += 1 } else if back != t { wrongInstants += 1 }
                t += 17 * 60
            }
        }
        #expect(wrongOffsets == 0)
        #expect(wrongInstants == 0)
        #expect(ambiguous > 0 && ambiguous <= 2 * 4)   // the few samples in the repeated hour of November
    }
}
