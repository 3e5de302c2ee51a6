import Foundation
import CFuzzDriver
import MarsadReading

// The whole reading path as the daemon calls it: binary sniffing, encoding
// and format detection, then whichever reader the format picks. The name
// varies with the input so that the file-name tie-breaks are reached too,
// and the file's saving time is known, as the daemon knows it from the
// file's modification time, so that relative timestamps are resolved.
private let reader = ArticleReader()
private let names = ["article.txt", "page.html", "records.json", "feed.jsonl", "dump.trec", "noname"]

// Also exported under libFuzzer's name, which its runtime refers to.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let name = names[(bytes.first.map(Int.init) ?? 0) % names.count]
    _ = try? reader.readDocument(bytes, fileName: name, savedAt: 1_731_412_800)
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) })
