/// Picks the lead of a report: its first one or two real sentences.
///
/// Sentences end at Arabic and Latin terminal punctuation (؟ ؛ . ! ? ; …) and
/// at paragraph breaks; a period inside a number (3.5) or after a single
/// letter (U.S., د.) does not end one.
enum LeadSentences {
    /// A sentence shorter than this in words is a dateline or a byline.
    static let minimumWords = 5
    /// A first sentence shorter than this (in scalars) gets its successor.
    static let shortLead = 140
    static let maximumLength = 420

    static func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var sentences: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            let trimmed = String(current).trimmingWhitespace()
            if !trimmed.isEmpty { sentences.append(trimmed) }
            current = String.UnicodeScalarView()
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" {
                flush()
                index += 1
                continue
            }
            current.append(scalar)
            if isTerminal(scalar, at: index, in: scalars) {
                // Keep a run of terminal marks and closing quotes with the sentence.
                while index + 1 < scalars.count, isTrailing(scalars[index + 1]) {
                    index += 1
                    current.append(scalars[index])
                }
                flush()
            }
            index += 1
        }
        flush()
        return sentences
    }

    /// The extractive summary: the first substantial sentence, and the next
    /// one as well when the first is short.
    static func lead(of body: String) -> String {
        let candidates = sentences(body).filter { wordCount($0) >= minimumWords }
        guard let first = candidates.first else {
            return truncated(sentences(body).first ?? "")
        }
        var lead = withoutDateline(first)
        if lead.unicodeScalars.count < shortLead, candidates.count > 1,
           lead.unicodeScalars.count + candidates[1].unicodeScalars.count < maximumLength {
            lead += " " + candidates[1]
        }
        return truncated(lead)
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

    private static func isTerminal(_ scalar: Unicode.Scalar, at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        switch scalar {
        case "؟", "؛", "!", "?", ";", "…", "۔":
            return true
        case ".":
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            if (0x30...0x39).contains(next.value) || (0x0660...0x0669).contains(next.value) { return false }
            // A lone letter before the period is an initial or an abbreviation.
            let previous = index >= 1 ? scalars[index - 1] : " "
            let beforePrevious = index >= 2 ? scalars[index - 2] : " "
            if Tokenizer.isWordScalar(previous) && !Tokenizer.isWordScalar(beforePrevious) { return false }
            return true
        default:
            return false
        }
    }

    private static func isTrailing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "؟", "…", "\"", "”", "»", ")", "'", "’": return true
        default: return false
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
