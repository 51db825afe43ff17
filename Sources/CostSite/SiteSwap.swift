// Swapping a finished site into place, and cleaning up after builds that were killed.
//
// The swap is one `renameat2(RENAME_EXCHANGE)` on Linux: the new folder and the previous site
// trade names in a single step, so `site/` exists at every instant, even when the build is
// killed (-9, power loss) in the middle. Where the filesystem cannot exchange (EINVAL, ENOSYS),
// the fallback is the classic two renames (`site` → `site.old-*`, temp → `site`); a build killed
// between those two leaves no `site/`, and the next build restores `site.old-*` before it reads
// anything from the site (its publication log lives there).
//
// Every sibling folder is named `<site>.tmp-<pid>-<n>` or `<site>.old-<pid>-<n>`: the pid says
// whose it is. A build removes the leftovers of processes that no longer exist (`kill(pid, 0)`
// answers ESRCH) and never touches those of a live process (a concurrent build). Pids are those
// of this machine and this pid namespace: builds in other containers sharing the folder would
// look dead, so do not publish one folder from several containers at once (it was never safe:
// the last swap wins).
import Foundation

extension SiteWriter {
    // MARK: - Test hook

    /// Test hook, not an option: `COSTREPORT_TEST_SWAP=renames` forces the two-rename fallback;
    /// `renames-kill` also makes the process kill itself (SIGKILL) between the two renames, the
    /// one moment a fallback swap leaves no `site/`, so the tests can check that the next build
    /// restores it. Read by `write` only to choose the swap; unset (or any other value), it
    /// changes nothing.
    static let testSwapVariable = "COSTREPORT_TEST_SWAP"

    enum SwapMethod: Sendable, Equatable {
        /// `renameat2(RENAME_EXCHANGE)`, falling back to two renames where unsupported.
        case exchange
        /// The fallback, forced (unit tests; the test hook).
        case renames
        /// The fallback, with a SIGKILL of this process between the two renames (the test hook only).
        case renamesThenKill

        static func fromEnvironment() -> SwapMethod {
            switch ProcessInfo.processInfo.environment[testSwapVariable] {
            case "renames": return .renames
            case "renames-kill": return .renamesThenKill
            default: return .exchange
            }
        }
    }

    // MARK: - Swap

    /// Makes `temp` the site at `output`, whose previous content is a site (checked) that is
    /// then deleted. Until the exchange (or the second rename) nothing visible has changed.
    static func swap(_ temp: String, into output: String, shownAs shown: String, method: SwapMethod) throws {
        if method == .exchange {
            switch exchange(temp, output) {
            case .exchanged:
                // The previous site is now at the temp path.
                try removePrevious(temp, published: shown)
                return
            case .unsupported:
                break  // the two renames below
            case .failed(let code):
                removeQuietly(temp)
                throw SiteWriteError(path: shown, message: "cannot publish \(shown): \(describe(code))")
            }
        }
        // Fallback: two renames. A kill between them leaves the previous site at `old` and no
        // `output`; `recoverInterruptedSwap` puts it back at the start of the next build.
        let old = unusedSibling(output, kind: "old")
        if rename(output, old) != 0 {
            let message = errnoMessage()
            removeQuietly(temp)
            throw SiteWriteError(path: shown, message: "cannot move the previous site \(shown) aside: \(message)")
        }
        if method == .renamesThenKill {
            _ = kill(getpid(), SIGKILL)
        }
        if rename(temp, output) != 0 {
            let message = errnoMessage()
            _ = rename(old, output)  // put the previous site back
            removeQuietly(temp)
            throw SiteWriteError(path: shown, message: "cannot publish \(shown): \(message)")
        }
        try removePrevious(old, published: shown)
    }

    private static func removePrevious(_ path: String, published shown: String) throws {
        do {
            // removeItem deletes symbolic links, not what they point to.
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw SiteWriteError(path: path, message:
                "site published to \(shown), but the previous copy \(path) could not be removed: "
                + "\(reason(error)); remove it by hand")
        }
    }

    enum ExchangeResult: Equatable {
        case exchanged
        /// The filesystem or kernel cannot exchange (EINVAL, ENOSYS), or this libc lacks the call.
        case unsupported
        case failed(Int32)
    }

