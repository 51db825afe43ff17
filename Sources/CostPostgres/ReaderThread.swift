import Foundation

/// The thread the async PostgreSQL reads run on, as a task executor: the synchronous
/// `RecordSource.read` waits for its read, so the read must not need a thread of Swift's shared
/// pool, where the waiting caller itself often sits (on a one-core machine, the only one). One
/// thread serves every read of the process; nothing on it blocks (the handoff suspends).
final class ReaderThread: TaskExecutor, @unchecked Sendable {
    static let shared = ReaderThread(name: "costreport.postgres")

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var next = 0

    private init(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while next == jobs.count { condition.wait() }
            let job = jobs[next]
            next += 1
            if next == jobs.count { jobs.removeAll(keepingCapacity: true); next = 0 }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// Starts `operation` on the reader thread; the caller collects its result with `wait()`.
    static func start<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) -> Pending<T> {
        let pending = Pending<T>()
        Task.detached(executorPreference: shared) {
            do { pending.set(.success(try await operation())) } catch { pending.set(.failure(error)) }
        }
        return pending
    }
}

/// A result handed from the reader thread to the caller's.
final class Pending<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Result<T, any Error>?

    func set(_ result: Result<T, any Error>) {
        condition.lock(); value = result; condition.signal(); condition.unlock()
    }

    func wait() -> Result<T, any Error> {
        condition.lock(); defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}

/// Batches of records from the reader thread to the builder's, at most `capacity` batches
/// waiting: the reader blocks when the builder falls behind, and the server's rows wait in its
/// socket (postgres-nio stops reading), so memory stays bounded however large the table.
final class RecordHandoff<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Item]] = []
    private var finished = false
    private var failure: (any Error)?
    private var abandoned = false
    /// The reader, suspended while `capacity` batches wait.
    private var waitingSender: CheckedContinuation<Void, Never>?
    let capacity: Int

    init(capacity: Int = 8) { self.capacity = capacity }

    /// Reader side: false when the builder has stopped taking batches (the reader should stop).
    /// Suspends, never blocks, while the builder is behind.
    func send(_ batch: [Item]) async -> Bool {
        while true {
            switch offer(batch) {
            case .taken: return true
            case .abandoned: return false
            case .full:
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    condition.lock()
                    if batches.count < capacity || abandoned {
                        condition.unlock()
                        continuation.resume()
                    } else {
                        waitingSender = continuation
                        condition.unlock()
                    }
                }
            }
        }
    }

    private enum Offer { case taken, full, abandoned }

    /// Takes `batch` if there is room (the lock is not held across a suspension).
    private func offer(_ batch: [Item]) -> Offer {
        condition.lock(); defer { condition.unlock() }
        if abandoned { return .abandoned }
        guard batches.count < capacity else { return .full }
        batches.append(batch)
        condition.broadcast()
        return .taken
    }

    /// Resumes a suspended reader (called with the lock held).
    private func releaseSender() {
        waitingSender?.resume()
        waitingSender = nil
    }

    /// Reader side: no more batches; `error` when the read failed.
    func finish(error: (any Error)? = nil) {
        condition.lock(); finished = true; failure = error; condition.broadcast(); condition.unlock()
    }

    /// Builder side: the next batch, nil at the end; rethrows the reader's failure.
    func receive() throws -> [Item]? {
        condition.lock(); defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            releaseSender()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Builder side: takes nothing more (it failed); a waiting reader is released.
    func abandon() {
        condition.lock(); abandoned = true; batches.removeAll(); releaseSender(); condition.unlock()
    }
}
