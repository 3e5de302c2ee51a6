extension PlainTextExtractor {
    /// Fewest words of the headline a "read also" link carries after its label.
    static let readAlsoHeadlineMinimumWords = 3

    /// "Related: headline", "مقالات ذات صلة: headline" between two paragraphs: a site sets one
    /// link to another article inside the text, label and headline on one line, and the text
    /// goes on under it. A heading that opens a list of related articles at the end stands
    /// alone on its line, or has no paragraph under it; only the link with its headline and
    /// prose on both sides is dropped rather than ending the text.
    static func droppingReadAlsoLinks(_ lines: inout [Line]) {
        for index in lines.indices where lines[index].kind == .cue(.end) {
            guard let cue = lines[index].cue, LineShape(cue.remainder).words >= readAlsoHeadlineMinimumWords,
                  !holdsCopyrightSign(lines[index].text),
                  let above = nearestTextLine(lines, from: index - 1, step: -1), lines[above].kind == .prose,
                  let below = nearestTextLine(lines, from: index + 1, step: 1), lines[below].kind == .prose else { continue }
            lines[index].kind = .cue(.drop)
        }
    }

    /// The nearest line from `start` on, stepping by `step`, that is not a dropped cue
    /// or noise (an advertisement's label between the link and the paragraph).
    private static func nearestTextLine(_ lines: [Line], from start: Int, step: Int) -> Int? {
        var index = start
        while lines.indices.contains(index) {
            if lines[index].kind != .cue(.drop), lines[index].kind != .noise { return index }
            index += step
        }
        return nil
    }
}

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
