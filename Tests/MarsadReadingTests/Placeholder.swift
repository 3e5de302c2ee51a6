import Testing
@testable import MarsadReading
