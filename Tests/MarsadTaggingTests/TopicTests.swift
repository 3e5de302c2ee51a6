import Testing
@testable import MarsadTagging

@Suite struct TopicRuleTests {
    let tagger: Tagger
    init() throws { tagger = try Fixtures.tagger() }

    func topics(title: String = "", _ body: String) -> [String: TopicAssignment] {
        let analysis = tagger.analyze(TaggingInput(title: title, body: body))
        let assigned = Set(analysis.result.topics.map(\.id))
        return Dictionary(uniqueKeysWithValues: analysis.candidates.filter { assigned.contains($0.id) }.map { ($0.id, $0) })
    }

    @Test func coOccurrenceInOneSentenceFires() throws {
        let result = topics("""
        وصل لافروف إلى دمشق للقاء المسؤولين السوريين.
        وتحدث الجانبان عن الوضع في سوريا.
        """)
        let topic = try #require(result["russia-syria"])
        #expect(topic.evidence.contains { $0.rule == "Russian actor with Syria" && $0.text == "لافروف … دمشق" })
        #expect(result["syria"] != nil)
    }

    @Test func taggingKeepsTheEvidenceOfAssignedTopicsOnly() throws {
        let input = TaggingInput(title: "لافروف في دمشق", body: """
        وصل لافروف إلى دمشق للقاء المسؤولين السوريين.
        وتحدث الجانبان عن الوضع في سوريا.
        وفي خبر آخر ذكر التقرير النفط مرة.
        """)
        let tagged = tagger.tag(input)
        let analysis = tagger.analyze(input)
        // The same topics with the same evidence, in the same order, as the analysis assigns.
        #expect(tagged.topics == analysis.result.topics)
        #expect(!tagged.topics.isEmpty && tagged.topics.allSatisfy { !$0.evidence.isEmpty })
        let russiaSyria = try #require(tagged.topics.first { $0.id == "russia-syria" })
        #expect(russiaSyria.evidence.contains { $0.rule == "Russian actor with Syria" && $0.text == "لافروف … دمشق" })
        // Topics that fell short are the analysis's alone.
        let assigned = Set(tagged.topics.map(\.id))
        #expect(analysis.candidates.count >= tagged.topics.count)
        #expect(analysis.candidates.filter { !assigned.contains($0.id) }.allSatisfy { !$0.evidence.isEmpty })
    }

    @Test func namesInSeparateSentencesDoNotCoOccur() {
        let result = topics("""
        تحدث المسؤولون في دمشق عن سوريا. وقالوا إن سوريا تتعافى.
        في خبر آخر، زار وفد من روسيا الصين.
        """)
        #expect(result["syria"] != nil)
        #expect(result["russia-syria"] == nil)
    }

    @Test func requiredTopicGatesTheDependentOne() {
        // Russia and Syria meet once, but the article is not about Syria.
        let result = topics("""
        ناقش الوزيران التجارة والطاقة والاستثمار.
        واتفقا على زيادة الرحلات الجوية.
        وتطرق لافروف إلى الأزمة في سوريا.
        """)
        #expect(result["syria"] == nil)
        #expect(result["russia-syria"] == nil)
    }

    @Test func headlineEvidenceWeighsDouble() throws {
        let analysis = tagger.analyze(TaggingInput(title: "سوريا", body: "خبر قصير عن الطقس."))
        let syria = try #require(analysis.candidates.first { $0.id == "syria" })
        #expect(syria.score == 2)
        #expect(syria.evidence.first?.spans.first?.inHeadline == true)
    }

    @Test func passingMentionsScatteredInALongArticleStayBelowThreshold() {
        var paragraphs: [String] = []
        for index in 0..<12 {
            paragraphs.append(index % 4 == 0 ? "وذكر التقرير سوريا بين دول أخرى." : "تحدث التقرير عن الاقتصاد والأسواق والنفط.")
        }
        let result = topics(paragraphs.joined(separator: "\n"))
        #expect(result["syria"] == nil)
    }

    @Test func aPassageAboutTheTopicPassesEvenInALongArticle() {
        var paragraphs = Array(repeating: "تحدث التقرير عن الاقتصاد والأسواق والنفط.", count: 10)
        paragraphs.insert("وصل الوفد إلى دمشق. وقال مسؤول سوري إن سوريا ترحب. وأكد أن الجمهورية العربية السورية مستعدة.", at: 5)
        let result = topics(paragraphs.joined(separator: "\n"))
        #expect(result["syria"] != nil)
    }

    @Test func negativeEvidenceAndUnlessTerms() throws {
        let sport = """
        id: sport-free
        ar: بلا رياضة
        en: Syria without sport
        threshold: 1
        rules:
          - related: syria
            unless:
              - keywords: [مباراة]
            weight: 1
          - keywords: [منتخب]
            weight: -2
        """
        let tagger = Tagger(taxonomy: try Fixtures.taxonomy(extraTopics: [sport]))
        let plain = tagger.tag(TaggingInput(title: "", body: "وصل الوفد إلى دمشق."))
        #expect(plain.topics.contains { $0.id == "sport-free" })
        let match = tagger.tag(TaggingInput(title: "", body: "فازت سوريا في مباراة الأمس."))
        #expect(!match.topics.contains { $0.id == "sport-free" })
        let team = tagger.tag(TaggingInput(title: "", body: "وصل الوفد إلى دمشق. وسافر منتخب الشباب."))
        #expect(!team.topics.contains { $0.id == "sport-free" })
    }

