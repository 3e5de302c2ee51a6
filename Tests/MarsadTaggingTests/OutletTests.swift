import Foundation
import Testing
@testable import MarsadTagging

/// The sources file: outlets' names for readers, validated like the taxonomy.
@Suite struct OutletFileTests {
    func outlets(_ yaml: String) throws -> [Outlet] {
        try Taxonomy.parse([TaxonomySource(path: "taxonomy/sources.yaml", text: yaml)]).outlets
    }

    func error(_ yaml: String) -> TaxonomyError? {
        do {
            _ = try outlets(yaml)
            return nil
        } catch {
            return error as? TaxonomyError
        }
    }

    @Test func readsOutletsWithDomainsAndNames() throws {
        let read = try outlets("""
        - id: aawsat
          ar: الشرق الأوسط
          en: Asharq Al-Awsat
          domains: [aawsat.com]
        - id: jawharafm
          ar: إذاعة جوهرة أف أم
          en: Jawhara FM
          names: [Jawhara FM]
        """)
        #expect(read == [
            Outlet(id: "aawsat", ar: "الشرق الأوسط", en: "Asharq Al-Awsat", domains: ["aawsat.com"]),
            Outlet(id: "jawharafm", ar: "إذاعة جوهرة أف أم", en: "Jawhara FM", names: ["Jawhara FM"]),
        ])
    }

    @Test func problemsNameFileLineAndProblem() {
        let unknownKey = error("""
        - id: okaz
          ar: عكاظ
          en: Okaz
          website: okaz.com.sa
        """)
        #expect(unknownKey?.description.hasPrefix("taxonomy/sources.yaml:4: unknown key 'website'") == true)
        #expect(error("""
        - id: okaz
          en: Okaz
        """)?.problem == "lacks 'ar'")
        #expect(error("""
        - id: Okaz
          ar: عكاظ
          en: Okaz
        """)?.problem.contains("lowercase letters, digits and hyphens") == true)
        let badDomain = error("""
        - id: okaz
          ar: عكاظ
          en: Okaz
          domains: [https://www.okaz.com.sa/news]
        """)
        #expect(badDomain?.line == 4)
        #expect(badDomain?.problem.contains("not a bare domain") == true)
        let sharedDomain = error("""
        - id: alyaum
          ar: اليوم
          en: Al-Yaum
          domains: [alyaum.com]
        - id: alyaum-sports
          ar: اليوم الرياضي
          en: Al-Yaum Sports
          domains: [alyaum.com]
        """)
        #expect(sharedDomain?.line == 8)
        #expect(sharedDomain?.problem.contains("already belongs to 'alyaum' (line 1)") == true)
        // Ids and names compare without case: «SPA» and «spa» are one name.
        let sharedName = error("""
        - id: spa
          ar: واس
          en: Saudi Press Agency
        - id: was
          ar: واس
          en: Saudi Press Agency
          names: [SPA]
        """)
        #expect(sharedName?.line == 7)
        #expect(sharedName?.problem.contains("the name 'SPA' of 'was' already belongs to 'spa'") == true)
        #expect(error("- id: [x]")?.line == 1)
        #expect(error("okaz: عكاظ")?.problem == "expected a list of outlets")
    }

    @Test func topicsSummaryCountsOutlets() throws {
        let taxonomy = try Taxonomy.parse([TaxonomySource(path: "taxonomy/sources.yaml", text: """
        - id: okaz
          ar: عكاظ
          en: Okaz
          domains: [okaz.com.sa]
        """)])
        #expect(taxonomy.summary().contains("Outlets: 1 in sources.yaml, 1 domains"))
        #expect(try Taxonomy.parse([]).summary().contains("Outlets: none listed (no sources.yaml)"))
    }

    @Test func onlyTheTaxonomyRootsSourcesFileListsOutlets() throws {
        // A gazetteer file named sources.yaml is a gazetteer file.
        let taxonomy = try Taxonomy.parse([TaxonomySource(path: "taxonomy/gazetteer/sources.yaml", text: "[]")])
        #expect(taxonomy.outlets.isEmpty)
    }

    @Test func shippedFileNamesEveryCorpusOutlet() throws {
        let path = Taxonomy.bundledDirectory.appendingPathComponent(Taxonomy.outletFileName).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let shipped = try Taxonomy.parse([TaxonomySource(path: path, text: text)]).outlets
        let ids = Set(shipped.map(\.id))
        // SaudiNewsNet's 14 source ids, and the ANT corpus's station.
        let saudiNewsNet: Set = [
            "aawsat", "aleqtisadiya", "aljazirah", "almadina", "alriyadh", "alwatan", "alweeam", "alyaum", "arreyadi",
            "arreyadiyah", "okaz", "sabq", "was", "3alyoum",
        ]
        #expect(saudiNewsNet.isSubset(of: ids))
        #expect(shipped.contains { $0.names.contains("Jawhara FM") && $0.domains.contains("jawharafm.net") })
        #expect(shipped.allSatisfy { !$0.ar.isEmpty && $0.ar.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } })
    }
}
