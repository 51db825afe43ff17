import Foundation

/// Runs `python3` with its `csv` module over a CSV text; returns every row as strings: an
/// independent reader for the tests of everything that writes CSV.
public enum PythonCSV {
    public static let script = """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            rows = list(csv.reader(f))
        sys.stdout.write(json.dumps(rows, ensure_ascii=True))
        """

    public static func parse(_ csv: String) throws -> [[String]] {
        let out = try python(script, files: [csv])
        guard let rows = try JSONSerialization.jsonObject(with: out) as? [[String]] else {
            throw PythonError(message: "python3 csv: unexpected output: \(String(decoding: out.prefix(200), as: UTF8.self))")
        }
        return rows
    }

    /// Runs `python3 -c script` with each text in a temporary file (their paths first), then `arguments`;
    /// returns its standard output.
    public static func python(_ script: String, files: [String], arguments: [String] = []) throws -> Data {
        let paths = files.map { _ in
            FileManager.default.temporaryDirectory.appendingPathComponent("costreport-python-\(UUID().uuidString)")
        }
        defer { for p in paths { try? FileManager.default.removeItem(at: p) } }
        for (text, path) in zip(files, paths) { try Data(text.utf8).write(to: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + paths.map(\.path) + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonError(message: "python3 failed: \(String(decoding: err, as: UTF8.self))")
        }
        return out
    }

    public struct PythonError: Error, CustomStringConvertible {
        public let message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }
}
