import CFuzzDriver
import Foundation
import MarsadDaemon

// The configuration file's parser through its public entry, as `marsad run
// --config` reads it: YAML, then each setting's value (paths, durations,
// sizes, time zones, choices). Every input must end in settings or in a
// ConfigurationError that names the file.

// Also exported under libFuzzer's name, which its runtime refers to.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try Settings.parse(yaml: text, path: "/etc/marsad/marsad.yaml")
    } catch {
        precondition(error.path == "/etc/marsad/marsad.yaml", "a configuration error names another file: \(error)")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) })
