import Foundation
import FuzzSupport
@testable import MarsadReading

// The JSON reader: one object, an array, JSON Lines, wrapped records, and
// every way of being malformed.
fuzz(text: { text in
    _ = try? JSONRecordReader.read(text)
})
