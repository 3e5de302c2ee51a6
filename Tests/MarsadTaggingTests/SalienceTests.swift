import Testing
@testable import MarsadTagging

/// The salience features and the shipped fitted weights on hand-made articles,
/// read the way the labelling guide reads them: a passing mention in a list
/// gets no topic; a headline and one sentence about the topic do.
@Suite struct SalienceTests {
    static let shipped: Tagger? = try? Tagger(taxonomy: BundledTaxonomyTests.loadBundled())

    static func features(_ topic: String, title: String, body: String, tagger: Tagger) throws -> [String: Double] {
        let plan = try #require(tagger.compiled.topics.firstIndex { $0.definition.topic.id == topic })
        let text = ScannedText(headline: title, body: body)
        let hits = EntityFinder(compiled: tagger.compiled, text: text).find()
        let view = try #require(TopicScorer(compiled: tagger.compiled, text: text, hits: hits).score(keepShortfalls: false, trainingTopic: plan).training)
        return Dictionary(uniqueKeysWithValues: zip(tagger.compiled.topics[plan].layout.names, view.features))
    }

    @Test func aPassingMentionInAListGetsNoTopic() throws {
        let tagger = try #require(Self.shipped)
        let title = "وزراء التجارة العرب يجتمعون في القاهرة"
        let body = """
        اجتمع وزراء التجارة في القاهرة أمس بحضور وفود من مصر والأردن وسوريا وروسيا وإيران وتركيا. \
        وناقش الوزراء تسهيل التجارة بين الدول الأعضاء وخفض الرسوم الجمركية. \
        واتفق المجتمعون على عقد الاجتماع المقبل في الربيع. \
        وتحدث الوزير السوري عن تجارة الترانزيت. \
        وقال الأمين العام إن حجم التبادل التجاري ارتفع هذا العام.
        """
        let result = tagger.tag(TaggingInput(title: title, body: body))
        #expect(result.topics.isEmpty, "\(result.topics.map(\.id))")
        // Syria and Russia are still mentioned: the list is not lost, only not evidence.
        #expect(Set(result.entities.map(\.id)).isSuperset(of: ["syria", "russia", "iran", "turkey"]))
        let syria = try Self.features("syria", title: title, body: body, tagger: tagger)
        // The topic's names are those its rules test: Syria's, and the foreign powers acting there.
        #expect(syria["share of the topic's names that stand in lists"] == 0.8)
        #expect(syria["share of body sentences holding evidence"] == 0.2)
        #expect(syria["evidence in the headline"] == 0)
    }

    @Test func aHeadlineAndOneSentenceGetTheTopic() throws {
        let tagger = try #require(Self.shipped)
        let title = "لافروف يبحث مع المعلم في موسكو الحل السياسي في سوريا"
        let body = """
        استقبل وزير الخارجية الروسي سيرغي لافروف نظيره السوري وليد المعلم في موسكو أمس، وبحث الجانبان \
        دعم روسيا للحكومة السورية ومسار الحل السياسي للأزمة في سوريا.
        """
        let topics = Set(tagger.tag(TaggingInput(title: title, body: body)).topics.map(\.id))
        #expect(topics.isSuperset(of: ["syria", "russia-syria"]), "\(topics)")
        let russia = try Self.features("russia-syria", title: title, body: body, tagger: tagger)
        #expect(russia["evidence in the headline"] == 1)
        #expect(russia["evidence in the lead"] == 1)
        #expect(russia["share of evidence naming a person or body"]! > 0)
        #expect(russia["evidence in the headline and a body sentence"] == 1)
        #expect(russia["evidence in one sentence only"] == 0)
    }

