import Foundation

/// Which `costreport.yml` applies without `--config`: the working directory's, else the nearest
/// one in a parent folder up to the repository root (the folder holding `.git`), so a command run
/// anywhere inside the team's repository finds the team's settings. Outside a repository only the
/// working directory counts: a stray file higher up the disk is never picked up.
enum ConfigDiscovery {
    static let fileName = "costreport.yml"

    static func find(from directory: String) -> String? {
        let start = URL(fileURLWithPath: directory).standardizedFileURL
        let here = start.appendingPathComponent(fileName).path
        if isFile(here) { return directory == FileManager.default.currentDirectoryPath ? fileName : here }
        // Only search upwards inside a repository.
        var folder = start
        var chain: [URL] = []
        while true {
            chain.append(folder)
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { break }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }  // reached / without a repository root
            folder = parent
        }
        for candidate in chain.dropFirst() {
            let path = candidate.appendingPathComponent(fileName).path
            if isFile(path) { return path }
        }
        return nil
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