    /// Atomically exchanges two existing paths.
    static func exchange(_ a: String, _ b: String) -> ExchangeResult {
        #if os(Linux)
        // Glibc's Swift module exports neither renameat2 nor RENAME_EXCHANGE nor SYS_renameat2
        // (they need _GNU_SOURCE), and `syscall` is variadic, so unavailable in Swift: the
        // function is looked up in the C library (glibc ≥ 2.28 has it).
        guard let renameat2 = renameat2Function else { return .unsupported }
        let renameExchange: UInt32 = 2  // RENAME_EXCHANGE, <linux/fs.h>
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return .exchanged }
        let code = errno
        return code == EINVAL || code == ENOSYS ? .unsupported : .failed(code)
        #elseif canImport(Darwin)
        if renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 { return .exchanged }
        let code = errno
        return code == ENOTSUP || code == EINVAL ? .unsupported : .failed(code)
        #else
        return .unsupported
        #endif
    }

    #if os(Linux)
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    /// The address of libc's `renameat2`, 0 when absent (kept as an integer: Sendable).
    private static let renameat2Address: Int = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return 0 }
        return Int(bitPattern: symbol)
    }()

    private static var renameat2Function: Renameat2? {
        guard renameat2Address != 0, let pointer = UnsafeRawPointer(bitPattern: renameat2Address) else { return nil }
        return unsafeBitCast(pointer, to: Renameat2.self)
    }
    #endif

    // MARK: - Recovery and leftovers

    /// A `<site>.tmp-<pid>-<n>` or `<site>.old-<pid>-<n>` folder beside the site.
    struct Sibling: Equatable {
        enum Kind: String { case tmp, old }
        let path: String
        let kind: Kind
        let pid: pid_t
    }

    /// Parses a name of the parent folder: `site.tmp-123-0` for the site `site`; nil otherwise.
    static func parseSibling(_ name: String, siteName: String) -> (kind: Sibling.Kind, pid: pid_t)? {
        for kind in [Sibling.Kind.tmp, .old] {
            let prefix = siteName + "." + kind.rawValue + "-"
            guard name.hasPrefix(prefix) else { continue }
            let parts = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let pid = pid_t(parts[0]), pid > 0, Int(parts[1]) != nil else { return nil }
            return (kind, pid)
        }
        return nil
    }

    /// The sibling folders of `output` (real folders only: a link or file with such a name is
    /// not ours and is ignored).
    static func siblings(of output: String) -> [Sibling] {
        let parent = (output as NSString).deletingLastPathComponent
        let siteName = (output as NSString).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return [] }
        return names.sorted().compactMap { name in
            guard let (kind, pid) = parseSibling(name, siteName: siteName) else { return nil }
            let path = parent + "/" + name
            guard fileKind(path) == .directory else { return nil }
            return Sibling(path: path, kind: kind, pid: pid)
        }
    }

    /// Whether `pid` is a running process: `kill(pid, 0)` is ESRCH only for a dead one (EPERM
    /// means it exists under another user).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard pid > 0 else { return true }  // 0 and negatives name process groups: never "dead"
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    /// Run at the start of every build, before the site is read:
    /// 1. no `output` but a `<site>.old-*` of a dead process (a fallback swap killed between its
    ///    two renames): the newest such folder that is a costreport site is renamed back;
    /// 2. the `tmp` and `old` folders of dead processes are removed (an `old` one only when it is
    ///    a costreport site or empty: never delete what costreport did not write).
    /// Those of live processes (a concurrent build) are never touched.
    static func recoverAndClean(_ output: String, shownAs shown: String) throws {
        let leftovers = siblings(of: output).filter { !isAlive($0.pid) }
        guard !leftovers.isEmpty else { return }
        let olds = leftovers.filter { $0.kind == .old && isRestorable($0.path) }
        if fileKind(output) == nil, let newest = olds.max(by: { changeTime($0.path) < changeTime($1.path) }) {
            if rename(newest.path, output) != 0 {
                let message = errnoMessage()
                // A concurrent build may have restored or published it first.
                if fileKind(output) == nil {
                    throw SiteWriteError(path: shown, message:
                        "\(shown) is missing after an interrupted build, and its previous copy \(newest.path) "
                        + "could not be put back: \(message); rename it to \(shown) by hand")
                }
            }
        }
        for sibling in leftovers where sibling.kind == .tmp || olds.contains(sibling) {
            guard fileKind(sibling.path) == .directory else { continue }  // restored above, or gone
            removeQuietly(sibling.path)
        }
    }

    /// An `old` folder costreport moved aside: empty (a previous empty output folder) or marked.
    private static func isRestorable(_ path: String) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return entries.isEmpty || markerStatus(path) == .valid
    }

    /// When a folder was renamed (`rename` updates the ctime): the newest `old` is the latest site.
    private static func changeTime(_ path: String) -> Double {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        #if canImport(Darwin)
        return Double(info.st_ctimespec.tv_sec) + Double(info.st_ctimespec.tv_nsec) / 1e9
        #else
        return Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9
        #endif
    }
}
