import Foundation
import FuzzSupport
@testable import MarsadReading

// The plain-text extractor: line shapes, chrome and boilerplate lines,
// titles and bylines in scraper dumps.
private let extractor = PlainTextExtractor(lexicon: .shipped)

fuzz(text: { text in
    _ = extractor.extract(text)
})
