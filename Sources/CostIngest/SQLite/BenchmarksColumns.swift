import CostModel
import GRDB
import GRDBSQLite  // the C API, to read TEXT with its length (NUL included)

/// The columns of the `benchmarks` table (spec §1) and how one row becomes a `RawRecord`.
///
/// Only `run_id` and `timestamp` are required; any other column may be absent (older writers)
/// and reads as NULL. The SELECT lists every known column at a fixed position so conversion
/// uses indices, not names. Values are read by storage class, so a number stored as text
/// (SQLite's type affinity does not stop that) is still a number.
struct BenchmarksColumns {
    static let table = "benchmarks"
    static let required = ["run_id", "timestamp"]
    static let all = ["id", "run_id", "timestamp", "cloud_provider", "instance_type", "region",
                      "hardware_type", "gpu_model", "benchmark_name", "benchmark_suite", "latency_ms",
                      "throughput", "memory_mb", "tests_passed", "tests_failed", "tests_skipped",
                      "duration_seconds", "cost_usd", "metadata"]

    let selectSQL: String

    init(_ db: Database, path: String) throws {
        guard try db.tableExists(Self.table) else {
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            let found = tables.isEmpty ? "it has no tables" : "its tables: \(tables.joined(separator: ", "))"
            throw IngestError("\(path) has no `benchmarks` table (\(found)) — pass the database the team's BenchmarkDatabase writes with --db PATH")
        }
        let present = Set(try db.columns(in: Self.table).map { $0.name.lowercased() })
        for column in Self.required where !present.contains(column) {
            throw IngestError("\(path): the `benchmarks` table has no `\(column)` column — it is not in the team's schema (spec §1)")
        }
        let list = Self.all.map { present.contains($0) ? "\"\($0)\"" : "NULL" }.joined(separator: ", ")
        selectSQL = "SELECT \(list) FROM \(Self.table) ORDER BY rowid"
    }

    /// The statement's current row as a raw record. Values are read at the C level through
    /// `DatabaseValue(sqliteStatement:index:)`, one switch on the storage class per column: GRDB's
    /// generic `row[i]` decoding would cost more than all the rest of a row's work.
    func rawRecord(_ statement: SQLiteStatement) -> RawRecord {
        @inline(__always) func value(_ i: CInt) -> DatabaseValue { DatabaseValue(sqliteStatement: statement, index: i) }
        // Text columns are read with their byte length: GRDB's DatabaseValue reads TEXT as a C
        // string and would cut "abc\0<script>" to "abc" (spec §12: text is read whole).
        @inline(__always) func text(_ i: CInt) -> String? {
            guard sqlite3_column_type(statement, i) == SQLITE_TEXT else { return Self.text(value(i)) }
            let count = Int(sqlite3_column_bytes(statement, i))
            guard let bytes = sqlite3_column_text(statement, i) else { return "" }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
        return RawRecord(
            id: Self.integer(value(0)), runID: text(1), timestamp: Self.timestamp(value(2)),
            cloudProvider: text(3), instanceType: text(4), region: text(5),
            hardwareType: text(6), gpuModel: text(7), benchmarkName: text(8),
            benchmarkSuite: text(9), latencyMs: Self.number(value(10)), throughput: Self.number(value(11)),
            memoryMB: Self.number(value(12)), testsPassed: Self.count(value(13)), testsFailed: Self.count(value(14)),
            testsSkipped: Self.count(value(15)), durationSeconds: Self.number(value(16)), costUSD: Self.number(value(17)),
            metadata: text(18))
    }

    /// Text as stored; a number in a text column reads as its text.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: return nil
        case .string(let s): return s
        case .int64(let n): return String(n)
        case .double(let d): return LenientValue.integer(fromDouble: d).map(String.init) ?? String(d)
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        }
    }

    /// Double from INTEGER, REAL or numeric TEXT; non-numeric text becomes NaN (rejected as invalid).
    static func number(_ value: DatabaseValue) -> Double? {
        switch value.storage {
        case .null: return nil
        case .int64(let n): return Double(n)
        case .double(let d): return d
        case .string(let s): return LenientValue.number(fromText: s)
        case .blob: return .nan
        }
    }

    static func integer(_ value: DatabaseValue) -> Int? {
        switch value.storage {
        case .null, .blob: return nil
        case .int64(let n): return Int(exactly: n)
        case .double(let d): return LenientValue.integer(fromDouble: d)
        case .string(let s): return LenientValue.integer(fromText: s)
        }
    }

    /// A test count: whole numbers as themselves, anything else (text, a fraction, a blob)
    /// `RawRecord.invalidCount`, which the builder counts (spec §12).
    static func count(_ value: DatabaseValue) -> Int? {
        switch value.storage {
        case .null: return nil
        case .int64(let n): return Int(n)
        case .double(let d): return LenientValue.count(fromDouble: d)
        case .string(let s): return LenientValue.count(fromText: s)
        case .blob: return RawRecord.invalidCount
        }
    }

    /// ISO text, or epoch seconds when the writer stored a number.
    static func timestamp(_ value: DatabaseValue) -> RawTimestamp? {
        switch value.storage {
        case .null: return nil
        case .int64(let n): return .epochSeconds(Double(n))
        case .double(let d): return .epochSeconds(d)
        case .string(let s): return .text(s)
        case .blob(let data): return .text(String(decoding: data, as: UTF8.self))
        }
    }
}
