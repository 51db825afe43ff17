import GRDB

/// Reads a written demo database back as text, for the tests: the test targets do not import
/// GRDB themselves. Test support only, never linked into the tool.
public enum DemoInspection {
    /// Every row of `sql` against the database at `path` (opened read-only), each column as text:
    /// NULL is `nil`, integers and reals print exactly (`"12"`, `"0.1234"`), blobs as hex.
    public static func query(_ path: String, _ sql: String) throws -> [[String?]] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value -> String? in
                    switch value.storage {
                    case .null: return nil
                    case .int64(let i): return String(i)
                    case .double(let d): return "\(d)"
                    case .string(let s): return s
                    case .blob(let data): return data.map { byte in
                        let hex = Array("0123456789abcdef")
                        return String([hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                    }.joined()
                    }
                }
            }
        }
    }
}
