import MarsadText

/// Lines whose look alone says they are page chrome, whatever the site:
/// rows of share-button labels and relative timestamps. Both sit right
/// above an article's text on many sites, where a positional rule would
/// take them for its headline.
enum ChromeLine {
    /// Match-key words of share buttons and social networks, in Arabic and English.
    static let shareWords: Set<String> = Set([
        "facebook", "twitter", "whatsapp", "telegram", "linkedin", "pinterest", "reddit", "tumblr", "messenger",
        "email", "mail", "print", "share", "shares", "tweet", "copy", "link", "url", "x", "instagram", "youtube",
        "tiktok", "snapchat", "google", "vk", "viber", "line", "sms", "pocket", "flipboard", "threads", "on", "via",
        "فيسبوك", "فيس", "بوك", "تويتر", "واتساب", "واتس", "اب", "آب", "تيليجرام", "تليجرام", "تلغرام", "تيلغرام",
        "لينكدإن", "لينكدان", "لينكد", "إن", "ان", "بنترست", "ريديت", "انستغرام", "انستجرام", "إنستغرام", "يوتيوب",
        "تيك", "توك", "سناب", "شات", "ماسنجر", "مشاركة", "مشاركه", "شارك", "شاركها", "شاركوا", "طباعة", "طباعه",
        "البريد", "الإلكتروني", "الالكتروني", "بريد", "إلكتروني", "الكتروني", "نسخ", "الرابط", "رابط", "إرسال",
        "ارسال", "عبر", "على", "أرسل", "ارسل", "تغريد", "غرد", "المختصر", "تويت", "إكس", "اكس",
        "partager", "sur", "imprimer", "courriel", "teilen", "auf", "drucken", "compartir", "en", "imprimir", "condividi",
        "su", "stampa", "compartilhar", "no", "udostępnij",
    ].flatMap { BoilerplateLexicon.keyWords($0) })

    /// Words only a share row has: at least one must be present, so that a
    /// headline made of common words ("على الرابط") is never taken for one.
    static let networkWords: Set<String> = Set([
        "facebook", "twitter", "whatsapp", "telegram", "linkedin", "pinterest", "reddit", "messenger", "instagram",
        "share", "tweet", "email", "print",
        "فيسبوك", "بوك", "تويتر", "واتساب", "واتس", "تيليجرام", "تليجرام", "تلغرام", "تيلغرام", "لينكدإن", "لينكدان",
        "انستغرام", "انستجرام", "إنستغرام", "ماسنجر", "مشاركة", "شارك", "طباعة",
        "partager", "teilen", "compartir", "condividi", "compartilhar", "udostępnij",
    ].flatMap { BoilerplateLexicon.keyWords($0) })

    /// "Facebook Twitter WhatsApp", "مشاركة فيسبوك تويتر واتساب", "Share on X": a
    /// row of share buttons, read from its words alone, not from any one site.
    static func isShareRow(_ text: String) -> Bool {
        isShareRow(keyWords: BoilerplateLexicon.keyWords(text))
    }

    /// ``isShareRow(_:)`` for a line whose match-key words the caller already has.
    static func isShareRow(keyWords: KeyWords) -> Bool {
        // A paragraph has too many words to be a share row: counted first, without a string for any.
        let wordCount = keyWords.count - keyWords.numbers
        guard wordCount > 0, wordCount <= 24 else { return false }
        // No network word, no share row: looked for one word at a time before the lists are made.
        guard (0..<keyWords.count).contains(where: { networkWords.contains(keyWords.word($0)) }) else { return false }
        return isShareRow(keyWords: keyWords.all)
    }

    /// ``isShareRow(_:)`` for a line whose match-key words the caller already has.
    static func isShareRow(keyWords: [String]) -> Bool {
        let words = keyWords.filter { !isNumber($0) }
        guard !words.isEmpty, words.count <= 24 else { return false }
        let networks = words.filter { networkWords.contains($0) }.count
        guard networks >= 1 else { return false }
        let share = words.filter { shareWords.contains($0) }.count
        // One network word alone ("Facebook") is a button; two or more words
        // must be nearly all share vocabulary.
        return words.count == 1 || (networks >= 2 && share * 10 >= words.count * 8) || (share == words.count)
    }

    /// A photo slider's two buttons in the order sites set them, in English and Arabic.
    private static let sliderButtonPairs: [[UInt8]] = [
        "next previous ", "previous next ", "السابق التالي ", "التالي السابق ",
    ].map { Array($0.utf8) }

    /// "Next Previous عمر إبراهيم – عين اليوم" → "عمر إبراهيم – عين اليوم": a photo
    /// slider's two buttons, saved as text and run into the caption or byline set under
    /// the photo. No headline, byline or sentence opens on both buttons' names, and left
    /// on the line they hide what it is: a byline that then reads as a headline.
    static func withoutSliderButtons(_ text: String) -> String {
        var text = text
        let buttonsLength: Int? = text.withUTF8 { bytes in
            for pair in sliderButtonPairs where bytes.count > pair.count {
                // ASCII letters compared without case ("Next Previous", "NEXT PREVIOUS"); Arabic bytes as they are.
                if zip(bytes, pair).allSatisfy({ byte, expected in byte == expected || (byte | 0x20) == expected && expected >= 0x61 && expected <= 0x7A }) {
                    return pair.count
                }
            }
            return nil
        }
        guard let buttonsLength else { return text }
        return text.copying(utf8: buttonsLength..<text.utf8.count).trimmingWhitespace()
    }

