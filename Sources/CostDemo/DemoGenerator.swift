import CostModel

/// One row of the `benchmarks` table, as the team's Python `BenchmarkDatabase` writes it.
struct DemoRow: Sendable {
    var runID: String
    var timestamp: String
    var provider: String
    var instanceType: String
    var region: String
    var hardware: String
    var gpuModel: String?
    var benchmarkName: String
    var suite: String
    var latencyMs: Double
    var throughput: Double
    var memoryMB: Double
    var testsPassed: Int
    var testsFailed: Int
    var testsSkipped: Int
    var durationSeconds: Double?
    var costUSD: Double?
    var metadata: String
}

/// The deliberate defects sprinkled over the demo data (about 0.5 % of rows), one kind after the
/// other so that every kind occurs as soon as there are at least `allCases.count` of them.
enum DemoBadRow: Int, CaseIterable, Sendable {
    case timestampText, negativeCost, metadataText, nullCostAndDuration, markupName,
         timestampEmpty, negativeDuration, zeroCost, metadataArray
}

/// Generates the demo rows in timestamp order of their runs, streaming: one day of runs is held
/// in memory at a time, so a million records need no more memory than four thousand.
struct DemoGenerator {
    /// Multiplier on the wall time of benchmark and integration jobs (unit and smoke tests keep
    /// their plain minutes, the nightly soak its hours): sets the spend level, about 2,000 USD a
    /// month with the default 4,000 records over 13 weeks.
    static let durationScale = 3.25

    /// A day with at least this many records also runs the nightly soak (every day at the default
    /// density; sparse demos, a few records a day, are not swamped by it).
    static let soakMinimumQuota = 20

    let options: DemoOptions
    let firstDay: Day
    let lastDay: Day
    /// Row indices (0-based, in write order) that get a defect, ascending.
    let badRows: [(index: Int, kind: DemoBadRow, variant: Int)]

    private(set) var rowCount = 0
    private(set) var runCount = 0
    private var rng: DemoRandom
    private var nextBad = 0
    /// Next turn of each instance type's `onDemandRotation` (only looked up, never iterated).
    private var rotationTurns: [String: Int] = [:]

    init(options: DemoOptions) {
        self.options = options
        lastDay = options.endDate
        firstDay = options.endDate.startOfISOWeek.adding(days: -7 * (max(options.weeks, 1) - 1))
        rng = DemoRandom(seed: options.seed)

        // Bad rows: about 1 in 200, at least one of each kind, spread evenly (a separate stream,
        // so that changing the rule does not reshuffle the good data).
        let n = max(options.records, 0)
        let kinds = DemoBadRow.allCases
        let count = n == 0 ? 0 : min(n, max(kinds.count, (n + 100) / 200))
        var badRng = DemoRandom(seed: options.seed ^ 0xBAD0_BAD0_BAD0_BAD0)
        var bad: [(index: Int, kind: DemoBadRow, variant: Int)] = []
        bad.reserveCapacity(count)
        for k in 0..<count {
            let lower = k * n / count
            let upper = (k + 1) * n / count - 1
            bad.append((badRng.int(lower...max(lower, upper)), kinds[k % kinds.count], k / kinds.count))
        }
        badRows = bad
    }

    /// Calls `body` with every row, in order, exactly `options.records` times.
    mutating func generate(_ body: (DemoRow) throws -> Void) rethrows {
        let days = lastDay - firstDay + 1
        let total = max(options.records, 0)
        guard days > 0, total > 0 else { return }

        // Records per day: weekdays busier than weekends, a team growing over the quarter, and
        // day-to-day noise. Integer weights and cumulative rounding give exactly `total`.
        var weights: [Int] = []
        weights.reserveCapacity(days)
        for i in 0..<days {
            let day = firstDay.adding(days: i)
            let base = day.isWeekend ? 7.0 : 10.0
            let growth = 0.92 + 0.16 * Double(i) / Double(max(days - 1, 1))
            // Safe conversion: at most 10 × 1.08 × 1.15 × 1000 ≈ 12,420.
            weights.append(Int(saturating: base * growth * rng.double(0.85, 1.15) * 1000))
        }
        let weightSum = weights.reduce(0, +)
        var cumulative = 0
        var assigned = 0
        for i in 0..<days {
            cumulative += weights[i]
            let upTo = Int((Int64(cumulative) * Int64(total)) / Int64(weightSum))
            let quota = upTo - assigned
            assigned = upTo
            try generateDay(index: i, quota: quota, body)
        }
    }

