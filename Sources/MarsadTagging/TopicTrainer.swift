/// Fits each topic's weights from labelled articles: the rule firings and the
/// salience of the evidence become features, and an L2-regularised logistic
/// regression, pulled toward what the rule weights alone decide, learns how
/// much each counts. Topics are fitted in the taxonomy's dependency order, so
/// that a topic requiring `syria` learns from the articles the fitted `syria`
/// lets through, as it will be used.
public struct TopicTrainer: Sendable {
    /// The L2 penalty's strength, toward the rules' model.
    public var regularization: Double
    /// How much a labelled positive counts against a negative: above 1 trades precision for recall.
    public var positiveWeight: Double
    /// A topic the labels give fewer articles than this keeps its rule weights: they are not
    /// labelled for it, or too few to learn from.
    public var minimumPositives: Int
    /// The features the fit may move; the others keep the rules' (zero) weight.
    public var featureGroups: TopicFeatureGroups = .all

    /// Chosen by 5-fold cross-validation on the development set (seeds 8, 9, 10) among 1, 3, 10, 30 and 100:
    /// weaker penalties let the weights follow the few examples of the rarer topics and lose on held-out folds.
    public static let defaultRegularization = 30.0
    /// Chosen with the penalty among 1, 2 and 3: the reference topics are rare, and F1 rewards recall
    /// more than the likelihood does.
    public static let defaultPositiveWeight = 2.0

    public init(regularization: Double = defaultRegularization, positiveWeight: Double = defaultPositiveWeight, minimumPositives: Int = 3) {
        self.regularization = regularization
        self.positiveWeight = positiveWeight
        self.minimumPositives = minimumPositives
    }

    /// The weights fitted on `articles` for the topics of `taxonomy` (whose own weights, if any, are ignored).
    public func train(_ taxonomy: Taxonomy, on articles: [LabelledArticle]) -> TopicWeights {
        let base = CompiledTaxonomy(taxonomy.applying(nil))
        // Finding names does not depend on weights: once per article.
        let scanned = articles.map { article -> (ScannedText, FoundHits) in
            let text = ScannedText(headline: article.input.title, body: article.input.body)
            return (text, EntityFinder(compiled: base, text: text).find())
        }
        var positiveCounts: [String: Int] = [:]
        for article in articles { for topic in article.topics { positiveCounts[topic, default: 0] += 1 } }

        let regression = LogisticRegression(regularization: regularization, positiveWeight: positiveWeight)
        var models = [LogisticRegression.Model?](repeating: nil, count: base.topics.count)
        var fitted: [TopicWeights.FittedTopic] = []
        for (index, plan) in base.topics.enumerated() {
            let id = plan.definition.topic.id
            guard positiveCounts[id, default: 0] >= minimumPositives else { continue }
            let current = base.replacingModels(models)
            let kept = plan.layout.kept(featureGroups)
            var features: [[Double]] = []
            var labels: [Bool] = []
            for (article, (text, hits)) in zip(articles, scanned) {
                let scorer = TopicScorer(compiled: current, text: text, hits: hits)
                guard let view = scorer.score(keepShortfalls: false, trainingTopic: index).training, view.eligible else { continue }
                features.append(zip(view.features, kept).map { $1 ? $0 : 0 })
                labels.append(article.topics.contains(id))
            }
            let positives = labels.filter { $0 }.count
            guard positives > 0, positives < labels.count else { continue }
            let model = regression.fit(features, labels: labels, prior: plan.layout.prior)
            models[index] = model
            fitted.append(TopicWeights.FittedTopic(
                id: id, fingerprint: plan.definition.fingerprint, examples: labels.count, positives: positives, bias: model.bias,
                features: zip(plan.layout.names, model.weights).map { TopicWeights.Feature(name: $0, weight: $1) }
            ))
        }
        return TopicWeights(trainingArticles: articles.count, regularization: regularization, positiveWeight: positiveWeight, topics: fitted)
    }

    /// A tagger with weights fitted on `articles`.
    public func fittedTagger(_ taxonomy: Taxonomy, on articles: [LabelledArticle]) -> Tagger {
        Tagger(taxonomy: taxonomy.applying(train(taxonomy, on: articles)))
    }
}
