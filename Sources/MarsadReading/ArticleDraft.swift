/// What an extractor found in a document, before the common finishing
/// (display form, derived title, language) turns it into a `ReadArticle`.
struct ArticleDraft {
    var title: String?
    var paragraphs: [String] = []
    /// The paragraphs are display forms, trimmed, already (lines of a plain-text page):
    /// the display form is idempotent, so finishing leaves them as they are. Whoever
    /// adds a paragraph of another kind to such a draft clears it.
    var paragraphsInDisplayForm = false
    var source: String?
    var credit: String?
    var author: String?
    var url: String?
    var published: String?
    var siteName: String?
    var recordIndex: Int?
}