    private mutating func generateDay(index: Int, quota: Int, _ body: (DemoRow) throws -> Void) rethrows {
        guard quota > 0 else { return }
        let day = firstDay.adding(days: index)
        var runs: [DemoRun] = []
        var produced = 0
        if quota >= Self.soakMinimumQuota {
            let soak = makeRun(day: day, dayIndex: index, sequenceInDay: 0, maxRecords: quota, soak: true)
            produced += soak.rows.count
            runs.append(soak)
        }
        while produced < quota {
            let run = makeRun(day: day, dayIndex: index, sequenceInDay: runs.count, maxRecords: quota - produced)
            produced += run.rows.count
            runs.append(run)
        }
        runs.sort { ($0.startMicros, $0.sequence) < ($1.startMicros, $1.sequence) }
        for run in runs {
            for var row in run.rows {
                if nextBad < badRows.count, badRows[nextBad].index == rowCount {
                    Self.damage(&row, badRows[nextBad].kind, variant: badRows[nextBad].variant)
                    nextBad += 1
                }
                rowCount += 1
                try body(row)
            }
        }
        runCount += runs.count
    }

    static func damage(_ row: inout DemoRow, _ kind: DemoBadRow, variant: Int) {
        switch kind {
        case .timestampText: row.timestamp = variant % 2 == 0 ? "not-a-date" : "11/02/2026 22:15"
        case .timestampEmpty: row.timestamp = ""
        case .negativeCost:
            let cost = row.costUSD ?? 0
            row.costUSD = cost > 0 ? -cost : -0.0818
        case .negativeDuration:
            let duration = row.durationSeconds ?? 0
            row.durationSeconds = duration > 0 ? -duration : -673.1
        case .nullCostAndDuration:
            row.costUSD = nil
            row.durationSeconds = nil
        case .zeroCost:
            row.costUSD = 0.0
            if (row.durationSeconds ?? 0) <= 0 { row.durationSeconds = 1211.5 }
        case .metadataText: row.metadata = "oops"
        case .metadataArray: row.metadata = "[1,2]"
        case .markupName:
            row.benchmarkName = variant % 2 == 0 ? "attn|<script>alert(1)</script>" : "matmul_größe|ünïcødé ✓ & <b>"
        }
    }

    // MARK: Runs

    private struct DemoRun {
        let startMicros: Int64
        let sequence: Int
        let rows: [DemoRow]
    }

    private enum Trigger { case nightly, weekly, schedule, pr, manual

        var name: String {
            switch self {
            case .nightly: return "nightly"
            case .weekly: return "weekly"
            case .schedule: return "schedule"
            case .pr: return "pr"
            case .manual: return "manual"
            }
        }

        var isScheduled: Bool { self == .nightly || self == .weekly || self == .schedule }
    }

    private enum Market { case onDemand, spot, reserved }

