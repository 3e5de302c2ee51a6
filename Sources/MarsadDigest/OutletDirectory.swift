import Foundation
import MarsadText

/// An outlet's names for readers, from the user's sources file.
public struct DigestOutlet: Sendable, Hashable {
    public var id: String
    public var nameAr: String
    public var nameEn: String
    /// Bare domains; subdomains match too.
    public var domains: [String]
    /// Other names records give it.
    public var names: [String]

    public init(id: String, nameAr: String, nameEn: String, domains: [String] = [], names: [String] = []) {
        self.id = id
        self.nameAr = nameAr
        self.nameEn = nameEn
        self.domains = domains
        self.names = names
    }
}

/// Finds the outlet of an article: by its source field, then its site name,
/// then the domain of its address. Names compare case, hamza forms and
/// diacritics aside; a domain matches itself and its subdomains.
public struct OutletDirectory: Sendable {
    private var byName: [String: DigestOutlet] = [:]
    private var byDomain: [String: DigestOutlet] = [:]

    public init(_ outlets: [DigestOutlet] = []) {
        // First entry wins, as the sources file's validation guarantees there is only one.
        for outlet in outlets {
            for name in [outlet.id] + outlet.names where byName[Self.key(name)] == nil {
                byName[Self.key(name)] = outlet
            }
            for domain in outlet.domains where byDomain[domain.lowercased()] == nil {
                byDomain[domain.lowercased()] = outlet
            }
        }
    }

    public var isEmpty: Bool { byName.isEmpty && byDomain.isEmpty }

    public func outlet(source: String?, site: String?, url: String?) -> DigestOutlet? {
        for name in [source, site].compactMap({ $0 }) {
            if let outlet = byName[Self.key(name)] { return outlet }
        }
        guard let url, var host = URLComponents(string: url.trimmingWhitespace())?.host?.lowercased() else { return nil }
        // www.okaz.com.sa, then okaz.com.sa, then com.sa: the longest registered suffix wins.
        while host.contains(".") {
            if let outlet = byDomain[host] { return outlet }
            host = String(host.drop { $0 != "." }.dropFirst())
        }
        return nil
    }

    static func key(_ name: String) -> String {
        TextNormalizer.matchKey(name.trimmingWhitespace()).lowercased()
    }
}