    /// Match-key words that say "reading" in a reading time ("6 دقائق قراءة", "5 min read").
    static let readingWords: Set<String> = Set([
        "قراءة", "للقراءة", "القراءة", "قراءه", "read", "reading", "lecture", "lesezeit", "lectura", "lettura", "leitura",
    ].flatMap { BoilerplateLexicon.keyWords($0) })

    /// Units of minutes, for reading times.
    static let minuteUnits: Set<String> = Set([
        "دقيقة", "دقيقتين", "دقيقتان", "دقائق", "دقيقه", "minute", "minutes", "min", "mins", "minuten", "minutos", "minuti",
    ].flatMap { BoilerplateLexicon.keyWords($0) })

    /// "6 دقائق قراءة", "دقيقتان للقراءة", "5 min read", "Lecture 3 min": how long the
    /// article takes to read, a widget of the page's header and never its headline.
    static func isReadingTime(keyWords: KeyWords) -> Bool {
        guard keyWords.count >= 2, keyWords.count <= 5 else { return false }
        // The word for reading opens or closes the line: looked at before the list is made.
        guard readingWords.contains(keyWords.word(keyWords.count - 1)) || readingWords.contains(keyWords.word(0)) else { return false }
        let words = keyWords.all
        return words.contains { readingWords.contains($0) } && words.contains { minuteUnits.contains($0) }
            && words.allSatisfy { readingWords.contains($0) || minuteUnits.contains($0) || isNumber($0) || readingFiller.contains($0) }
    }

    private static let readingFiller: Set<String> = Set(["وقت", "مدة", "time", "temps", "de", "ل", "to"].flatMap { BoilerplateLexicon.keyWords($0) })

    /// Match-key words naming cookies, in the languages of the lexicon.
    static let cookieWords: Set<String> = Set([
        "cookies", "cookie", "الكوكيز", "كوكيز", "الكوكي",
    ].flatMap { BoilerplateLexicon.keyWords($0) })

    /// "ملفات تعريف الارتباط", the Arabic name of cookies, as two match-key words.
    private static let cookieDefinitionWords = BoilerplateLexicon.keyWords("تعريف الارتباط")

    /// Match-key words of a site asking for consent: "we", "our", "agree", "accept", "continuing".
    static let consentWords: Set<String> = Set([
        "we", "our", "site", "website", "agree", "accept", "continuing", "continue", "policy", "nous", "notre",
        "acceptez", "utilisation", "navigation", "wir", "verwenden", "zustimmen", "utilizamos", "aceptas", "nuestro",
        "نستخدم", "يستخدم", "الموقع", "موقعنا", "توافق", "باستمرارك", "بمتابعة", "موافقتك", "سياسة", "تجربتك", "قبول",
    ].flatMap { BoilerplateLexicon.keyWords($0) })

    /// "We use cookies to ensure you get the best experience on our website.
    /// By continuing, you agree …", "نستخدم ملفات تعريف الارتباط (الكوكيز) …":
    /// a cookie banner, a short text naming cookies and asking for consent. A
    /// paragraph about cookies names the site or asks nothing (two consent words at least).
    /// A banner says that much in eight words or more.
    static func isCookieNotice(keyWords: KeyWords) -> Bool {
        guard keyWords.count >= 8, keyWords.count <= 45 else { return false }
        // Most lines name no cookie: their key's bytes say so without a string per word.
        guard holdsWord(keyWords, among: cookieKeys) else { return false }
        let words = keyWords.all
        let namesCookies = words.contains { cookieWords.contains($0) }
            || zip(words, words.dropFirst()).contains { $0 == cookieDefinitionWords[0] && $1 == cookieDefinitionWords[1] }
        return namesCookies && words.count { consentWords.contains($0) } >= 2
    }

    /// The UTF-8 of the match keys of ``cookieWords`` and of "الارتباط".
    private static let cookieKeys: [[UInt8]] = (cookieWords.sorted() + cookieDefinitionWords.suffix(1)).map { Array($0.utf8) }

    /// Whether one of the key's words is one of `words` (UTF-8 of match keys), read from the
    /// key's bytes word by word, by length first: no string is made for any word.
    private static func holdsWord(_ keyWords: KeyWords, among words: [[UInt8]]) -> Bool {
        var key = keyWords.key
        return key.withUTF8 { bytes in
            var start = 0
            for end in keyWords.ends {
                let length = end - start
                for word in words where word.count == length {
                    if bytes[start..<end].elementsEqual(word) { return true }
                }
                start = end + 1
            }
            return false
        }
    }

    private static func isNumber(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { ScalarTable.isNumeric($0) }
    }