    /// One run. `soak`: the nightly soak on the CI's g5.xlarge (on-demand, starting 01:00–01:45),
    /// rather than a run drawn from the day's mix.
    private mutating func makeRun(day: Day, dayIndex: Int, sequenceInDay: Int, maxRecords: Int,
                                  soak: Bool = false) -> DemoRun {
        let weekend = day.isWeekend
        let trigger: Trigger = soak ? .nightly : weekend
            ? rng.weighted([(.nightly, 40), (.weekly, 20), (.schedule, 8), (.pr, 8), (.manual, 24)])
            : rng.weighted([(.nightly, 26), (.schedule, 6), (.pr, 46), (.manual, 22)])

        // Start time, seconds after midnight.
        let startSecond: Int
        switch trigger {
        case .nightly where soak:
            startSecond = rng.int(3600...(3600 + 45 * 60 - 1))
        case .nightly:
            startSecond = rng.chance(0.85) ? rng.int(3600...(4 * 3600 - 1)) : rng.int(22 * 3600...(24 * 3600 - 1))
        case .weekly:
            startSecond = rng.int(2 * 3600...(6 * 3600 - 1))
        case .schedule:
            startSecond = rng.chance(0.7) ? rng.int(0...(6 * 3600 - 1)) : rng.int(18 * 3600...(22 * 3600 - 1))
        case .pr:
            startSecond = weekend ? rng.int(10 * 3600...(20 * 3600 - 1))
                : rng.chance(0.85) ? rng.int(9 * 3600...(19 * 3600 - 1)) : rng.int(19 * 3600...(23 * 3600 - 1))
        case .manual:
            startSecond = weekend ? rng.int(10 * 3600...(23 * 3600 - 1)) : rng.int(8 * 3600...(22 * 3600 - 1))
        }

        let suite: DemoFleet.Suite
        switch trigger {
        case .nightly where soak:
            suite = .nightlySoak
        case .nightly:
            suite = rng.weighted([(.nightlyBenchmarks, 35), (.tpuBackend, 20), (.nvidiaBackend, 15), (.integration, 15),
                                  (.perfRegression, 10), (.unit, 5)])
        case .weekly:
            suite = rng.weighted([(.releaseValidation, 40), (.integration, 30), (.perfRegression, 30)])
        case .schedule:
            suite = rng.weighted([(.smoke, 40), (.nightlyBenchmarks, 30), (.unit, 30)])
        case .pr:
            suite = rng.weighted([(.unit, 45), (.smoke, 20), (.integration, 15), (.tpuBackend, 10), (.nvidiaBackend, 10)])
        case .manual:
            suite = rng.weighted([(.nvidiaBackend, 25), (.tpuBackend, 25), (.perfRegression, 20), (.integration, 15),
                                  (.unit, 15)])
        }

        // People and code.
        var developer: String?
        var branch: String
        var prNumber: Int?
        switch trigger {
        case .nightly, .weekly, .schedule:
            developer = rng.chance(0.88) ? "ci" : nil
            let c = day.components
            branch = suite == .releaseValidation && rng.chance(0.6)
                ? "release/\(c.year).\(c.month < 10 ? "0" : "")\(c.month)" : "main"
        case .pr:
            let pr = 1180 + dayIndex * 3 + rng.int(0...14)
            prNumber = pr
            var prRng = DemoRandom(seed: options.seed ^ (UInt64(pr) &* 0x9E37_79B9_7F4A_7C15))
            let dev = prRng.weighted(DemoFleet.developers)
            developer = rng.chance(0.96) ? dev : nil
            branch = Self.branch(developer: dev, rng: &prRng)
        case .manual:
            let dev = rng.weighted(DemoFleet.developers)
            developer = rng.chance(0.95) ? dev : nil
            branch = rng.chance(0.3) ? "main" : Self.branch(developer: dev, rng: &rng)
        }

        // Machine and market.
        let instance = rng.weighted(DemoFleet.fleets[suite.rawValue])
        var location = rng.weighted(instance.locations)
        let market: Market
        if suite == .nightlySoak {
            market = .onDemand
        } else if instance.type == "p4d.24xlarge", trigger.isScheduled, rng.chance(0.5) {
            market = .reserved
        } else {
            let spotShare: Double
            switch trigger {
            case .nightly, .weekly, .schedule: spotShare = 0.45
            case .pr: spotShare = 0.3
            case .manual: spotShare = 0.2
            }
            market = suite != .releaseValidation && rng.chance(spotShare * instance.spotAvailability) ? .spot : .onDemand
        }
        if market == .onDemand, !instance.onDemandRotation.isEmpty {
            let turn = rotationTurns[instance.type, default: 0]
            location = instance.onDemandRotation[turn % instance.onDemandRotation.count]
            rotationTurns[instance.type] = turn + 1
        }
        if instance.provider == "aws", rng.chance(0.12) {
            location += rng.pick(["a", "b", "c"])
        } else if instance.provider == "gcp", rng.chance(0.08) {
            location = DemoFleet.region(of: location)
        }
        let regionColumn = rng.chance(0.01) ? location.uppercased() : location

        // Effective rate.
        let onDemandRate = instance.onDemandRate(at: location)
        let rate: Double
        switch market {
        case .onDemand: rate = onDemandRate
        case .spot: rate = instance.spot * rng.double(0.85, 1.15)
        case .reserved: rate = onDemandRate * 0.65
        }

        // Benchmarks and durations.
        var names = DemoFleet.names[suite.rawValue][instance.hardware.rawValue]
        // Big machines (p4d; p5, a3 rarely) run fewer benchmarks, and briefly.
        let big = instance.onDemand > 50
        let count = min(rng.int(suite.recordsRange), maxRecords, names.count, big ? 3 : instance.onDemand > 20 ? 5 : 8)
        for i in 0..<count {  // partial Fisher-Yates
            let j = rng.int(i...(names.count - 1))
            names.swapAt(i, j)
        }
        let (low, high) = suite.secondsRange
        // Unit and smoke tests use one device: a bigger machine barely shortens them.
        let timeFactor = suite.isQuick ? max(instance.timeFactor, 0.8) : instance.timeFactor
        var durations: [Double] = []
        for _ in 0..<count {
            durations.append(rng.skewed(low, high) * timeFactor * (suite.hasFixedWallTime ? 1 : Self.durationScale))
        }
        // The Python writer's double counting: the run's cost copied onto each of its records (kept to
        // short runs on mid-priced machines, so that it shows in the data-quality section without
        // dominating the spend; never the soak, whose hours feed the reserved-capacity analysis).
        let copiesRunCost = !soak && (2...3).contains(count) && instance.onDemand < 15 && rng.chance(0.2)
        let roundsValues = rng.chance(0.5)
        let usesMicros = rng.chance(0.65)

        // Timestamps, in microseconds since 1970.
        let dayStart = Int64(day.ordinal) * 86_400 * 1_000_000
        var start = dayStart + Int64(startSecond) * 1_000_000
        if usesMicros, rng.chance(0.6) { start += Int64(rng.int(0...999_999)) }
        var stamps: [Int64] = []
        var t = start
        for i in 0..<count {
            if copiesRunCost || i == 0 {
                stamps.append(start)
            } else {
                t += Int64(durations[i - 1] * 1_000_000) + Int64(rng.int(3...90)) * 1_000_000
                stamps.append(usesMicros ? t : t - t % 1_000_000)
            }
        }
        // Nothing after the end date: a late run on the last day started earlier.
        let limit = (Int64(lastDay.ordinal) + 1) * 86_400 * 1_000_000 - 1
        if let last = stamps.last, last > limit {
            var shift = last - limit + Int64(rng.int(60...1800)) * 1_000_000
            shift = min(shift, stamps[0] - Int64(firstDay.ordinal) * 86_400 * 1_000_000)
            for i in stamps.indices { stamps[i] -= shift }
            start -= shift
        }

        // The id carries the (possibly shifted) start: `nightly-20261102-0147-5f9e`.
        let startSeconds = start / 1_000_000
        let runID = makeRunID(trigger: trigger, day: Day(ordinal: Int32(startSeconds / 86_400)),
                              startSecond: Int(startSeconds % 86_400), sequenceInDay: sequenceInDay, prNumber: prNumber)
        let metadata = makeMetadata(trigger: trigger, suite: suite, instance: instance, market: market,
                                    developer: developer, branch: branch, prNumber: prNumber)

        // Rows.
        let totalSeconds = durations.reduce(0, +)
        var rows: [DemoRow] = []
        rows.reserveCapacity(count)
        for i in 0..<count {
            var seconds = copiesRunCost ? totalSeconds : durations[i]
            if roundsValues { seconds = (seconds * 10).rounded() / 10 }
            var cost = seconds / 3600 * rate
            if roundsValues { cost = (cost * 10_000).rounded() / 10_000 }
            let name = names[i]
            let (latency, throughput, memory) = metrics(name: name, suite: suite, instance: instance)
            let (passed, failed, skipped) = tests(suite: suite)
            rows.append(DemoRow(
                runID: runID, timestamp: Self.isoformat(micros: stamps[i]), provider: instance.provider,
                instanceType: instance.type, region: regionColumn, hardware: instance.hardware.column,
                gpuModel: instance.gpuModel, benchmarkName: name, suite: suite.name, latencyMs: latency,
                throughput: throughput, memoryMB: memory, testsPassed: passed, testsFailed: failed,
                testsSkipped: skipped, durationSeconds: seconds, costUSD: cost, metadata: metadata))
        }
        return DemoRun(startMicros: start, sequence: sequenceInDay, rows: rows)
    }

