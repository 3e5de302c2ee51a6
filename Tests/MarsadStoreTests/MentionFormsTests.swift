import Foundation
@testable import MarsadStore
import Testing

struct MentionFormsTests {
    static let forms = ["بوتين", "قال \"لا\"", "a\\b", "line\nbreak\ttab", "\u{1}", "", "/slash/"]

    @Test func formsWrittenForAMentionReadBackTheSame() {
        #expect(RecordingBatch.strings(fromJSONArray: RecordingBatch.jsonArray(Self.forms)) == Self.forms)
        #expect(RecordingBatch.strings(fromJSONArray: "[]") == [])
    }

    @Test func formsAnEncoderWroteReadAsTheDecoderReadsThem() throws {
        let json = String(decoding: try JSONEncoder().encode(Self.forms), as: UTF8.self)
        #expect(RecordingBatch.strings(fromJSONArray: json) == (try JSONDecoder().decode([String].self, from: Data(json.utf8))))
    }

    @Test func otherJSONIsLeftToTheDecoder() {
        for json in ["", "[", "[\"a\"", "[\"a\",]", "[1]", "[\"a\"] ", "[\"\\ud83d\\ude00\"]", "{\"a\":1}"] {
            #expect(RecordingBatch.strings(fromJSONArray: json) == nil, "\(json)")
        }
    }
}
