import Foundation

/// Reads the days TikTok Studio writes in its exports: a localized day and month, usually without
/// a year (`April 17`, `17 avril`, `2 Μαρτίου`, `17 de abril`, `17. März`, `4月17日`), or an ISO day.
enum LocalizedDay {
    /// The day `text` names. Without a year, the year is the latest one that does not put the day
    /// after `reference` (the export day): `December 30` exported on 2026-01-05 is 2025-12-30.
    package static func parse(_ text: String, reference: CalendarDay) -> CalendarDay? {
        guard let parts = components(text) else { return nil }
        if let year = parts.year { return CalendarDay(year: year, month: parts.month, day: parts.day) }
        return latest(month: parts.month, day: parts.day, notAfter: reference)
    }

    /// The year, month and day `text` names; `year` is nil when the text gives none (`April 17`).
    package static func components(_ text: String) -> (year: Int?, month: Int, day: Int)? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let day = CalendarDay(iso: trimmed) { return (day.year, day.month, day.day) }
        var numbers: [Int] = []
        var month: Int?
        var previousNumber: Int?
        for token in tokens(trimmed) {
            if let number = Int(token) {
                numbers.append(number)
                previousNumber = number
                continue
            }
            // East Asian forms: 4月17日, 2026年4月17日, 4월 17일.
            if ["月", "월"].contains(token), let value = previousNumber, month == nil {
                month = value
                numbers.removeLast()
            } else if month == nil, let named = MonthNames.month(named: token) {
                month = named
            }
            previousNumber = nil
        }
        if month == nil {
            return numericDay(numbers).map { ($0.year, $0.month, $0.day) }
        }
        let year = numbers.first { $0 >= 1000 }
        guard let month, (1...12).contains(month), let day = numbers.first(where: { (1...31).contains($0) }) else {
            return nil
        }
        // The day must exist in some year (29 February does, 30 February never).
        guard CalendarDay(year: year ?? 2024, month: month, day: day) != nil else { return nil }
        return (year, month, day)
    }

    /// The latest day with this month and day that is not after `reference` (29 February goes
    /// back to the last leap year).
    package static func latest(month: Int, day: Int, notAfter reference: CalendarDay) -> CalendarDay? {
        for year in stride(from: reference.year, through: reference.year - 8, by: -1) {
            if let candidate = CalendarDay(year: year, month: month, day: day), candidate <= reference {
                return candidate
            }
        }
        return nil
    }

    /// `17/04/2026`, `17.04.2026` (day first, as outside the US) or `2026/04/17`; a month-first
    /// day is read only when the day cannot be a month (`04/17/2026`).
    private static func numericDay(_ numbers: [Int]) -> CalendarDay? {
        guard numbers.count >= 3 else { return nil }
        if numbers[0] >= 1000 { return CalendarDay(year: numbers[0], month: numbers[1], day: numbers[2]) }
        guard numbers[2] >= 1000 else { return nil }
        if numbers[1] > 12 { return CalendarDay(year: numbers[2], month: numbers[0], day: numbers[1]) }
        return CalendarDay(year: numbers[2], month: numbers[1], day: numbers[0])
    }

    /// Runs of letters and runs of digits; CJK characters are one token each.
    private static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                if !currentIsDigit { flush() }
                currentIsDigit = true
                current.append(character)
            } else if ["月", "日", "年", "월", "일", "년"].contains(character) {
                flush()
                tokens.append(String(character))
            } else if character.isLetter {
                if currentIsDigit { flush() }
                currentIsDigit = false
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }
}
