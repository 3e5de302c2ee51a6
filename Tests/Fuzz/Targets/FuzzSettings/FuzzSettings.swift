import Foundation
import FuzzSupport
import MarsadDaemon

// The configuration file's parser through its public entry, as `marsad run
// --config` reads it: YAML, then each setting's value (paths, durations,
// sizes, time zones, choices). Every input must end in settings or in a
// ConfigurationError that names the file.
fuzz(text: { text in
    do throws(ConfigurationError) {
        _ = try Settings.parse(yaml: text, path: "/etc/marsad/marsad.yaml")
    } catch {
        precondition(error.path == "/etc/marsad/marsad.yaml", "a configuration error names another file: \(error)")
    }
})
