import Foundation
import FuzzSupport
@testable import MarsadReading

// The HTML reader on any text: libxml2's parser, the page layout and the
// article finder, whatever the markup looks like.
private let extractor = HTMLArticleExtractor(lexicon: .shipped)

fuzz(text: { text in
    _ = extractor.extract(text)
})
