import Foundation

/// The `benchmarks` table the team's Python `BenchmarkDatabase` creates (spec §1), verbatim. The
/// tests' own copy, written independently of the demo's, so a test can compare the two.
public enum PythonSchema {
    public static let benchmarks = """
        CREATE TABLE benchmarks (id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL,
          timestamp TEXT NOT NULL, cloud_provider TEXT, instance_type TEXT, region TEXT,
          hardware_type TEXT, gpu_model TEXT, benchmark_name TEXT, benchmark_suite TEXT,
          latency_ms REAL, throughput REAL, memory_mb REAL, tests_passed INTEGER,
          tests_failed INTEGER, tests_skipped INTEGER, duration_seconds REAL, cost_usd REAL,
          metadata TEXT)
        """
}

/// A value as SQL text (a literal, as the Python `sqlite3` module would bind it), so tests can
/// store numbers as text, text as numbers, NULLs and blobs.
public enum SQLValue: Sendable {
    case null, integer(Int), real(Double), text(String), blob(String)

    public var sql: String {
        switch self {
        case .null: return "NULL"
        case .integer(let i): return String(i)
        case .real(let d): return d.isNaN ? "'NaN'" : String(d)
        case .text(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let hex): return "X'\(hex)'"
        }
    }
}
