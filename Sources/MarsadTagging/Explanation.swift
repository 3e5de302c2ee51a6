/// Renders why an article was tagged as it was: every topic that gathered
/// evidence with its score against its threshold and the rules that fired,
/// the matched words highlighted in their sentence; then each entity with
/// its count and surface forms, and the dates found.
public enum Explanation {
    public enum Style: Sendable {
        /// Matches in «guillemets».
        case plain
        /// Matches in bold colour, for terminals.
        case ansi
    }

    public static func render(_ analysis: TaggingAnalysis, input: TaggingInput, style: Style = .plain) -> String {
        let title = Array(input.title.utf8)
        let body = Array(input.body.utf8)
        var lines: [String] = []
        let result = analysis.result
        let assigned = Set(result.topics.map(\.id))

        lines.append(heading("Topics", style))
        if analysis.candidates.isEmpty { lines.append("  (no topic gathered any evidence)") }
        for topic in analysis.candidates {
            let verdict = assigned.contains(topic.id) ? "assigned" : "not assigned"
            let mark = assigned.contains(topic.id) ? "+" : "-"
            if let model = analysis.models[topic.id] {
                lines.append("  \(mark) \(emphasis(topic.id, style)) fitted log-odds \(format(model.logit)) (probability \(format(model.probability))) / 0: \(verdict)")
                lines.append("      rule score \(format(model.ruleScore)); each feature as value × learned weight = contribution:")
                for contribution in model.contributions where contribution.value != 0 {
                    lines.append("      \(signed(contribution.amount))  = \(format(contribution.value)) × \(signed(contribution.weight))  \(contribution.feature)")
                }
                lines.append("      \(signed(model.bias))  bias")
                lines.append("      rules that fired (rule weight × position):")
            } else {
                lines.append("  \(mark) \(emphasis(topic.id, style)) score \(format(topic.score)) / threshold \(format(topic.threshold)): \(verdict)")
            }
            for evidence in topic.evidence {
                let sign = evidence.weight >= 0 ? "+" : ""
                lines.append("      \(sign)\(format(evidence.weight))  \(evidence.rule): \(evidence.text)")
                if let first = evidence.spans.first {
                    let spansHere = evidence.spans.filter { $0.inHeadline == first.inHeadline }
                    lines.append("          " + excerpt(first.inHeadline ? title : body, spans: spansHere, style: style, headline: first.inHeadline))
                }
            }
        }

        lines.append(heading("Entities", style))
        if result.entities.isEmpty { lines.append("  (none)") }
        for entity in result.entities {
            lines.append("  \(emphasis(entity.id, style)) (\(entity.type.rawValue), \(entity.name), \(entity.nameAr)) ×\(entity.count): \(entity.forms.joined(separator: "، "))")
        }
        if !analysis.unconfirmed.isEmpty {
            lines.append("  not counted, ambiguous without context:")
            for entity in analysis.unconfirmed {
                lines.append("    \(entity.id) ×\(entity.count): \(entity.forms.joined(separator: "، "))")
            }
        }

        lines.append(heading("Dates", style))
        if result.dates.isEmpty { lines.append("  (none)") }
        for date in result.dates { lines.append("  \(date.date)  \(highlight(date.text, style))") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func signed(_ value: Double) -> String {
        value >= 0 ? "+" + format(value) : format(value)
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private static func heading(_ text: String, _ style: Style) -> String {
        style == .ansi ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    private static func emphasis(_ text: String, _ style: Style) -> String {
        style == .ansi ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    private static func highlight(_ text: String, _ style: Style) -> String {
        style == .ansi ? "\u{1B}[1;33m\(text)\u{1B}[0m" : "«\(text)»"
    }

    /// The sentence around the first span, at most a couple of hundred bytes, with every span in it highlighted.
    static func excerpt(_ bytes: [UInt8], spans: [TextSpan], style: Style, headline: Bool) -> String {
        guard let first = spans.first, first.start >= 0, first.end <= bytes.count, first.start < first.end else { return "" }
        let reach = 160
        var start = first.start
        while start > 0 && first.start - start < reach && !isBoundary(bytes, before: start) { start -= 1 }
        var end = first.end
        while end < bytes.count && end - first.end < reach && !isBoundary(bytes, at: end) { end += 1 }
        while start > 0 && start < bytes.count && bytes[start] & 0xC0 == 0x80 { start += 1 }
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        var pieces = ""
        var cursor = start
        for span in spans.sorted(by: { $0.start < $1.start }) where span.start >= cursor && span.end <= end {
            pieces += String(decoding: bytes[cursor..<span.start], as: UTF8.self)
            pieces += highlight(String(decoding: bytes[span.start..<span.end], as: UTF8.self), style)
            cursor = span.end
        }
        pieces += String(decoding: bytes[cursor..<end], as: UTF8.self)
        let trimmed = pieces.trimmingCharactersInWhitespace()
        return (headline ? "headline: " : "") + (start > 0 && !isBoundary(bytes, before: start) ? "…" : "") + trimmed
            + (end < bytes.count && !isBoundary(bytes, at: end) ? "…" : "")
    }

    private static func isBoundary(_ bytes: [UInt8], before index: Int) -> Bool {
        index == 0 || isBoundary(bytes, at: index - 1) || (index >= 2 && bytes[index - 2] == 0xD8 && bytes[index - 1] == 0x9F)
    }

    private static func isBoundary(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index < bytes.count else { return true }
        switch bytes[index] {
        case 0x0A, 0x0D, 0x21, 0x3F: return true
        case 0x2E: return index + 1 >= bytes.count || bytes[index + 1] <= 0x20
        case 0xD8 where index + 1 < bytes.count && bytes[index + 1] == 0x9F: return true
        default: return false
        }
    }
}

extension Taxonomy {
    /// A readable listing for `marsad topics`: the gazetteer's size by type and
    /// each topic with its names, threshold and rules.
    public func summary(showRules: Bool = false) -> String {
        var lines: [String] = []
        let byType = Dictionary(grouping: entities, by: \.type)
        let counts = EntityType.allCases.compactMap { type in byType[type].map { "\($0.count) \(type.rawValue)" } }
        let formCount = entities.reduce(0) { $0 + $1.forms.count }
        lines.append("Gazetteer: \(entities.count) entities (\(counts.joined(separator: ", "))), \(formCount) names")
        lines.append("Topics: \(topics.count)")
        for definition in definitions.sorted(by: { $0.topic.id < $1.topic.id }) {
            let topic = definition.topic
            var line = "  \(topic.id)  \(topic.en) / \(topic.ar)  threshold \(Explanation.format(topic.threshold)), \(definition.rules.count) rule\(definition.rules.count == 1 ? "" : "s")"
            if !topic.requires.isEmpty { line += ", requires \(topic.requires.joined(separator: ", "))" }
            switch fit(of: topic.id) {
            case .fitted(let examples, let positives):
                line += "; fitted weights (\(examples) articles, \(positives) with the topic)"
            case .stale:
                line += "; rule weights (fitted weights are for an earlier version of the file: run marsad train)"
            case .rules:
                line += "; rule weights (not fitted)"
            }
            lines.append(line)
            guard showRules else { continue }
            for rule in definition.rules {
                let scope = rule.scope == .sentence ? "" : " within \(rule.scope.rawValue)"
                lines.append("      \(Explanation.format(rule.weight))  \(rule.name)\(scope)")
            }
            if let fitted = fitted[topic.id] {
                lines.append("      learned weights:")
                for feature in fitted.features where feature.weight != 0 {
                    lines.append("      \(Explanation.signed(feature.weight))  \(feature.name)")
                }
                lines.append("      \(Explanation.signed(fitted.bias))  bias")
            }
        }
        lines.append(outlets.isEmpty
            ? "Outlets: none listed (no \(Taxonomy.outletFileName)); digests name outlets as the files do"
            : "Outlets: \(outlets.count) in \(Taxonomy.outletFileName), \(outlets.reduce(0) { $0 + $1.domains.count }) domains")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Topic ids, for listings and validation of requests naming topics.
    public var topicIDs: [String] { topics.map(\.id) }
}
