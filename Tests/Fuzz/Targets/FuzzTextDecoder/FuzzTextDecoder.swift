import Foundation
import CFuzzDriver
@testable import MarsadReading

// Encoding detection and the decoders, with and without a declared charset,
// then format detection on whatever text came out.
// Also exported under libFuzzer's name, which its runtime refers to.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = BinarySniffer.identify(bytes)
    let declared = FormatDetector.looksLikeMarkup(bytes) ? TextDecoder.declaredHTMLCharset(bytes) : nil
    for charset in [nil, declared] {
        guard let decoded = try? TextDecoder.decode(bytes, declared: charset) else { continue }
        _ = FormatDetector.detect(decoded.text, fileName: "input.html")
        _ = FormatDetector.detect(decoded.text, fileName: "input")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) })
