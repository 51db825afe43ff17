// The site's publication log (checklist item 8) as bytes: `publication-log.json` in the output
// folder, `{"weeks": ["2026-W47", "2026-W48"]}`. It is one of the site's files, so every build
// writes it into the new site before the atomic swap: a failed build leaves the previous log
// exactly as it was, and a successful one carries its weeks forward. Reading it from disk is
// the site layer's (`PublicationLogFile.read`); its format is here, with the other outputs.
import CostModel
import Foundation

public struct PublicationLogError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The log file concerned.
    public let path: String
    /// One line naming the file and what is wrong with it.
    public let message: String
    public var description: String { message }

    public init(path: String, message: String) {
        self.path = path; self.message = message
    }
}

public enum PublicationLogFormat {
    /// Sorted, de-duplicated weeks; JSON with sorted keys and a trailing newline, so the same log
    /// is always the same bytes.
    public static func encode(_ log: PublicationLog) throws -> [UInt8] {
        let normalized = PublicationLog(weeks: Array(Set(log.weeks)).sorted())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(normalized)) + Array("\n".utf8)
    }

    /// Parses a log; every week must be an ISO week such as `2026-W48`.
    public static func decode(_ bytes: [UInt8], path: String) throws -> PublicationLog {
        let log: PublicationLog
        do {
            log = try JSONDecoder().decode(PublicationLog.self, from: Data(bytes))
        } catch {
            throw PublicationLogError(path: path, message:
                "\(path) is not a publication log: expected JSON like {\"weeks\": [\"2026-W48\"]}")
        }
        for week in log.weeks {
            guard let period = Period(parsing: week), period.kind == .week, period.id == week else {
                throw PublicationLogError(path: path, message:
                    "\(path) is not a publication log: '\(week)' is not an ISO week such as 2026-W48")
            }
        }
        return PublicationLog(weeks: Array(Set(log.weeks)).sorted())
    }
}
