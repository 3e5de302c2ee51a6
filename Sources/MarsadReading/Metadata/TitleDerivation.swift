import MarsadText

/// A title for an article that has none: its first sentence, shortened at
/// a clause boundary when long, as a reader would quote it.
enum TitleDerivation {
    static let maximumWords = 16

    static func title(fromFirstParagraph paragraph: String) -> String {
        let scalars = paragraph.scalarArray
        var end = scalars.count
        for index in scalars.indices {
            let value = scalars[index].value
            guard value == 0x2E || value == 0x21 || value == 0x3F || value == 0x061F else { continue }
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if value == 0x2E, previous.map({ DecimalDigit.isDigit($0.value) }) == true, next.map({ DecimalDigit.isDigit($0.value) }) == true { continue }
            if next == nil || next!.properties.isWhitespace {
                end = value == 0x2E ? index : index + 1
                break
            }
        }
        let sentence = Array(scalars[..<end])
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in sentence {
            if scalar.properties.isWhitespace {
                if !current.isEmpty { words.append(current) }
                current = []
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        guard words.count > maximumWords else { return render(words) }
        // Cut after the last clause comma within reach, else at the word limit.
        var cut = maximumWords
        for index in stride(from: maximumWords - 1, through: 5, by: -1) {
            if let last = words[index].last, last == "\u{060C}" || last == "," {
                cut = index + 1
                break
            }
        }
        var kept = Array(words[..<cut])
        // Never end inside a quotation the title does not close.
        if let open = lastUnclosedQuote(in: kept), open >= 5 { kept = Array(kept[..<open]) }
        if var last = kept.popLast() {
            while let mark = last.last, mark == "\u{060C}" || mark == "," { last.removeLast() }
            kept.append(last)
        }
        return render(kept) + "…"
    }

    private static func lastUnclosedQuote(in words: [[Unicode.Scalar]]) -> Int? {
        var openedAt: [Int] = []
        for (index, word) in words.enumerated() {
            for scalar in word {
                switch scalar {
                case "\u{201C}", "\u{00AB}": openedAt.append(index)
                case "\u{201D}", "\u{00BB}": _ = openedAt.popLast()
                default: break
                }
            }
        }
        return openedAt.last
    }

    private static func render(_ words: [[Unicode.Scalar]]) -> String {
        var view = String.UnicodeScalarView()
        for (index, word) in words.enumerated() {
            if index > 0 { view.append(" ") }
            view.append(contentsOf: word)
        }
        return String(view)
    }
}