    @Test func rolesAndTopicTermsAndParagraphScope() throws {
        let diplomacy = """
        id: russian-diplomacy
        ar: دبلوماسية روسية
        en: Russian diplomacy
        threshold: 3
        rules:
          - all:
              - role: [foreign-minister, envoy]
                related: russia
              - keywords: [محادثات]
            within: paragraph
            weight: 2
          - topic: russia-syria
            within: article
            weight: 1
        """
        let tagger = Tagger(taxonomy: try Fixtures.taxonomy(extraTopics: [diplomacy]))
        let result = tagger.analyze(TaggingInput(title: "", body: """
        أجرى لافروف جولة جديدة. وقال إن محادثات أستانا مفيدة لسوريا.
        وصل لافروف إلى دمشق للقاء المسؤولين السوريين في سوريا. وتحدث عن الحرب في سوريا.
        """))
        let topic = try #require(result.candidates.first { $0.id == "russian-diplomacy" })
        #expect(result.result.topics.contains { $0.id == "russian-diplomacy" })
        #expect(topic.evidence.contains { $0.rule == "topic russia-syria" })
        #expect(topic.evidence.contains { $0.text == "لافروف … محادثات" })
    }

    @Test func aMinimumOfSentencesScalesWithShortArticles() throws {
        let spread = """
        id: spread-syria
        ar: سوريا
        en: Syria in two sentences
        threshold: 1
        sentences: 2
        rules:
          - related: syria
            weight: 1
        """
        let tagger = Tagger(taxonomy: try Fixtures.taxonomy(extraTopics: [spread]))
        func assigned(_ body: String) -> Bool {
            tagger.tag(TaggingInput(title: "خبر", body: body)).topics.contains { $0.id == "spread-syria" }
        }
        #expect(!assigned("طقس اليوم حار. وصل الوفد إلى دمشق. ثم عاد الوفد. وانتهت الزيارة."))
        #expect(assigned("طقس اليوم حار. وصل الوفد إلى دمشق. ثم عاد إلى سوريا. وانتهت الزيارة."))
        #expect(assigned("وصل الوفد إلى دمشق."))
    }

    @Test func keywordsAreCliticAware() throws {
        let result = topics("""
        وصل لافروف إلى سوريا. وقال إن السوريين يريدون السلام. وأكد أن دمشق جاهزة للمفاوضات. وستبدأ الجولة بالمحادثات.
        """)
        let topic = try #require(result["russia-syria"])
        #expect(topic.evidence.contains { $0.rule == "talks" && $0.text == "للمفاوضات" })
        #expect(topic.evidence.contains { $0.rule == "talks" && $0.text == "بالمحادثات" })
    }
}

@Suite struct ExplanationTests {
    @Test func explanationShowsScoresEvidenceEntitiesAndDates() throws {
        let tagger = try Fixtures.tagger()
        let input = TaggingInput(
            title: "لافروف في دمشق",
            body: "وصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق أمس للقاء المسؤولين السوريين. وقال إن سوريا ستنتصر.",
            published: "2015-07-23"
        )
        let text = Explanation.render(tagger.analyze(input), input: input)
        #expect(text.contains("+ russia-syria score"))
        #expect(text.contains("threshold 2.00: assigned"))
        #expect(text.contains("Russian actor with Syria"))
        #expect(text.contains("headline: «لافروف» في «دمشق»"))
        #expect(text.contains("وصل وزير الخارجية «الروسي» سيرغي لافروف إلى «دمشق»"))
        #expect(text.contains("sergey-lavrov (person, Sergey Lavrov, سيرغي لافروف) ×2: لافروف، سيرغي لافروف"))
        #expect(text.contains("2015-07-22  «أمس»"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func ansiStyleHighlightsInColour() throws {
        let tagger = try Fixtures.tagger()
        let input = TaggingInput(title: "", body: "وصل لافروف إلى دمشق. ثم زار سوريا.")
        let text = Explanation.render(tagger.analyze(input), input: input, style: .ansi)
        #expect(text.contains("\u{1B}[1;33mلافروف\u{1B}[0m"))
        #expect(!text.contains("«"))
    }

    @Test func shortfallsAreShown() throws {
        let tagger = try Fixtures.tagger()
        let input = TaggingInput(title: "", body: "وصل الوفد إلى سوريا.")
        let text = Explanation.render(tagger.analyze(input), input: input)
        #expect(text.contains("- syria score 1.50 / threshold 3.00: not assigned"))
        #expect(text.contains("Dates\n  (none)"))
    }

    @Test func unconfirmedNamesAreShown() throws {
        let tagger = try Fixtures.tagger()
        let input = TaggingInput(title: "", body: "هرب الأسد من القفص.")
        let text = Explanation.render(tagger.analyze(input), input: input)
        #expect(text.contains("(no topic gathered any evidence)"))
        #expect(text.contains("not counted, ambiguous without context:\n    bashar-al-assad ×1: الأسد"))
    }
}
