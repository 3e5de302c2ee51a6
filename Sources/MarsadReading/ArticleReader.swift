import Foundation
import MarsadText

/// The format a document was recognised as, from its content.
public enum DocumentFormat: String, Sendable, Codable, Hashable {
    case text, html, json
}

/// One article found in a dropped file.
public struct ReadArticle: Sendable, Equatable, Codable {
    public var title: String
    /// Display form; paragraphs separated by a blank line.
    public var body: String
    /// Attribution such as a news agency ("المصدر: …") or the record's source field.
    public var source: String?
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

    public init(
        title: String, body: String, source: String? = nil, author: String? = nil, url: String? = nil,
        published: String? = nil, siteName: String? = nil, language: Language, format: DocumentFormat,
        encoding: String, recordIndex: Int? = nil
    ) {
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
        case empty, binary, encoding, malformed, noArticle
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}

/// MarsadReading owns turning the bytes of a dropped file into articles:
/// format and encoding detection, HTML and JSON parsing, separating the
/// article from page boilerplate, and metadata extraction. It does no I/O.
public struct ArticleReader: Sendable {
    public init() {}

    public func read(_ bytes: [UInt8], fileName: String) throws(ReadingError) -> [ReadArticle] {
        if bytes.isEmpty { throw ReadingError(.empty, "the file is empty") }
        if bytes.contains(0) { throw ReadingError(.binary, "the file holds binary data (NUL bytes), not text") }
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        guard let text = String(validating: content, as: UTF8.self) else {
            throw ReadingError(.encoding, "the file is not valid UTF-8")
        }
        let lines = TextNormalizer.displayForm(text)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard let title = lines.first else { throw ReadingError(.noArticle, "the file holds no text") }
        let body = lines.dropFirst().joined(separator: "\n\n")
        return [ReadArticle(
            title: title, body: body, language: LanguageIdentifier.identify(text),
            format: .text, encoding: "UTF-8"
        )]
    }
}