    private static func branch(developer: String, rng: inout DemoRandom) -> String {
        let topic = rng.pick(DemoFleet.topics)
        switch rng.int(0...2) {
        case 0: return "feature/\(topic)"
        case 1: return "fix/\(topic)"
        default: return "\(developer)/\(topic)"
        }
    }

    /// Run ids in the team's shapes. The hexadecimal tail is a bijection of the run's sequence
    /// number (within the day for dated ids, over all runs for PR ids), so ids never collide.
    private mutating func makeRunID(trigger: Trigger, day: Day, startSecond: Int, sequenceInDay: Int,
                                    prNumber: Int?) -> String {
        let tag4 = Self.hex(UInt64(sequenceInDay) &* 0x9E37 &+ (options.seed & 0xFFFF) &+ UInt64(day.ordinal) &* 7919,
                            digits: 4)
        let c = day.components
        let stamp = "\(c.year)\(Self.pad2(c.month))\(Self.pad2(c.day))-\(Self.pad2(startSecond / 3600))\(Self.pad2(startSecond / 60 % 60))"
        var id: String
        switch trigger {
        case .nightly: id = rng.chance(0.8) ? "nightly-\(stamp)-\(tag4)" : rng.uuid()
        case .weekly: id = rng.chance(0.8) ? "weekly-\(stamp)-\(tag4)" : rng.uuid()
        case .schedule: id = rng.chance(0.6) ? "sched-\(stamp)-\(tag4)" : rng.uuid()
        case .manual: id = rng.chance(0.75) ? "manual-\(stamp)-\(tag4)" : rng.uuid()
        case .pr:
            let r = rng.unit()
            if r < 0.7 {
                let tag6 = Self.hex((UInt64(runCount + sequenceInDay) &* 0x9E_3779 &+ (options.seed >> 16)) & 0xFF_FFFF,
                                    digits: 6)
                id = "pr-\(prNumber ?? 0)-\(tag6)"
            } else if r < 0.8 {
                id = "pr-\(stamp)-\(tag4)"
            } else {
                id = rng.uuid()
            }
        }
        if rng.chance(0.03) { id += "-retry" }
        return id
    }

