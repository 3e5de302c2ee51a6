import MarsadText

/// The format a document was recognised as, from its content.
public enum DocumentFormat: String, Sendable, Codable, Hashable {
    case text, html, json
    /// TREC-style `<DOC>` collections, as the ANT corpus ships.
    case trec
}

/// One article found in a dropped file.
public struct ReadArticle: Sendable, Equatable, Codable {
    public var title: String
    /// Display form; paragraphs separated by a blank line.
    public var body: String
    /// The outlet that published the article: the record's source field, an
    /// attribution line naming an outlet ("المصدر: …"), or a line of the page
    /// that is a known outlet's name. Never a wire service: see `credit`.
    public var source: String?
    /// A wire service or agencies credited for the text ("وكالات", "رويترز",
    /// "أ ف ب", "سانا"), kept apart from the outlet.
    public var credit: String?
    public var author: String?
    public var url: String?
    /// ISO 8601: `YYYY-MM-DD` or a full date-time, as precise as the document says.
    public var published: String?
    public var siteName: String?
    public var language: Language
    public var format: DocumentFormat
    /// The encoding the bytes were decoded from, such as `UTF-8` or `windows-1256`.
    public var encoding: String
    /// Position of the record in a multi-record file (JSON arrays and lines), else nil.
    public var recordIndex: Int?
    /// ``TextNormalizer/matchKey(_:)`` of the title and of the body, when reading worked
    /// them out to tell the language: the pipeline takes them rather than normalizing the
    /// text again.
    package var matchKeys: MatchKeys?

    package struct MatchKeys: Sendable, Equatable, Codable {
        package var title: String
        package var body: String
    }

    public init(
        title: String, body: String, source: String? = nil, author: String? = nil, url: String? = nil,
        published: String? = nil, siteName: String? = nil, language: Language, format: DocumentFormat,
        encoding: String, recordIndex: Int? = nil, credit: String? = nil
    ) {
        self.credit = credit
        self.title = title
        self.body = body
        self.source = source
        self.author = author
        self.url = url
        self.published = published
        self.siteName = siteName
        self.language = language
        self.format = format
        self.encoding = encoding
        self.recordIndex = recordIndex
    }
}

/// Why a file could not be read, in plain words for the failure sidecar.
public struct ReadingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// The file has no bytes, or only white space.
        case empty
        /// The file is not text: an image, archive, executable, or holds NUL bytes.
        case binary
        /// The bytes do not decode confidently in any encoding Marsad reads.
        case encoding
        /// The structure is broken: truncated or damaged JSON, a TREC file without documents.
        case malformed
        /// The file was read but holds nothing that is an article.
        case noArticle
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}

/// Everything read from one file: its articles, and what was noticed but
/// did not stop the reading (a truncated tail, skipped records, damaged
/// UTF-8 bytes replaced).
public struct ReadDocument: Sendable, Equatable {
    public var articles: [ReadArticle]
    /// Plain-words notes for the ledger, such as "the JSON is truncated at byte 5123; …"
    /// or "the file is UTF-8 but for 2 damaged bytes, …; the first at byte offset 97100".
    public var warnings: [String]
    public var format: DocumentFormat
    public var encoding: String
    /// What the page adds to its site's template, for pages (HTML and
    /// plain text) whose lines can repeat across a site; nil for records.
    public var siteEvidence: SiteEvidence?
}

/// MarsadReading owns turning the bytes of a dropped file into articles:
/// format and encoding detection, HTML and JSON parsing, separating the
/// article from page boilerplate, and metadata extraction. It does no I/O.
public struct ArticleReader: Sendable {
    let lexicon: BoilerplateLexicon
    /// Match keys of the outlets' names the reader was told of: a line naming
    /// one under a headline is the outlet, not the article's writer.
    let outletKeys: Set<String>

    /// `outletNames` are the names outlets go by (the sources file's), so
    /// that a page's line naming its outlet is not taken for a byline.
    public init(outletNames: [String] = []) {
        lexicon = BoilerplateLexicon.shipped
        outletKeys = Set(outletNames.map(HTMLMetadata.key).filter { !$0.isEmpty })
    }

    public func read(_ bytes: [UInt8], fileName: String) throws(ReadingError) -> [ReadArticle] {
        try readDocument(bytes, fileName: fileName).articles
    }

    /// Reads a file; `templates` are what earlier pages taught about each
    /// site's chrome (the daemon keeps them; a one-off read passes none).
    public func readDocument(_ bytes: [UInt8], fileName: String, templates: SiteTemplateBook = .empty) throws(ReadingError) -> ReadDocument {
        try readDocument(bytes, fileName: fileName, templates: templates, savedAt: nil)
    }

