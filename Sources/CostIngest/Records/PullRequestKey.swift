/// The PR key rule of spec §12 for callers outside ingest (`costreport pr --pr '#123'`): the same
/// normalisation ingest applies to `pr_number` / `pr`, so a PR named on the command line matches the
/// key its records were stored under.
public enum PullRequestKey {
    /// `#123`, `pr-123`, `PR 123`, `pr123` and `123` → `123`; other text is kept, stripped.
    /// Nil for empty text.
    public static func normalise(_ raw: String) -> String? { TextRules.prKey(raw) }
}
