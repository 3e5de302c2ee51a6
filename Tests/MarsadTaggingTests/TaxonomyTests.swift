import Foundation
import Testing
@testable import MarsadTagging

@Suite struct TaxonomyValidationTests {
    func parseError(_ sources: [TaxonomySource]) -> TaxonomyError? {
        do {
            _ = try Taxonomy.parse(sources)
            return nil
        } catch {
            return error
        }
    }

    func gazetteerError(_ yaml: String) -> TaxonomyError? {
        parseError([TaxonomySource(path: "gazetteer/bad.yaml", text: yaml)])
    }

    @Test func fixturesParse() throws {
        let taxonomy = try Fixtures.taxonomy()
        #expect(taxonomy.entities.count == 12)
        #expect(taxonomy.topics.map(\.id) == ["syria", "russia-syria"])
        #expect(taxonomy.topics.first { $0.id == "russia-syria" }?.requires == ["syria"])
    }

    @Test func unknownKeyNamesFileAndLine() {
        let error = gazetteerError("""
        - id: russia
          type: country
          en: Russia
          ar: روسيا
          nickname: Rus
        """)
        #expect(error?.path == "gazetteer/bad.yaml")
        #expect(error?.line == 5)
        #expect(error?.problem.contains("unknown key 'nickname'") == true)
        #expect(error?.description.hasPrefix("gazetteer/bad.yaml:5: ") == true)
    }

