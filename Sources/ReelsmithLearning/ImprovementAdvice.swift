import ReelsmithCore

/// Suggestions for the next video (seed: LearningService.suggest_improvements), in the request's
/// language: first from the script's weakest criteria, then the learning index's recommendations,
/// which say themselves how sure they are.
package enum ImprovementAdvice {
    package static func suggestions(for score: ViralityScore, insights: Insights? = nil, language: Language) -> [String]
    {
        rubricTips(for: score, language: language) + (insights?.recommendations[language] ?? [])
    }

    static func rubricTips(for score: ViralityScore, language: Language) -> [String] {
        var tips: [String] = []
        for criterion in score.criteria where Double(criterion.points) < Double(criterion.maximum) * 0.6 {
            if let tip = tip(criterion.name, language) { tips.append(tip) }
        }
        if tips.isEmpty {
            tips.append(
                language == .fr
                    ? "Le script coche tous les critères : teste un autre angle de hook pour comparer."
                    : "The script meets every criterion: try another hook angle to compare.")
        }
        return tips
    }

    private static func tip(_ criterion: String, _ language: Language) -> String? {
        switch (criterion, language) {
        case ("hook", .fr):
            "Raccourcis le hook (4 à 12 mots) et ouvre sur une question, un chiffre ou un mot qui intrigue."
        case ("hook", .en): "Tighten the hook to 4–12 words and open with a question, a number or a curiosity word."
        case ("structure", .fr):
            "Garde des scènes de longueur égale et termine par un appel à l'action clair (abonne-toi, commente)."
        case ("structure", .en):
            "Keep scenes even in length and end with a clear call to action (follow, comment, save)."
        case ("timing", .fr): "Rapproche la durée parlée de la cible et vise 15 à 60 secondes."
        case ("timing", .en): "Bring the spoken length closer to the target and aim for 15–60 seconds."
        case ("emotional_triggers", .fr):
            "Ajoute des mots qui font réagir (secret, erreur, enfin, jamais) : environ 3 % du texte."
        case ("emotional_triggers", .en):
            "Use more words that make people react (secret, mistake, finally, never): about 3 % of the text."
        case ("seo_hashtags", .fr):
            "Utilise 3 à 5 hashtags dont un qui nomme la niche, et une description de 40 caractères ou plus."
        case ("seo_hashtags", .en): "Use 3–5 hashtags, one naming the niche, and a caption of at least 40 characters."
        default: nil
        }
    }
}
