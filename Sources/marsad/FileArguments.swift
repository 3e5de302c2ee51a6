#if canImport(Glibc)
import Glibc
#endif

/// The file arguments of `ingest` and `process` as the files they stand for:
/// a folder stands for the files beneath it, in name order, hidden entries
/// left out. A symbolic link inside a folder is never followed: it is passed
/// on as it is, and reading reports it as a link, as it would in the inbox.
enum FileArguments {
    struct Listing {
        var files: [String] = []
        /// Folders that could not be listed, with the reason in words.
        var unlisted: [(folder: String, reason: String)] = []
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

    /// The files that `arguments` name, folders expanded.
    static func expand(_ arguments: [String]) -> Listing {
        var listing = Listing()
        for argument in arguments {
            if isFolder(argument) {
                add(folder: argument, to: &listing)
            } else {
                listing.files.append(argument)
            }
        }
        return listing
    }

    /// Whether `path` is a folder itself, not a link to one.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func add(folder: String, to listing: inout Listing) {
        guard let directory = opendir(folder) else {
            listing.unlisted.append((folder, "cannot list the folder: " + String(cString: strerror(errno))))
            return
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for name in names.sorted() {
            let path = prefix + name
            if isFolder(path) {
                add(folder: path, to: &listing)
            } else {
                listing.files.append(path)
            }
        }
    }
}
