import Testing
@testable import MarsadCore
