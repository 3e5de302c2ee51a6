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
/// site chrome, attribution, bylines and date lines, in Arabic and English,
/// with trailing-section headings, read-also labels, source and date lines in
/// the other languages saved pages come in most.
struct BoilerplateLexicon: Sendable {
    struct Cue: Sendable {
        var kind: CueKind
        /// Match-key words of the cue.
        var words: [String]
        /// Written with a closing colon: a label that matches only alone or before a separator
        /// or a copyright sign ("Foto: dpa"), not as the first word of a heading ("Anzeige gegen Unbekannt").
        var isLabel = false
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
            cuesByFirstWord[first, default: []].append(Cue(kind: kind, words: words, isLabel: line.hasSuffix(":")))
        }
        for key in cuesByFirstWord.keys {
            cuesByFirstWord[key]?.sort { $0.words.count > $1.words.count }
        }
    }

    static func keyWords(_ text: String) -> [String] {
        lineKeyWords(text).all
    }

    /// ``keyWords(_:)`` as they lie in the line's key (the words joined by single spaces), in one pass.
    static func lineKeyWords(_ text: String) -> KeyWords {
        // Read from the key's bytes as the one pass writes them, without a string of the key.
        let runs = TextNormalizer.withMatchKeyWithoutComposing(text) { ScalarTable.wordRuns($0, lowering: true) }
            ?? {
                var key = TextNormalizer.matchKey(text)
                return key.withUTF8 { ScalarTable.wordRuns($0, lowering: true) }
            }()
        return KeyWords(key: runs.joined, ends: runs.ends, numbers: runs.numbers)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        ScalarTable.isAlphabetic(scalar) || ScalarTable.isNumeric(scalar) || (0x064B...0x065F).contains(scalar.value)
    }

    /// The cue a line starts with, when the line is that cue's kind of line.
    func match(_ line: String) -> CueMatch? {
        match(line, keyWords: Self.lineKeyWords(line))
    }

    /// ``match(_:)`` for a line whose match-key words the caller already has.
    func match(_ line: String, keyWords lineWords: KeyWords) -> CueMatch? {
        guard lineWords.count > 0, let candidates = cuesByFirstWord[lineWords.word(0)] else { return nil }
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
            // A label's words go on only after a separator or a copyright sign ("Photo © SPA").
            // So do a one-word cue's, but for bylines and date lines ("By Jane Doe", "Published
            // 3 May"), whose word is there to lead a name or a date: a heading or a sentence that
            // opens with the same word ("Kommentare aus der Opposition", "Quelle place pour les
            // syndicats", "which place ...") is no chrome line.
            let leadsWords = cue.kind == .author || cue.kind == .date
            let isLabel = cue.isLabel || (cue.words.count == 1 && !leadsWords)
            let labelGoesOn = !isLabel || rest.first == "\u{00A9}"
            if extraWords == 0 || separated || (extraWords <= allowedExtra && !endsWithPeriod && labelGoesOn) {
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

/// A line's match-key words as they lie in its key, each made a string only when a test
/// asks for it: most lines are prose, whose tests need only how many words there are and
/// the first one, and a string per word of every paragraph cost more than the tests.
struct KeyWords {
    /// The words joined by single spaces.
    let key: String
    /// Where each word ends in the key's UTF-8; the next starts after the space.
    let ends: [Int]
    /// How many words are made only of digits or other numbers (see ``isNumber(_:)``).
    let numbers: Int

    var count: Int { ends.count }

    func word(_ index: Int) -> String {
        withBytes(of: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every word, as ``BoilerplateLexicon/keyWords(_:)`` gives them.
    var all: [String] { ends.indices.map(word) }

    /// Whether the first words are `words`, one for one.
    func starts(with words: [String]) -> Bool {
        words.count <= count && words.indices.allSatisfy { word($0) == words[$0] }
    }

    /// Whether every scalar of the word is a digit or another number.
    func isNumber(_ index: Int) -> Bool {
        withBytes(of: index) { bytes in
            var offset = 0
            while offset < bytes.count {
                let (value, width) = UTF8Scalar.decode(bytes, at: offset)
                if !ScalarTable.isNumeric(value: value) { return false }
                offset += width
            }
            return true
        }
    }

    private func withBytes<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = index == 0 ? 0 : ends[index - 1] + 1
        var key = key
        return key.withUTF8 { body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
    }
}
