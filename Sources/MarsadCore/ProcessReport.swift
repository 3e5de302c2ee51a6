/// The one-line JSON record `marsad process` prints per article or failed file.
/// Its keys are a stable interface that evaluation scripts rely on.
public struct ProcessReport: Codable, Sendable {
    public struct TopicScore: Codable, Sendable {
        public var id: String
        public var score: Double
    }
    public struct EntityCount: Codable, Sendable {
        public var id: String
        public var type: String
        public var name: String
        public var count: Int
    }
    public var file: String
    public var status: String
    public var error: String?
    public var stage: String?
    public var title: String?
    public var body: String?
    public var source: String?
    /// A wire service credited for the text, apart from the outlet.
    public var credit: String?
    public var site: String?
    public var author: String?
    public var url: String?
    public var published: String?
    public var language: String?
    public var format: String?
    public var encoding: String?
    public var record: Int?
    public var topics: [TopicScore]
    public var entities: [EntityCount]

    public init(file: String, article: ProcessedArticle) {
        self.file = file
        status = "ok"
        title = article.article.title
        body = article.article.body
        source = article.article.source
        credit = article.article.credit
        site = article.article.siteName
        author = article.article.author
        url = article.article.url
        published = article.article.published
        language = article.article.language.rawValue
        format = article.article.format.rawValue
        encoding = article.article.encoding
        record = article.article.recordIndex
        topics = article.tags.topics.map { TopicScore(id: $0.id, score: ($0.score * 1000).rounded() / 1000) }
        entities = article.tags.entities.map {
            EntityCount(id: $0.id, type: $0.type.rawValue, name: $0.name, count: $0.count)
        }
    }

    public init(file: String, failure: PipelineFailure) {
        self.file = file
        status = "failed"
        error = failure.message
        stage = failure.stage.rawValue
        topics = []
        entities = []
    }
}