    /// Units of relative time, in the match-key form.
    static let timeUnits: Set<String> = Set([
        "ثانية", "ثوان", "ثواني", "ثانيه", "دقيقة", "دقيقتين", "دقيقتان", "دقائق", "ساعة", "ساعتين", "ساعتان", "ساعات",
        "يوم", "يومين", "يومان", "أيام", "ايام", "أسبوع", "اسبوع", "أسبوعين", "أسابيع", "اسابيع", "شهر", "شهرين", "أشهر",
        "اشهر", "شهور", "سنة", "سنتين", "سنوات", "عام", "عامين", "أعوام",
        "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day",
        "days", "week", "weeks", "month", "months", "year", "years",
    ].flatMap { BoilerplateLexicon.keyWords($0) })

    /// "منذ 3 ساعات", "قبل ساعتين", "3 hours ago", "Updated 5 min ago", "أمس 10:30":
    /// a timestamp relative to when the page was saved, which no reader can
    /// resolve to a date without that moment.
    static func isRelativeTimestamp(_ text: String) -> Bool {
        isRelativeTimestamp(keyWords: BoilerplateLexicon.keyWords(text))
    }

    /// Words that make a time unit relative ("منذ 3 ساعات"), in the match-key form.
    /// Built once: normalizing them for every line cost more than reading the line.
    private static let markerKeys: Set<String> = Set([
        "منذ", "قبل", "ago", "امس", "أمس", "البارحة", "اليوم", "today", "yesterday", "updated", "posted",
        "نشر", "تحديث", "محدث", "اخر", "آخر", "حوالي", "about", "just", "now", "الان", "الآن", "للتو",
    ].flatMap { BoilerplateLexicon.keyWords($0) })

    /// Words that name the day itself ("أمس", "now"), in the match-key form.
    private static let dayMarkers: Set<String> = Set(["امس", "أمس", "البارحة", "yesterday", "today", "just", "now", "الان", "الآن", "للتو"]
        .flatMap { BoilerplateLexicon.keyWords($0) })

    private static let fillerWords: Set<String> = ["و", "a", "an", "min", "am", "pm", "ص", "م", "في", "at", "on", "last"]

    /// ``isRelativeTimestamp(_:)`` for a line whose match-key words the caller already has.
    static func isRelativeTimestamp(keyWords: KeyWords) -> Bool {
        guard keyWords.count > 0, keyWords.count <= 8 else { return false }
        // Either reading below needs a marker or a day's name: looked for before the lists are made.
        guard (0..<keyWords.count).contains(where: { markersAndDays.contains(keyWords.word($0)) }) else { return false }
        return isRelativeTimestamp(keyWords: keyWords.all)
    }

    private static let markersAndDays = markerKeys.union(dayMarkers)

    /// ``isRelativeTimestamp(_:)`` for a line whose match-key words the caller already has.
    static func isRelativeTimestamp(keyWords words: [String]) -> Bool {
        guard !words.isEmpty, words.count <= 8 else { return false }
        let hasUnit = words.contains { timeUnits.contains($0) }
        let hasMarker = words.contains { markerKeys.contains($0) }
        let others = words.filter { word in
            !timeUnits.contains(word) && !markerKeys.contains(word)
                && !word.unicodeScalars.allSatisfy { ScalarTable.isNumeric($0) }
                && !fillerWords.contains(word)
        }
        if hasUnit && hasMarker && others.count <= 1 { return true }
        // "أمس 10:30", "Yesterday at 09:15", "الآن": a marker and digits only.
        return words.contains { dayMarkers.contains($0) } && others.isEmpty && words.count <= 4
    }

    /// "عاجل: خبر ... خبر ... خبر": headlines strung together by spaced
    /// ellipses, as tickers are saved. Prose may pause on an ellipsis, but
    /// not twice between comma-free runs of words that end without a stop.
    static func isTicker(_ text: String) -> Bool {
        isTicker(text, shape: LineShape(text))
    }

    /// ``isTicker(_:)`` for a line whose shape the caller already has.
    static func isTicker(_ text: String, shape: LineShape) -> Bool {
        guard !shape.endsWithStop, shape.commas == 0 else { return false }
        // Most lines hold neither separator: a byte search says so without the
        // character-by-character split below.
        guard hasSpacedEllipsis(text) else { return false }
        var pieces = text.components(separatedByString: " ... ")
        if pieces.count < 3 { pieces = text.components(separatedByString: " \u{2026} ") }
        return pieces.count >= 3 && pieces.allSatisfy { LineShape($0).words >= 2 }
    }

    /// Whether the UTF-8 of the text holds " ... " or " \u{2026} ".
    static func hasSpacedEllipsis(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index + 4 < bytes.count {
                if bytes[index] == 0x20 {
                    // "..." and U+2026 are three bytes each.
                    let mark = (bytes[index + 1], bytes[index + 2], bytes[index + 3])
                    if bytes[index + 4] == 0x20, mark == (0x2E, 0x2E, 0x2E) || mark == (0xE2, 0x80, 0xA6) { return true }
                }
                index += 1
            }
            return false
        }
    }
}
