import GRDB
import ReelsmithCore

/// Days are stored as `YYYY-MM-DD` text, so SQL compares and sorts them as days.
extension CalendarDay: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { description.databaseValue }

    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDay? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDay.init(iso:))
    }
}
