import Foundation
import MarsadReading
import MarsadTagging
import MarsadText

/// An article read from a file and tagged.
public struct ProcessedArticle: Sendable {
    public var article: ReadArticle
    public var tags: TaggingResult
    // The keys, their hash and their search terms are set together, once:
    // a key changed alone would index stems that no longer match it.
    /// Match key of the title, for search and clustering.
    public private(set) var titleKey: String
    /// Match key of the body, for search and clustering.
    public private(set) var bodyKey: String
    /// SHA-256 of the match keys: the same news in other bytes has the same hash.
    /// Computed here, on the parsing threads, and not inside the write transaction.
    public private(set) var contentHash: String
    /// The stems the search index takes from title and body (``SearchTerms``), worked out here
    /// when asked, so that the one writer only indexes them.
    private var precomputedTerms: (title: String, body: String)?

    public var titleTerms: String { precomputedTerms?.title ?? SearchTerms.document(titleKey) }
    public var bodyTerms: String { precomputedTerms?.body ?? SearchTerms.document(bodyKey) }

    public init(article: ReadArticle, tags: TaggingResult, titleKey: String, bodyKey: String, precomputingSearchTerms: Bool = true) {
        self.article = article
        self.tags = tags
        self.titleKey = titleKey
        self.bodyKey = bodyKey
        // The keys joined by a line break, hashed where they lie rather than joined.
        var hasher = SHA256()
        hasher.update(utf8Of: titleKey)
        hasher.update([0x0A])
        hasher.update(utf8Of: bodyKey)
        contentHash = hasher.finalizeHex()
        if precomputingSearchTerms { precomputedTerms = (SearchTerms.document(titleKey), SearchTerms.document(bodyKey)) }
    }
}

/// What a file held: its articles, and notes on what could not be used.
public struct ProcessedDocument: Sendable {
    public var articles: [ProcessedArticle]
    public var warnings: [String]
    /// What the file adds to its site's template (see ``SiteEvidence``).
    public var siteEvidence: SiteEvidence? = nil
}

/// The stage at which a file failed, for the failure sidecar.
public enum PipelineStage: String, Sendable, Codable {
    case claim, read, parse, tag, store
}

public struct PipelineFailure: Error, Sendable, CustomStringConvertible {
    public var stage: PipelineStage
    public var message: String
    public init(stage: PipelineStage, message: String) {
        self.stage = stage
        self.message = message
    }
    public var description: String { message }
}

/// MarsadCore owns the pure pipeline from a file's bytes to tagged articles,
/// composing reading and tagging; the daemon, the store and the command line
/// all go through it so that one file is understood the same way everywhere.
public struct Pipeline: Sendable {
    public let reader: ArticleReader
    public let tagger: Tagger

    public init(reader: ArticleReader = ArticleReader(), tagger: Tagger) {
        self.reader = reader
        self.tagger = tagger
    }

    public func process(_ bytes: [UInt8], fileName: String) -> Result<[ProcessedArticle], PipelineFailure> {
        processDocument(bytes, fileName: fileName).map(\.articles)
    }

    /// The articles of a file with the reader's notes about it (a truncated
    /// JSON file whose complete records were kept, say). `savedAt`, when the
    /// file's saving time is known (seconds since 1970), dates a page that
    /// only says "منذ 3 ساعات"; "أمس" on it is the day before on the
    /// calendar of `timeZone` (the configured one).
    public func processDocument(
        _ bytes: [UInt8], fileName: String, templates: SiteTemplateBook = .empty, savedAt: Int? = nil,
        timeZone: TimeZone = .gmt
    ) -> Result<ProcessedDocument, PipelineFailure> {
        let document: ReadDocument
        let utcOffset = savedAt.map { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0))) } ?? 0
        do {
            document = try reader.readDocument(
                bytes, fileName: fileName, templates: templates, savedAt: savedAt, utcOffset: utcOffset
            )
        } catch {
            return .failure(PipelineFailure(stage: .parse, message: error.message))
        }
        // A file of very many articles (a day in one JSON array) is held whole until it is
        // recorded: its stems are left to the writer, one article at a time, so that they do
        // not add to that peak.
        let precomputing = document.articles.count <= Self.mostArticlesWithPrecomputedTerms
        return .success(ProcessedDocument(articles: document.articles.map { read in
            var article = read
            // The keys reading worked out, else the same keys worked out here.
            article.matchKeys = nil
            return ProcessedArticle(
                article: article,
                tags: tagger.tag(TaggingInput(title: article.title, body: article.body, published: article.published)),
                titleKey: read.matchKeys?.title ?? TextNormalizer.matchKey(article.title),
                bodyKey: read.matchKeys?.body ?? TextNormalizer.matchKey(article.body),
                precomputingSearchTerms: precomputing
            )
        }, warnings: document.warnings, siteEvidence: document.siteEvidence))
    }

    static let mostArticlesWithPrecomputedTerms = 1_000
}
