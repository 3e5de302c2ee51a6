/// The language recorded per article.
public enum Language: String, Sendable, Codable, Hashable {
    case arabic = "ar"
    case english = "en"
    case other = "und"
}

public enum LanguageIdentifier {
    /// Identifies the dominant script-and-language of a text.
    public static func identify(_ text: String) -> Language {
        var arabic = 0
        var latin = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: arabic += 1
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            default: break
            }
        }
        if arabic == 0 && latin == 0 { return .other }
        return arabic >= latin ? .arabic : .english
    }
}