    @Test func anAsideAtTheEndIsMarkedAsSuch() throws {
        let tagger = try Fixtures.tagger()
        let title = "موسكو تستضيف معرضا للكتاب"
        let body = "افتتح في موسكو معرض للكتاب. وشارك فيه ناشرون كثر. وزار المعرض آلاف القراء. واستمر أسبوعا. وقال لافروف إن سوريا شاركت في المعرض."
        let values = try Self.features("russia-syria", title: title, body: body, tagger: tagger)
        #expect(values["evidence only in the closing sentences"] == 1)
        #expect(values["evidence in the headline"] == 0)
        #expect(values["evidence in one sentence only"] == 1)
        #expect(values["evidence in the headline and a body sentence"] == 0)
        #expect(values["share of body sentences holding evidence"] == 0.2)
        #expect(values["a Russian actor with Syria, in the body"] == nil)
        #expect(values["Russian actor with Syria, in the body"] == (2.0).squareRoot() - 1)
    }

    @Test func anUmbrellaWeighsLessTheNearerItsThreshold() throws {
        let tagger = try #require(Self.shipped)
        let plan = try #require(tagger.compiled.topics.first { $0.definition.topic.id == "us-syria" })
        let profile = EvidenceProfile(
            firings: [], score: 0, threshold: 4, spreadEnough: true, headlineSentences: 1, bodyParagraphs: [0, 0],
            window: 4, listedNames: 0, unlistedNames: 0
        )
        func values(missing: Bool, margin: Double) -> (missing: Double, nearly: Double, reached: Double) {
            let features = profile.features(plan.layout, requiredMissing: missing, requiredMargin: margin)
            return (
                features[plan.layout.index(.requiredMissing)], features[plan.layout.index(.requiredNearlyMet)],
                features[plan.layout.index(.requiredReached)]
            )
        }
        // Syria's rule score at 80% of its threshold: nearly met; at 40%: missing; at its threshold but
        // unassigned (its evidence in one sentence): reached; assigned: none of them.
        #expect(values(missing: true, margin: -0.2) == (0, 1, 0))
        #expect(values(missing: true, margin: -0.6) == (1, 0, 0))
        #expect(values(missing: true, margin: 0.5) == (0, 0, 1))
        #expect(values(missing: false, margin: 0.5) == (0, 0, 0))
        let prior = plan.layout.prior
        #expect(prior.weights[plan.layout.index(.requiredReached)] > prior.weights[plan.layout.index(.requiredNearlyMet)])
        #expect(prior.weights[plan.layout.index(.requiredNearlyMet)] > prior.weights[plan.layout.index(.requiredMissing)])
    }

    @Test func theUNEnvoyStandsForSyriaInThePeaceProcess() throws {
        let tagger = try #require(Self.shipped)
        let title = "اجتماع للمعارضة في إسطنبول"
        let body = """
        عقدت المعارضة السورية اجتماعا في إسطنبول أمس.         وناقش المجتمعون دعوة المبعوث الدولي ستيفان دي ميستورا إلى تشكيل مجموعات عمل تمهد للحل السياسي.         وقال رئيس الاجتماع إن مفتاح الحل ليس بيد دي ميستورا.
        """
        let values = try Self.features("syria-peace-process", title: title, body: body, tagger: tagger)
        // The envoy's sentence names no Syrian place, yet it is the process's mediation.
        #expect((values["the peace process's tracks, bodies or terms beside a Syrian name or the UN envoy, in the lead"] ?? 0) > 0)
    }

    @Test func theNuclearAgreementIsNotASyrianAgreement() throws {
        let tagger = try #require(Self.shipped)
        let title = "المعلم: الاتفاق النووي لن يغير شيئا"
        let body = """
        قال وزير الخارجية السوري وليد المعلم في دمشق إن الاتفاق النووي بين إيران والدول الست لن يؤثر على دعم طهران لسوريا.         وأضاف أن دمشق ترحب بالاتفاق النووي.         وتابع أن الحرب في سوريا مستمرة.
        """
        let values = try Self.features("syria-peace-process", title: title, body: body, tagger: tagger)
        // No rule of the topic fires at all (then it has no features), or the agreement rule does not.
        for zone in ["in the headline", "in the lead", "in the body"] {
            #expect((values["talks, an agreement or an initiative beside a Syrian name, \(zone)"] ?? 0) == 0)
        }
        let topics = Set(tagger.tag(TaggingInput(title: title, body: body)).topics.map(\.id))
        #expect(!topics.contains("syria-peace-process"), "\(topics)")
    }

