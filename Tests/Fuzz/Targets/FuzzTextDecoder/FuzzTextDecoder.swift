import Foundation
import FuzzSupport
@testable import MarsadReading

// Encoding detection and the decoders, with and without a declared charset,
// then format detection on whatever text came out.
fuzz(bytes: { input in
    let bytes = Array(input)
    _ = BinarySniffer.identify(bytes)
    let declared = FormatDetector.looksLikeMarkup(bytes) ? TextDecoder.declaredHTMLCharset(bytes) : nil
    for charset in [nil, declared] {
        guard let decoded = try? TextDecoder.decode(bytes, declared: charset) else { continue }
        _ = FormatDetector.detect(decoded.text, fileName: "input.html")
        _ = FormatDetector.detect(decoded.text, fileName: "input")
    }
})
