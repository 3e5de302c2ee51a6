import MarsadText

/// What a site's earlier pages taught about its chrome: the fingerprints
/// of lines and blocks that repeat across many of its pages (menus,
/// tickers, share rows, footers, related lists), which no page's article
/// shares. The daemon learns these from the stream and hands them to the
/// reader as a plain value; reading itself stays pure.
public struct SiteTemplate: Sendable, Equatable {
    public var site: String
    /// Fingerprints of lines seen on enough of the site's pages to be chrome.
    public var chromeLines: Set<UInt64>

    public init(site: String, chromeLines: Set<UInt64>) {
        self.site = site
        self.chromeLines = chromeLines
    }

    /// How many of a site's pages must show a line before it counts as chrome.
    public static let minimumPages = 3

    /// The fingerprint of a line: 64-bit FNV-1a of its match-key words,
    /// stable across runs and machines so that it can be stored.
    public static func fingerprint(_ line: String) -> UInt64? {
        // The bytes hashed are those of the key words joined by one space,
        // fed as they are found rather than gathered into strings first.
        var hasher = StableHasher()
        var hasWord = false
        var pendingSpace = false
        for scalar in TextNormalizer.matchKey(line).lowercasedIfCased().unicodeScalars {
            guard BoilerplateLexicon.isWordScalar(scalar) else {
                pendingSpace = hasWord
                continue
            }
            if pendingSpace {
                hasher.combine(0x20)
                pendingSpace = false
            }
            hasWord = true
            hasher.combine(contentsOf: scalar.utf8)
        }
        return hasWord ? hasher.value : nil
    }

    /// ``fingerprint(_:)`` of a line whose match-key words the caller already
    /// has joined by single spaces: the same bytes hashed, without normalizing
    /// the line again.
    static func fingerprint(keyWordsJoined key: String) -> UInt64? {
        guard !key.isEmpty else { return nil }
        return StableHasher.hash(key.utf8)
    }

    func isChrome(_ line: String) -> Bool {
        guard !chromeLines.isEmpty else { return false }
        return isChrome(fingerprint: Self.fingerprint(line))
    }

    func isChrome(fingerprint: UInt64?) -> Bool {
        guard let fingerprint else { return false }
        return chromeLines.contains(fingerprint)
    }
}

/// The templates of every site known so far, as the daemon hands them to
/// the reader.
public struct SiteTemplateBook: Sendable, Equatable {
    public var templates: [String: SiteTemplate]

    public init(_ templates: [SiteTemplate] = []) {
        self.templates = Dictionary(templates.map { ($0.site, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static let empty = SiteTemplateBook()

    /// The template of the page's own site when the page names one;
    /// otherwise the site whose chrome the page's lines share most (at
    /// least three lines), since a page saved as text seldom names its site.
    func template(site: String?, lines: [String]) -> SiteTemplate? {
        if templates.isEmpty { return nil }
        return template(site: site, fingerprints: lines.map { SiteTemplate.fingerprint($0) })
    }

    /// ``template(site:lines:)`` for lines already fingerprinted.
    func template(site: String?, fingerprints lineFingerprints: [UInt64?]) -> SiteTemplate? {
        if templates.isEmpty { return nil }
        if let site, let template = templates[site] { return template }
        let fingerprints = Set(lineFingerprints.compactMap { $0 })
        var best: (template: SiteTemplate, shared: Int)?
        for template in templates.values {
            let shared = fingerprints.lazy.filter { template.chromeLines.contains($0) }.count
            if shared >= 3, shared > best?.shared ?? 0 { best = (template, shared) }
        }
        return best?.template
    }
}

/// What a read page contributes to its site's template: the site it
/// belongs to and the fingerprints of its distinct lines.
public struct SiteEvidence: Sendable, Equatable {
    /// A host name ("www.example.com" → "example.com"), a site name, or
    /// the empty string for pages that name no site.
    public var site: String
    public var lineFingerprints: [UInt64]

    public init(site: String, lineFingerprints: [UInt64]) {
        self.site = site
        self.lineFingerprints = lineFingerprints
    }

    init(site: String?, lines: [String]) {
        self.init(site: site, fingerprints: lines.map { SiteTemplate.fingerprint($0) })
    }

    init(site: String?, fingerprints: [UInt64?]) {
        self.site = site ?? ""
        var seen = Set<UInt64>()
        lineFingerprints = fingerprints.compactMap { $0 }.filter { seen.insert($0).inserted }
    }

    /// "https://www.example.com/a/b" → "example.com".
    static func host(ofURL url: String) -> String? {
        var rest = Substring(url.trimmingWhitespace().lowercased())
        guard let scheme = rest.firstRange(of: "://") else { return nil }
        rest = rest[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        guard host.contains("."), !host.isEmpty else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : String(host)
    }
}
