import Foundation
import FuzzSupport
import MarsadTagging

// The taxonomy parser through its public entry. The input is split at
// form feeds into a gazetteer file, a topic file, a sources file and a
// weights file, so that references between files are checked too.
private let roles = ["gazetteer/fuzz.yaml", "topics/fuzz.yaml", "sources.yaml", "weights.json"]

fuzz(bytes: { input in
    let parts = input.split(separator: 0x0C, maxSplits: roles.count - 1, omittingEmptySubsequences: false)
    let sources = zip(roles, parts).map { role, part in
        TaxonomySource(path: role, text: String(decoding: part, as: UTF8.self))
    }
    _ = try? Taxonomy.parse(sources)
})
