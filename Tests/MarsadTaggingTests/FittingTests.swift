import Foundation
import MarsadText
import Testing
@testable import MarsadTagging

/// The logistic regression on small synthetic data, and the trainer on
/// hand-made articles with the test taxonomy.
@Suite struct LogisticRegressionTests {
    @Test func separableDataIsSeparated() {
        // Label: the first feature is above 0.5; the second is noise.
        let features: [[Double]] = [[0.1, 0.3], [0.2, 0.9], [0.3, 0.1], [0.4, 0.5], [0.6, 0.2], [0.7, 0.8], [0.8, 0.4], [0.9, 0.6]]
        let labels = features.map { $0[0] > 0.5 }
        let model = LogisticRegression(regularization: 0.01).fit(features, labels: labels)
        for (row, label) in zip(features, labels) { #expect((model.logit(row) >= 0) == label) }
        #expect(model.weights[0] > 5)
        #expect(abs(model.weights[1]) < model.weights[0] / 5)
    }

    @Test func theMoreRegularisationTheCloserToThePrior() {
        let features: [[Double]] = [[1, 0], [1, 1], [0, 1], [0, 0], [1, 0], [0, 1]]
        let labels = [true, true, false, false, true, false]
        let prior = LogisticRegression.Model(weights: [0, 2], bias: -1)
        func distance(_ model: LogisticRegression.Model) -> Double {
            zip(model.weights, prior.weights).map { abs($0 - $1) }.reduce(abs(model.bias - prior.bias), +)
        }
        let loose = LogisticRegression(regularization: 0.1).fit(features, labels: labels, prior: prior)
        let firm = LogisticRegression(regularization: 10).fit(features, labels: labels, prior: prior)
        let rigid = LogisticRegression(regularization: 10_000).fit(features, labels: labels, prior: prior)
        #expect(distance(rigid) < 0.01)
        #expect(distance(firm) < distance(loose))
        // The data say the first feature decides and the second does not: the loose fit moves that way.
        #expect(loose.weights[0] > firm.weights[0])
        #expect(loose.weights[1] < firm.weights[1])
        // Without a prior, a strong penalty shrinks toward zero.
        let shrunk = LogisticRegression(regularization: 100).fit(features, labels: labels)
        #expect(abs(shrunk.weights[0]) < abs(LogisticRegression(regularization: 0.1).fit(features, labels: labels).weights[0]))
    }

    @Test func weightingPositivesRaisesRecall() {
        let features: [[Double]] = (0..<20).map { [Double($0) / 20] }
        let labels = (0..<20).map { $0 == 12 || $0 >= 16 }
        let plain = LogisticRegression(regularization: 0.1).fit(features, labels: labels)
        let weighted = LogisticRegression(regularization: 0.1, positiveWeight: 4).fit(features, labels: labels)
        let found = { (model: LogisticRegression.Model) in zip(features, labels).filter { $1 && model.logit($0) >= 0 }.count }
        #expect(found(weighted) > found(plain))
    }

    @Test func fittingIsDeterministic() {
        var generator = SeededGenerator(seed: 42)
        let features = (0..<60).map { _ in (0..<4).map { _ in Double.random(in: 0...1, using: &generator) } }
        let labels = features.map { $0[0] + $0[2] > 1 }
        let regression = LogisticRegression(regularization: 0.5)
        #expect(regression.fit(features, labels: labels) == regression.fit(features, labels: labels))
    }
}

@Suite struct TopicTrainerTests {
    static func articles() -> [LabelledArticle] {
        // About Russia and Syria: a Russian actor acting in Syria, in the headline and the body.
        let about = [
            ("لافروف يبحث في دمشق الحرب في سوريا", "وصل لافروف إلى دمشق. وقال إن روسيا تدعم سوريا. وبحث مع المسؤولين في سوريا الوضع."),
            ("روسيا وسوريا توقعان اتفاقا", "وقعت روسيا وسوريا اتفاقا في دمشق. وقال لافرنتييف إن سوريا شريك. وأكدت موسكو دعمها لسوريا."),
            ("موسكو تستقبل وفدا سوريا", "استقبلت موسكو وفدا من سوريا. وقال لافروف إن روسيا تدعم دمشق. وعاد الوفد إلى سوريا."),
            ("لافرنتييف في دمشق", "التقى لافرنتييف في دمشق مسؤولين من سوريا. وقال إن روسيا مع سوريا. وأكد أن موسكو تدعم دمشق."),
        ]
        // About Syria, with Russia named once in passing at the end.
        let passing = [
            ("الحرب في سوريا", "اشتدت المعارك في سوريا. ونزح آلاف من حماة في سوريا. وقالت دمشق إن الوضع صعب. وذكر مراقبون روسيا وسوريا."),
            ("دمشق تعلن الميزانية", "أعلنت دمشق ميزانية سوريا. وقال وزير في سوريا إنها أكبر. وانتقد الاقتصاديون دمشق. وعلقت روسيا على سوريا."),
            ("سوريا والطقس", "ضربت عاصفة سوريا. وأغلقت دمشق المدارس. وتضررت حماة في سوريا. وأرسلت روسيا برقية إلى سوريا."),
            ("انتخابات في سوريا", "جرت انتخابات في سوريا. وصوت الناخبون في دمشق. وأعلنت سوريا النتائج. وهنأت موسكو سوريا."),
        ]
        return about.enumerated().map { LabelledArticle(id: "a\($0.offset)", input: TaggingInput(title: $0.element.0, body: $0.element.1), topics: ["syria", "russia-syria"]) }
            + passing.enumerated().map { LabelledArticle(id: "p\($0.offset)", input: TaggingInput(title: $0.element.0, body: $0.element.1), topics: ["syria"]) }
    }

