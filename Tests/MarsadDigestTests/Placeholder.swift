import Testing
@testable import MarsadDigest
