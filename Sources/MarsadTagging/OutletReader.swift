import MarsadText
import Yams

/// A newspaper, agency, station or site, as the sources file (`sources.yaml`
/// beside `gazetteer/` and `topics/`) names it for readers.
public struct Outlet: Sendable, Codable, Hashable {
    /// What a record's source field says («aawsat»).
    public var id: String
    public var ar: String
    public var en: String
    /// Web domains; their subdomains belong to the outlet too.
    public var domains: [String]
    /// Other ways files name the outlet (a page's site name, a TREC `<SRC>`).
    public var names: [String]

    public init(id: String, ar: String, en: String, domains: [String] = [], names: [String] = []) {
        self.id = id
        self.ar = ar
        self.en = en
        self.domains = domains
        self.names = names
    }

    /// How ids and names are compared: case, hamza forms and diacritics aside.
    public static func lookupKey(_ name: String) -> String {
        TextNormalizer.matchKey(name.trimmingCharactersInWhitespace()).lowercased()
    }
}

/// Reads and validates the sources file: a list of outlets, each with a
/// unique id, both names, bare domains, and ids, names and domains that
/// point at one outlet only.
enum OutletReader {
    static let keys: Set<String> = ["id", "ar", "en", "domains", "names"]

    static func read(_ source: TaxonomySource) throws(TaxonomyError) -> [Outlet] {
        guard let root = try TaxonomyReader.compose(source) else { return [] }
        guard let list = root.sequence else {
            throw TaxonomyError(path: source.path, line: root.mark?.line, problem: "expected a list of outlets")
        }
        let file = NodeFile(path: source.path)
        var outlets: [Outlet] = []
        var ownerOfKey: [String: (id: String, line: Int?)] = [:]
        var ownerOfDomain: [String: (id: String, line: Int?)] = [:]
        for item in list {
            let fields = try file.mapping(item, allowed: keys, what: "outlet")
            let id = try file.requiredString(fields, "id", in: item)
            try TaxonomyReader.checkIdentifier(id, file: file, node: fields["id"])
            let outlet = Outlet(
                id: id,
                ar: try file.requiredString(fields, "ar", in: item),
                en: try file.requiredString(fields, "en", in: item),
                domains: try file.strings(fields["domains"], "domains"),
                names: try file.strings(fields["names"], "names")
            )
            let line = item.mark?.line
            for name in [outlet.id] + outlet.names {
                let key = Outlet.lookupKey(name)
                if let owner = ownerOfKey[key] {
                    let problem = owner.id == id
                        ? "'\(id)' lists the name '\(name)' twice"
                        : "the name '\(name)' of '\(id)' already belongs to '\(owner.id)' (line \(owner.line ?? 0))"
                    throw file.error(fields[name == outlet.id ? "id" : "names"], problem)
                }
                ownerOfKey[key] = (id, line)
            }
            for domain in outlet.domains {
                guard isBareDomain(domain) else {
                    throw file.error(fields["domains"], "'\(domain)' is not a bare domain such as example.com (no scheme, path or capitals)")
                }
                if let owner = ownerOfDomain[domain] {
                    throw file.error(fields["domains"], "the domain '\(domain)' of '\(id)' already belongs to '\(owner.id)' (line \(owner.line ?? 0))")
                }
                ownerOfDomain[domain] = (id, line)
            }
            outlets.append(outlet)
        }
        return outlets
    }

    /// Lowercase labels of letters, digits and hyphens, at least two of them.
    static func isBareDomain(_ domain: String) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.first != "-" && label.last != "-" && label.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            }
        }
    }
}
