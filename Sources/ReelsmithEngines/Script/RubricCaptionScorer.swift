import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The offline rubric as the learning index's ``CaptionScorer`` (issue 23): each caption scored
/// with the lexicon of the language its words are in (by stopwords; English when it cannot tell).
package struct RubricCaptionScorer: CaptionScorer {
    private let rubrics: [Language: ViralityRubric]
    private let stopwords: [Language: Set<String>]

    package init(templates: TemplateLibrary) {
        var rubrics: [Language: ViralityRubric] = [:]
        var stopwords: [Language: Set<String>] = [:]
        for language in Language.allCases {
            let lexicon = templates.lexicon(for: language)
            rubrics[language] = ViralityRubric(lexicon: lexicon)
            stopwords[language] = Set(lexicon.stopwords.map(Slug.fold))
        }
        self.rubrics = rubrics
        self.stopwords = stopwords
    }

    /// The offline rubric's version (``ViralityRubric/version``).
    package static var version: Int { ViralityRubric.version }
    package var rubricVersion: Int { Self.version }

    package func criteria(caption: String, niche: String) -> CaptionCriteria {
        let tokens = RubricFold.tokens(caption)
        var best = Language.en
        var bestHits = 0
        for language in Language.allCases {
            let hits = tokens.filter { stopwords[language]?.contains($0) == true }.count
            if hits > bestHits {
                best = language
                bestHits = hits
            }
        }
        let rubric = rubrics[best] ?? ViralityRubric(lexicon: .empty(best))
        return rubric.captionCriteria(caption, niche: niche)
    }
}
