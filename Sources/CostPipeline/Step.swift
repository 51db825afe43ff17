import CostAssets
import CostIngest
import CostRender
import CostSite
import Foundation

/// The named stages every command runs through, in order. Each stage hands the next an
/// immutable value: settings → `Inputs` → `Dataset` → `Analysis` → files → the output folder.
public enum Step: String, Sendable, CaseIterable {
    case loadInputs = "load inputs"
    case ingest
    case analyse
    case render
    case write
}

/// A failure in one stage: the one line a user reads (it names the file and the fix), with the
/// stage and the file it concerns for callers that want them.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    public let step: Step
    /// The file or folder concerned, when one is known.
    public let file: String?
    public let message: String
    public var description: String { message }

    public init(step: Step, file: String? = nil, message: String) {
        self.step = step; self.file = file; self.message = message
    }
}

extension Step {
    /// Runs `body` as this stage: any error becomes a `PipelineError` of this stage, keeping the
    /// underlying one-line message (every error the stages throw already reads as one).
    func run<T>(file: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(step: self, file: file, message: Self.message(of: error))
        }
    }

    static func message(of error: Error) -> String {
        switch error {
        case let e as IngestError: return e.description
        case let e as TemplateError: return e.description
        case let e as AssetError: return e.description
        case let e as SiteWriteError: return e.description
        case let e as PublicationLogError: return e.description
        case let e as AtomicFileError: return e.description
        default: return error.localizedDescription
        }
    }
}

/// Progress lines and warnings for stderr; the pipeline never prints itself.
public struct ProgressLines: Sendable {
    public var say: @Sendable (String) -> Void
    public var warn: @Sendable (String) -> Void

    public init(say: @escaping @Sendable (String) -> Void, warn: @escaping @Sendable (String) -> Void) {
        self.say = say; self.warn = warn
    }

    public static let silent = ProgressLines(say: { _ in }, warn: { _ in })
}
