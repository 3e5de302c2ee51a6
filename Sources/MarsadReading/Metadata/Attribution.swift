import MarsadText

/// Who stands behind an article's text, told apart: the outlet that
/// published it, a wire service credited for it ("وكالات", "رويترز",
/// "أ ف ب"), and its writer. A wire credit is not the outlet, and an
/// outlet's name is never its author.
enum Attribution {
    /// Names of wire services and state news agencies, and the generic
    /// "agencies" credit, in Arabic and English, as match-key word lists.
    static let wireNames: [[String]] = [
        "وكالات", "الوكالات", "وكالات الأنباء", "رويترز", "أ ف ب", "ا ف ب", "أ.ف.ب", "فرانس برس", "فرانس پرس", "أسوشيتد برس",
        "اسوشيتد برس", "أسوشيتدبرس", "أ ب", "د ب أ", "د.ب.أ", "الأناضول", "الاناضول", "سانا", "واس", "قنا", "وام", 
        "كونا", "سبأ", "بترا", "وفا", "تاس", "إيتار تاس", "سبوتنيك", "نوفوستي", "ريا نوفوستي", "شينخوا", "إرنا",
        "ارنا", "تسنيم", "الأنباء الألمانية", "يونهاب", "كيودو", "إفي", "أكي", "آكي", "وأج", "ومال",
        "agencies", "wires", "reuters", "afp", "ap", "associated press", "dpa", "anadolu", "anadolu agency", "sana", "spa",
        "qna", "wam", "kuna", "bna", "petra", "wafa", "tass", "ria novosti", "sputnik", "xinhua", "irna", "efe", "ansa",
        "kyodo", "yonhap", "upi", "bloomberg", 
    ].map { BoilerplateLexicon.keyWords($0) }.filter { !$0.isEmpty }

    /// Photo agencies, whose names stand under pictures rather than over texts.
    static let photoAgencyNames: [[String]] = [
        "getty images", "getty", "epa", "shutterstock", "alamy", "ap photo", "afp photo", "reuters pictures",
    ].map { BoilerplateLexicon.keyWords($0) }

    /// Whether `text` is a photo agency's name ("Getty Images"), on its own.
    static func isPhotoAgency(_ text: String) -> Bool {
        photoAgencyNames.contains(BoilerplateLexicon.keyWords(text))
    }

    /// Words that may surround agency names in a credit: "وكالة الأنباء
    /// السورية (سانا)", "Reuters/AFP", "وكالات - دمشق".
    static let creditFiller: Set<String> = Set([
        "وكالة", "وكالات", "الأنباء", "الانباء", "أنباء", "انباء", "news", "agency", "and", "و", "with", "by", "via", "عن",
        "نقلا", "بتصرف", "مواقع", "ومواقع", "staff", "and", "the", "press", "خاص",
    ].flatMap { BoilerplateLexicon.keyWords($0) })

    /// The wire credit a short attribution names, such as "(وكالات)",
    /// "رويترز - أ ف ب" or "دمشق - سانا", with the place left out; nil
    /// when it names something else, such as an outlet or a person.
    static func wireCredit(_ text: String) -> String? {
        let words = BoilerplateLexicon.keyWords(text)
        guard !words.isEmpty, words.count <= 10 else { return nil }
        var index = 0
        var matched = 0
        var firstMatch: Int?
        while index < words.count {
            if let name = wireNames.filter({ words[index...].starts(with: $0) }).max(by: { $0.count < $1.count }) {
                matched += 1
                if firstMatch == nil { firstMatch = index }
                index += name.count
            } else {
                index += 1
            }
        }
        guard matched > 0 else { return nil }
        let credit = PlainTextExtractor.stripBrackets(text)
        // "دمشق - سانا": a dateline's place before the dash is not part of the credit.
        for separator in [" - ", " – ", " — "] where credit.contains(separator) {
            let parts = credit.components(separatedByString: separator)
            let wireParts = parts.filter { isWireCredit($0) }
            if !wireParts.isEmpty, wireParts.count < parts.count {
                return wireParts.map(PlainTextExtractor.stripBrackets).joined(separator: separator)
            }
        }
        // Every word is an agency name or filler: the whole line is the credit.
        let unknown = words.filter { word in
            !creditFiller.contains(word) && !wireNames.contains { $0.contains(word) }
                && !word.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
        }
        return unknown.isEmpty ? credit : nil
    }

    /// "الجزيرة + وكالات" → the outlet "الجزيرة" and the credit "وكالات":
    /// an attribution listing an outlet beside wire services.
    static func splitOutletAndWires(_ text: String) -> (outlet: String?, credit: String)? {
        if let credit = wireCredit(text) { return (nil, credit) }
        var parts = [text]
        for separator in [" + ", "+", " / ", "\u{060C}", ",", " & "] {
            parts = parts.flatMap { $0.components(separatedByString: separator) }
        }
        parts = parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard parts.count >= 2 else { return nil }
        let wires = parts.compactMap(wireCredit)
        guard !wires.isEmpty, wires.count < parts.count else { return nil }
        let outlets = parts.filter { wireCredit($0) == nil }
        return (outlets.joined(separator: " + "), wires.joined(separator: "\u{060C} "))
    }

    /// Whether every word of a part is an agency's name or credit filler ("رويترز", "د ب أ", "وكالات").
    static func isWireCredit(_ part: String) -> Bool {
        let words = BoilerplateLexicon.keyWords(part)
        return !words.isEmpty && words.allSatisfy { word in creditFiller.contains(word) || wireNames.contains { $0.contains(word) } }
    }

    /// Whether a name is an outlet's: the page's site name, the record's
    /// source, or one of the outlets the reader was told of (by match key).
    static func isOutlet(_ name: String, known: [String?], outletKeys: Set<String>) -> Bool {
        let key = HTMLMetadata.key(name)
        guard !key.isEmpty else { return false }
        return known.contains { $0.map(HTMLMetadata.key) == key } || outletKeys.contains(key)
    }

    /// Who is who, once a document is read: a wire service named as the
    /// source or as the author becomes the credit; an outlet named as the
    /// author becomes the source.
    static func sort(
        source: String?, author: String?, credit: String?, siteName: String?, outletKeys: Set<String>
    ) -> (source: String?, author: String?, credit: String?) {
        var source = source, author = author, credit = credit
        if let value = source, let split = splitOutletAndWires(value) {
            credit = credit ?? split.credit
            source = split.outlet
        }
        if let value = author {
            if BoilerplateLexicon.keyWords(value).count <= 4, let wire = wireCredit(value) {
                credit = credit ?? wire
                author = nil
            } else if isOutlet(value, known: [siteName, source], outletKeys: outletKeys) {
                source = source ?? value
                author = nil
            }
        }
        return (source, author, credit)
    }
}
