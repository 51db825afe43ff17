/// A problem with an input the user controls (database, config, pricing file), phrased as one
/// line that names the file and says what to do. The CLI prints `message` as is.
public struct IngestError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public var description: String { message }

    public init(_ message: String) { self.message = message }
}