    @Test func wrongTypes() {
        #expect(gazetteerError("""
        - id: russia
          type: country
          en: Russia
          ar: روسيا
          variants: {a: b}
        """)?.line == 5)
        #expect(gazetteerError("""
        - id: russia
          type: planet
          en: Russia
          ar: روسيا
        """)?.problem.contains("unknown entity type 'planet'") == true)
        #expect(gazetteerError("id: russia")?.problem == "expected a list of entities")
    }

    @Test func missingRequiredField() {
        let error = gazetteerError("""
        - id: russia
          type: country
          ar: روسيا
        """)
        #expect(error?.line == 1)
        #expect(error?.problem == "lacks 'en'")
    }

    @Test func duplicateIDsAcrossFiles() {
        let entity = "- {id: russia, type: country, en: Russia, ar: روسيا}\n"
        let error = parseError([
            TaxonomySource(path: "gazetteer/a.yaml", text: entity),
            TaxonomySource(path: "gazetteer/b.yaml", text: "\n" + entity),
        ])
        #expect(error?.path == "gazetteer/b.yaml")
        #expect(error?.line == 2)
        #expect(error?.problem.contains("duplicate entity id 'russia'") == true)
    }

    @Test func badIdentifier() {
        #expect(gazetteerError("- {id: Russia Federation, type: country, en: Russia, ar: روسيا}")?.problem
            .contains("lowercase") == true)
    }

    @Test func relationToUnknownEntity() {
        let error = gazetteerError("""
        - id: moscow
          type: place
          en: Moscow
          ar: موسكو
          relations: [russia]
        """)
        #expect(error?.line == 1)
        #expect(error?.problem.contains("unknown relation 'russia'") == true)
    }

    @Test func ambiguousFormMustBeAName() {
        let error = gazetteerError("""
        - id: hama
          type: place
          en: Hama
          ar: حماة
          ambiguous: [حمص]
        """)
        #expect(error?.line == 5)
    }

    @Test func invalidYAMLNamesTheLine() {
        let error = gazetteerError("""
        - id: russia
          type: country
          en: [Russia
        """)
        #expect(error?.path == "gazetteer/bad.yaml")
        #expect(error?.line != nil)
        #expect(error?.problem.hasPrefix("not valid YAML") == true)
    }

    @Test func aKeyGivenTwiceNamesTheLineAndKey() {
        let error = gazetteerError("""
        - id: russia
          type: country
          type: place
          en: Russia
          ar: روسيا
        """)
        #expect(error?.problem == "duplicate keys: type")
        #expect(error?.line != nil)
    }

    /// Values that YAML would take for numbers, booleans or null are names like any other.
    @Test func valuesAreTextWhateverTheyLookLike() throws {
        let taxonomy = try Taxonomy.parse([
            TaxonomySource(path: "gazetteer/test.yaml", text: """
            - id: norway
              type: country
              en: Norway
              ar: النرويج
              variants: [no, yes, null, true, Off]
            """),
        ])
        #expect(taxonomy.entities.first?.variants == ["no", "yes", "null", "true", "Off"])
    }

    func topicError(_ yaml: String) -> TaxonomyError? {
        parseError([
            TaxonomySource(path: "gazetteer/test.yaml", text: Fixtures.gazetteer),
            TaxonomySource(path: "topics/bad.yaml", text: yaml),
        ])
    }

    @Test func topicRuleNamingUnknownEntity() {
        let error = topicError("""
        id: test
        ar: اختبار
        en: Test
        threshold: 1
        rules:
          - related: russia
          - all:
              - entity: atlantis
              - related: syria
        """)
        #expect(error?.path == "topics/bad.yaml")
        #expect(error?.line == 8)
        #expect(error?.problem.contains("unknown entity 'atlantis'") == true)
    }

    @Test func topicRuleNamingUnknownRole() {
        let error = topicError("""
        id: test
        ar: اختبار
        en: Test
        threshold: 1
        rules:
          - role: astronaut
        """)
        #expect(error?.line == 6)
        #expect(error?.problem.contains("role 'astronaut'") == true)
    }

    @Test func topicStructureErrors() {
        #expect(topicError("id: test\nar: a\nen: b\nrules:\n  - related: russia\n")?.problem == "topic lacks 'threshold'")
        #expect(topicError("id: test\nar: a\nen: b\nthreshold: high\nrules:\n  - related: russia\n")?.line == 4)
        #expect(topicError("id: test\nar: a\nen: b\nthreshold: 1\nrules:\n  - related: russia\n    within: chapter\n")?.line == 7)
        #expect(topicError("id: test\nar: a\nen: b\nthreshold: 1\nrules:\n  - related: russia\n    keywords: [x]\n")?.problem
            .contains("mixes") == true)
        #expect(topicError("id: test\nar: a\nen: b\nthreshold: 1\nrules: []\n")?.problem.contains("non-empty") == true)
        #expect(topicError("id: test\nar: a\nen: b\nthreshold: 1\ncolour: red\nrules:\n  - related: russia\n")?.line == 5)
    }

    @Test func requiresUnknownTopicAndCycles() {
        #expect(topicError("id: test\nar: a\nen: b\nthreshold: 1\nrequires: [nothing]\nrules:\n  - related: russia\n")?.problem
            .contains("unknown topic 'nothing'") == true)
        let cycle = parseError([
            TaxonomySource(path: "gazetteer/test.yaml", text: Fixtures.gazetteer),
            TaxonomySource(path: "topics/a.yaml", text: "id: a\nar: a\nen: a\nthreshold: 1\nrequires: [b]\nrules:\n  - related: russia\n"),
            TaxonomySource(path: "topics/b.yaml", text: "id: b\nar: b\nen: b\nthreshold: 1\nrules:\n  - topic: a\n"),
        ])
        #expect(cycle?.problem.contains("cycle") == true)
    }

    @Test func summaryListsTopicsAndGazetteer() throws {
        let summary = try Fixtures.taxonomy().summary(showRules: true)
        #expect(summary.contains("Gazetteer: 12 entities"))
        #expect(summary.contains("russia-syria  Russia–Syria / روسيا وسوريا  threshold 2.00, 2 rules, requires syria"))
        #expect(summary.contains("Russian actor with Syria"))
    }
}

@Suite struct BundledTaxonomyTests {
    static func loadBundled() throws -> Taxonomy {
        let root = Taxonomy.bundledDirectory
        var sources: [TaxonomySource] = []
        for folder in ["gazetteer", "topics"] {
            let directory = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".yaml") {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                sources.append(TaxonomySource(path: "\(folder)/\(name)", text: text))
            }
        }
        let weights = root.appendingPathComponent(Taxonomy.weightsFileName)
        if FileManager.default.fileExists(atPath: weights.path) {
            sources.append(TaxonomySource(path: Taxonomy.weightsFileName, text: try String(contentsOf: weights, encoding: .utf8)))
        }
        return try Taxonomy.parse(sources)
    }

    @Test func shippedTaxonomyIsValidAndCarriesTheReferenceTopics() throws {
        let taxonomy = try Self.loadBundled()
        let ids = Set(taxonomy.topics.map(\.id))
        for id in ["russia-syria", "syria-peace-process", "syrian-refugees", "israel-syria", "iran-syria", "turkey-syria", "us-syria", "syria"] {
            #expect(ids.contains(id), "missing topic \(id)")
        }
        #expect(taxonomy.topics.count >= 12)
    }

    @Test func shippedTopicsTagATypicalArticle() throws {
        let tagger = Tagger(taxonomy: try Self.loadBundled())
        let result = tagger.tag(TaggingInput(
            title: "لافروف يبحث مع المعلم في موسكو الوضع في سوريا",
            body: """
            بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره السوري وليد المعلم في موسكو اليوم سبل دعم الحكومة السورية.
            وأكد لافروف أن روسيا ستواصل دعم دمشق في مكافحة الإرهاب، وأن الطيران الروسي سيواصل غاراته في سوريا.
            وقال المعلم إن الجيش السوري يتقدم في ريف حلب وإدلب بدعم روسي.
            """
        ))
        let topics = Set(result.topics.map(\.id))
        #expect(topics.contains("russia-syria"))
        #expect(topics.contains("syria"))
        #expect(!topics.contains("israel-syria"))
        let entities = Set(result.entities.map(\.id))
        #expect(entities.isSuperset(of: ["russia", "syria", "sergey-lavrov", "walid-muallem", "moscow", "damascus", "aleppo", "idlib"]))
    }

    @Test func iraqiPlacesThatContainOtherNamesStayIraqi() throws {
        let tagger = Tagger(taxonomy: try Self.loadBundled())
        func entities(_ body: String) -> Set<String> {
            Set(tagger.tag(TaggingInput(title: "العراق", body: body)).entities.map(\.id))
        }
        // An air base and a district of Anbar, and the land between the two rivers: Iraq, not Bashar al-Assad,
        // the ISIS leader or the Syrian Euphrates.
        // A Syrian name in the sentence would confirm "الأسد" as the Syrian president.
        #expect(!entities("وصل إلى قاعدة عين الأسد في الأنبار جنود أميركيون قادمون من سوريا.").contains("bashar-al-assad"))
        #expect(!entities("نشأت أعظم الحضارات بين دجلة والفرات.").contains("euphrates"))
        #expect(!entities("وصلت المساعدات إلى ناحية البغدادي المحاصرة من تنظيم داعش.").contains("abu-bakr-al-baghdadi"))
        // The names alone still count.
        #expect(entities("قال الأسد في دمشق إن الحرب مستمرة.").contains("bashar-al-assad"))
        #expect(entities("دعا المعارضون إلى إسقاط النظام الأسدي.").contains("bashar-al-assad"))
        #expect(entities("تقدمت القوات شرق الفرات.").contains("euphrates"))
        #expect(entities("ظهر زعيم تنظيم داعش البغدادي في تسجيل.").contains("abu-bakr-al-baghdadi"))
    }
}
