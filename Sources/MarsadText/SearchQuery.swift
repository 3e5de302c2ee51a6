/// A search query as users write it, parsed: words that must all occur,
/// `OR` between such groups, `word*` (the same as `word`: every word is
/// matched as the beginning of the indexed stems) and `"two words"` for a
/// name of several words (all of them must occur; the index keeps no word
/// positions, so not necessarily side by side). Each word is normalised to the
/// match key, as the articles are; the search index stems it (``LightStemmer``).
///
/// ```swift
/// try SearchQuery.parse("لاجئين OR نازحين دمشق")
/// // two alternatives: [لاجيين] and [نازحين, دمشق]
/// ```
public struct SearchQuery: Sendable, Equatable {
    /// A word or a phrase of the query.
    public struct Term: Sendable, Equatable {
        /// What the user typed, for messages and for matching names.
        public var text: String
        /// The match-key tokens of the term; more than one for a quoted name.
        public var tokens: [String]
        /// Typed as `word*`: a beginning, not a word, so never an entity's name.
        public var isPrefix: Bool

        public init(text: String, tokens: [String], isPrefix: Bool) {
            self.text = text
            self.tokens = tokens
            self.isPrefix = isPrefix
        }

        /// The term as an FTS5 expression: each token quoted and matched as
        /// the beginning of indexed stems (the index's tokenizer stems it first,
        /// so لاجئين, اللاجئين and لاجئ* all look for stems beginning لاجي),
        /// all of them required.
        public var ftsExpression: String {
            // Tokens hold only letters, digits and joiners, never a double quote.
            let words = tokens.map { "\"" + $0 + "\" *" }
            return words.count == 1 ? words[0] : "(" + words.joined(separator: " AND ") + ")"
        }
    }

    /// Groups of terms that must all match; an article matches when any group does.
    public var alternatives: [[Term]]

    public init(alternatives: [[Term]]) {
        self.alternatives = alternatives
    }

    public var isEmpty: Bool { alternatives.isEmpty }

    /// Every term once, in query order.
    public var terms: [Term] {
        var seen: [Term] = []
        for term in alternatives.joined() where !seen.contains(term) { seen.append(term) }
        return seen
    }

    /// Parses a query; an empty text gives an empty query.
    public static func parse(_ text: String) throws(SearchQueryError) -> SearchQuery {
        var alternatives: [[Term]] = []
        var group: [Term] = []
        var pendingOr = false
        for piece in try pieces(of: text) {
            if case .bare("OR") = piece {
                guard !group.isEmpty, !pendingOr else { throw .misplacedOr }
                alternatives.append(group)
                group = []
                pendingOr = true
                continue
            }
            let (raw, quoted): (String, Bool)
            switch piece {
            case .bare(let word): (raw, quoted) = (word, false)
            case .quoted(let phrase): (raw, quoted) = (phrase, true)
            }
            var body = Substring(raw)
            var isPrefix = false
            while body.last == "*" {
                body = body.dropLast()
                isPrefix = true
            }
            let tokens = MatchKeyTokenizer.tokens(in: TextNormalizer.matchKey(String(body))).map { String($0.text) }
            guard !tokens.isEmpty else {
                if isPrefix { throw .emptyPrefix }
                if quoted { throw .emptyPhrase }
                continue  // punctuation alone
            }
            if quoted || tokens.count == 1 {
                group.append(Term(text: String(body), tokens: tokens, isPrefix: isPrefix))
            } else {
                // "al-Assad" or "1.5%" typed bare: each word must occur, the last may be a prefix.
                for (index, token) in tokens.enumerated() {
                    group.append(Term(text: token, tokens: [token], isPrefix: isPrefix && index == tokens.count - 1))
                }
            }
            pendingOr = false
        }
        if pendingOr { throw .misplacedOr }
        if !group.isEmpty { alternatives.append(group) }
        return SearchQuery(alternatives: alternatives)
    }

    enum Piece: Equatable {
        case bare(String)
        case quoted(String)
    }

    /// Splits on white space, keeping double-quoted phrases whole.
    static func pieces(of text: String) throws(SearchQueryError) -> [Piece] {
        var pieces: [Piece] = []
        var current = String.UnicodeScalarView()
        var inQuotes = false
        func flush() {
            if inQuotes {
                pieces.append(.quoted(String(current)))
            } else if !current.isEmpty {
                pieces.append(.bare(String(current)))
            }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                if inQuotes {
                    flush()
                    inQuotes = false
                } else {
                    flush()
                    inQuotes = true
                }
            } else if scalar == "*", inQuotes == false, current.isEmpty, case .quoted(let phrase)? = pieces.last {
                // `"two words"*`: the phrase ends in a prefix.
                pieces[pieces.count - 1] = .quoted(phrase + "*")
            } else if !inQuotes, scalar.properties.isWhitespace {
                flush()
            } else {
                current.append(scalar)
            }
        }
        if inQuotes { throw .unclosedQuote }
        flush()
        return pieces
    }
}

/// Why a search query cannot be understood, in words for the user.
public enum SearchQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    case misplacedOr
    case unclosedQuote
    case emptyPrefix
    case emptyPhrase

    public var description: String {
        switch self {
        case .misplacedOr: "OR needs words on both sides (for example: لاجئين OR نازحين)"
        case .unclosedQuote: "a phrase is missing its closing double quote"
        case .emptyPrefix: "a * must follow the beginning of a word (for example: لاجئ*)"
        case .emptyPhrase: "an empty phrase \"\" finds nothing"
        }
    }
}
