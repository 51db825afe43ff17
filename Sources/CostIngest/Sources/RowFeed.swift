/// Hands a database's rows to the builder in the order the writer appended them, naming each for
/// the data-quality report (`benchmarks.db id 17`, or its row number when it has no id) and saying
/// progress every 100,000 rows. The SQLite reader (serial and `ParallelRows`) and the PostgreSQL
/// reader both feed through it, so a row is named the same whichever database held it.
public struct RowFeed {
    public static let progressEvery = 100_000
    public let name: String
    let progress: (@Sendable (String) -> Void)?
    public private(set) var count = 0

    /// `name` starts every row's label: the file's name, or the table's.
    public init(name: String, progress: (@Sendable (String) -> Void)?) { self.name = name; self.progress = progress }

    public mutating func add(_ raw: RawRecord, to builder: inout DatasetBuilder) {
        count += 1
        // The label's closure captures the id and number, not the record: capturing `raw` copies it per row.
        let id = raw.id, row = count, name = name
        builder.add(raw, source: id.map { "\(name) id \($0)" } ?? "\(name) row \(row)")
        if count % Self.progressEvery == 0 { progress?("read \(count) rows from \(name)") }
    }

    public func finish() { progress?("read \(count) \(count == 1 ? "row" : "rows") from \(name)") }
}
