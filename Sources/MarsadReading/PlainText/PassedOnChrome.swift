import MarsadText

/// Lines that the tool or place an article was passed on through adds around
/// it, whatever the site: a wire's end mark. It has one fixed shape,
/// set by the tool that made it, not by the article's site.
enum PassedOnChrome {
    /// What a line the passing on added says: the article ended (a wire's end mark); nil for any other line.
    static func cueKind(_ display: String, raw: () -> String, keyWords: KeyWords, shape: LineShape) -> CueKind? {
        if isWireEndMark(display, keyWords: keyWords) { return .end }
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
}
