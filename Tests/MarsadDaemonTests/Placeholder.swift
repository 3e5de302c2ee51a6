import Testing
@testable import MarsadDaemon
