import Foundation

/// `reelsmith new request`: a request file to start from, every key commented with its range and
/// default — written from ``RequestFields``, so it says what the decoder accepts.
package struct RequestTemplate: Sendable {
    package var niche: String
    package var language: Language

    package init(niche: String = "motivation", language: Language = .en) {
        self.niche = niche
        self.language = language
    }

    /// The YAML text, starting with the schema line for editors (from a file in `inbox/requests/`).
    package var text: String {
        let french = language == .fr
        var lines = [
            "# yaml-language-server: $schema=../../\(EditorSetup.schemaFolder)/\(InputSchema.request.fileName)",
            french
                ? "# Une demande de vidéo : enregistrez ce fichier dans inbox/requests/ (README, « Inbox formats »)."
                : "# A video request: save this file into inbox/requests/ (README, \"Inbox formats\").",
            french
                ? "# Vérifiez-le sans rien lancer : reelsmith check inbox/requests/CE-FICHIER.yaml"
                : "# Check it without running anything: reelsmith check inbox/requests/THIS-FILE.yaml",
            "kind: request",
        ]
        func line(_ field: FieldSpec, _ value: String, active: Bool = true) {
            let comment = Self.comment(field, language: language)
            let entry = "\(active ? "" : "# ")\(field.name): \(value)"
            lines.append(entry + String(repeating: " ", count: max(1, 34 - entry.count)) + "# " + comment)
        }
        line(RequestFields.niche, Self.scalar(niche))
        line(RequestFields.topic, french ? "la routine du matin" : "the 10-minute morning routine")
        line(RequestFields.tone, french ? "inspirant" : "energetic")
        line(RequestFields.language, language.rawValue)
        line(RequestFields.voice, "default")
        line(RequestFields.duration, "45")
        line(RequestFields.images, "5")
        line(RequestFields.variants, "1")
        line(RequestFields.music, "none")
        line(RequestFields.visuals, "auto")
        line(RequestFields.inspirationURL, RequestFields.inspirationURL.exampleText, active: false)
        line(RequestFields.seed, "0", active: false)
        line(RequestFields.force, "false", active: false)
        line(RequestFields.engines, "{ script: offline }", active: false)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A plain word as it is; anything else as a double-quoted YAML (JSON) string, so a value can
    /// never add a key or break the file.
    package static func scalar(_ text: String) -> String {
        if text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }),
            text.first?.isLetter == true
        {
            return text
        }
        return JSONValue.string(text).text
    }

    /// The keys' first sentences for a French request (the schema's hover texts stay English).
    static let frenchSummaries: [String: String] = [
        "niche": "La niche de la vidéo : ses modèles, ses tendances, ce qu'elle a appris",
        "topic": "Le sujet de la vidéo, dit dans l'accroche (300 caractères au plus)",
        "tone": "Texte libre transmis au moteur de script (`inspirant`, `énergique et pédagogique`)",
        "language": "La langue du script, de la voix et des sous-titres : fr ou en",
        "voice":
            "La voix : `default` est la voix espeak-ng de la langue ; toute voix listée par `espeak-ng --voices` convient",
        "duration": "Durée visée de la vidéo, en secondes",
        "images": "Nombre de scènes, une image chacune",
        "variants": "Scripts écrits et notés ; le meilleur est rendu",
        "music": "Un fichier de templates/music/ (son nom, avec ou sans extension), ou `none`",
        "visuals":
            "Ce que montrent les scènes : `auto` un clip quand l'un correspond à la scène, sinon l'image ; `images` des images seulement ; `clips` un clip pour chaque scène qui peut en avoir un",
        "inspiration_url":
            "Une vidéo ou une page, comme contexte seulement (jamais téléchargée sans fournisseur) ; une adresse http(s) complète",
        "seed": "Graine des choix du moteur hors ligne : même demande et même graine, même script",
        "force": "Refaire même quand le même contenu a déjà été traité",
        "engines":
            "Les moteurs de cette demande, par-dessus ceux de reelsmith.yaml, clé par clé (pas de `command` : une demande peut venir d'un autre appareil)",
    ]

    /// `15–180, default 45` and the first words of the key's summary, in the request's language.
    package static func comment(_ field: FieldSpec, language: Language = .en) -> String {
        let french = language == .fr
        var parts: [String] = []
        switch field.shape {
        case .integer(let range): parts.append("\(range.lowerBound)–\(range.upperBound)")
        case .choice(let words): parts.append(words.joined(separator: " | "))
        default: break
        }
        if field.isRequired { parts.append(french ? "obligatoire" : "required") }
        if let defaultValue = field.defaultValue {
            parts.append((french ? "par défaut : " : "default: ") + (defaultValue.stringValue ?? defaultValue.text))
        }
        // The first sentence: up to ". " (a file name such as reelsmith.yaml keeps its dot).
        let english =
            field.summary.components(separatedBy: ". ").first.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
            ?? field.summary
        let summary = french ? frenchSummaries[field.name] ?? english : english
        return ([summary] + parts).joined(separator: "; ")
    }
}
