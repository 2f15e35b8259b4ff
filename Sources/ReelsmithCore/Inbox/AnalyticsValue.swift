import Foundation

/// Reads the values of analytics rows (counts, revenue, days, TikTok ids) with a user-facing
/// reason when one cannot be read.
package enum AnalyticsValue {
    package struct Invalid: Error, Equatable {
        package var problem: String
        package var fix: String
    }

    /// `text` without surrounding spaces and tabs. Cheap when there are none (the usual case):
    /// Foundation's trimming is the slowest step of a 100,000-row import otherwise.
    package static func trim(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        if first != space, first != tab, last != space, last != tab { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// A cell TikTok Studio leaves without a value: empty, `undefined`, `null`, `-` or `--`.
    static func isMissing(_ text: String) -> Bool {
        let trimmed = trim(text).lowercased()
        return ["", "undefined", "null", "nan", "-", "--", "n/a"].contains(trimmed)
    }

    /// The largest count a cell may hold: far above any real video (TikTok's most viewed are
    /// around 10^10), far below where sums over millions of rows could overflow (issue 12).
    static let maximumCount = 1_000_000_000_000
    /// The largest revenue a cell may hold, in the account's currency.
    package static let maximumRevenue = 1_000_000_000.0

    /// A count (views, likes…). `allowsGrouping` accepts thousands separators (`12,345`,
    /// `12 345`, `12.345`) as TikTok writes them in some languages.
    package static func count(_ text: String, name: String, allowsGrouping: Bool = false) throws(Invalid) -> Int {
        var digits = trim(text)
        if allowsGrouping {
            digits.removeAll { [",", ".", " ", "'", "\u{00A0}", "\u{202F}"].contains($0) }
        }
        guard !digits.isEmpty else {
            throw Invalid(problem: "`\(name)` is empty", fix: "write the number, e.g. 0 when there are none")
        }
        guard digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw Invalid(
                problem: "`\(name)` must be a whole number of 0 or more, found `\(Excerpt.quote(text))`",
                fix: "write digits only, e.g. `15400`")
        }
        guard let value = Int(digits), value <= maximumCount else {
            throw Invalid(
                problem: "`\(name)` is \(Excerpt.quote(digits)), more than \(maximumCount) (10^12)",
                fix: "write the real count; a number this large is a typing or export mistake")
        }
        return value
    }

    /// A count that may be negative (`-12`, `−12`, `+3`): the change in followers from one day to the next.
    static func signedCount(_ text: String, name: String) throws(Invalid) -> Int {
        var digits = trim(text)
        var sign = 1
        if let first = digits.first, ["-", "−", "+"].contains(first) {
            sign = first == "+" ? 1 : -1
            digits.removeFirst()
        }
        return sign * (try count(digits, name: name, allowsGrouping: true))
    }

    /// Revenue in the account's currency; empty means unknown. Accepts `3.10`, `3,10` and a
    /// currency sign before or after.
    package static func revenue(_ text: String) throws(Invalid) -> Double? {
        var cleaned = trim(text)
        if cleaned.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: " ") }) {
            cleaned.removeAll { "$€£¥ \u{00A0}".contains($0) }
        }
        if cleaned.isEmpty { return nil }
        if !cleaned.contains("."), cleaned.filter({ $0 == "," }).count == 1 {
            cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
        }
        guard let value = Double(cleaned), !value.isNaN, value >= 0 else {
            throw Invalid(
                problem: "`revenue` must be an amount of 0 or more, found `\(Excerpt.quote(text))`",
                fix: "write it like `3.10`, or leave it empty")
        }
        // `inf`, `1e309` and amounts whose sums would overflow are refused here, per cell.
        guard value <= maximumRevenue else {
            throw Invalid(
                problem: "`revenue` is \(Excerpt.quote(text)), more than \(Int(maximumRevenue)) (10^9)",
                fix: "write the real amount, like `3.10`, or leave it empty")
        }
        return value
    }

    /// A day such as `2026-11-24` (or a localized one, `24 novembre 2026`); empty means the ingest day.
    package static func day(_ text: String, name: String, reference: CalendarDay) throws(Invalid) -> CalendarDay? {
        let trimmed = trim(text)
        if trimmed.isEmpty { return nil }
        guard let day = CalendarDay(iso: trimmed) ?? LocalizedDay.parse(trimmed, reference: reference) else {
            throw Invalid(
                problem: "`\(name)` is not a day Reelsmith can read: `\(Excerpt.quote(text))`",
                fix: "write it as year-month-day, e.g. `\(reference)`")
        }
        return day
    }

    /// The TikTok video id in a link (`…/video/7301234567890123456`) or given alone.
    package static func tiktokId(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let candidate: Substring
        if let range = trimmed.range(of: "/video/") {
            candidate = trimmed[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        } else {
            candidate = Substring(trimmed)
        }
        // TikTok ids have 19 digits: a longer run of digits is no id (and would be quoted whole).
        guard (5...24).contains(candidate.count), candidate.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        return String(candidate)
    }
}