    private mutating func makeMetadata(trigger: Trigger, suite: DemoFleet.Suite, instance: DemoInstance,
                                       market: Market, developer: String?, branch: String, prNumber: Int?) -> String {
        var json = DemoJSON()
        if let developer { json.add("developer", string: developer) }
        json.add("branch", string: branch)
        if rng.chance(0.6) { json.add(rng.chance(0.75) ? "commit_sha" : "commit", string: rng.hex(7)) }
        if rng.chance(0.92) { json.add("trigger", string: trigger.name) }
        if let prNumber {
            let key = rng.chance(0.9) ? "pr_number" : "pr"
            let r = rng.unit()
            if r < 0.08 { json.add(key, string: "#\(prNumber)") }
            else if r < 0.15 { json.add(key, string: "pr-\(prNumber)") }
            else { json.add(key, int: prNumber) }
        }

        // Market: ~40 % as a boolean, ~15 % as a string, the rest not recorded at all.
        let isSpot = market == .spot
        let gcp = instance.provider == "gcp"
        if market == .reserved {
            json.add("market", string: "reserved")
        } else {
            let r = rng.unit()
            if r < 0.40 {
                let k = rng.unit()
                let key = k < 0.7 ? "spot_instance" : k < 0.9 ? (gcp ? "preemptible" : "spot") : "spot"
                json.add(key, bool: isSpot)
            } else if r < 0.55 {
                let key = rng.chance(0.85) ? "market" : "purchase_option"
                let value = !isSpot ? "on-demand" : gcp && rng.chance(0.4) ? "preemptible" : "spot"
                json.add(key, string: value)
            }
        }

        if instance.accelerators > 1, rng.chance(0.3) { json.add("gpu_count", int: instance.accelerators) }
        if rng.chance(0.55) {
            let args = rng.pick(DemoFleet.pytestArgs)
            if rng.chance(0.15) { json.add("pytest_args", string: args.joined(separator: " ")) }
            else { json.add("pytest_args", strings: args) }
        }
        if rng.chance(0.12) { json.add("workers", int: rng.pick([2, 4, 8, 16])) }
        if rng.chance(0.15) { json.add("cache", bool: true) }
        if rng.chance(0.5) { json.add("test_type", string: suite.testType) }
        return json.finished
    }

