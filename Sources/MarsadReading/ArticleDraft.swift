/// What an extractor found in a document, before the common finishing
/// (display form, derived title, language) turns it into a `ReadArticle`.
struct ArticleDraft {
    var title: String?
    var paragraphs: [String] = []
    var source: String?
    var credit: String?
    var author: String?
    var url: String?
    var published: String?
    var siteName: String?
    var recordIndex: Int?
}
