import Foundation
import Testing
@testable import Reelsmith

@Suite struct CSVTableTests {
    private func parse(_ text: String, bom: Bool = false) throws -> CSVTable {
        try CSVTable.parse(data: (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8), file: "a.csv")
    }

    @Test func bomQuotedNewlinesSemicolonsAndCRLFParse() throws {
        let table = try parse("\"Time\";\"Video title\"\r\n\"2026-03-10\";\"line one\r\nline \"\"two\"\"; still\"\r\n\"x\";\"y\"\r\n", bom: true)
        #expect(table.separator == ";")
        #expect(table.header.fields == ["Time", "Video title"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].fields == ["2026-03-10", "line one\nline \"two\"; still"])
        #expect(table.rows[0].line == 2)
        #expect(table.rows[1].line == 4, "the quoted line break counts as a line")
        #expect(table.rows[1].fields == ["x", "y"])
    }

    @Test func commaIsTheDefaultAndColumnsCountCharactersNotBytes() throws {
        let table = try parse("a,b,c\néé,ü,3\n\n  \n4,5,6")
        #expect(table.separator == ",")
        #expect(table.rows.map(\.fields) == [["éé", "ü", "3"], ["4", "5", "6"]])
        #expect(table.rows[0].columns == [1, 4, 6])
        #expect(table.rows[1].line == 5)
    }

    @Test func tabsAreRecognised() throws {
        let table = try parse("video_id\tviews\nabc\t12\n")
        #expect(table.separator == "\t")
        #expect(table.rows[0].fields == ["abc", "12"])
    }

    @Test func anUnclosedQuoteFailsTheFileWhereItOpens() throws {
        let data = try Data(contentsOf: TestSupport.fixture("analytics/unclosed-quote.csv"))
        let error = try #require(throws: InputError.self) { try CSVTable.parse(data: data, file: "u.csv") }
        #expect(error.reason == .syntax)
        #expect(error.line == 2 && error.column == 1)
        #expect(error.description.hasPrefix("u.csv:2:1: a quoted field opened here is never closed"))
    }

    @Test func utf16AndInvalidUTF8AreRejectedWithTheirPlace() throws {
        let utf16 = try #require(throws: InputError.self) {
            try CSVTable.parse(data: Data([0xFF, 0xFE, 0x61, 0x00]), file: "w.csv")
        }
        #expect(utf16.reason == .notUTF8)
        let latin1 = try #require(throws: InputError.self) {
            try CSVTable.parse(data: Data("video_id,views\nd".utf8) + Data([0xE9, 0x0A]), file: "l.csv")
        }
        #expect(latin1.reason == .notUTF8 && latin1.line == 2 && latin1.column == 2)
    }
}
