#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// What the watcher noticed in the inbox.
public enum InboxEvent: Sendable, Equatable {
    /// A name that was closed after writing or moved in.
    case arrived(EntryName)
    /// A name that was created: a hard link, complete at once, or a file still being written (whose
    /// close comes later). Either way it is claimed once it has settled, if no close comes first.
    case appeared(EntryName)
    /// Events were lost (queue overflow) or the folder changed wholesale: rescan.
    case rescan
    /// The inbox was deleted or moved away; it is watched again (made anew when it stayed gone).
    case rearmed(String)
}

/// Watches the inbox with inotify (IN_CLOSE_WRITE and IN_MOVED_TO, and
/// IN_CREATE for hard links, which are never closed) on a dedicated thread, so that a blocked read never holds up the async pool.
/// When the inbox itself is deleted or moved away, the watch is set again on
/// the configured path: on the folder made by someone else, or on one made
/// here if none appears within `recreateAfter`.
public final class InboxWatcher: Sendable {
    private let fd: Int32
    private let directory: String
    private let firstWatch: Int32
    private let stopped = Atomic<Bool>(false)
    public let events: AsyncStream<InboxEvent>
    private let continuation: AsyncStream<InboxEvent>.Continuation
    static let recreateAfter = Duration.milliseconds(500)

    /// Arrivals, and the inbox itself going away (deleted, or moved: the watch would follow it elsewhere).
    static let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE)
        | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)

    public struct WatchError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(directory: String) throws {
        self.directory = directory
        fd = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard fd >= 0 else { throw WatchError(description: "inotify is unavailable: \(String(cString: strerror(errno)))") }
        firstWatch = inotify_add_watch(fd, directory, Self.mask)
        guard firstWatch >= 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw WatchError(description: "cannot watch \(directory): \(message)")
        }
        (events, continuation) = AsyncStream.makeStream(of: InboxEvent.self, bufferingPolicy: .bufferingNewest(65_536))
        let thread = Thread { [self] in self.readLoop() }
        thread.name = "marsad-inotify"
        thread.start()
    }

    public func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    private func readLoop() {
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer {
            buffer.deallocate()
            close(fd)
            continuation.finish()
        }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var watch: Int32 = firstWatch
        var lostAt: ContinuousClock.Instant?
        while !stopped.load(ordering: .relaxed) {
            if let since = lostAt, let rearmed = rearm(mayCreate: ContinuousClock.now - since >= Self.recreateAfter) {
                watch = rearmed
                lostAt = nil
                continuation.yield(.rearmed(directory))
            }
            let ready = poll(&poller, 1, lostAt == nil ? 250 : 50)
            if ready <= 0 { continue }
            let count = read(fd, buffer, capacity)
            if count <= 0 { continue }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let gone = UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_IGNORED)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    continuation.yield(.rescan)
                } else if event.mask & gone != 0 {
                    // Only the current watch matters: the old one's IN_IGNORED follows its IN_DELETE_SELF.
                    if event.wd == watch && lostAt == nil {
                        if event.mask & UInt32(IN_MOVE_SELF) != 0 { inotify_rm_watch(fd, event.wd) }
                        watch = -1
                        lostAt = .now
                    }
                } else if event.len > 0 {
                    // The name is NUL-padded to `len` bytes; it is taken as bytes, valid UTF-8 or not.
                    let raw = UnsafeRawBufferPointer(start: buffer.advanced(by: nameStart), count: Int(event.len))
                    let name = EntryName(bytes: Array(raw.prefix { $0 != 0 }))
                    continuation.yield(event.mask & UInt32(IN_CREATE) != 0 ? .appeared(name) : .arrived(name))
                }
                offset = nameStart + Int(event.len)
            }
        }
    }

    /// Watches the inbox anew, making it first when allowed; nil while that fails (tried again shortly).
    private func rearm(mayCreate: Bool) -> Int32? {
        var info = stat()
        if lstat(directory, &info) != 0 {
            guard mayCreate, mkdir(directory, 0o775) == 0 || errno == EEXIST else { return nil }
        }
        let watch = inotify_add_watch(fd, directory, Self.mask)
        return watch >= 0 ? watch : nil
    }
}
