import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// New video (the seed's Generator): the request's fields with their documented ranges; the
/// page's script writes the request YAML to copy or download, to be dropped into
/// `inbox/requests/`. No server is involved.
struct NewVideoForm: Sendable {
    package let text: DashboardText
    /// Niches to suggest, best first.
    package let niches: [String]
    /// Names under `templates/music/`.
    package var music: [String] = []

    package var html: HTML {
        let fr = text.language == .fr
        return HTML.element("section", ["id": "new-video"]) {
            HTML.element("h2") { text.newVideo }
            HTML.element("p") { text.formIntro }
            HTML.element("form", ["id": "request-form", "autocomplete": "off"]) {
                HTML.element("div", ["class": "fields"]) {
                    field(
                        "niche", fr ? "Niche" : "Niche",
                        HTML.void(
                            "input",
                            [
                                "id": "f-niche", "name": "niche", "required": "", "maxlength": "60",
                                "list": "niche-list",
                                "value": niches.first ?? "", "placeholder": "motivation",
                            ]))
                    field(
                        "topic", (fr ? "Sujet" : "Topic") + " (" + text.optional + ")",
                        HTML.void(
                            "input",
                            [
                                "id": "f-topic", "name": "topic",
                                "maxlength": String(GenerationRequest.maximumTopicLength),
                                "placeholder": fr ? "la routine du matin" : "the morning routine",
                            ]))
                    field(
                        "tone", fr ? "Ton" : "Tone",
                        HTML.void(
                            "input", ["id": "f-tone", "name": "tone", "value": fr ? "inspirant" : "inspiring"]))
                    field(
                        "language", fr ? "Langue" : "Language",
                        HTML.element("select", ["id": "f-language", "name": "language"]) {
                            for language in Language.allCases {
                                HTML.element(
                                    "option",
                                    ["value": language.rawValue, "selected": language == text.language ? "" : nil]
                                ) {
                                    language.rawValue
                                }
                            }
                        })
                    field(
                        "voice", fr ? "Voix" : "Voice",
                        HTML.void("input", ["id": "f-voice", "name": "voice", "value": "default"]))
                    number(
                        "duration", (fr ? "Durée (secondes)" : "Duration (seconds)"), GenerationRequest.durationRange,
                        45)
                    number("images", fr ? "Images (scènes)" : "Images (scenes)", GenerationRequest.imagesRange, 5)
                    number(
                        "variants", fr ? "Variantes (scripts notés)" : "Variants (scripts scored)",
                        GenerationRequest.variantsRange, 1)
                    field(
                        "inspiration_url", (fr ? "URL d’inspiration" : "Inspiration URL") + " (" + text.optional + ")",
                        HTML.void(
                            "input",
                            [
                                "id": "f-inspiration_url", "name": "inspiration_url", "type": "url",
                                "placeholder": "https://",
                            ]))
                    field(
                        "music",
                        (fr
                            ? "Musique : un fichier de templates/music/ ou none"
                            : "Music: a file in templates/music/ or none")
                            + " (" + text.optional + ")",
                        HTML.void(
                            "input",
                            [
                                "id": "f-music", "name": "music", "list": "music-list",
                                "placeholder": music.first ?? "calm",
                            ]))
                    field(
                        "visuals", fr ? "Visuels" : "Visuals",
                        HTML.element("select", ["id": "f-visuals", "name": "visuals"]) {
                            for mode in VisualsMode.allCases {
                                HTML.element("option", ["value": mode.rawValue, "selected": mode == .auto ? "" : nil]) {
                                    visualsLabel(mode, fr: fr)
                                }
                            }
                        })
                    field(
                        "seed",
                        (fr ? "Graine du moteur hors ligne" : "Offline engine seed") + " (" + text.optional + ")",
                        HTML.void(
                            "input",
                            [
                                "id": "f-seed", "name": "seed", "type": "number", "min": "0", "max": String(Int32.max),
                                "step": "1",
                                "placeholder": "0",
                            ]))
                    HTML.element("div") {
                        HTML.element("label", ["for": "f-force"]) {
                            HTML.void("input", ["id": "f-force", "name": "force", "type": "checkbox"])
                            fr
                                ? " Refaire même si ce contenu a déjà été traité"
                                : " Make it again even if this content was already processed"
                        }
                    }
                }
                HTML.element("datalist", ["id": "niche-list"]) {
                    for niche in niches { HTML.void("option", ["value": niche]) }
                }
                HTML.element("datalist", ["id": "music-list"]) {
                    for name in music + ["none"] { HTML.void("option", ["value": name]) }
                }
            }
            HTML.element("p", ["id": "request-problem", "class": "error", "role": "status"])
            HTML.element("label", ["for": "request-yaml"]) { "inbox/requests/request.yaml" }
            HTML.element("textarea", ["id": "request-yaml", "readonly": "", "spellcheck": "false"])
            HTML.element("p") {
                HTML.element("button", ["type": "button", "id": "request-copy"]) { text.copy }
                " "
                HTML.element("button", ["type": "button", "id": "request-download"]) { text.download }
            }
        }
    }

    private func visualsLabel(_ mode: VisualsMode, fr: Bool) -> String {
        switch mode {
        case .auto:
            fr
                ? "auto : un clip quand l’un correspond, sinon l’image"
                : "auto: a clip where one matches, else the still"
        case .images: fr ? "images seulement" : "stills only"
        case .clips:
            fr ? "clips : un clip pour chaque scène possible" : "clips: a clip for every scene that can get one"
        }
    }

    private func field(_ name: String, _ label: String, _ control: HTML) -> HTML {
        HTML.element("div") {
            HTML.element("label", ["for": "f-" + name]) { label }
            control
        }
    }

    private func number(_ name: String, _ label: String, _ range: ClosedRange<Int>, _ value: Int) -> HTML {
        field(
            name, label + " \(range.lowerBound)–\(range.upperBound)",
            HTML.void(
                "input",
                [
                    "id": "f-" + name, "name": name, "type": "number", "min": String(range.lowerBound),
                    "max": String(range.upperBound),
                    "step": "1", "value": String(value), "required": "",
                ]))
    }
}