    private mutating func metrics(name: String, suite: DemoFleet.Suite, instance: DemoInstance)
        -> (Double, Double, Double) {
        let profile = DemoFleet.profile(of: name)
        let latency: Double
        if suite.isBenchmark || suite == .integration {
            latency = profile.latency * instance.slowness * rng.double(0.85, 1.2)
        } else {
            latency = rng.double(0.05, 15)
        }
        // DemoFleet.scaling(of:): throughput grows with the accelerators, benchmark by benchmark.
        let factor = DemoFleet.throughputFactor(of: name, on: instance)
        let throughput = (profile.work / instance.slowness * factor * rng.double(0.8, 1.2)).rounded()
        var fitting = 1  // memorySizesMB is ascending: pick among the sizes that fit the machine
        while fitting < DemoFleet.memorySizesMB.count, DemoFleet.memorySizesMB[fitting] <= instance.memoryCapMB {
            fitting += 1
        }
        var memory = Double(DemoFleet.memorySizesMB[rng.int(0...(fitting - 1))])
        if rng.chance(0.2) { memory = (memory * rng.double(0.55, 0.98) * 10).rounded() / 10 }
        return ((latency * 10_000).rounded() / 10_000, throughput, memory)
    }

    private mutating func tests(suite: DemoFleet.Suite) -> (Int, Int, Int) {
        switch suite {
        case .unit:
            return (rng.int(40...900), rng.chance(0.12) ? rng.int(1...6) : 0, rng.int(0...25))
        case .integration:
            return (rng.int(10...600), rng.chance(0.1) ? rng.int(1...3) : 0, rng.int(0...10))
        case .smoke:
            return (rng.int(5...40), rng.chance(0.05) ? 1 : 0, rng.int(0...3))
        default:
            let r = rng.unit()
            return r < 0.04 ? (0, 1, 0) : r < 0.06 ? (0, 0, 1) : (1, 0, 0)
        }
    }

    // MARK: Formatting (pure integer arithmetic)

    /// Python's naive `datetime.isoformat()`: `2026-11-02T22:15:03`, or with `.123456` when the
    /// microseconds are not zero.
    static func isoformat(micros: Int64) -> String {
        var seconds = micros / 1_000_000
        var fraction = micros % 1_000_000
        if fraction < 0 { fraction += 1_000_000; seconds -= 1 }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let c = Day(ordinal: Int32(days)).components
        var bytes: [UInt8] = []
        bytes.reserveCapacity(26)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var v = value
            while divisor > 0 {
                bytes.append(UInt8(48 + (v / divisor) % 10))
                v %= divisor
                divisor /= 10
            }
        }
        digits(c.year, 4); bytes.append(45)
        digits(c.month, 2); bytes.append(45)
        digits(c.day, 2); bytes.append(84)
        let s = Int(secondOfDay)
        digits(s / 3600, 2); bytes.append(58)
        digits(s / 60 % 60, 2); bytes.append(58)
        digits(s % 60, 2)
        if fraction != 0 {
            bytes.append(46)
            digits(Int(fraction), 6)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func hex(_ value: UInt64, digits: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: digits)
        for i in 0..<digits {
            bytes[digits - 1 - i] = DemoRandom.hexDigits[Int((value >> UInt64(4 * i)) & 15)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A JSON object written the way Python's `json.dumps` does (`{"a": 1, "b": [2, 3]}`), keys in
/// insertion order.
struct DemoJSON {
    private(set) var text = "{"
    private var first = true

    private mutating func key(_ key: String) {
        if !first { text += ", " }
        first = false
        text += DemoJSON.quote(key) + ": "
    }

    mutating func add(_ name: String, string: String) { key(name); text += DemoJSON.quote(string) }
    mutating func add(_ name: String, int: Int) { key(name); text += String(int) }
    mutating func add(_ name: String, bool: Bool) { key(name); text += bool ? "true" : "false" }
    mutating func add(_ name: String, strings: [String]) {
        key(name)
        text += "[" + strings.map(DemoJSON.quote).joined(separator: ", ") + "]"
    }

    var finished: String { text + "}" }

    static func quote(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    // ensure_ascii, as Python does by default (BMP only in this demo data)
                    out += "\\u" + DemoGenerator.hex(UInt64(scalar.value & 0xFFFF), digits: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
