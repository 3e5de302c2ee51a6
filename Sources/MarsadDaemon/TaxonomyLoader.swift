import Foundation
import MarsadTagging

/// Reads a taxonomy folder (`gazetteer/*.yaml`, `topics/*.yaml`, `sources.yaml`) from disk.
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
        // The sources file is optional: a taxonomy copied before it existed still loads.
        let outlets = directory.appendingPathComponent(Taxonomy.outletFileName).path
        if FileManager.default.fileExists(atPath: outlets) {
            guard let data = FileManager.default.contents(atPath: outlets), let text = String(data: data, encoding: .utf8) else {
                throw TaxonomyError(path: outlets, line: nil, problem: "the file cannot be read as UTF-8 text")
            }
            sources.append(TaxonomySource(path: outlets, text: text))
        }
        return try Taxonomy.parse(sources)
    }

    /// The taxonomy shipped with Marsad.
    public static func loadBundled() throws -> Taxonomy {
        try load(directory: Taxonomy.bundledDirectory)
    }
}
