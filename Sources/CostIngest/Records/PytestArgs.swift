/// Reads pytest-xdist parallelism out of recorded `pytest_args` (checklist item 3).
enum PytestArgs {
    /// The arguments as tokens: a JSON list of strings, or one command-line string split on
    /// whitespace. nil when the value is neither (so the run does not count as recording args).
    static func tokens(of value: Any) -> [Substring]? {
        if let s = value as? String {
            // Split on ASCII whitespace by bytes: Character-level splitting costs more than the rest.
            return s.utf8.split(whereSeparator: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }).map { Substring($0) }
        }
        if let list = value as? [Any] {
            return list.compactMap { ($0 as? String).map { Substring($0) } ?? MetadataFacts.text($0).map { Substring($0) } }
        }
        return nil
    }

    /// `-n N`, `-nN`, `-n=N`, `--numprocesses N`, `--numprocesses=N`, with N > 1 or `auto`/`logical`.
    /// `-n 0` and `-n 1` run in one process, so they are not parallel.
    static func requestsParallelWorkers(_ tokens: [Substring]) -> Bool {
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            var value: Substring?
            if t == "-n" || t == "--numprocesses" {
                value = i + 1 < tokens.count ? tokens[i + 1] : nil
                i += 1
            } else if t.hasPrefix("--numprocesses=") {
                value = t.dropFirst("--numprocesses=".count)
            } else if t.hasPrefix("-n="), t.count > 3 {
                value = t.dropFirst(3)
            } else if t.hasPrefix("-n"), !t.hasPrefix("--"), t.count > 2 {
                value = t.dropFirst(2)
            }
            if let value, isParallel(value) { return true }
            i += 1
        }
        return false
    }

    private static func isParallel(_ workers: Substring) -> Bool {
        let w = workers.lowercased()
        if w == "auto" || w == "logical" { return true }
        return (Int(w) ?? 0) > 1
    }
}
