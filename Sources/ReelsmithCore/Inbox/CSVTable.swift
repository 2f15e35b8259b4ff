import Foundation

/// A CSV file as spreadsheets, editors and TikTok Studio write it: UTF-8 with or without a BOM,
/// `,` `;` or tab separators (guessed from the header line), LF or CRLF line ends, quoted fields
/// that hold separators, doubled quotes (`""`) and line breaks. Parsed over bytes: a
/// 100,000-row export is read in a fraction of a second.
package struct CSVTable: Sendable {
    /// One record with the line it starts on and the column (in Unicode scalars) of each field.
    package struct Record: Sendable, Equatable {
        package var line: Int
        package var fields: [String]
        package var columns: [Int]
    }

    /// Limits that keep one file from costing more than its size (issue 12): a cell larger than
    /// any caption, a row wider than any export, more rows than any account has videos.
    static let maximumCellBytes = 64 << 10
    static let maximumFields = 1_000
    static let maximumRecords = 2_000_000
    /// How long one file may take to parse.
    static let timeBudget: Duration = .seconds(10)

    package var separator: Character
    package var header: Record
    /// The records after the header; blank lines are skipped.
    package var rows: [Record]

    package static func parse(data: Data, file: String) throws(InputError) -> CSVTable {
        let bytes = [UInt8](data)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        try InputFile.requireText(
            data, file: file, saveAs: "save it as \"CSV UTF-8\" (in a spreadsheet: Save as › CSV UTF-8)",
            emptyFix: "write a header line first, e.g. `video_id,views,likes,shares,comments`, then one line per video")
        let separator = guessSeparator(bytes, from: start)
        var records = try records(bytes, from: start, separator: separator, file: file)
        guard !records.isEmpty else {
            throw InputError(
                .emptyFile, file: file, problem: "the file is empty",
                fix: "write a header line first, e.g. `video_id,views,likes,shares,comments`, then one line per video")
        }
        let header = records.removeFirst()
        return CSVTable(separator: Character(UnicodeScalar(separator)), header: header, rows: records)
    }

    /// The separator that occurs most often outside quotes on the first line (`,` when none does).
    private static func guessSeparator(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted, byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                break
            } else if !quoted, counts[byte] != nil {
                counts[byte]! += 1
            }
            index += 1
        }
        let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!
        return best.value > 0 ? best.key : UInt8(ascii: ",")
    }

    private static func records(_ bytes: [UInt8], from start: Int, separator: UInt8, file: String) throws(InputError)
        -> [Record]
    {
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var records: [Record] = []
        var fields: [String] = []
        var columns: [Int] = []
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var line = 1
        var column = 1
        var recordLine = 1
        var fieldColumn = 1
        var isQuoted = false
        var openQuote = (line: 1, column: 1)
        var fieldWasQuoted = false
        /// The field holds only spaces so far (a quote may still open it): tracked, never rescanned,
        /// so a line of `a"a"a"…` stays linear.
        var fieldIsBlank = true
        let deadline = ContinuousClock.now + timeBudget

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            columns.append(fieldColumn)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
            fieldIsBlank = true
        }
        func endRecord() {
            let lastWasQuoted = fieldWasQuoted
            endField()
            let isBlank = fields.count == 1 && fields[0].allSatisfy(\.isWhitespace) && !lastWasQuoted
            if !isBlank { records.append(Record(line: recordLine, fields: fields, columns: columns)) }
            fields.removeAll(keepingCapacity: true)
            columns.removeAll(keepingCapacity: true)
        }

        var index = start
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if field.count >= maximumCellBytes {
                throw InputError(
                    .tooComplex, file: file, line: recordLine, column: fieldColumn,
                    problem: "a cell here is longer than \(maximumCellBytes >> 10) KB; no analytics value is that long",
                    fix: isQuoted
                        ? "check that every quote that opens a cell is closed; a quote inside a cell is written twice (`\"\"`)"
                        : "check that the file is an analytics CSV, with one video per line")
            }
            if fields.count >= maximumFields || records.count >= maximumRecords {
                throw InputError(
                    .tooComplex, file: file, line: line,
                    problem: fields.count >= maximumFields
                        ? "a row has more than \(maximumFields) fields"
                        : "the file has more than \(maximumRecords) rows",
                    fix: fields.count >= maximumFields
                        ? "check the separator: the file's first line decides between `,`, `;` and tab"
                        : "split it into several files")
            }
            if index & 0xFFFFF == 0, index > start, ContinuousClock.now > deadline {
                throw InputError(
                    .tooComplex, file: file, line: line, problem: "the file takes too long to read (stopped here)",
                    fix: "split it into several smaller files")
            }
            if isQuoted {
                if byte == quote {
                    if index + 1 < end, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 2
                        column += 2
                        continue
                    }
                    isQuoted = false
                } else if byte == carriageReturn {
                    // CRLF inside a caption is kept as a plain line break.
                    if index + 1 < end, bytes[index + 1] == newline { index += 1 }
                    field.append(newline)
                    line += 1
                    column = 0
                } else if byte == newline {
                    field.append(newline)
                    line += 1
                    column = 0
                } else {
                    field.append(byte)
                }
            } else if byte == separator {
                endField()
                fieldColumn = column + 1
            } else if byte == newline || byte == carriageReturn {
                if byte == carriageReturn, index + 1 < end, bytes[index + 1] == newline { index += 1 }
                endRecord()
                line += 1
                column = 0
                recordLine = line
                fieldColumn = 1
            } else if byte == quote, fieldIsBlank {
                field.removeAll(keepingCapacity: true)
                isQuoted = true
                fieldWasQuoted = true
                fieldIsBlank = false
                openQuote = (line, column)
            } else {
                field.append(byte)
                if byte != UInt8(ascii: " ") { fieldIsBlank = false }
            }
            // Columns count Unicode scalars: UTF-8 continuation bytes do not start one.
            if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        if isQuoted {
            throw InputError(
                .syntax, file: file, line: openQuote.line, column: openQuote.column,
                problem: "a quoted field opened here is never closed",
                fix: "close it with a `\"`; a quote inside a quoted field is written twice (`\"\"`)")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
