import Foundation
@testable import MarsadTagging

/// A small gazetteer and topic set written for the tests, so they do not
/// depend on the shipped data changing.
enum Fixtures {
    static let gazetteer = """
    - id: russia
      type: country
      en: Russia
      ar: روسيا
      variants: [روسي, روسية, الروس, Russian]
    - id: syria
      type: country
      en: Syria
      ar: سوريا
      variants: [سورية, سوري, السوريين, الجمهورية العربية السورية, Syrian]
    - id: united-states
      type: country
      en: United States
      ar: الولايات المتحدة
      variants: [أمريكا, أميركي, أمريكية, United States, U.S.]
      exclude: [أمريكا اللاتينية]
    - id: iraq
      type: country
      en: Iraq
      ar: العراق
      variants: [عراقي]
    - id: moscow
      type: place
      en: Moscow
      ar: موسكو
      relations: [russia]
      roles: [capital]
    - id: damascus
      type: place
      en: Damascus
      ar: دمشق
      relations: [syria]
      roles: [capital]
    - id: hama
      type: place
      en: Hama
      ar: حماة
      relations: [syria]
      ambiguous: [حماة]
      context: [محافظة, مدينة, ريف, حمص, حلب, إدلب]
    - id: sergey-lavrov
      type: person
      en: Sergey Lavrov
      ar: سيرغي لافروف
      variants: [لافروف, Lavrov]
      relations: [russia]
      roles: [foreign-minister]
    - id: alexander-lavrentiev
      type: person
      en: Alexander Lavrentiev
      ar: ألكسندر لافرنتييف
      variants: [لافرنتييف, لافرنتيف, لافرينتيف]
      relations: [russia]
      roles: [envoy]
    - id: bashar-al-assad
      type: person
      en: Bashar al-Assad
      ar: بشار الأسد
      variants: [الرئيس الأسد, الأسد, Assad]
      relations: [syria]
      roles: [head-of-state]
      ambiguous: [الأسد]
      context: [بشار, الرئيس, النظام, نظام, دمشق]
      exclude: [حافظ الأسد, الأسد الذهبي]
    - id: astana
      type: place
      en: Astana
      ar: أستانا
      variants: [استانا, نور سلطان, نور السلطان]
    - id: isis
      type: group
      en: ISIS
      ar: داعش
      variants: [تنظيم الدولة, الدولة الإسلامية, تنظيم الدولة الإسلامية]
      roles: [jihadist]
    """

    static let syriaTopic = """
    id: syria
    ar: سوريا
    en: Syria
    description: The article is about Syria.
    threshold: 3
    window: 3
    rules:
      - name: Syrian name
        related: syria
        weight: 1
        max: 10
    """

    static let russiaSyriaTopic = """
    id: russia-syria
    ar: روسيا وسوريا
    en: Russia–Syria
    description: Russia acting on Syria.
    threshold: 2
    requires: [syria]
    rules:
      - name: Russian actor with Syria
        all:
          - related: russia
          - related: syria
        weight: 2
      - name: talks
        keywords: [محادثات, مفاوضات]
        weight: 0.5
    """

    static func taxonomy(extraTopics: [String] = []) throws -> Taxonomy {
        var sources = [
            TaxonomySource(path: "gazetteer/test.yaml", text: gazetteer),
            TaxonomySource(path: "topics/syria.yaml", text: syriaTopic),
            TaxonomySource(path: "topics/russia-syria.yaml", text: russiaSyriaTopic),
        ]
        for (index, topic) in extraTopics.enumerated() {
            sources.append(TaxonomySource(path: "topics/extra\(index).yaml", text: topic))
        }
        return try Taxonomy.parse(sources)
    }

    static func tagger() throws -> Tagger { Tagger(taxonomy: try taxonomy()) }

    static func entityIDs(_ text: String, tagger: Tagger) -> Set<String> {
        Set(tagger.tag(TaggingInput(title: "", body: text)).entities.map(\.id))
    }
}