    /// ``readDocument(_:fileName:templates:)`` for a page whose saving (or
    /// arrival) time is known, in seconds since 1970: a relative timestamp
    /// on it ("منذ 3 ساعات") then becomes its publication time. `utcOffset`
    /// is the seconds east of UTC of the zone dates are counted in, at that
    /// moment: "أمس" is the day before the saving day on that zone's calendar.
    public func readDocument(
        _ bytes: [UInt8], fileName: String, templates: SiteTemplateBook = .empty, savedAt: Int?, utcOffset: Int = 0
    ) throws(ReadingError) -> ReadDocument {
        if bytes.isEmpty { throw ReadingError(.empty, "the file is empty") }
        if let kind = BinarySniffer.identify(bytes) {
            throw ReadingError(.binary, "the file is \(kind), not an article")
        }
        let markupLike = FormatDetector.looksLikeMarkup(bytes)
        let declared = markupLike ? TextDecoder.declaredHTMLCharsets(bytes) : (encoding: nil, unreadLabel: nil)
        let decoded = try TextDecoder.decode(
            bytes, declared: declared.encoding, unreadLabel: declared.unreadLabel,
            language: markupLike ? TextDecoder.declaredHTMLLanguage(bytes) : nil
        )
        let text = decoded.text
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw ReadingError(.empty, "the file holds only white space")
        }
        if !Self.holdsWords(text) {
            throw ReadingError(.empty, "the file holds no text: no letter or digit, only marks such as diacritics or tatweel, punctuation or symbols")
        }
        var format = FormatDetector.detect(text, fileName: fileName)
        var warnings = decoded.repairNote.map { [$0] } ?? []
        var drafts: [ArticleDraft]
        var evidence: SiteEvidence?
        switch format {
        case .json:
            // A text that merely opens with a bracket is read as any other text.
            let asText = { (evidence: inout SiteEvidence?) in
                [PlainTextExtractor(lexicon: lexicon, templates: templates, savedAt: savedAt, utcOffset: utcOffset)
                    .extract(text, evidence: &evidence)]
            }
            do {
                let records = try JSONRecordReader.read(text)
                warnings += records.warnings
                drafts = records.drafts
            } catch let error where FormatDetector.mayBeTextStartingWithBracket(text, fileName: fileName, error: error) {
                // "[صور] …" or "{عاجل} …": an article that merely starts with a bracket.
                format = .text
                drafts = asText(&evidence)
            }
        case .trec:
            drafts = try TRECReader.read(text)
        case .html:
            let extractor = HTMLArticleExtractor(lexicon: lexicon, templates: templates, savedAt: savedAt, utcOffset: utcOffset)
            drafts = [extractor.extract(text, evidence: &evidence)]
        case .text:
            drafts = [PlainTextExtractor(lexicon: lexicon, templates: templates, savedAt: savedAt, utcOffset: utcOffset).extract(text, evidence: &evidence)]
        }
        var articles: [ReadArticle] = []
        var emptyRecords = 0
        for draft in drafts {
            if let article = finish(draft, format: format, encoding: decoded.encoding) {
                articles.append(article)
            } else {
                emptyRecords += 1
            }
        }
        if articles.isEmpty {
            let what = switch format {
            case .json: drafts.isEmpty ? "the JSON holds no records" : "none of the \(drafts.count) JSON records has a title or a text"
            case .trec: "the TREC documents have no title or text"
            case .html: "the HTML page has no article text"
            case .text: "the file holds no article text"
            }
            throw ReadingError(.noArticle, what)
        }
        if emptyRecords > 0 {
            warnings.append("\(emptyRecords) of \(drafts.count) records had neither a title nor a text and were skipped")
        }
        return ReadDocument(
            articles: articles, warnings: warnings, format: format, encoding: decoded.encoding.rawValue, siteEvidence: evidence
        )
    }

    /// Whether `text` has a letter or a digit: diacritics are marks, and tatweel
    /// only stretches a word, so neither makes text on its own.
    static func holdsWords(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber:
                true
            case .modifierLetter:
                scalar.value != 0x0640
            default:
                false
            }
        }
    }

    private func finish(_ draft: ArticleDraft, format: DocumentFormat, encoding: TextEncoding) -> ReadArticle? {
        let paragraphs = draft.paragraphsInDisplayForm
            ? draft.paragraphs.filter { !$0.isEmpty }
            : draft.paragraphs.map { TextNormalizer.displayForm($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        var title = draft.title.map { TextNormalizer.displayForm($0).trimmingWhitespace() } ?? ""
        if title.isEmpty, let first = paragraphs.first {
            title = TitleDerivation.title(fromFirstParagraph: first)
        }
        guard Self.holdsWords(title) || paragraphs.contains(where: Self.holdsWords) else { return nil }
        let body = paragraphs.joined(separator: "\n\n")
        func clean(_ value: String?) -> String? {
            guard let value else { return nil }
            let cleaned = TextNormalizer.displayForm(value).trimmingWhitespace()
            return cleaned.isEmpty ? nil : cleaned
        }
        let siteName = clean(draft.siteName)
        let people = Attribution.sort(
            source: clean(draft.source), author: clean(draft.author), credit: clean(draft.credit), siteName: siteName,
            outletKeys: outletKeys
        )
        var article = ReadArticle(
            title: title, body: body, source: people.source, author: people.author,
            url: draft.url.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }, published: clean(draft.published), siteName: siteName,
            language: .other, format: format,
            encoding: encoding.rawValue, recordIndex: draft.recordIndex, credit: people.credit
        )
        // The key of title and body as one text is the keys of the two joined by the line
        // break, where neither needs composing (composition is done for the whole text) and
        // the whole text is the identifier's sample: then both keys are worked out once here.
        if title.utf8.count + 1 + body.utf8.count <= LanguageIdentifier.sampleBytes,
           let titleKey = TextNormalizer.matchKeyWithoutComposing(title), let bodyKey = TextNormalizer.matchKeyWithoutComposing(body) {
            article.language = LanguageIdentifier.identify(matchKey: titleKey + "\n" + bodyKey)
            article.matchKeys = ReadArticle.MatchKeys(title: titleKey, body: bodyKey)
        } else {
            article.language = LanguageIdentifier.identify(title + "\n" + body)
        }
        return article
    }
}
