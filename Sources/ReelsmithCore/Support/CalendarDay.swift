import Foundation

/// A day of the calendar without a time or a zone, written `YYYY-MM-DD` in files and in the index
/// (trend dates, analytics snapshot dates, TikTok post days).
package struct CalendarDay: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int

    /// nil when the day does not exist (`2026-02-30`).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`, also when a time follows (`2026-11-20T10:00:00Z`, `2026-11-20 10:00`).
    package init?(iso text: String) {
        var utf8 = Array(text.utf8)
        while utf8.last == UInt8(ascii: " ") { utf8.removeLast() }
        while utf8.first == UInt8(ascii: " ") { utf8.removeFirst() }
        guard utf8.count >= 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            utf8.count == 10 || utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " "),
            let year = Self.number(utf8[0..<4]), let month = Self.number(utf8[5..<7]),
            let day = Self.number(utf8[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Today in the given zone (the machine's by default).
    package static func today(in zone: TimeZone = .current) -> CalendarDay {
        day(of: Date(), in: zone)
    }

    package static func day(of date: Date, in zone: TimeZone = .current) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The day `days` later (earlier when negative).
    package func adding(days: Int) -> CalendarDay {
        CalendarDay(julianDay: julianDay + days)
    }

    /// Days from `other` to `self`.
    package func days(since other: CalendarDay) -> Int { julianDay - other.julianDay }

    package var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    package static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD day: \(text)"))
        }
        self = day
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    // Fliegel–Van Flandern conversion, exact for the Gregorian calendar.
    private var julianDay: Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    private init(julianDay: Int) {
        let a = julianDay + 32044
        let b = (4 * a + 3) / 146097
        let c = a - 146097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        self.day = e - (153 * m + 2) / 5 + 1
        self.month = m + 3 - 12 * (m / 10)
        self.year = 100 * b + d - 4800 + m / 10
    }
}
