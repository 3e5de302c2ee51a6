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
