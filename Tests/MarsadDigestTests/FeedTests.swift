import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MarsadDigest

/// Atom feeds: well-formed XML in the Atom namespace, one entry per story,
/// ids that survive a story growing, and article text that cannot break out.
@Suite("Feeds")
struct FeedTests {
    let builder = DigestBuilder()

    /// What a namespace-aware XML parser sees: elements (namespace, name) and their text.
    final class Outline: NSObject, XMLParserDelegate {
        var elements: [(namespace: String?, name: String)] = []
        var texts: [String: [String]] = [:]
        var attributes: [String: [[String: String]]] = [:]
        private var current = ""
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append((namespaceURI, name))
            self.attributes[name, default: []].append(attributes)
            current = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            texts[name, default: []].append(current)
            current = ""
        }
    }

    func parse(_ xml: String) throws -> Outline {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        let outline = Outline()
        parser.delegate = outline
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        return outline
    }

    @Test("a feed is well-formed Atom with one entry per story, linking the day's page")
    func wellFormedAtom() throws {
        let digest = builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: Fixtures.all)
        let xml = builder.renderFeed(topic: Fixtures.topic, digests: [digest])
        let outline = try parse(xml)
        #expect(outline.elements.first?.name == "feed")
        #expect(outline.elements.allSatisfy { $0.namespace == "http://www.w3.org/2005/Atom" })
        #expect(outline.elements.filter { $0.name == "entry" }.count == digest.stories.count)
        // Each entry: id, title, updated, summary, and a link to the story on the day's page.
        for name in ["id", "title", "updated", "summary"] {
            #expect((outline.texts[name] ?? []).count >= digest.stories.count, "\(name)")
        }
        let links = (outline.attributes["link"] ?? []).compactMap { $0["href"] }
        for story in digest.stories {
            #expect(links.contains("../\(Fixtures.day)/russia-syria.html#\(story.id)"))
        }
        let entryIds = (outline.texts["id"] ?? []).filter { $0.hasPrefix("urn:marsad:story:") }
        #expect(Set(entryIds).count == digest.stories.count)
    }

    @Test("hostile titles and summaries are escaped, controls dropped")
    func hostileContent() throws {
        var hostile = Fixtures.migrantsRescued
        hostile.title = "</title><script>alert(1)</script> & \"quotes\" 'apos' \u{202E}\u{0007}\u{FFFE} ]]> <![CDATA[x"
        hostile.body = "<entry><id>forged</id></entry> & " + hostile.body
        let digest = builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: [hostile])
        let xml = builder.renderFeed(topic: Fixtures.topic, digests: [digest])
        #expect(!xml.contains("<script>"))
        #expect(!xml.contains("<id>forged"))
        let outline = try parse(xml)
        #expect(outline.elements.filter { $0.name == "entry" }.count == 1)
        let titles = outline.texts["title"] ?? []
        #expect(titles.contains { $0.hasPrefix("</title><script>alert(1)</script> & \"quotes\" 'apos'") })
        #expect(!xml.unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0x07 || $0.value == 0x202E })
    }

    @Test("an entry keeps its id when a later report joins its story")
    func stableEntryIds() throws {
        let before = builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: Array(Fixtures.wireCopies.prefix(2)))
        let after = builder.build(topic: Fixtures.topic, day: Fixtures.day, articles: Fixtures.wireCopies)
        let idBefore = try #require(before.stories.first).id
        let idAfter = try #require(after.stories.first).id
        // The story's own id follows its reports; the feed's entry id does not.
        #expect(idBefore != idAfter)
        let entryBefore = AtomRenderer.entryId(before.stories[0], day: Fixtures.day, topic: Fixtures.topic.id)
        let entryAfter = AtomRenderer.entryId(after.stories[0], day: Fixtures.day, topic: Fixtures.topic.id)
        #expect(entryBefore == entryAfter)
        #expect(AtomRenderer.updated(after.stories[0]) > AtomRenderer.updated(before.stories[0]))
    }
}
