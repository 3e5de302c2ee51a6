import Foundation
import FuzzSupport
@testable import MarsadReading

// The TREC reader: <DOC> blocks, their fields and entity decoding.
fuzz(text: { text in
    _ = try? TRECReader.read(text)
})
