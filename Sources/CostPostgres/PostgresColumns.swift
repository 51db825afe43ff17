import CostIngest
import PostgresNIO

/// The table's columns as the server has them, and how each is selected so that its value reaches
/// the builder as the SQLite reader's would (`StoredValue`):
/// - `double precision`, `real` and the integer types as numbers;
/// - `timestamptz` as ISO text in UTC with `Z` (an instant), `timestamp` and `date` as naive ISO
///   text, placed in the report's time zone like the SQLite file's naive text (spec §1);
/// - everything else (`text`, `json`, `jsonb`, `numeric`, …) as its text, to which the shared
///   lenient rules apply: numeric text is a number, other text is invalid.
/// A column missing from the table reads as NULL, as in SQLite; `run_id`, `timestamp` and `id`
/// (the order rows are read in, as SQLite's rowid is) are required.
struct PostgresColumns {
    static let required = ["id"] + BenchmarksSchema.required
    let selectSQL: String

    private static let numeric: Set<String> = ["float8", "float4", "int2", "int4", "int8"]

    static func inspect(table: String, on connection: PostgresConnection, logger: Logger) async throws -> PostgresColumns {
        // The first statement of the transaction: it takes the snapshot the whole read sees.
        let found = try await connection.query(
            "SELECT to_regclass(\(table))::text, has_table_privilege(current_user, to_regclass(\(table)), 'SELECT')",
            logger: logger)
        var relation: String?, mayRead = false
        for try await (name, privilege) in found.decode((String?, Bool?).self) { relation = name; mayRead = privilege ?? false }
        guard let relation else {
            throw PostgresProblem.missingTable(try await visibleTables(connection, logger: logger))
        }
        guard mayRead else { throw PostgresProblem.mayNotRead }

        let attributes = try await connection.query("""
            SELECT a.attname::text, t.typname::text FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = to_regclass(\(table)) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """, logger: logger)
        var types: [String: (name: String, type: String)] = [:]
        for try await (name, type) in attributes.decode((String, String).self) {
            // The writer's names are lower-case; a column created quoted in another case still counts.
            let key = name.lowercased()
            if types[key] == nil { types[key] = (name, type) }
        }
        for column in required where types[column] == nil {
            throw PostgresProblem.missingColumn(column)
        }
        let list = BenchmarksSchema.columns.map { column -> String in
            guard let (name, type) = types[column] else { return "NULL" }
            return expression(quoted: quoted(name), type: type)
        }
        return PostgresColumns(selectSQL: "SELECT \(list.joined(separator: ", ")) FROM \(relation) ORDER BY \(quoted(types["id"]!.name)) NULLS LAST")
    }

    /// A column name as an SQL identifier, as the server spells it.
    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// How one column is selected (see the type's comment).
    static func expression(quoted column: String, type: String) -> String {
        switch type {
        case _ where numeric.contains(type): return column
        case "timestamptz": return "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
        case "timestamp": return "to_char(\(column), 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"
        case "date": return "to_char(\(column), 'YYYY-MM-DD')"
        default: return "\(column)::text"
        }
    }

    /// The tables the role can see, for the missing-table message (at most 20).
    private static func visibleTables(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let rows = try await connection.query("""
            SELECT CASE WHEN table_schema = 'public' THEN table_name::text ELSE table_schema || '.' || table_name END
            FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
            ORDER BY 1 LIMIT 20
            """, logger: logger)
        var names: [String] = []
        for try await (name) in rows.decode(String.self) { names.append(name) }
        return names
    }

    /// One cell by its type: the selected expressions leave only numbers and text. (Reusing the
    /// previous row's String for repeated text, as the SQLite reader does, was tried: no faster at
    /// a million rows, where postgres-nio's decoding dominates.)
    @inline(__always)
    static func value(_ cell: PostgresCell) -> StoredValue {
        guard let bytes = cell.bytes else { return .null }
        switch cell.dataType {
        // NaN as NULL: SQLite stores a NaN as NULL (the Python writer's float('nan') arrives so).
        case .float8: return bytes.getInteger(at: bytes.readerIndex, as: UInt64.self).map { real(Double(bitPattern: $0)) } ?? .null
        case .float4: return bytes.getInteger(at: bytes.readerIndex, as: UInt32.self).map { real(Double(Float(bitPattern: $0))) } ?? .null
        case .int8: return bytes.getInteger(at: bytes.readerIndex, as: Int64.self).map { .integer($0) } ?? .null
        case .int4: return bytes.getInteger(at: bytes.readerIndex, as: Int32.self).map { .integer(Int64($0)) } ?? .null
        case .int2: return bytes.getInteger(at: bytes.readerIndex, as: Int16.self).map { .integer(Int64($0)) } ?? .null
        default: return .text(String(decoding: bytes.readableBytesView, as: UTF8.self))
        }
    }
}

extension PostgresColumns {
    @inline(__always) static func real(_ d: Double) -> StoredValue { d.isNaN ? .null : .real(d) }
}

/// What the reader found wrong with the table (worded by `PostgresFailure`).
enum PostgresProblem: Error {
    case missingTable([String])
    case missingColumn(String)
    case mayNotRead
}
