/// Years for a column of days written without one (`"March 25"`), as TikTok Studio's daily
/// exports (`Overview.csv`, `Viewers.csv`, `FollowerHistory.csv`, `FollowerActivity.csv`) write
/// them. The rows are in date order, so the year is carried along the column: the newest row
/// takes the latest year that does not pass `reference` (the export day), and each older row the
/// latest year that does not pass the row after it. An export spanning a new year, or more than
/// 12 months, gets every year right — which reading each row alone against the export day cannot.
enum ExportDaySequence {
    /// The day of each text (nil where a text is no day). Texts that give a year keep it.
    package static func days(_ texts: [String], reference: CalendarDay) -> [CalendarDay?] {
        let parts = texts.map(LocalizedDay.components)
        var result = [CalendarDay?](repeating: nil, count: texts.count)
        let order = Array(parts.indices)
        // Newest first: walk from the newest row to the oldest.
        let walk = isAscending(parts) ? Array(order.reversed()) : order
        var anchor = reference
        for index in walk {
            guard let part = parts[index] else { continue }
            let day: CalendarDay?
            if let year = part.year {
                day = CalendarDay(year: year, month: part.month, day: part.day)
            } else {
                day = LocalizedDay.latest(month: part.month, day: part.day, notAfter: anchor)
            }
            result[index] = day
            if let day { anchor = day }
        }
        return result
    }

    /// Whether the rows go from old to new: most steps between neighbouring different days are
    /// short forward steps (a day or a week), not jumps of most of a year.
    private static func isAscending(_ parts: [(year: Int?, month: Int, day: Int)?]) -> Bool {
        var forward = 0
        var backward = 0
        var previous: Int?
        for part in parts {
            guard let part, let day = CalendarDay(year: 2024, month: part.month, day: part.day) else { continue }
            let ordinal = day.days(since: CalendarDay(year: 2024, month: 1, day: 1)!)
            if let previous, previous != ordinal {
                let step = (ordinal - previous + 366) % 366
                if step < 183 { forward += 1 } else { backward += 1 }
            }
            previous = ordinal
        }
        return forward >= backward
    }
}
