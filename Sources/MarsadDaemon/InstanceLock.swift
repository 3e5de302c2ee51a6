#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One daemon per state folder: `STATE/marsad.lock`, held with an exclusive
/// `flock` for the daemon's lifetime. The file holds the daemon's PID and a
/// one-line health note; its modification time is the daemon's heartbeat.
/// The kernel drops the lock when the process ends, however it ends.
public final class InstanceLock: Sendable {
    let fd: Int32
    public let path: String

    public static func path(stateFolder: String) -> String { stateFolder + "/marsad.lock" }

    /// What `marsad status` learns from the lock file.
    public struct Holder: Sendable, Equatable {
        public var pid: Int32?
        public var heartbeat: Date
        public var health: String?
    }

    public struct HeldError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Takes the lock, or throws naming the PID that holds it.
    public init(stateFolder: String) throws(HeldError) {
        path = Self.path(stateFolder: stateFolder)
        fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw HeldError(description: "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = Self.readHolder(fd: fd)
            close(fd)
            if code == EWOULDBLOCK {
                let pid = holder?.pid.map { "PID \($0)" } ?? "another process"
                throw HeldError(description: "another marsad is already running on \(stateFolder) (\(pid) holds \(path)); stop it first")
            }
            throw HeldError(description: "cannot lock \(path): \(String(cString: strerror(code)))")
        }
        write(health: "starting")
    }

    deinit {
        close(fd)
    }

    /// Rewrites the file: the PID and a one-line note on the daemon's health.
    public func write(health: String) {
        let text = "pid: \(getpid())\nhealth: \(health.replacingOccurrences(of: "\n", with: " "))\n"
        let bytes = Array(text.utf8)
        _ = ftruncate(fd, 0)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Marks the daemon alive now (the file's modification time).
    public func heartbeat() {
        _ = futimens(fd, nil)
    }

    /// The daemon holding the lock on a state folder, or nil when none runs.
    public static func holder(stateFolder: String) -> Holder? {
        let fd = open(path(stateFolder: stateFolder), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // A shared lock is refused only while a daemon holds the exclusive one.
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        return readHolder(fd: fd)
    }

    static func readHolder(fd: Int32) -> Holder? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        let text = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
        var holder = Holder(
            pid: nil,
            heartbeat: Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9),
            health: nil
        )
        for line in text.split(separator: "\n") {
            if line.hasPrefix("pid: ") { holder.pid = Int32(line.dropFirst(5)) }
            if line.hasPrefix("health: ") { holder.health = String(line.dropFirst(8)) }
        }
        return holder
    }
}
