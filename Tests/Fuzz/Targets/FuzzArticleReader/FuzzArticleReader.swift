import Foundation
import FuzzSupport
import MarsadReading

// The whole reading path as the daemon calls it: binary sniffing, encoding
// and format detection, then whichever reader the format picks. The name
// varies with the input so that the file-name tie-breaks are reached too,
// and the file's saving time is known, as the daemon knows it from the
// file's modification time, so that relative timestamps are resolved.
private let reader = ArticleReader()
private let names = ["article.txt", "page.html", "records.json", "feed.jsonl", "dump.trec", "noname"]

fuzz(bytes: { input in
    let bytes = Array(input)
    let name = names[(bytes.first.map(Int.init) ?? 0) % names.count]
    _ = try? reader.readDocument(bytes, fileName: name, savedAt: 1_731_412_800)
})
