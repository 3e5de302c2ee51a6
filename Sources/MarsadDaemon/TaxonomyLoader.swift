import Foundation
import MarsadTagging

/// Reads a taxonomy folder (`gazetteer/*.yaml`, `topics/*.yaml`, and `sources.yaml` and `weights.json` when present) from disk.
public enum TaxonomyLoader {
    public static func load(directory: URL) throws -> Taxonomy {
        var sources: [TaxonomySource] = []
        for sub in ["gazetteer", "topics"] {
            let folder = directory.appendingPathComponent(sub)
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw TaxonomyError(path: folder.path, line: nil, problem: "the folder cannot be read")
            }
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = folder.appendingPathComponent(name).path
                guard let data = FileManager.default.contents(atPath: path),
                      let text = String(data: data, encoding: .utf8)
                else {
                    throw TaxonomyError(path: path, line: nil, problem: "the file cannot be read as UTF-8 text")
                }
                sources.append(TaxonomySource(path: path, text: text))
            }
        }
        // The sources file and the fitted weights are optional: a taxonomy copied before they
        // existed still loads, and without weights every topic keeps its rule weights.
        for name in [Taxonomy.outletFileName, Taxonomy.weightsFileName] {
            let path = directory.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw TaxonomyError(path: path, line: nil, problem: "the file cannot be read as UTF-8 text")
            }
            sources.append(TaxonomySource(path: path, text: text))
        }
        return try Taxonomy.parse(sources)
    }

    /// The taxonomy shipped with Marsad.
    public static func loadBundled() throws -> Taxonomy {
        try load(directory: Taxonomy.bundledDirectory)
    }
}
