extension PlainTextExtractor {
    /// "###", "-انتهى-", "Sources": a wire's end mark or a wiki's sources heading ends the copy
    /// when what follows is a tail (an agency's "about" paragraph, a list of sources); the same
    /// marks set as a section break inside a text, or under a one-paragraph lead, have more of
    /// the text after them than a tail holds, and are only dropped.
    static func droppingSectionBreaks(_ lines: inout [Line]) {
        let marks = lines.indices.filter { index in
            guard lines[index].kind == .cue(.end), lines[index].cue == nil else { return false }
            let keyWords = BoilerplateLexicon.lineKeyWords(lines[index].text)
            return PassedOnChrome.isWireEndMark(lines[index].text, keyWords: keyWords) || PassedOnChrome.isWikiTrailer(keyWords: keyWords)
        }
        guard !marks.isEmpty else { return }
        let proseLetters = lines.map { $0.kind == .prose ? $0.shape.letters : 0 }
        for index in marks {
            let before = proseLetters[..<index].reduce(0, +)
            let after = proseLetters[(index + 1)...].reduce(0, +)
            if after * textOverTail > before { lines[index].kind = .cue(.drop) }
        }
    }

    /// How many times the text above an end mark outweighs a tail under it, at the least.
    static let textOverTail = 2
}
