import MarsadText

/// Picks the lead of a report: its first one or two real sentences, without
/// a dateline.
enum LeadSentences {
    /// A sentence shorter than this in words is a dateline or a byline.
    static let minimumWords = 5
    /// A first sentence shorter than this (in scalars) gets its successor.
    static let shortLead = 140
    static let maximumLength = 420

    /// The first `limit` sentences of `text`, by MarsadText's splitter, which
    /// knows decimals, abbreviations and quotations. Only the opening of a
    /// long text is split: a lead is never further in.
    static func sentences(_ text: String, limit: Int = .max) -> [String] {
        let scalars = text.unicodeScalars
        let opening = scalars.index(scalars.startIndex, offsetBy: scannedScalars, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let prefix = opening == scalars.endIndex ? text : String(scalars[..<opening])
        var result: [String] = []
        for sentence in TextSegmenter.sentences(in: prefix) {
            if result.count >= limit { break }
            result.append(String(sentence))
        }
        return result
    }

    /// How many scalars of a report are split into sentences.
    static let scannedScalars = 1_000

    /// How far into a report its lead is looked for.
    static let scannedSentences = 8

    /// The extractive summary: the first substantial sentence, and the next
    /// one as well when the first is short.
    static func lead(of body: String) -> String {
        // Most reports open with two real sentences; look further only when they do not.
        var opening = sentences(body, limit: 2)
        var candidates = opening.filter { wordCount($0) >= minimumWords }
        if candidates.count < 2 && opening.count == 2 {
            opening = sentences(body, limit: scannedSentences)
            candidates = opening.filter { wordCount($0) >= minimumWords }
        }
        return lead(opening: opening, candidates: candidates)
    }

    /// The first `scannedSentences` sentences of a body: what both its lead and its first real
    /// sentence are taken from, split once when an article needs both.
    static func opening(of body: String) -> [String] {
        sentences(body, limit: scannedSentences)
    }

    /// `lead(of:)` from the body's `opening(of:)`: the same lead, as the first two candidates
    /// are the same whether two sentences or eight were split.
    static func lead(opening: [String]) -> String {
        lead(opening: opening, candidates: opening.filter { wordCount($0) >= minimumWords })
    }

    private static func lead(opening: [String], candidates: [String]) -> String {
        guard let first = candidates.first else {
            return truncated(opening.first ?? "")
        }
        var lead = withoutDateline(first)
        if lead.unicodeScalars.count < shortLead, candidates.count > 1,
           lead.unicodeScalars.count + candidates[1].unicodeScalars.count < maximumLength {
            lead += " " + candidates[1]
        }
        return truncated(lead)
    }

    /// The first sentence long enough to say what happened, without its dateline.
    static func firstRealSentence(of body: String) -> String {
        firstRealSentence(opening: sentences(body, limit: 3))
    }

    /// `firstRealSentence(of:)` from the body's `opening(of:)`.
    static func firstRealSentence(opening: [String]) -> String {
        let opening = opening.prefix(3)
        return withoutDateline(opening.first { wordCount($0) >= minimumWords } ?? opening.first ?? "")
    }

    /// «موسكو - », «إدلب (وكالات) - », «دمشق-سانا: »: where and from whom, not what happened.
    static func withoutDateline(_ sentence: String) -> String {
        let scalars = Array(sentence.unicodeScalars)
        let window = min(scalars.count, 40)
        guard let dash = scalars[0..<window].firstIndex(where: { $0 == "-" || $0 == "–" || $0 == "—" }),
              dash > 0
        else { return sentence }
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: scalars[0..<dash])
        guard wordCount(String(prefix)) <= 4 else { return sentence }
        var rest = Array(scalars[(dash + 1)...])
        let spaced = scalars[dash - 1] == " " || rest.first == " "
        // An agency name glued to the place by the dash ends at a colon.
        var agencyFound = false
        if let colon = rest.prefix(20).firstIndex(of: ":"), colon > 0 {
            var agency = String.UnicodeScalarView()
            agency.append(contentsOf: rest[0..<colon])
            if wordCount(String(agency)) <= 2 {
                rest = Array(rest[(colon + 1)...])
                agencyFound = true
            }
        }
        // «محادثات روسية-سورية»: a hyphen inside words is not a dateline.
        guard spaced || agencyFound else { return sentence }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: rest)
        let stripped = String(view).trimmingWhitespace()
        return wordCount(stripped) >= minimumWords ? stripped : sentence
    }

    static func truncated(_ text: String, to limit: Int = maximumLength) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > limit else { return text }
        var cut = limit
        while cut > limit / 2, scalars[cut] != " " { cut -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[0..<cut])
        return String(view).trimmingWhitespace() + "…"
    }

    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWord = Tokenizer.isWordScalar(scalar)
            if isWord && !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// The White_Space property, by table: the property lookup is slow on hot paths.
    var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
