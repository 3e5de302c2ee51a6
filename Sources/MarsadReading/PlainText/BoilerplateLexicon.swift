import Foundation
import MarsadText

/// What a boilerplate cue says about the line it starts.
enum CueKind: String, Sendable, CaseIterable {
    case end, drop, source, author, date
}

/// A line recognised by a cue, with the text that follows the cue.
struct CueMatch: Equatable {
    var kind: CueKind
    /// The rest of the line after the cue and its separator, trimmed.
    var remainder: String
}

/// The cue lexicon shipped in `Resources/boilerplate.txt`: phrases that mark
/// site chrome, attribution, bylines and date lines, in Arabic and English.
struct BoilerplateLexicon: Sendable {
    struct Cue: Sendable {
        var kind: CueKind
        /// Match-key words of the cue.
        var words: [String]
    }

    private var cuesByFirstWord: [String: [Cue]] = [:]

    static let shipped: BoilerplateLexicon = {
        guard let url = Bundle.module.url(forResource: "boilerplate", withExtension: "txt", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "boilerplate", withExtension: "txt"),
              let data = try? Data(contentsOf: url)
        else {
            preconditionFailure("MarsadReading's boilerplate lexicon is missing from its resource bundle")
        }
        return BoilerplateLexicon(definition: String(decoding: data, as: UTF8.self))
    }()

    init(definition: String) {
        var kind: CueKind?
        for rawLine in definition.scalarWords(separatedBy: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                kind = CueKind(rawValue: String(String.UnicodeScalarView(line.unicodeScalars.dropFirst().dropLast())))
                continue
            }
            guard let kind else { continue }
            let words = Self.keyWords(line)
            guard let first = words.first else { continue }
            cuesByFirstWord[first, default: []].append(Cue(kind: kind, words: words))
        }
        for key in cuesByFirstWord.keys {
            cuesByFirstWord[key]?.sort { $0.words.count > $1.words.count }
        }
    }

    static func keyWords(_ text: String) -> [String] {
        keyWordsAndKey(text).words
    }

    /// ``keyWords(_:)``, and the words joined by single spaces (a line's key), in one pass.
    static func keyWordsAndKey(_ text: String) -> (words: [String], key: String) {
        let runs = ScalarTable.wordRuns(TextNormalizer.matchKey(text).lowercasedIfCased())
        return (runs.words, runs.joined)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        ScalarTable.isAlphabetic(scalar) || ScalarTable.isNumeric(scalar) || (0x064B...0x065F).contains(scalar.value)
    }

    /// The cue a line starts with, when the line is that cue's kind of line.
    func match(_ line: String) -> CueMatch? {
        match(line, keyWords: Self.keyWords(line))
    }

    /// ``match(_:)`` for a line whose match-key words the caller already has.
    func match(_ line: String, keyWords lineWords: [String]) -> CueMatch? {
        guard let first = lineWords.first, let candidates = cuesByFirstWord[first] else { return nil }
        let scalars = line.scalarArray
        let endsWithPeriod = scalars.last.map { $0 == "." } ?? false
        for cue in candidates where lineWords.starts(with: cue.words) {
            let extraWords = lineWords.count - cue.words.count
            let position = Self.scalarOffset(afterWords: cue.words.count, in: scalars)
            var rest = scalars[position...].drop { ScalarTable.isWhitespace($0) }
            let separated = rest.first.map { ":：-–—|.\u{060C}".unicodeScalars.contains($0) } ?? false
            if separated { rest = rest.dropFirst().drop { ScalarTable.isWhitespace($0) } }
            let remainder = String(String.UnicodeScalarView(rest)).trimmingWhitespace()
            let allowedExtra: Int
            switch cue.kind {
            case .end: allowedExtra = 4
            case .drop: allowedExtra = cue.words.count > 1 ? 30 : 3
            case .source: allowedExtra = 8
            case .author: allowedExtra = 8
            case .date: allowedExtra = 10
            }
            if extraWords == 0 || separated || (extraWords <= allowedExtra && !endsWithPeriod) {
                if (cue.kind == .source || cue.kind == .author) && remainder.isEmpty { continue }
                return CueMatch(kind: cue.kind, remainder: remainder)
            }
        }
        return nil
    }

    /// Offset just past the end of the first `count` words of the line,
    /// counting words the way `keyWords` does so the two stay in step.
    private static func scalarOffset(afterWords count: Int, in scalars: [Unicode.Scalar]) -> Int {
        var seen = 0
        var inWord = false
        for index in scalars.indices {
            let isWord = isWordScalar(scalars[index]) || scalars[index].value == 0x0640 || (0x200B...0x200F).contains(scalars[index].value)
            if inWord && !isWord && seen == count { return index }
            if isWord && !inWord { seen += 1 }
            inWord = isWord
        }
        return scalars.count
    }
}
