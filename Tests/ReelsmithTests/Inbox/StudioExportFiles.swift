import Foundation
import ZIPFoundation

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// TikTok Studio's "Download data" files in their real shape (issue 11), built in the test:
/// CSVs in UTF-8 with a BOM, every field quoted, no line break after the last row; one zip per
/// section with the files at its root, stored (as TikTok writes them) or deflated; `Viewers.xlsx`
/// with one sheet `Viewers` whose every cell is a shared-string text cell.
enum StudioExportFiles {
    /// A CSV as TikTok Studio writes it.
    static func csv(_ header: [String], _ rows: [[String]]) -> Data {
        let lines = ([header] + rows).map {
            $0.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ",")
        }
        return Data([0xEF, 0xBB, 0xBF]) + Data(lines.joined(separator: "\n").utf8)
    }

    /// A zip of `entries` built in memory with ZIPFoundation.
    static func zip(_ entries: [(path: String, data: Data)], compression: CompressionMethod = .none) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: Date(timeIntervalSince1970: 1_790_891_174), compressionMethod: compression
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// An .xlsx of one sheet named `sheetName` (ECMA-376 parts as Excel writes them), every cell a
    /// shared string (`t="s"`), as TikTok Studio's Viewers.xlsx.
    static func workbook(sheetName: String = "Viewers", rows: [[String]], extraSheet: Bool = false) throws -> Data {
        var strings: [String] = []
        var index: [String: Int] = [:]
        func shared(_ text: String) -> Int {
            if let known = index[text] { return known }
            strings.append(text)
            index[text] = strings.count - 1
            return strings.count - 1
        }
        let letters = Array("ABCDEFGHIJ")
        var sheetRows = ""
        for (r, row) in rows.enumerated() {
            sheetRows += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                sheetRows += "<c r=\"\(letters[c])\(r + 1)\" t=\"s\"><v>\(shared(cell))</v></c>"
            }
            sheetRows += "</row>"
        }
        let escape = { (text: String) in
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let sst = strings.map { "<si><t>\(escape($0))</t></si>" }.joined()
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var sheets = "<sheet name=\"\(sheetName)\" sheetId=\"1\" r:id=\"rId1\"/>"
        var rels = "<Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        if extraSheet {
            sheets += "<sheet name=\"Notes\" sheetId=\"2\" r:id=\"rId3\"/>"
            rels += "<Relationship Id=\"rId3\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
        }
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                    + "</Types>"
            ),
            (
                "_rels/.rels",
                head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
            (
                "xl/workbook.xml",
                head + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>\(sheets)</sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)"
                    + "<Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
            ),
            (
                "xl/worksheets/sheet1.xml",
                head + "<worksheet xmlns=\"\(main)\"><sheetData>\(sheetRows)</sheetData></worksheet>"
            ),
            (
                "xl/sharedStrings.xml",
                head + "<sst xmlns=\"\(main)\" count=\"\(strings.count)\" uniqueCount=\"\(strings.count)\">\(sst)</sst>"
            ),
        ]
        return try zip(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    // MARK: The sections, with the numbers of a small account

    static let overviewHeader = ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]
    static let overview = csv(
        overviewHeader,
        [
            ["September 25", "118", "0", "5", "0", "0"], ["September 26", "201", "1", "9", "-1", "0"],
            ["September 27", "1", "0", "0", "0", "0"], ["September 28", "2", "0", "0", "0", "0"],
            ["September 29", "6", "0", "1", "0", "0"], ["September 30", "834", "3", "40", "2", "1"],
            ["October 1", "914", "4", "52", "3", "2"],
        ])
    static let followerHistory = csv(
        ["Date", "Followers", "Difference in followers from previous day"],
        [
            ["September 25", "0", "0"], ["September 26", "0", "0"], ["September 27", "0", "0"],
            ["September 28", "1", "1"], ["September 29", "2", "1"], ["September 30", "3", "1"],
            ["October 1", "4", "1"],
        ])
    static let followerGender = csv(["Gender", "Distribution"], [["Female", "0.6"], ["Male", "0.4"]])
    static let followerTerritories = csv(["Top territories", "Distribution"], [["BR", "0.8"], ["PT", "0.2"]])

    /// Three whole days with the followers most active 19:00–21:00, then the export day (2 October)
    /// filled up to 14:00 with a busy late morning and 0 for the hours not yet happened.
    static let followerActivity: Data = {
        var rows: [[String]] = []
        for day in ["September 29", "September 30", "October 1"] {
            for hour in 0..<24 {
                let active = [19, 20].contains(hour) ? 100 : [10, 11].contains(hour) ? 60 : 20
                rows.append([day, "\(hour)", "\(active)"])
            }
        }
        for hour in 0..<24 {
            let active = hour > 14 ? 0 : [10, 11].contains(hour) ? 200 : 20
            rows.append(["October 2", "\(hour)", "\(active)"])
        }
        return csv(["Date", "Hour", "Active followers"], rows)
    }()

    /// Viewers.xlsx's rows: `undefined` total on the first day, the others 0 there (as in a real export).
    static let viewersRows: [[String]] = [
        ["Date", "Total Viewers", "New Viewers", "Returning Viewers"],
        ["September 25", "undefined", "0", "0"], ["September 26", "663", "622", "41"],
        ["September 27", "104", "90", "14"], ["September 28", "12", "10", "2"],
        ["September 29", "30", "25", "5"], ["September 30", "700", "650", "50"], ["October 1", "820", "760", "60"],
    ]
}