    @Test func trainingLearnsFromLabelsAndIsDeterministic() throws {
        let taxonomy = try Fixtures.taxonomy()
        let articles = Self.articles()
        let trainer = TopicTrainer(regularization: 0.3)
        let weights = trainer.train(taxonomy, on: articles)
        #expect(weights == trainer.train(taxonomy, on: articles))
        #expect(weights.trainingArticles == 8)
        let russia = try #require(weights.topics.first { $0.id == "russia-syria" })
        #expect(russia.positives == 4)
        #expect(russia.features.map(\.name) == TopicFeatureLayout(taxonomy.definitions.first { $0.topic.id == "russia-syria" }!).names)

        // The rules alone take a passing Russian mention beside Syria for the topic; the fitted weights do not.
        let rules = Tagger(taxonomy: taxonomy)
        let fitted = Tagger(taxonomy: taxonomy.applying(weights))
        let passing = articles.filter { $0.id.hasPrefix("p") }.map(\.input)
        #expect(passing.contains { rules.tag($0).topics.contains { $0.id == "russia-syria" } })
        for article in articles {
            let found = fitted.tag(article.input).topics.map(\.id)
            #expect(found.contains("russia-syria") == article.topics.contains("russia-syria"), "\(article.id): \(found)")
        }

        // The file round-trips.
        let reread = try TopicWeights.parse(TaxonomySource(path: "weights.json", text: weights.encoded()))
        #expect(reread == weights)
    }

    @Test func aTopicWithoutFittedWeightsKeepsItsRules() throws {
        let taxonomy = try Fixtures.taxonomy()
        // Only russia-syria carries labels here: syria is not labelled, so it is not fitted.
        let articles = Self.articles().map { article -> LabelledArticle in
            var article = article
            article.topics.remove("syria")
            return article
        }
        let weights = TopicTrainer(regularization: 0.3).train(taxonomy, on: articles)
        let fitted = taxonomy.applying(weights)
        #expect(weights.topics.map(\.id) == ["russia-syria"])
        #expect(fitted.fit(of: "syria") == .rules)
        guard case .fitted(let examples, let positives) = fitted.fit(of: "russia-syria") else {
            Issue.record("russia-syria should be fitted")
            return
        }
        #expect(examples == 8 && positives == 4)
        // syria is decided exactly as by its rule weights.
        let rules = Tagger(taxonomy: taxonomy)
        let tagger = Tagger(taxonomy: fitted)
        for article in articles {
            let bySyriaRules = rules.tag(article.input).topics.first { $0.id == "syria" }
            let now = tagger.tag(article.input).topics.first { $0.id == "syria" }
            #expect(bySyriaRules == now)
        }
        #expect(fitted.summary().contains("syria  Syria / سوريا  threshold 3.00, 1 rule; rule weights (not fitted)"))
        #expect(fitted.summary().contains("fitted weights (8 articles, 4 with the topic)"))
    }

