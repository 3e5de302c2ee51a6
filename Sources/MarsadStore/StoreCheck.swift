import GRDB

/// A database that failed its check: what SQLite found, and what to do about it.
public struct StoreDamage: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var detail: String
    public var description: String {
        "the database \(path) is damaged (\(detail)). Marsad does not start on a damaged database: "
            + "run `marsad rebuild` (with the same --config) to make a new one from the files in archive/; "
            + "the damaged one is kept aside"
    }
}

/// A database a newer Marsad has migrated: this one would record into it
/// without the newer schema's rules (how search rows are fed, new columns).
public struct StoreTooNew: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var unknownMigrations: [String]
    public var description: String {
        "the database \(path) was migrated by a newer Marsad (\(unknownMigrations.joined(separator: ", "))); "
            + "run that version, or make a database for this one with `marsad rebuild`"
    }
}

extension Store {
    /// Opens the database after `PRAGMA quick_check`, refusing a damaged one.
    public static func openChecked(path: String) throws -> Store {
        do {
            let store = try Store(path: path)
            let problems = try store.writer.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            guard problems == ["ok"] else { throw StoreDamage(path: path, detail: problems.prefix(3).joined(separator: "; ")) }
            return store
        } catch let error as DatabaseError
            where error.resultCode.primaryResultCode == .SQLITE_CORRUPT || error.resultCode.primaryResultCode == .SQLITE_NOTADB
        {
            throw StoreDamage(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }
}
