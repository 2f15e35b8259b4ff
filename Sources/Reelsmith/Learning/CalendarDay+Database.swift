import GRDB

/// Days are stored as `YYYY-MM-DD` text, so SQL compares and sorts them as days.
extension CalendarDay: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDay? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDay.init(iso:))
    }
}
