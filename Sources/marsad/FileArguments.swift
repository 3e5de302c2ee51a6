#if canImport(Glibc)
import Glibc
#endif
import MarsadDaemon

/// The file arguments of `ingest` and `process` as the files they stand for:
/// a folder stands for the files beneath it, in name order, hidden entries
/// left out. A symbolic link inside a folder is never followed: it is passed
/// on as it is, and reading reports it as a link, as it would in the inbox.
/// A name in a folder that is not valid UTF-8 is reported, not read: paths
/// reach the reading code as text (the inbox takes such names).
enum FileArguments {
    struct Listing {
        var files: [String] = []
        /// Folders that could not be listed, and names that cannot be passed on, with the reason in words.
        var unlisted: [(path: String, reason: String)] = []
    }

    /// Options that take the next argument as their value.
    static let optionsWithValues: Set<String> = ["--config"]

    /// The arguments after `ingest` or `process` split into options (with their values) and file names;
    /// after `--`, everything is a file name.
    static func separate(_ arguments: [String]) -> (options: [String], files: [String]) {
        var options: [String] = []
        var files: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                files += arguments[(index + 1)...]
                break
            }
            if argument.hasPrefix("-") && argument.count > 1 {
                options.append(argument)
                if optionsWithValues.contains(argument), index + 1 < arguments.count {
                    options.append(arguments[index + 1])
                    index += 1
                }
            } else {
                files.append(argument)
            }
            index += 1
        }
        return (options, files)
    }

    /// The files that `arguments` name, folders expanded. Folders in `skipping`
    /// (Marsad's own: the inbox, the state folder, the digests) are left out
    /// where a walk meets them, so that `marsad ingest .` in the default layout
    /// does not read its own database; named as arguments, they are read.
    static func expand(_ arguments: [String], skipping: [String] = []) -> Listing {
        var listing = Listing()
        let skipped = Set(skipping.compactMap(realPath))
        for argument in arguments {
            if isFolder(argument) {
                add(folder: argument, skipping: skipped, to: &listing)
            } else {
                listing.files.append(argument)
            }
        }
        return listing
    }

    /// The canonical path of an existing entry, links resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` is a folder itself, not a link to one.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func add(folder: String, skipping skipped: Set<String>, to listing: inout Listing) {
        guard let entries = EntryName.list(folder) else {
            listing.unlisted.append((folder, "cannot list the folder: " + String(cString: strerror(errno))))
            return
        }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let visible = entries.filter { $0.bytes.first != UInt8(ascii: ".") }
        for entry in visible.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
            // A path reaches the reading code as text; bytes that are not UTF-8 would name another file.
            guard let name = String(validating: entry.bytes, as: UTF8.self) else {
                listing.unlisted.append((prefix + entry.display, Self.notUTF8))
                continue
            }
            let path = prefix + name
            if isFolder(path) {
                if !skipped.isEmpty, let real = realPath(path), skipped.contains(real) { continue }
                add(folder: path, skipping: skipped, to: &listing)
            } else {
                listing.files.append(path)
            }
        }
    }

    static let notUTF8 = """
        the name is not valid UTF-8, so it cannot be read from the command line: rename it, or drop the file \
        into the inbox, which takes any name
        """
}
