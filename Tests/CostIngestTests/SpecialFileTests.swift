import CostModel
import Foundation
import Testing

@testable import CostIngest

/// `--db` names something that is not a regular file: one clear error, at once, before
/// anything is opened (opening a FIFO for reading waits for a writer: it hung forever).
@Suite struct SpecialFileTests {
    typealias F = IngestFixtures

    private func message(_ path: String) -> String? {
        do {
            _ = try BenchmarksDatabase.read(path: path, catalog: F.catalog, config: Config())
        } catch let error as IngestError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
        return nil
    }

    /// The message of reading the FIFO `fifo` through `path`. Should the read block in open
    /// (the bug), a writer opened after 3 s releases it, so the test fails on the time instead
    /// of hanging.
    private func messageWithoutHanging(_ path: String, fifo: String) -> String? {
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 3) {
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
            released.signal()
        }
        let start = Date()
        let m = message(path)
        #expect(Date().timeIntervalSince(start) < 2)
        released.wait()
        return m
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let folder = F.scratchFolder()
        let path = folder.appendingPathComponent("benchmarks.db").path
        #expect(mkfifo(path, 0o644) == 0)
        #expect(messageWithoutHanging(path, fifo: path)
            == "\(path) is a named pipe (FIFO), not a database file — pass the benchmarks.db file with --db PATH")
    }

    @Test func aCharacterDeviceIsRefused() {
        #expect(message("/dev/null") == "/dev/null is a character device, not a database file — pass the benchmarks.db file with --db PATH")
    }

    @Test func aFolderIsRefused() {
        let folder = F.scratchFolder().path
        #expect(message(folder) == "\(folder) is a folder, not a database — pass the benchmarks.db file with --db PATH")
    }

    @Test func aSocketIsRefused() throws {
        // sockaddr_un paths are short: a folder of its own under /tmp.
        let folder = "/tmp/cr-sock-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        #expect(mkdir(folder, 0o755) == 0)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/benchmarks.db"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (i, byte) in path.utf8.enumerated() { buffer[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(message(path) == "\(path) is a socket, not a database file — pass the benchmarks.db file with --db PATH")
    }

    /// A link to a database is read (SQLite follows it too); a link to a FIFO is a FIFO.
    @Test func linksAreFollowed() throws {
        let folder = F.scratchFolder()
        let path = try F.database([F.pythonRow(run: "r1")], in: folder)
        let link = folder.appendingPathComponent("link.db").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(try BenchmarksDatabase.read(path: link, catalog: F.catalog, config: Config()).records.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["benchmarks.db", "link.db"])
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let fifoLink = folder.appendingPathComponent("fifo.db").path
        try FileManager.default.createSymbolicLink(atPath: fifoLink, withDestinationPath: fifo)
        #expect(messageWithoutHanging(fifoLink, fifo: fifo)?.hasPrefix("\(fifoLink) is a named pipe (FIFO)") == true)
    }
}
