import Testing
@testable import MarsadStore
