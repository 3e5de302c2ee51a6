import Testing
@testable import MarsadText
