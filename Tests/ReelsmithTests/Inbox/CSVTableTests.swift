import Foundation
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

@Suite struct CSVTableTests {
    private func parse(_ text: String, bom: Bool = false) throws -> CSVTable {
        try CSVTable.parse(data: (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8), file: "a.csv")
    }

    @Test func bomQuotedNewlinesSemicolonsAndCRLFParse() throws {
        let table = try parse(
            "\"Time\";\"Video title\"\r\n\"2026-03-10\";\"line one\r\nline \"\"two\"\"; still\"\r\n\"x\";\"y\"\r\n",
            bom: true)
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

/// Issue 12, hole 5: the CSV reader is linear, caps its cells and quotes only a short excerpt.
@Suite struct CSVBudgetTests {
    @Test func aFiftyMegabyteLineIsRefusedQuicklyAtItsPlace() throws {
        for filler in ["a", "a\""] {
            var data = Data("video_id,views,likes,shares,comments\n".utf8)
            data.append(Data(String(repeating: filler, count: 50_000_000 / filler.count).utf8))
            let started = ContinuousClock.now
            #expect(throws: InputError.self) { _ = try CSVTable.parse(data: data, file: "line.csv") }
            // Linear: about a second here; a quadratic reader would take hours. The bound is loose
            // because the machine running the suite is shared (performance is benchmarked, not tested).
            #expect(ContinuousClock.now - started < .seconds(30))
            do { _ = try CSVTable.parse(data: data, file: "line.csv") } catch {
                #expect(error.location == "line.csv:2:1" && error.problem.contains("longer than 64 KB"))
                #expect(error.description.count < 300)
            }
        }
    }

    @Test func aOneMegabyteHeaderCellIsQuotedInSixtyCharactersAtMost() throws {
        let header = String(repeating: "x", count: 60_000) + "\u{1B}[2J"
        let data = Data((header + ",views\n1,2\n").utf8)
        let started = ContinuousClock.now
        do {
            _ = try AnalyticsFile.decode(
                data: data, file: "h.csv", isYAML: false, ingestDay: CalendarDay(year: 2026, month: 11, day: 25)!)
            Issue.record("an unknown 60 KB column was accepted")
        } catch {
            #expect(error.description.count < 400 && !error.description.contains("\u{1B}"))
        }
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test func parsingStaysLinearWithLongCells() throws {
        // The same 8 MB of cells, as rows whose first cell is 30 KB long (under the cap) and as
        // short rows: the reader's time per byte must not depend on the line length. A ratio of
        // two timings from one run, not a speed, so a loaded machine does not fail it.
        let cell = String(repeating: "x", count: 30_000)
        var wide = "video_id,views,likes,shares,comments\n"
        while wide.utf8.count < 8_000_000 { wide += cell + ",1,2,3,4\n" }
        var narrow = "video_id,views,likes,shares,comments\n"
        let short = String(repeating: "x", count: 300) + ",1,2,3,4\n"
        while narrow.utf8.count < wide.utf8.count { narrow += short }
        func seconds(_ text: String) throws -> (Double, Int) {
            let data = Data(text.utf8)
            let started = ContinuousClock.now
            let table = try CSVTable.parse(data: data, file: "wide.csv")
            return ((ContinuousClock.now - started).seconds, table.rows.count)
        }
        _ = try seconds(narrow)  // warm up
        let (wideSeconds, wideRows) = try seconds(wide)
        let (narrowSeconds, _) = try seconds(narrow)
        print("CSV: 8 MB in 30 KB cells \(wideSeconds) s, in 300-byte cells \(narrowSeconds) s")
        #expect(wideRows > 200)
        #expect(wideSeconds < narrowSeconds * 3, "long lines cost no more per byte than short ones")
    }

}
