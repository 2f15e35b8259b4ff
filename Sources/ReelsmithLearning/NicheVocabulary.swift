import ReelsmithCore

/// Words that name a niche, to guess the niche of a video seen only in a TikTok export from its
/// hashtags: niche names, the templates' aliases and their hashtags. A word several niches share
/// (`fyp`) names none of them.
package struct NicheVocabulary: Sendable, Equatable {
    private var words: [String: String]

    /// - Parameter niches: each niche's name and the words that also name it.
    package init(niches: [String: [String]]) {
        var words: [String: String] = [:]
        var shared: Set<String> = []
        for (niche, aliases) in niches.sorted(by: { $0.key < $1.key }) {
            for word in [niche] + aliases {
                let key = Self.key(word)
                guard !key.isEmpty, !shared.contains(key) else { continue }
                if let owner = words[key], owner != niche {
                    words[key] = nil
                    shared.insert(key)
                } else {
                    words[key] = niche
                }
            }
        }
        self.words = words
    }

    /// The niche most of the hashtags name, or nil when none does or two niches tie.
    package func niche(forHashtags hashtags: [String]) -> String? {
        var votes: [String: Int] = [:]
        for tag in hashtags {
            if let niche = words[Self.key(tag)] { votes[niche, default: 0] += 1 }
        }
        let ranked = votes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard let best = ranked.first else { return nil }
        if ranked.count > 1, ranked[1].value == best.value { return nil }
        return best.key
    }

    /// Folded, without `#`, spaces or dashes: `#HomeWorkout` and `home workout` are one word.
    private static func key(_ word: String) -> String {
        Slug.fold(word).filter { $0.isLetter || $0.isNumber }
    }
}

extension NicheVocabulary {
    /// The vocabulary of the templates under `templates/` plus the niches already in the index.
    package static func from(templates: TemplateLibrary?, knownNiches: [String]) -> NicheVocabulary {
        var niches: [String: [String]] = [:]
        for template in templates?.templates ?? [] where template.niche != ScriptTemplate.genericNiche {
            niches[template.niche, default: []] += template.aliases + template.hashtags
        }
        for niche in knownNiches where niches[niche] == nil && niche != NicheAnalyzer.unknownNiche {
            niches[niche] = []
        }
        return NicheVocabulary(niches: niches)
    }
}
