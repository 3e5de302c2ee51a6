import GRDB
import MarsadReading
import Synchronization

/// Per-site fingerprints of repeated lines, learned from the files that
/// arrive and kept in SQLite so that they survive restarts. Each site
/// keeps at most `linesPerSite` lines; the least recently seen go first.
/// Reads are served from a snapshot in memory, rebuilt after each update.
public final class SiteTemplateStore: Sendable {
    public let writer: DatabasePool
    public let linesPerSite: Int
    private let snapshot: Mutex<SiteTemplateBook?> = Mutex(nil)
    /// Evidence of files read but not yet recorded, by claim name.
    private let held: Mutex<[String: SiteEvidence]> = Mutex([:])

    public init(store: Store, linesPerSite: Int = 10_000) {
        writer = store.writer
        self.linesPerSite = linesPerSite
    }

    /// The templates as they stand, for the reader.
    public func book() throws -> SiteTemplateBook {
        if let book = snapshot.withLock({ $0 }) { return book }
        let book = try writer.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT site, hash FROM siteLine WHERE pages >= ?", arguments: [SiteTemplate.minimumPages]
            )
            var lines: [String: Set<UInt64>] = [:]
            for row in rows {
                let hash: Int64 = row["hash"]
                lines[row["site"], default: []].insert(UInt64(bitPattern: hash))
            }
            return SiteTemplateBook(lines.map { SiteTemplate(site: $0.key, chromeLines: $0.value) })
        }
        snapshot.withLock { $0 = book }
        return book
    }

    /// Counts each page's lines for its site, in one transaction, and
    /// trims every site it touched back to its bound.
    public func learn(_ pages: [SiteEvidence]) throws {
        guard !pages.isEmpty else { return }
        try writer.write { db in
            var touched = Set<String>()
            // Prepared once per connection, not once per page: compiling them was most of the cost.
            let countPage = try db.cachedStatement(sql: """
                INSERT INTO site(name, pages) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET pages = pages + 1
                RETURNING pages
                """)
            let countLine = try db.cachedStatement(sql: """
                INSERT INTO siteLine(site, hash, pages, lastSeen) VALUES (?, ?, 1, ?)
                ON CONFLICT(site, hash) DO UPDATE SET pages = pages + 1, lastSeen = excluded.lastSeen
                """)
            for page in pages {
                let seen = try Int.fetchOne(countPage, arguments: [page.site]) ?? 1
                for fingerprint in page.lineFingerprints {
                    try countLine.execute(arguments: [page.site, Int64(bitPattern: fingerprint), seen])
                }
                touched.insert(page.site)
            }
            // Only the excess is sorted out and deleted: ordering all of a site's lines to keep the
            // newest took as long as all the chunk's other learning together.
            let countLines = try db.cachedStatement(sql: "SELECT count(*) FROM siteLine WHERE site = ?")
            for site in touched {
                let lines = try Int.fetchOne(countLines, arguments: [site]) ?? 0
                guard lines > linesPerSite else { continue }
                try db.execute(sql: """
                    DELETE FROM siteLine WHERE site = ?1 AND hash IN (
                        SELECT hash FROM siteLine WHERE site = ?1 ORDER BY lastSeen, pages LIMIT ?2)
                    """, arguments: [site, lines - linesPerSite])
            }
        }
        snapshot.withLock { $0 = nil }
    }

    /// Keeps a read file's evidence until the file's fate is recorded.
    public func hold(_ evidence: SiteEvidence?, claim: String) {
        guard let evidence else { return }
        held.withLock { $0[claim] = evidence }
    }

    /// Learns from the held evidence of the files just recorded, and lets
    /// go of the evidence of every file decided otherwise: a duplicate
    /// would count its lines twice.
    public func learn(from entries: [LedgerEntry]) throws {
        let pages = held.withLock { held -> [SiteEvidence] in
            entries.compactMap { entry in
                let evidence = held.removeValue(forKey: entry.claimName)
                return entry.fate == .recorded ? evidence : nil
            }
        }
        try learn(pages)
    }

    /// How many lines a site keeps, for tests and status.
    public func lineCount(site: String) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM siteLine WHERE site = ?", arguments: [site]) ?? 0
        }
    }
}