    @Test func coalitionStrikesInIraqAreNotTheWarInSyria() throws {
        let tagger = try #require(Self.shipped)
        let title = "غارات للتحالف في سوريا والعراق"
        let body = """
        نفذ التحالف الدولي عشر غارات على مواقع داعش قرب الرمادي في العراق.         وشن التحالف أيضا خمس غارات في سوريا قرب الرقة.
        """
        let values = try Self.features("us-syria", title: title, body: body, tagger: tagger)
        // The headline names Syria; of the body, only the sentence in Syria counts.
        #expect((values["the coalition's war in Syria, in the headline"] ?? 0) > 0)
        #expect(values["the coalition's war in Syria, in the lead"] == (2.0).squareRoot() - 1)
    }

    @Test func turkeysSafeZoneIsTurkishPolicyInSyria() throws {
        let tagger = try #require(Self.shipped)
        let title = "أنقرة تستعد لإقامة المنطقة الآمنة"
        let body = "قال مسؤول في الحكومة التركية إن تركيا ستقيم المنطقة الآمنة خلال أسابيع. وأضاف أن الجيش مستعد."
        let values = try Self.features("turkey-syria", title: title, body: body, tagger: tagger)
        #expect((values["Turkey and a safe or buffer zone or its operations in northern Syria, in the headline"] ?? 0) > 0)
        #expect((values["Turkey and a safe or buffer zone or its operations in northern Syria, in the lead"] ?? 0) > 0)
    }

    @Test func aTurkishTownByTheBorderIsAPlaceNotAnActor() throws {
        let tagger = try #require(Self.shipped)
        let title = "قتلى بانفجار في بلدة تركية قرب سوريا"
        let body = "قتل عشرون شخصا في انفجار هز بلدة تركية قرب سوريا أمس. وقالت الشرطة إن التحقيق جار. وأغلقت المتاجر في البلدة."
        let values = try Self.features("turkey-syria", title: title, body: body, tagger: tagger)
        for zone in ["in the headline", "in the lead", "in the body"] {
            #expect((values["a Turkish actor and a Syrian name in one sentence, \(zone)"] ?? 0) == 0)
        }
        // Turkey's government acting on Syria is an actor.
        let acting = try Self.features(
            "turkey-syria", title: "أنقرة تبحث مع المعارضة السورية الوضع في حلب", body: "استقبل وزير الخارجية التركي وفدا من المعارضة السورية.", tagger: tagger
        )
        #expect((acting["a Turkish actor and a Syrian name in one sentence, in the headline"] ?? 0) > 0)
        #expect((acting["a Turkish actor and a Syrian name in one sentence, in the lead"] ?? 0) > 0)
    }

    @Test func interferenceInTheRegionIsNotSupportInSyria() throws {
        let tagger = try #require(Self.shipped)
        let title = "الجبير يطالب إيران بتغيير سياستها"
        let body = """
        قال وزير الخارجية السعودي إن على إيران أن تكف عن التدخل في شؤون الدول العربية ومنها سوريا. \
        وأضاف أن المملكة تريد علاقات حسن جوار.
        """
        let values = try Self.features("iran-syria", title: title, body: body, tagger: tagger)
        #expect((values["Iranian support or fighting in Syria, in the lead"] ?? 0) == 0)
        let support = try Self.features(
            "iran-syria", title: "طهران تزيد دعمها لدمشق", body: "قال مسؤول إن إيران تدعم الحكومة السورية بالمستشارين والمال.", tagger: tagger
        )
        #expect((support["Iranian support or fighting in Syria, in the lead"] ?? 0) > 0)
    }
}
