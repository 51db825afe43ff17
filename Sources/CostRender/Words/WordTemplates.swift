// The templates that word the report's sentences (`Templates/words/`).
//
// The JSON of spec §10 carries sentences (checklist `title`, `value_text`, `threshold`, `detail`,
// `to_done`, opportunity `action`, unused-resource `reason`, data-quality `warnings`). The analysis
// decides and computes facts only; these templates turn the facts into English, so a team can
// reword a sentence by overriding one file with `--templates`, as it rewords a page.
import CostAssets
import CostModel
import Mustache

/// The loaded `words/` templates, and the rules that turn one rendering into fields.
///
/// A rendering is split into lines; each line is trimmed and blank ones are dropped. A line that
/// starts with one of the template's field labels (`detail:`) starts that field; any other line
/// continues the field above it after a space, so a long sentence can wrap. A template without
/// labels is one sentence, its lines joined the same way.
struct WordTemplates: Sendable {
    static let checklist = (1...10).map { "words/checklist-\($0)" }
    static let dataQuality = "words/data-quality"
    static let rejectionReasons = "words/rejection-reasons"
    static let opportunityAction = "words/opportunity-action"
    static let unusedReason = "words/unused-reason"
    static let required = checklist + ["words/checklist-declared", dataQuality, rejectionReasons, opportunityAction, unusedReason]

    let templates: TemplateSet

    init(assets: AssetStore) throws {
        templates = try TemplateSet(assets: assets, required: Self.required, folder: "words", plainText: true)
    }

    /// The labelled fields of template `name` rendered with `values`, in order (a label may repeat).
    func fields(_ name: String, _ values: [String: Any], labels: Set<String>) throws -> [(label: String, text: String)] {
        var out: [(label: String, text: String)] = []
        for line in try lines(name, values) {
            if let colon = line.firstIndex(of: ":"), labels.contains(String(line[..<colon])) {
                out.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingSpaces))
            } else if let last = out.indices.last {
                out[last].text = Self.join(out[last].text, line)
            } else {
                throw TemplateError(kind: .renderFailed, message:
                    "\(name).mustache in \(templates.directory): \"\(WordEscape.decode(String(line.prefix(60))))\" comes before any field — start the line with one of \(labels.sorted().map { $0 + ":" }.joined(separator: ", "))")
            }
        }
        return out.map { ($0.label, WordEscape.decode($0.text)) }
    }

    /// Template `name` as one sentence.
    func sentence(_ name: String, _ values: [String: Any]) throws -> String {
        WordEscape.decode(try lines(name, values).reduce("", Self.join))
    }

    private func lines(_ name: String, _ values: [String: Any]) throws -> [String] {
        let missed = MissedNames()
        let text = try templates.render(name, WordValues(values: WordEscape.encode(values), missed: missed))
        if let unknown = missed.names.first {
            throw TemplateError(kind: .renderFailed, message:
                "\(name).mustache in \(templates.directory) uses {{\(unknown)}}, which it is not given — it is given: \(values.keys.sorted().joined(separator: ", "))")
        }
        // Any line break: a template saved with CRLF reads as one saved with LF.
        return text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            .map { String($0).trimmingSpaces }
            .filter { !$0.isEmpty }
    }

    private static func join(_ a: String, _ b: String) -> String {
        a.isEmpty ? b : b.isEmpty ? a : a + " " + b
    }
}

/// The root of a words template's values. Mustache renders a name that no context holds as "",
/// which would drop words without a sign; a name that climbs the whole context stack unanswered
/// reaches this root, which notes it so the rendering fails instead.
private struct WordValues: MustacheParent {
    let values: [String: Any]
    let missed: MissedNames

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        missed.names.append(name)
        return nil
    }
}

/// Names a rendering asked for and no context held (one rendering, one thread).
private final class MissedNames {
    var names: [String] = []
}

/// Values come from data too (a suite's name, a file's name), and data may hold a line break, a
/// colon or a space at its edge, which the line rules would take for the template's own: a value
/// could end a field, start one (`detail:`) or lose a space. So every such character of a string
/// value is written as `\u{1}HEX;` before rendering and restored in the finished fields; the line
/// rules only ever see the template's own text.
enum WordEscape {
    private static let mark: Unicode.Scalar = "\u{1}"

    static func encode(_ values: [String: Any]) -> [String: Any] { values.mapValues(encodeValue) }

    private static func encodeValue(_ value: Any) -> Any {
        switch value {
        case let s as String: return encode(s)
        case let d as [String: Any]: return encode(d)
        case let a as [[String: Any]]: return a.map(encode)
        default: return value
        }
    }

    static func encode(_ s: String) -> String {
        let scalars = s.unicodeScalars
        func special(_ c: Unicode.Scalar) -> Bool {
            c == mark || c == ":" || (c != " " && c.properties.isWhitespace) || c.value < 0x20 || c.value == 0x7F
        }
        guard scalars.contains(where: special) || scalars.first == " " || scalars.last == " " else { return s }
        var out = String.UnicodeScalarView()
        for (i, c) in zip(scalars.indices, scalars) {
            let edge = c == " " && (i == scalars.startIndex || scalars.index(after: i) == scalars.endIndex)
            if special(c) || edge {
                out.append(mark)
                out.append(contentsOf: String(c.value, radix: 16).unicodeScalars)
                out.append(";")
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    static func decode(_ s: String) -> String {
        guard s.unicodeScalars.contains(mark) else { return s }
        var out = String.UnicodeScalarView()
        var rest = s.unicodeScalars[...]
        while let c = rest.popFirst() {
            guard c == mark, let end = rest.firstIndex(of: ";"),
                  let value = UInt32(String(String.UnicodeScalarView(rest[..<end])), radix: 16),
                  let scalar = Unicode.Scalar(value) else {
                out.append(c)
                continue
            }
            out.append(scalar)
            rest = rest[rest.index(after: end)...]
        }
        return String(out)
    }
}

/// Helpers for the values the words templates get: Mustache shows a section for any value that is
/// not `false`, nil or an empty list, so flags are always `Bool`, and lists carry their own
/// separators' cue (`last`).
enum WordValue {
    /// `[{name, last}]`: `{{#list}}{{name}}{{^last}}, {{/last}}{{/list}}`.
    static func list(_ names: [String]) -> [[String: Any]] {
        names.enumerated().map { ["name": $0.element, "last": $0.offset == names.count - 1] }
    }

    /// Each element with `last` added.
    static func marked(_ items: [[String: Any]]) -> [[String: Any]] {
        items.enumerated().map { i, item in item.merging(["last": i == items.count - 1]) { $1 } }
    }

    /// A dictionary, or `false` for none (a section that is not shown).
    static func optional(_ value: [String: Any]?) -> Any { value.map { $0 as Any } ?? false }
}