    @Test func weightsOfAnEditedTopicFileAreSetAside() throws {
        let taxonomy = try Fixtures.taxonomy()
        let weights = TopicTrainer(regularization: 0.3).train(taxonomy, on: Self.articles())
        let edited = Fixtures.russiaSyriaTopic.replacingOccurrences(of: "weight: 0.5", with: "weight: 0.75")
        let changed = try Taxonomy.parse([
            TaxonomySource(path: "gazetteer/test.yaml", text: Fixtures.gazetteer),
            TaxonomySource(path: "topics/syria.yaml", text: Fixtures.syriaTopic),
            TaxonomySource(path: "topics/russia-syria.yaml", text: edited),
            TaxonomySource(path: "weights.json", text: weights.encoded()),
        ])
        #expect(changed.fit(of: "russia-syria") == .stale)
        #expect(changed.fit(of: "syria") != .stale)
        #expect(changed.summary().contains("fitted weights are for an earlier version of the file"))
    }

    @Test func aBrokenWeightsFileIsRefusedWithItsName() throws {
        func problem(_ text: String) -> String? {
            do {
                _ = try Taxonomy.parse([
                    TaxonomySource(path: "gazetteer/test.yaml", text: Fixtures.gazetteer),
                    TaxonomySource(path: "topics/syria.yaml", text: Fixtures.syriaTopic),
                    TaxonomySource(path: "tax/weights.json", text: text),
                ])
                return nil
            } catch {
                return error.description
            }
        }
        #expect(problem("{")?.hasPrefix("tax/weights.json: not valid JSON") == true)
        #expect(problem(#"{"format": 9, "trainingArticles": 1, "regularization": 1, "positiveWeight": 1, "topics": []}"#)?.contains("format 9") == true)
        #expect(problem(#"{"format": 1, "regularization": 1, "positiveWeight": 1, "topics": []}"#) == "tax/weights.json: missing \"trainingArticles\"")
    }

    @Test func explanationsShowLearnedWeights() throws {
        let taxonomy = try Fixtures.taxonomy()
        let tagger = Tagger(taxonomy: taxonomy.applying(TopicTrainer(regularization: 0.3).train(taxonomy, on: Self.articles())))
        let input = Self.articles()[0].input
        let analysis = tagger.analyze(input)
        let model = try #require(analysis.models["russia-syria"])
        let text = Explanation.render(analysis, input: input)
        #expect(text.contains("+ russia-syria fitted log-odds \(Explanation.format(model.logit))"))
        let headline = try #require(model.contributions.first { $0.feature == "evidence in the headline" })
        #expect(headline.value == 1)
        #expect(text.contains("\(Explanation.signed(headline.amount))  = 1.00 × \(Explanation.signed(headline.weight))  evidence in the headline"))
        #expect(text.contains("bias"))
        #expect(text.contains("rules that fired"))
    }

    @Test func crossValidationIsRepeatableWithItsSeed() throws {
        let taxonomy = try Fixtures.taxonomy()
        let trainer = TopicTrainer(regularization: 0.3)
        func run(_ seed: UInt64) -> [String: TopicCounts] {
            CrossValidation.evaluate(Self.articles(), k: 2, seed: seed) { trainer.fittedTagger(taxonomy, on: $0) }.counts
        }
        #expect(run(3) == run(3))
    }
}
