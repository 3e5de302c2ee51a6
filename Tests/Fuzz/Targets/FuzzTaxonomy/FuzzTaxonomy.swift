import Foundation
import CFuzzDriver
import MarsadTagging

// The taxonomy parser through its public entry. The input is split at
// form feeds into a gazetteer file, a topic file, a sources file and a
// weights file, so that references between files are checked too.
private let roles = ["gazetteer/fuzz.yaml", "topics/fuzz.yaml", "sources.yaml", "weights.json"]

// Also exported under libFuzzer's name, which its runtime refers to.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let parts = UnsafeBufferPointer(start: data, count: size)
        .split(separator: 0x0C, maxSplits: roles.count - 1, omittingEmptySubsequences: false)
    let sources = zip(roles, parts).map { role, part in
        TaxonomySource(path: role, text: String(decoding: part, as: UTF8.self))
    }
    _ = try? Taxonomy.parse(sources)
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) })
