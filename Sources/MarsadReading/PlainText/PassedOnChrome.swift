import MarsadText

/// Lines that the tool or place an article was passed on through adds around
/// it, whatever the site: a wire's end mark, a search cache's or a web
/// archive's banner, a chat export's notice. Each has one fixed shape,
/// set by the tool that made it, not by the article's site.
enum PassedOnChrome {
    /// What a line the passing on added says: the article ended (a wire's end mark) or the line
    /// is no part of it; nil for any other line.
    static func cueKind(_ display: String, raw: () -> String, keyWords: KeyWords, shape: LineShape) -> CueKind? {
        if isWireEndMark(display, keyWords: keyWords) { return .end }
        if isSnapshotBanner(keyWords: keyWords) || isEncryptionNotice(keyWords: keyWords) {
            return .drop
        }
        return nil
    }

    /// Match-key words of the word a wire or a press release closes its copy with.
    private static let endWords: Set<String> = Set(["انتهى", "انتهي", "end", "ends"].flatMap { BoilerplateLexicon.keyWords($0) })

    /// "// انتهى //", "-انتهى-", "- انتهى -", "-Ends-", "— END —", "###": the mark a
    /// news agency or a press release sets under the last paragraph. The line
    /// holds the end word alone, set off by marks only, or is a row of "#": a
    /// sentence that merely says انتهى has other words and is never one.
    static func isWireEndMark(_ text: String, keyWords: KeyWords) -> Bool {
        if keyWords.count == 0 {
            let marks = text.unicodeScalars.filter { !ScalarTable.isWhitespace($0) }
            return marks.count >= 3 && marks.allSatisfy { $0 == "#" }
        }
        guard keyWords.count == 1, keyWords.numbers == 0, endWords.contains(keyWords.word(0)) else { return false }
        // No more marks than a wire sets around the word: two slashes, dashes or stops a side.
        return text.unicodeScalars.count <= keyWords.word(0).unicodeScalars.count + 8
    }

    /// Opening words of the notices a search engine's cache and a web archive set over the page
    /// they keep, as match-key words.
    private static let bannerOpenings: [[String]] = [
        "The current page could have changed in the meantime",
        "Tip: To quickly find your search term on this page",
        "archive.today webpage capture",
        "All snapshots from host",
        "Webpage Screenshot",
        "share download .zip report bug or abuse",
        "The Wayback Machine",
        "About this capture",
    ].map { BoilerplateLexicon.keyWords($0) }

    /// Words of a cache's row of links to other views of the page ("Full version Text-only version View source").
    private static let cacheViewWords: Set<String> = Set(["full", "version", "text", "only", "view", "source"])

    private static let cacheWords: Set<String> = ["cache", "cached"]

    /// "This is Google's cache of http://…. It is a snapshot of the page as it appeared on …",
    /// "The current page could have changed in the meantime. Learn more.", "archive.today webpage
    /// capture": the banner a search engine's cache or a web archive sets over a page it keeps.
    /// It is written as sentences, so it reads as prose and would open the article's text; it
    /// never belongs to the article.
    static func isSnapshotBanner(keyWords: KeyWords) -> Bool {
        guard keyWords.count >= 2, keyWords.count <= 60 else { return false }
        let first = keyWords.word(0)
        // Most lines open with none of the banners' first words: told before the list is made.
        guard first == "this" || first == "full" || bannerOpenings.contains(where: { $0.first == first }) else { return false }
        let words = keyWords.all
        if bannerOpenings.contains(where: { words.starts(with: $0) }) { return true }
        // "This is Google's cache of …", "This is the cached page of …".
        if words.starts(with: ["this", "is"]), words.dropFirst(2).prefix(3).contains(where: { cacheWords.contains($0) }) { return true }
        return words.count >= 4 && words.count <= 8 && words.allSatisfy { cacheViewWords.contains($0) }
    }

    private static let encryptionNotices: [[String]] = [
        "end-to-end encrypted",
        "مشفرة تماما بين الطرفين",
    ].map { BoilerplateLexicon.keyWords($0) }

    /// "10/08/2015, 10:02 - Messages and calls are end-to-end encrypted. No one outside of this
    /// chat …": the notice a chat export opens with, a sentence of the tool, not of the chat.
    static func isEncryptionNotice(keyWords: KeyWords) -> Bool {
        guard keyWords.count >= 4, keyWords.count <= 40 else { return false }
        // Most lines hold neither notice's last word: a byte search of the key says so first.
        guard encryptionNotices.contains(where: { keyHolds(keyWords.key, $0.last ?? "") }) else { return false }
        let words = keyWords.all
        return encryptionNotices.contains { notice in
            words.indices.contains { words[$0...].starts(with: notice) }
        }
    }

    /// Whether the key's UTF-8 holds the word's.
    private static func keyHolds(_ key: String, _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard !needle.isEmpty else { return false }
        var key = key
        return key.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
            }
            return false
        }
    }
}
