import Foundation

/// Where the password comes from when the URL has none, as libpq looks for it: `PGPASSWORD`, then
/// the password file (`PGPASSFILE`, else `~/.pgpass`). Keeping it out of the URL keeps it out of
/// shell history, CI logs and `ps`.
enum PasswordLookup {
    /// The password for `location`, and a warning when the password file was skipped.
    static func password(for location: PostgresLocation,
                         environment: [String: String]) -> (password: String?, warning: String?) {
        if let password = location.password { return (password, nil) }
        if let password = environment["PGPASSWORD"], !password.isEmpty { return (password, nil) }
        let path = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? homeFolder(environment).map { $0 + "/.pgpass" }
        guard let path else { return (nil, nil) }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return (nil, nil) }
        // libpq ignores a password file that others can read, and says so: so do we.
        if info.st_mode & (S_IRWXG | S_IRWXO) != 0 {
            return (nil, "\(path) is readable by others, so it is not used (as libpq does) — chmod 600 \(path)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return (nil, "\(path) could not be read as UTF-8 text: it is not used")
        }
        return (PasswordFile.match(text, host: location.host, port: location.port,
                                   database: location.database, user: location.user), nil)
    }
}

/// HOME, else the login's home folder (libpq asks the password database too).
private func homeFolder(_ environment: [String: String]) -> String? {
    if let home = environment["HOME"], !home.isEmpty { return home }
    guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
    return String(cString: dir)
}

/// libpq's password file format: one `host:port:database:username:password` per line, `*`
/// matching anything in the first four fields, `\` escaping `:` and `\`, `#` starting a comment;
/// the first matching line wins.
enum PasswordFile {
    static func match(_ text: String, host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        // Lines end at LF or CRLF (one Character in Swift), not at other Unicode line breaks.
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("#") { continue }
            let fields = split(line)
            guard fields.count >= 5 else { continue }
            // The host is compared as written in the URL, as libpq does (no name lookup); only an
            // unescaped `*` is a wildcard.
            let matches = zip(fields.prefix(4), wanted).allSatisfy { field, value in field.wildcard || field.text == value }
            if matches { return fields[4].text }
        }
        return nil
    }

    struct Field: Equatable { var text: String; var wildcard: Bool }

    /// The fields of one line: split at unescaped `:` (a sixth and later are ignored, as libpq
    /// does), escapes removed; `wildcard` for a field that is exactly an unescaped `*`.
    static func split(_ line: Substring) -> [Field] {
        var fields: [Field] = [], current = "", escaped = false, hadEscape = false
        for ch in line {
            if escaped { current.append(ch); escaped = false; continue }
            switch ch {
            case "\\": escaped = true; hadEscape = true
            case ":":
                fields.append(Field(text: current, wildcard: current == "*" && !hadEscape))
                current = ""; hadEscape = false
            default: current.append(ch)
            }
        }
        fields.append(Field(text: current, wildcard: current == "*" && !hadEscape))
        return fields
    }
}
