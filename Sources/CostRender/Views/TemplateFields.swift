import Foundation
import Mustache

/// How a template finds a key in a view, without reflecting every field for every lookup.
///
/// swift-mustache looks a key up in a plain value with `Mirror(reflecting:).children.filter { $0.label == key }`:
/// each stored property reflected (a runtime type lookup each), for every key, and a key a row lacks
/// climbs the context stack and reflects every enclosing view too. On the million-record site
/// that was 28 % of a build (issue 15's profile). A view adopting this protocol answers through
/// `MustacheParent` instead: its field names are reflected once per type, and a lookup reflects
/// one field; a name the view lacks is one dictionary miss. The answers are Mustache's own: the
/// first field of that name, an optional unwrapped one level (nil when empty).
/// (Public types cannot adopt it: `MustacheParent` is public, so its witness would have to be too;
/// the few public ones, the page shell and links, are looked up once per page.)
protocol TemplateFields: MustacheParent {}

extension TemplateFields {
    func child(named name: String) -> Any? { reflectedChild(named: name) }

    /// The lookup by reflection. The rows a large page repeats thousands of times (a breakdown
    /// row, an efficiency row, an opportunity item) answer with a `switch` of their own instead,
    /// which `TemplateFieldsTests` compares with this for every field.
    func reflectedChild(named name: String) -> Any? {
        guard let offset = FieldOffsets.of(self)[name] else { return nil }
        let children = Mirror(reflecting: self).children
        let value = children[children.index(children.startIndex, offsetBy: offset)].value
        if let optional = value as? AnyOptionalField { return optional.wrappedField }
        return value
    }
}

/// Field name → position among the stored properties, once per type.
private enum FieldOffsets {
    nonisolated(unsafe) private static var byType: [ObjectIdentifier: [String: Int]] = [:]
    private static let lock = NSLock()

    static func of<T>(_ value: T) -> [String: Int] {
        let key = ObjectIdentifier(T.self)
        lock.lock()
        defer { lock.unlock() }
        if let known = byType[key] { return known }
        var offsets: [String: Int] = [:]
        for (i, child) in Mirror(reflecting: value).children.enumerated() {
            if let label = child.label, offsets[label] == nil { offsets[label] = i }
        }
        byType[key] = offsets
        return offsets
    }
}

private protocol AnyOptionalField {
    var wrappedField: Any? { get }
}

extension Optional: AnyOptionalField {
    fileprivate var wrappedField: Any? {
        switch self {
        case .none: return nil
        case .some(let wrapped): return wrapped
        }
    }
}
