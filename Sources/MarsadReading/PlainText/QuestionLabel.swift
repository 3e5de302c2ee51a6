extension PlainTextExtractor {
    /// Match keys of the labels a question-and-answer or fatwa page sets over the asker's question.
    static let questionLabels: Set<String> = Set(["السؤال", "نص السؤال", "سؤال", "الاستفسار", "نص الاستفسار", "Question", "The question"]
        .map { BoilerplateLexicon.keyWords($0).joined(separator: " ") })

    /// "السؤال" over "هل من تفاصيل أكثر؟": a question-and-answer page heads the question it
    /// was asked with a label, under the page's own headline. The short line under the label is
    /// the asker's words, never the headline; the label heads nothing of the text either.
    /// Only above the text: inside it, such a label heads an interview's question, which is text.
    static func droppingLabelledQuestions(_ lines: inout [Line]) {
        for index in lines.indices.dropLast() {
            if lines[index].kind == .prose { return }
            guard lines[index].kind == .headline, questionLabels.contains(lines[index].key) else { continue }
            lines[index].kind = .cue(.drop)
            if lines[index + 1].kind == .headline { lines[index + 1].kind = .cue(.drop) }
        }
    }
}
