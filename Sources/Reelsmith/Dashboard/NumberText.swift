import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Whole numbers as the page writes them: thousands grouped with a comma in English and a narrow
/// no-break space in French (the script groups the same way).
enum NumberText {
    package static func separator(_ language: Language) -> String { language == .fr ? "\u{202F}" : "," }

    static func grouped(_ number: Int?, _ language: Language) -> String {
        guard let number else { return "—" }
        var digits = String(number.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: separator(language))
    }

    static func decimal(_ number: Double?, digits: Int = 1, _ language: Language) -> String {
        guard let number, number.isFinite else { return "—" }
        let text = String(format: "%.\(digits)f", number)
        return language == .fr ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    package static func percent(_ fraction: Double?, _ language: Language) -> String {
        guard let fraction, fraction.isFinite else { return "—" }
        return decimal(fraction * 100, digits: 0, language) + (language == .fr ? "\u{202F}%" : "%")
    }
}
