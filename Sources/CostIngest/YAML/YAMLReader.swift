import Foundation
import Yams

/// Reads YAML nodes for one file, turning every problem into a one-line `IngestError` that names
/// the file and the dotted key path (`costreport.yml: 'budget.warn_at' must be ...`). Config and
/// catalog loading share it so both speak the same way.
struct YAMLReader {
    /// The file as the user named it; prefixes every message.
    let file: String

    /// The document's root node, nil for an empty file (or one holding only comments).
    func root(_ yaml: String) throws -> Node? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw IngestError("\(file): \(Self.describe(error))")
        }
        if let node { try checkSize(node) }
        return node
    }

    /// The most nodes a config or pricing file may expand to. Aliases share their anchor's node,
    /// so composing a "billion laughs" file is cheap, but every walk over the tree afterwards
    /// (validation, merging) visits each expansion: 9 levels of 9 aliases are 387 million nodes.
    /// The real files hold a few hundred.
    static let nodeLimit = 100_000

    /// Counts the expanded tree, stopping at the limit, before anything else walks it.
    private func checkSize(_ root: Node) throws {
        var count = 0
        var pending: [Node] = [root]
        while let node = pending.popLast() {
            count += 1
            if count > Self.nodeLimit {
                throw error("more than \(Self.nodeLimit) values once its anchors and aliases (&name, *name) are expanded — write the values out, without aliases")
            }
            switch node {
            case .scalar, .alias: break
            case .mapping(let mapping):
                for (key, value) in mapping { pending.append(key); pending.append(value) }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence)
            }
        }
    }

    func error(_ text: String) -> IngestError { IngestError("\(file): \(text)") }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A YAML null (`key:` with nothing after it, `~`, `null`): treated as "not set".
    static func isNull(_ node: Node) -> Bool {
        node.null != nil
    }

    /// A mapping's entries in file order, keys as text. Null counts as an empty mapping.
    func entries(_ node: Node, path: String, expected: String) throws -> [(key: String, value: Node)] {
        if Self.isNull(node) { return [] }
        guard case .mapping(let mapping) = node else {
            throw error("'\(path)' must be \(expected), got \(Self.describe(node))")
        }
        return try mapping.map { key, value in
            guard case .scalar(let k) = key else {
                throw error("keys under '\(path)' must be plain names, got \(Self.describe(key))")
            }
            return (k.string, value)
        }
    }

    /// Fails on the first key not in `known`, listing the known ones (spec §11: unknown keys are errors).
    func requireKnown(_ entries: [(key: String, value: Node)], _ known: [String], path: String) throws {
        for (key, _) in entries where !known.contains(key) {
            throw error("unknown key '\(Self.join(path, key))' (known: \(known.joined(separator: ", ")))")
        }
    }

    /// A plain (unquoted) finite number.
    func number(_ node: Node, path: String, _ requirement: String, where valid: (Double) -> Bool = { _ in true }) throws -> Double {
        guard let d = node.float, d.isFinite, valid(d) else {
            throw error("'\(path)' must be \(requirement), got \(Self.describe(node))")
        }
        return d
    }

    func integer(_ node: Node, path: String, _ requirement: String, where valid: (Int) -> Bool) throws -> Int {
        guard let i = node.int, valid(i) else {
            throw error("'\(path)' must be \(requirement), got \(Self.describe(node))")
        }
        return i
    }

    func bool(_ node: Node, path: String) throws -> Bool {
        guard let b = node.bool else {
            throw error("'\(path)' must be true or false, got \(Self.describe(node))")
        }
        return b
    }

    /// Any scalar's text (a name such as `g5.xlarge` or `UTC`).
    func string(_ node: Node, path: String, _ requirement: String) throws -> String {
        guard case .scalar(let s) = node, !Self.isNull(node), !s.string.isEmpty else {
            throw error("'\(path)' must be \(requirement), got \(Self.describe(node))")
        }
        return s.string
    }

    /// How a value looks in a message: the scalar quoted, or its kind.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return isNull(node) ? "nothing" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Syntax errors name the line (and column) where libyaml stopped.
    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return "YAML syntax error at line \(mark.line), column \(mark.column): \(problem)"
        case .reader(let problem, _, _, _):
            return "cannot read the YAML text: \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            return "duplicate key '\(duplicates.joined(separator: "', '"))' at line \(context.mark.line)"
        default:
            return "YAML error: \(error)"
        }
    }
}
