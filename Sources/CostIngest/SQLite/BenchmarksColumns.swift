import CostModel
import GRDB
import Foundation  // memcmp, strlen
import GRDBSQLite  // the C API, to read TEXT with its length (NUL included)

/// The columns of the `benchmarks` table (spec §1) and how one row becomes a `RawRecord`.
///
/// Only `run_id` and `timestamp` are required; any other column may be absent (older writers)
/// and reads as NULL. The SELECT lists every known column at a fixed position so conversion
/// uses indices, not names. Values are read by storage class, so a number stored as text
/// (SQLite's type affinity does not stop that) is still a number.
struct BenchmarksColumns {
    static let all = BenchmarksSchema.columns

    let selectSQL: String
    /// The table has a column named `rowid`, `_rowid_` or `oid` (read on one connection).
    let shadowsRowid: Bool
    /// The same for the rowids from the first argument through the second (inclusive, so no bound
    /// needs to lie past the largest rowid).
    let rangeSelectSQL: String

    init(_ db: Database, path: String, table: String = BenchmarksSchema.defaultTable) throws {
        guard try db.tableExists(table) else {
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            let found = tables.isEmpty ? "it has no tables" : "its tables: \(tables.joined(separator: ", "))"
            let fix = table == BenchmarksSchema.defaultTable ? "pass the database the team's BenchmarkDatabase writes with --db PATH"
                : "name the table with --table NAME (or `table:` in costreport.yml)"
            throw IngestError("\(path) has no `\(table)` table (\(found)) — \(fix)")
        }
        let present = Set(try db.columns(in: table).map { $0.name.lowercased() })
        for column in BenchmarksSchema.required where !present.contains(column) {
            throw IngestError("\(path): the `\(table)` table has no `\(column)` column — it is not in the team's schema (spec §1)")
        }
        // A column named like the rowid hides it from `rowid` in SQL: chunks by rowid would then
        // be chunks of that column, and rows where it is NULL or text would fall outside them.
        shadowsRowid = !present.isDisjoint(with: ["rowid", "_rowid_", "oid"])
        let list = Self.all.map { present.contains($0) ? "\"\($0)\"" : "NULL" }.joined(separator: ", ")
        let from = BenchmarksSchema.quoted(table)
        selectSQL = "SELECT \(list) FROM \(from) ORDER BY rowid"
        rangeSelectSQL = "SELECT \(list) FROM \(from) WHERE rowid BETWEEN ? AND ? ORDER BY rowid"
    }

    /// Reads a statement's rows into raw records (see `RowReader`).
    func reader() -> RowReader { RowReader() }

    // The values by storage class, with the rules every database reader shares (`StoredValue`).
    @inline(__always) static func text(_ value: DatabaseValue) -> String? { StoredValue(value).text }
    @inline(__always) static func number(_ value: DatabaseValue) -> Double? { StoredValue(value).number }
    @inline(__always) static func integer(_ value: DatabaseValue) -> Int? { StoredValue(value).integer }
    @inline(__always) static func count(_ value: DatabaseValue) -> Int? { StoredValue(value).count }
    @inline(__always) static func timestamp(_ value: DatabaseValue) -> RawTimestamp? { StoredValue(value).timestamp }
}

extension StoredValue {
    /// SQLite's storage class, as GRDB reads it.
    @inline(__always) init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let n): self = .integer(n)
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        case .blob(let data): self = .blob([UInt8](data))
        }
    }
}

/// Turns the statement's current row into a raw record, doing on the reading thread what needs no
/// shared state: the timestamp is parsed from the column's bytes and the metadata into facts, and
/// a text that repeats the previous row's (a run's id, suite and metadata) reuses its `String`
/// instead of allocating one. A million rows on several reader threads make many strings that
/// another thread frees; not making them is most of what reading in parallel costs (issue 15).
///
/// Values are read at the C level, one switch on the storage class per column: GRDB's generic
/// `row[i]` decoding would cost more than all the rest of a row's work.
struct RowReader {
    private var last = [String?](repeating: nil, count: BenchmarksColumns.all.count)
    private var lastMetadata: (text: String, facts: MetadataFacts)?

    mutating func record(_ statement: SQLiteStatement) -> RawRecord {
        @inline(__always) func value(_ i: CInt) -> DatabaseValue { DatabaseValue(sqliteStatement: statement, index: i) }
        var raw = RawRecord(
            id: BenchmarksColumns.integer(value(0)), runID: text(statement, 1),
            cloudProvider: text(statement, 3), instanceType: text(statement, 4), region: text(statement, 5),
            hardwareType: text(statement, 6), gpuModel: text(statement, 7), benchmarkName: text(statement, 8),
            benchmarkSuite: text(statement, 9), latencyMs: BenchmarksColumns.number(value(10)),
            throughput: BenchmarksColumns.number(value(11)), memoryMB: BenchmarksColumns.number(value(12)),
            testsPassed: BenchmarksColumns.count(value(13)), testsFailed: BenchmarksColumns.count(value(14)),
            testsSkipped: BenchmarksColumns.count(value(15)), durationSeconds: BenchmarksColumns.number(value(16)),
            costUSD: BenchmarksColumns.number(value(17)))
        raw.timestampParsed = true
        raw.parsedTimestamp = timestamp(statement)
        raw.parsedMetadata = metadata(statement)
        return raw
    }

    /// Text read whole, with its byte length: GRDB's DatabaseValue reads TEXT as a C string and
    /// would cut "abc\0<script>" to "abc" (spec §12: text is read whole). A number in a text
    /// column reads as its text.
    private mutating func text(_ statement: SQLiteStatement, _ i: CInt) -> String? {
        guard sqlite3_column_type(statement, i) == SQLITE_TEXT else {
            return BenchmarksColumns.text(DatabaseValue(sqliteStatement: statement, index: i))
        }
        let count = Int(sqlite3_column_bytes(statement, i))
        guard let bytes = sqlite3_column_text(statement, i) else { return "" }
        if var previous = last[Int(i)], previous.utf8.count == count,
           previous.withUTF8({ $0.baseAddress.map { memcmp($0, bytes, count) == 0 } ?? (count == 0) }) {
            return previous
        }
        let s = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        last[Int(i)] = s
        return s
    }

    /// The timestamp column parsed. TEXT is read as SQLite's C string (up to a NUL), as GRDB's
    /// DatabaseValue reads it; numbers are epoch seconds; anything else goes through `RawTimestamp`.
    private func timestamp(_ statement: SQLiteStatement) -> ParsedTimestamp? {
        let i: CInt = 2
        switch sqlite3_column_type(statement, i) {
        case SQLITE_TEXT:
            guard let bytes = sqlite3_column_text(statement, i) else { return TimestampParser.parse("") }
            return TimestampParser.parse(bytes: UnsafeBufferPointer(start: bytes, count: strlen(bytes)))
        default:
            return BenchmarksColumns.timestamp(DatabaseValue(sqliteStatement: statement, index: i))
                .flatMap(TimestampParser.parse)
        }
    }

    /// The metadata column as facts (nil when NULL); a text equal to the previous row's reuses its facts.
    private mutating func metadata(_ statement: SQLiteStatement) -> MetadataFacts? {
        // `text` hands back the previous row's String when the bytes repeat: then this is one
        // identity check, and a run's rows are parsed once.
        guard let text = text(statement, 18) else { return nil }
        if let lastMetadata, lastMetadata.text == text { return lastMetadata.facts }
        let facts = MetadataFacts(json: text)
        lastMetadata = (text, facts)
        return facts
    }
}
