#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// Why a dropped file could not be opened, in plain words.
public struct FileAccessError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        case missing, symlink, notRegular, tooLarge, unreadable
        /// The file's size or modification time changed while it was read: someone is still writing it.
        case changing
    }
    public var kind: Kind
    public var message: String
    public var description: String { message }
}

/// Reads dropped files without ever following a symlink or blocking on a FIFO.
public enum FileAccess {
    /// Reads a regular file, refusing symlinks (O_NOFOLLOW), devices, FIFOs,
    /// sockets and directories, and files larger than `maxSize` bytes.
    public static func readRegularFile(atPath path: String, maxSize: Int) throws(FileAccessError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        if fd < 0 {
            let code = errno
            switch code {
            case ELOOP, EMLINK:
                throw FileAccessError(kind: .symlink, message: "the file is a symbolic link; Marsad never follows links out of its folders")
            case ENOENT:
                throw FileAccessError(kind: .missing, message: "the file disappeared before it could be read")
            case ENXIO:
                throw FileAccessError(kind: .notRegular, message: "the file is a socket or device, not a regular file")
            default:
                throw FileAccessError(kind: .unreadable, message: "the file cannot be opened: \(String(cString: strerror(code)))")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw FileAccessError(kind: .unreadable, message: "the file cannot be examined: \(String(cString: strerror(errno)))")
        }
        let fileType = info.st_mode & S_IFMT
        guard fileType == S_IFREG else {
            throw FileAccessError(kind: .notRegular, message: "the entry is \(describe(fileType)), not a regular file")
        }
        let size = Int(info.st_size)
        guard size <= maxSize else {
            throw FileAccessError(
                kind: .tooLarge,
                message: "the file is \(ByteSize.format(size)), larger than the limit of \(ByteSize.format(maxSize))"
            )
        }
        // Clear O_NONBLOCK: it was only there so that opening a FIFO cannot hang.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        // Read to the end rather than to the size seen: files such as those of /proc report a size of 0.
        // One byte past the limit is enough to know the file is too large.
        let cap = maxSize + 1
        var bytes = [UInt8](repeating: 0, count: min(cap, max(size + 1, 64 * 1024)))
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count < cap else { break }
                bytes.append(contentsOf: repeatElement(0, count: min(cap, bytes.count * 2) - bytes.count))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileAccessError(kind: .unreadable, message: "reading the file failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        var after = stat()
        let changed = fstat(fd, &after) == 0
            && (after.st_size != info.st_size || after.st_mtim.tv_sec != info.st_mtim.tv_sec || after.st_mtim.tv_nsec != info.st_mtim.tv_nsec)
        if changed {
            throw FileAccessError(
                kind: .changing,
                message: "the file changed while it was being read (\(ByteSize.format(size)) when opened, \(ByteSize.format(Int(after.st_size))) after): it is still being written"
            )
        }
        if filled > maxSize {
            throw FileAccessError(kind: .tooLarge, message: "the file is larger than the limit of \(ByteSize.format(maxSize))")
        }
        return bytes
    }

    static func describe(_ fileType: mode_t) -> String {
        switch fileType {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }
}

/// Human-readable byte sizes, and parsing of sizes such as `20MiB` in configuration.
public enum ByteSize {
    public static func format(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
    }

    /// `512KiB`, `20MiB`, `1GB`, `4096`; nil for anything else or a size past `Int`.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = String(String.UnicodeScalarView(trimmed.unicodeScalars.prefix { ("0"..."9").contains($0) }))
        guard let number = Int(digits) else { return nil }
        let multipliers: [String: Int] = [
            "": 1, "b": 1, "k": 1 << 10, "kb": 1000, "kib": 1 << 10, "m": 1 << 20, "mb": 1_000_000,
            "mib": 1 << 20, "g": 1 << 30, "gb": 1_000_000_000, "gib": 1 << 30,
        ]
        let unit = String(String.UnicodeScalarView(trimmed.unicodeScalars.dropFirst(digits.unicodeScalars.count)))
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard let multiplier = multipliers[unit] else { return nil }
        let (size, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : size
    }
}

extension FileAccess {
    /// When the entry at `path` was last written, in whole seconds since 1970
    /// (the link itself, never its target); nil when it cannot be examined.
    /// A page saved by a scraper or a browser was written when it was saved.
    public static func modificationTime(atPath path: String) -> Int? {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_mtim.tv_sec) : nil
    }

    /// The size in bytes of the entry at `path` (the link itself, never its
    /// target); zero when it cannot be examined.
    public static func size(atPath path: String) -> Int {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Whether nothing at all is at `path` (not even a dangling link).
    public static func isMissing(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) != 0 && errno == ENOENT
    }
}
