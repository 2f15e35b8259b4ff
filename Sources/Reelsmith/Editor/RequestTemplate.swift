import Foundation

/// `reelsmith new request`: a request file to start from, every key commented with its range and
/// default — written from ``RequestFields``, so it says what the decoder accepts.
public struct RequestTemplate: Sendable {
    public var niche: String
    public var language: Language

    public init(niche: String = "motivation", language: Language = .en) {
        self.niche = niche
        self.language = language
    }

    /// The YAML text, starting with the schema line for editors (from a file in `inbox/requests/`).
    public var text: String {
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
            let comment = Self.comment(field)
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
    static func scalar(_ text: String) -> String {
        if text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }), text.first?.isLetter == true {
            return text
        }
        return JSONValue.string(text).text
    }

    /// `15–180, default 45` and the first words of the key's summary.
    static func comment(_ field: FieldSpec) -> String {
        var parts: [String] = []
        switch field.shape {
        case let .integer(range): parts.append("\(range.lowerBound)–\(range.upperBound)")
        case let .choice(words): parts.append(words.joined(separator: " | "))
        default: break
        }
        if field.isRequired { parts.append("required") }
        if let defaultValue = field.defaultValue { parts.append("default: \(defaultValue.stringValue ?? defaultValue.text)") }
        // The first sentence: up to ". " (a file name such as reelsmith.yaml keeps its dot).
        let summary = field.summary.components(separatedBy: ". ").first.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
            ?? field.summary
        return ([summary] + parts).joined(separator: "; ")
    }
}
