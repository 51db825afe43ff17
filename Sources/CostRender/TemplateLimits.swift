// Limits that keep a user's templates from crashing or hanging a build.
//
// swift-mustache renders partials by recursion and parses sections by recursion, with no limit:
// a partial that includes itself (directly, `{{> weekly}}` inside weekly, or through others)
// recurses until the stack overflows, and 5,000 nested sections overflow the parser. Both are
// checked on the source text before parsing, and reported as one line naming the file. No
// report template needs recursion (the view models hold no recursive data), so any cycle is an
// error, and nesting is capped far above what a report needs.

enum TemplateLimits {
    /// Sections (`{{#x}}`, `{{^x}}`, blocks) open at once; the built-in templates need 4.
    static let maxSectionDepth = 64
    /// Templates on one chain of partials (weekly → budget → …); the built-in ones need 3.
    static let maxPartialDepth = 16

    /// The deepest section nesting in `text` and the 1-based line where it is reached.
    static func sectionDepth(in text: String) -> (depth: Int, line: Int) {
        var depth = 0, deepest = 0, deepestLine = 1, line = 1
        var i = text.utf8.startIndex
        let bytes = text.utf8
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") { line += 1 }
            let next = bytes.index(after: i)
            guard b == UInt8(ascii: "{"), next < bytes.endIndex, bytes[next] == UInt8(ascii: "{") else {
                i = next
                continue
            }
            let sigil = bytes.index(after: next)
            if sigil < bytes.endIndex {
                switch bytes[sigil] {
                case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                    depth += 1
                    if depth > deepest { deepest = depth; deepestLine = line }
                case UInt8(ascii: "/"):
                    depth = max(0, depth - 1)
                default: break
                }
            }
            i = sigil
        }
        return (deepest, deepestLine)
    }

    /// A chain of partial references that returns to where it started (`["weekly", "partials/a",
    /// "weekly"]`), or one longer than `maxPartialDepth`; nil when there is neither.
    static func problemChain(_ references: [String: [String]]) -> (chain: [String], isCycle: Bool)? {
        var finished = Set<String>()
        var onPath: [String] = []
        var onPathSet = Set<String>()

        func visit(_ name: String) -> (chain: [String], isCycle: Bool)? {
            if onPathSet.contains(name) {
                let start = onPath.firstIndex(of: name) ?? 0
                return (Array(onPath[start...]) + [name], true)
            }
            if finished.contains(name) { return nil }
            onPath.append(name)
            onPathSet.insert(name)
            if onPath.count > maxPartialDepth { return (onPath, false) }
            for next in references[name] ?? [] {
                if let problem = visit(next) { return problem }
            }
            onPath.removeLast()
            onPathSet.remove(name)
            finished.insert(name)
            return nil
        }

        for name in references.keys.sorted() {
            if let problem = visit(name) { return problem }
        }
        return nil
    }
}
