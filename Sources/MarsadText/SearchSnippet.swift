extension SearchQuery {
    /// A passage of `text` around the words the query matches, as the text
    /// spells them, each matched word between `highlight`'s marks, with "…"
    /// where the passage cuts the text. Nil when nothing in the text matches
    /// (only its first ``searchedBytes`` bytes are looked at).
    ///
    /// A word matches the way the search index matches it: one of its
    /// document stems begins with one of a query word's stems
    /// (``LightStemmer``), so the passage shows «اللاجئين» and «للاجئين» for
    /// `لاجئين`. The search index holds only stems of the match key, whose
    /// spelling (no hamza, ه for ة) is not for reading; the passage is cut
    /// from the stored text instead.
    ///
    /// `names` are names of several words (each as its match-key tokens), shown
    /// only where their words stand side by side: an entity found through a
    /// query word ("Obama") is shown where the text names it (باراك أوباما),
    /// and not wherever one of its words (الرئيس) occurs.
    ///
    /// The passage is `words` words long, centred on the first run of that
    /// many words that matches the most distinct query words and names, and
    /// then the most words.
    public func snippet(
        of text: String, names: [[String]] = [], words: Int = 16, highlight: (open: String, close: String) = ("[", "]")
    ) -> String? {
        // Every stem to look for, once: the query words' first, then those of the names' words.
        var stems = Self.queryStems(of: terms.flatMap(\.tokens))
        let wordStemCount = min(stems.count, 64)
        let nameMasks: [[UInt64]] = names.filter { !$0.isEmpty }.map { name in
            name.map { token in
                Self.queryStems(of: [token]).reduce(0) { mask, stem in
                    let index = stems.firstIndex(of: stem) ?? { stems.append(stem); return stems.count - 1 }()
                    return index < 64 ? mask | 1 << UInt64(index) : mask
                }
            }
        }
        guard wordStemCount > 0 || !nameMasks.isEmpty, words > 0 else { return nil }
        let searched = stems.prefix(64)
        let aligned = AlignedText(Self.opening(of: text, maxBytes: Self.searchedBytes))
        let tokens = aligned.tokens
        // For each token, the stems (by index) that one of its document stems begins with.
        let found: [UInt64] = aligned.matchKey.utf8.withContiguousStorageIfAvailable { key in
            tokens.map { token in
                let word = UnsafeBufferPointer(rebasing: key[token.utf8Range])
                var mask: UInt64 = 0
                LightStemmer.forEachDocumentStem(word) { stem in
                    for (index, searchedStem) in searched.enumerated() where word[stem].starts(with: searchedStem) {
                        mask |= 1 << UInt64(index)
                    }
                }
                return mask
            }
        } ?? []
        // For each token, the query words it matches and the names it is part of (a bit each; past 64 they share).
        let wordMask: UInt64 = wordStemCount == 64 ? ~0 : (1 << UInt64(wordStemCount)) - 1
        var matches = found.map { (words: $0 & wordMask, names: UInt64(0)) }
        for (number, name) in nameMasks.enumerated() where name.count <= tokens.count {
            for start in 0...(tokens.count - name.count) where name.indices.allSatisfy({ found[start + $0] & name[$0] != 0 }) {
                for index in start..<(start + name.count) { matches[index].names |= 1 << UInt64(number % 64) }
            }
        }
        let matched = matches.map { $0.words | $0.names != 0 }
        guard let firstMatch = matched.firstIndex(of: true) else { return nil }

        var best = (start: max(0, firstMatch - 2), distinct: 0, count: 0)
        for start in 0..<max(1, tokens.count - words + 1) {
            let window = start..<min(tokens.count, start + words)
            let distinct = window.reduce(0) { $0 | matches[$1].words }.nonzeroBitCount
                + window.reduce(0) { $0 | matches[$1].names }.nonzeroBitCount
            let count = window.count { matched[$0] }
            if distinct > best.distinct || (distinct == best.distinct && count > best.count) {
                best = (start, distinct, count)
            }
        }
        // The same matches, centred, so that the passage shows what leads to them and what follows.
        let chosen = best.start..<min(tokens.count, best.start + words)
        let first = chosen.first { matched[$0] }!
        let last = chosen.last { matched[$0] }!
        let start = max(0, min(tokens.count - words, (first + last) / 2 - words / 2))
        let range = start..<min(tokens.count, start + words)

        let display = Array(aligned.display.utf8)
        var passage: [UInt8] = range.lowerBound > 0 ? Array("… ".utf8) : []
        var position = aligned.displayUTF8Range(forKeyUTF8: tokens[range.lowerBound].utf8Range).lowerBound
        for index in range {
            let word = aligned.displayUTF8Range(forKeyUTF8: tokens[index].utf8Range)
            passage.append(contentsOf: display[position..<word.lowerBound])
            if matched[index] { passage.append(contentsOf: highlight.open.utf8) }
            passage.append(contentsOf: display[word])
            if matched[index] { passage.append(contentsOf: highlight.close.utf8) }
            position = word.upperBound
        }
        if range.upperBound < tokens.count { passage.append(contentsOf: " …".utf8) }
        return String(decoding: passage, as: UTF8.self)
    }

    /// How much of a text the passage is looked for in: aligning a text costs
    /// eight bytes a byte, and a file may hold megabytes of one article.
    static let searchedBytes = 100_000

    /// The text's first `maxBytes` bytes at most, cut between scalars.
    static func opening(of text: String, maxBytes: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > maxBytes else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: maxBytes)
        while end > utf8.startIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        return String(text[..<end])
    }

    /// The stems match-key tokens stand for as query words, each once, as UTF-8.
    private static func queryStems(of tokens: [String]) -> [[UInt8]] {
        var stems: [[UInt8]] = []
        for token in tokens {
            let bytes = Array(token.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                LightStemmer.forEachQueryStem(buffer) { stem in
                    let stem = Array(buffer[stem])
                    if !stem.isEmpty, !stems.contains(stem) { stems.append(stem) }
                }
            }
        }
        return stems
    }
}
