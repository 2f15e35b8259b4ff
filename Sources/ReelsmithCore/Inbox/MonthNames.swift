import Foundation

/// Month names as TikTok Studio writes them in its exports, in the languages creators use it in:
/// English, French, Spanish, German, Portuguese, Italian, Greek (nominative and genitive), Dutch
/// Russian (genitive) and Indonesian, with their usual abbreviations. Matched without case or accents.
enum MonthNames {
    package static let names: [Int: [String]] = [
        1: [
            "january", "jan", "janvier", "janv", "enero", "ene", "januar", "jänner", "jän", "janeiro", "gennaio", "gen",
            "Ιανουάριος", "Ιανουαρίου", "Ιαν", "januari", "января", "январь", "янв",
        ],
        2: [
            "february", "feb", "février", "févr", "fév", "febrero", "februar", "feber", "fevereiro", "fev", "febbraio",
            "Φεβρουάριος", "Φεβρουαρίου", "Φεβ", "februari", "февраля", "февраль", "фев",
        ],
        3: [
            "march", "mar", "mars", "marzo", "märz", "mär", "mrz", "março", "Μάρτιος", "Μαρτίου", "Μαρ", "maart", "mrt",
            "марта", "март", "maret",
        ],
        4: [
            "april", "apr", "avril", "avr", "abril", "abr", "aprile", "Απρίλιος", "Απριλίου", "Απρ", "апреля", "апрель",
            "апр",
        ],
        5: ["may", "mai", "mayo", "maio", "maggio", "mag", "Μάιος", "Μαΐου", "Μαΐ", "mei", "мая", "май"],
        6: [
            "june", "jun", "juin", "junio", "juni", "junho", "giugno", "giu", "Ιούνιος", "Ιουνίου", "Ιουν", "июня",
            "июнь",
            "июн",
        ],
        7: [
            "july", "jul", "juillet", "juil", "julio", "juli", "julho", "luglio", "lug", "Ιούλιος", "Ιουλίου", "Ιουλ",
            "июля", "июль", "июл",
        ],
        8: [
            "august", "aug", "août", "agosto", "ago", "Αύγουστος", "Αυγούστου", "Αυγ", "augustus", "agustus", "agu",
            "agt", "августа", "август",
            "авг",
        ],
        9: [
            "september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre", "set",
            "Σεπτέμβριος", "Σεπτεμβρίου", "Σεπ", "сентября", "сентябрь", "сен", "сент",
        ],
        10: [
            "october", "oct", "octobre", "octubre", "oktober", "okt", "outubro", "out", "ottobre", "ott", "Οκτώβριος",
            "Οκτωβρίου", "Οκτ", "октября", "октябрь",
        ],
        11: [
            "november", "nov", "novembre", "noviembre", "novembro", "Νοέμβριος", "Νοεμβρίου", "Νοε", "ноября", "ноябрь",
            "ноя",
        ],
        12: [
            "december", "dec", "décembre", "déc", "diciembre", "dic", "dezember", "dez", "dezembro", "dicembre",
            "Δεκέμβριος", "Δεκεμβρίου", "Δεκ", "decembre", "desember", "des", "декабря", "декабрь", "дек",
        ],
    ]

    /// Folded name → month number.
    package static let table: [String: Int] = {
        var table: [String: Int] = [:]
        for (month, words) in names {
            for word in words { table[fold(word)] = month }
        }
        return table
    }()

    /// The month (1–12) a word names, e.g. `Μαρτίου` → 3, `févr.` → 2; nil for any other word.
    package static func month(named word: String) -> Int? {
        table[fold(word.trimmingCharacters(in: CharacterSet(charactersIn: ". ")))]
    }

    /// Lowercased, without accents, final sigma as sigma: how month words are compared.
    package static func fold(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .lowercased().replacingOccurrences(of: "ς", with: "σ")
    }
}
