import Testing
@testable import MarsadTagging
