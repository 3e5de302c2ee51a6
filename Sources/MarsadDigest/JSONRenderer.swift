/// The digest as JSON (schema `marsad.digest/1`): keys sorted, two-space
/// indentation, `"key" : value` as Foundation's pretty printer writes it.
///
/// Written by hand rather than with `JSONEncoder`: on a 5,000-article day
/// the generic encoder took a tenth of the whole build. Reading goes through
/// `Codable` (``DigestBuilder/decode(json:)``), and a test checks that the two agree.
enum JSONRenderer {
    static func render(_ digest: DayDigest) -> String {
        var writer = JSONWriter()
        writer.write(digest.json)
        writer.bytes.append(UInt8(ascii: "\n"))
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

indirect enum JSONValue {
    case string(String)
    case integer(Int64)
    case boolean(Bool)
    case array([JSONValue])
    /// Keys are sorted when written.
    case object([(String, JSONValue)])

    static func int(_ value: Int) -> JSONValue { .integer(Int64(value)) }
    static func optional(_ value: String?) -> JSONValue? { value.map(JSONValue.string) }
}

struct JSONWriter {
    var bytes: [UInt8] = []

    mutating func write(_ value: JSONValue, depth: Int = 0) {
        switch value {
        case .string(let text):
            writeString(text)
        case .integer(let number):
            bytes.append(contentsOf: String(number).utf8)
        case .boolean(let flag):
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .array(let items):
            guard !items.isEmpty else {
                bytes.append(contentsOf: "[\n\n".utf8)
                indent(depth)
                bytes.append(UInt8(ascii: "]"))
                return
            }
            bytes.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                indent(depth + 1)
                write(item, depth: depth + 1)
                if index < items.count - 1 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "\n"))
            }
            indent(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                bytes.append(contentsOf: "{\n\n".utf8)
                indent(depth)
                bytes.append(UInt8(ascii: "}"))
                return
            }
            // Sorted by UTF-8 bytes, which for these ASCII keys is JSONEncoder's `.sortedKeys` order.
            let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            bytes.append(contentsOf: "{\n".utf8)
            for (index, member) in sorted.enumerated() {
                indent(depth + 1)
                writeString(member.0)
                bytes.append(contentsOf: " : ".utf8)
                write(member.1, depth: depth + 1)
                if index < sorted.count - 1 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "\n"))
            }
            indent(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func indent(_ depth: Int) {
        for _ in 0..<(depth * 2) { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0x08: bytes.append(contentsOf: "\\b".utf8)
            case 0x0C: bytes.append(contentsOf: "\\f".utf8)
            case 0x00..<0x20:
                let hex = String(byte, radix: 16)
                bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension Array where Element == (String, JSONValue?) {
    /// Members with a value; absent optionals are left out, as `Codable` does.
    var present: [(String, JSONValue)] { compactMap { key, value in value.map { (key, $0) } } }
}

extension DayDigest {
    var json: JSONValue {
        .object([
            ("schema", .string(schema)), ("day", .string(day)), ("calendar", calendar.json),
            ("timeZone", .string(timeZone)), ("topic", topic.json), ("articleCount", .int(articleCount)),
            ("sourceCount", .int(sourceCount)),
            ("sources", .array(sources.map { .object([("name", .string($0.name)), ("articles", .int($0.articles))]) })),
            ("unknownSourceArticles", .int(unknownSourceArticles)),
            ("previousDayArticleCount", .int(previousDayArticleCount)), ("stories", .array(stories.map(\.json))),
            ("whoAndWhere", .array(whoAndWhere.map(\.json))), ("timeline", .array(timeline.map(\.json))),
        ])
    }
}

extension DigestCalendarDay {
    var json: JSONValue {
        .object([
            ("gregorian", .string(gregorian)), ("gregorianArabic", .string(gregorianArabic)),
            ("hijri", .optional(hijri)), ("hijriArabic", .optional(hijriArabic)),
        ].present)
    }
}

extension DigestTopic {
    var json: JSONValue {
        .object([("id", .string(id)), ("nameAr", .string(nameAr)), ("nameEn", .string(nameEn))])
    }
}

extension Story {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("rank", .int(rank)), ("headline", .string(headline)), ("summary", .string(summary)),
            ("reportCount", .int(reportCount)), ("sourceCount", .int(sourceCount)),
            ("firstTime", .string(firstTime)), ("lastTime", .string(lastTime)),
            ("centralArticleId", .integer(centralArticleId)),
            ("entities", .array(entities.map(\.json))), ("reports", .array(reports.map(\.json))),
        ])
    }
}

extension StoryEntity {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("nameAr", .string(nameAr)), ("nameEn", .string(nameEn)), ("type", .string(type)),
            ("reports", .int(reports)), ("mentions", .int(mentions)),
        ])
    }
}

extension StoryReport {
    var json: JSONValue {
        .object([
            ("articleId", .integer(articleId)), ("source", .optional(source)), ("outletId", .optional(outletId)),
            ("credit", .optional(credit)), ("url", .optional(url)),
            ("time", .string(time)), ("localTime", .optional(localTime)), ("title", .string(title)),
            ("fileName", .string(fileName)), ("record", record.map(JSONValue.int)), ("isCentral", .boolean(isCentral)),
        ].present)
    }
}

extension EntityTally {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("nameAr", .string(nameAr)), ("nameEn", .string(nameEn)), ("type", .string(type)),
            ("articles", .int(articles)), ("mentions", .int(mentions)),
            ("previousArticles", .int(previousArticles)), ("change", .int(change)),
        ])
    }
}

extension TimelineEntry {
    var json: JSONValue {
        .object([
            ("date", .string(date)), ("dateArabic", .string(dateArabic)), ("texts", .array(texts.map(JSONValue.string))),
            ("articleIds", .array(articleIds.map(JSONValue.integer))), ("storyIds", .array(storyIds.map(JSONValue.string))),
        ])
    }
}
