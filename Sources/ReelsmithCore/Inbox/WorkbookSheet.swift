import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The one sheet of an Excel workbook (.xlsx), read as the CSV it would be saved as (issue 11).
/// TikTok Studio sometimes gives its Viewers section only as `Viewers_<handle>.zip → Viewers.xlsx`:
/// one sheet, `Viewers`, every cell a text cell (`"104"`, `"undefined"` on the first day).
/// Read per ECMA-376: `xl/workbook.xml` lists the sheets, `xl/_rels/workbook.xml.rels` says where
/// each one's XML is, `xl/sharedStrings.xml` holds the text of `t="s"` cells; a cell is also an
/// inline string (`t="inlineStr"`), a formula's text (`t="str"`), a boolean or a number.
/// A workbook of several sheets is refused: which one holds the analytics is a guess.
struct WorkbookSheet: Sendable {
    package var name: String
    /// Rows by their sheet row number (1-based), cells by their column (0-based); gaps are "".
    package var rows: [(number: Int, cells: [String])]

    /// A zip is a workbook when it holds `[Content_Types].xml` (every OOXML package does).
    static func isWorkbook(_ entries: [ZipArchiveReader.Entry]) -> Bool {
        entries.contains { $0.path == "[Content_Types].xml" }
    }

    package static func read(_ entries: [ZipArchiveReader.Entry], file: String) throws(InputError) -> WorkbookSheet {
        var parts: [String: Data] = [:]
        for entry in entries {
            parts[entry.path.hasPrefix("/") ? String(entry.path.dropFirst()) : entry.path] = entry.data
        }
        guard let workbookXML = parts["xl/workbook.xml"] else {
            throw refused(file, problem: "this Office file is not an Excel workbook (it has no xl/workbook.xml)")
        }
        let sheets = try elements(named: "sheet", in: workbookXML, file: file, part: "xl/workbook.xml")
        guard sheets.count == 1, let sheet = sheets.first else {
            throw refused(
                file,
                problem: "this workbook has \(sheets.count) sheets; Reelsmith reads a workbook of one sheet, "
                    + "as TikTok Studio's Viewers.xlsx")
        }
        let name = sheet.attributes["name"] ?? "Sheet1"
        // The sheet's part, through the workbook's relationships; `sheet1.xml` when they are missing.
        var path = "xl/worksheets/sheet1.xml"
        if let id = sheet.attributes["r:id"] ?? sheet.attributes.first(where: { $0.key.hasSuffix(":id") })?.value,
            let rels = parts["xl/_rels/workbook.xml.rels"],
            let target = try elements(named: "Relationship", in: rels, file: file, part: "xl/_rels/workbook.xml.rels")
                .first(where: { $0.attributes["Id"] == id })?.attributes["Target"]
        {
            path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        guard let sheetXML = parts[path] else {
            throw refused(
                file, problem: "the workbook's sheet `\(Excerpt.quote(name))` is missing (\(Excerpt.quote(path)))")
        }
        let shared =
            try parts["xl/sharedStrings.xml"].map { data throws(InputError) in
                try SharedStringsParser.strings(data, file: file)
            } ?? []
        return WorkbookSheet(name: name, rows: try SheetParser.rows(sheetXML, sharedStrings: shared, file: file))
    }

    /// The sheet as a ``CSVTable``: its first non-empty row is the header; a record's line is the
    /// sheet's row number and a field's column the sheet's column (A = 1), as a spreadsheet shows them.
    package func table(file: String) throws(InputError) -> CSVTable {
        let filled = rows.filter { $0.cells.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard !filled.isEmpty else {
            throw InputError(
                .emptyFile, file: file, problem: "the workbook's sheet `\(Excerpt.quote(name))` is empty",
                fix: "export the section again from TikTok Studio (Analytics › Download data)")
        }
        let records = filled.map {
            CSVTable.Record(line: $0.number, fields: $0.cells, columns: Array(1..<($0.cells.count + 1)))
        }
        return CSVTable(separator: ",", header: records[0], rows: Array(records.dropFirst()))
    }

    package static func refused(_ file: String, problem: String) -> InputError {
        InputError(
            .notText, file: file, problem: problem,
            fix: "in TikTok Studio choose CSV when exporting if it is offered, or open the workbook in a spreadsheet "
                + "and save the sheet as \"CSV UTF-8\"")
    }

    // MARK: XML

    /// An element's name and attributes.
    package struct Element {
        package var attributes: [String: String]
    }

    /// Every element named `name` (namespace prefix ignored) in `data`.
    package static func elements(named name: String, in data: Data, file: String, part: String) throws(InputError)
        -> [Element]
    {
        let collector = ElementCollector(name: name)
        try parse(data, delegate: collector, file: file, part: part)
        return collector.found
    }

    /// Runs `delegate` over `data`. A document type declaration is refused before parsing: OOXML
    /// parts never have one, and it is where entity expansion (the "billion laughs") lives.
    package static func parse(_ data: Data, delegate: some XMLParserDelegate, file: String, part: String)
        throws(InputError)
    {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw refused(file, problem: "the workbook's \(part) declares a document type, which workbooks never do")
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            throw refused(file, problem: "the workbook's \(part) is not well-formed XML (line \(parser.lineNumber))")
        }
    }

    /// The local name: `x:sheet` → `sheet`.
    static func localName(_ qualified: String) -> String {
        qualified.split(separator: ":").last.map(String.init) ?? qualified
    }

    /// `B12` → 1 (0-based column), nil when the reference has no letters.
    static func columnIndex(_ reference: String) -> Int? {
        var value = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            value = value * 26 + Int(scalar.value - 64)
            letters += 1
        }
        guard letters > 0, letters <= 3 else { return nil }
        return value - 1
    }
}

private final class ElementCollector: NSObject, XMLParserDelegate {
    package let name: String
    package var found: [WorkbookSheet.Element] = []
    package init(name: String) { self.name = name }

    package func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if WorkbookSheet.localName(elementName) == name { found.append(.init(attributes: attributes)) }
    }
}

/// `xl/sharedStrings.xml`: one `<si>` per string, its text in `<t>` or in runs `<r><t>`; the
/// phonetic guides (`<rPh>`) are not part of the text.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    package var strings: [String] = []
    package var current: String?
    var inText = false
    var inPhonetic = false

    package static func strings(_ data: Data, file: String) throws(InputError) -> [String] {
        let parser = SharedStringsParser()
        try WorkbookSheet.parse(data, delegate: parser, file: file, part: "xl/sharedStrings.xml")
        return parser.strings
    }

    package func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch WorkbookSheet.localName(elementName) {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
    }

    package func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, current != nil { current! += string }
    }

    package func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch WorkbookSheet.localName(elementName) {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}

/// A worksheet's `<sheetData>`: rows of cells, each with its reference (`B3`), type and value.
private final class SheetParser: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    package var rows: [(number: Int, cells: [String])] = []
    package var cells: [String] = []
    var rowNumber = 0
    var cellColumn = 0
    var cellType = "n"
    package var text = ""
    var inValue = false
    var inInlineText = false
    package var failure: String?

    /// Cells past this column are not analytics (TikTok's widest file has 8 columns).
    static let maximumColumns = CSVTable.maximumFields

    package init(sharedStrings: [String]) { self.sharedStrings = sharedStrings }

    package static func rows(_ data: Data, sharedStrings: [String], file: String) throws(InputError) -> [(
        number: Int, cells: [String]
    )] {
        let parser = SheetParser(sharedStrings: sharedStrings)
        try WorkbookSheet.parse(data, delegate: parser, file: file, part: "worksheet")
        if let failure = parser.failure { throw WorkbookSheet.refused(file, problem: failure) }
        return parser.rows
    }

    package func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch WorkbookSheet.localName(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
        case "c":
            cellColumn = attributes["r"].flatMap(WorkbookSheet.columnIndex) ?? cells.count
            cellType = attributes["t"] ?? "n"
            text = ""
        case "v": inValue = true
        case "t": inInlineText = cellType == "inlineStr"
        default: break
        }
    }

    package func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue || inInlineText { text += string }
    }

    package func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch WorkbookSheet.localName(elementName) {
        case "v": inValue = false
        case "t": inInlineText = false
        case "c":
            guard cellColumn < Self.maximumColumns else {
                failure = "a row of the sheet has cells past column \(Self.maximumColumns)"
                parser.abortParsing()
                return
            }
            var value = text
            switch cellType {
            case "s":
                guard let index = Int(text.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index)
                else {
                    failure = "a cell of row \(rowNumber) points to a shared string the workbook does not have"
                    parser.abortParsing()
                    return
                }
                value = sharedStrings[index]
            case "b": value = text == "1" ? "TRUE" : "FALSE"
            case "n":
                // A number as the spreadsheet shows it: `104`, not `104.0`.
                if let number = Double(text), number == number.rounded(), abs(number) < 1e15 {
                    value = String(Int64(number))
                }
            default: break
            }
            if cells.count <= cellColumn { cells += Array(repeating: "", count: cellColumn - cells.count + 1) }
            cells[cellColumn] = value
        case "row":
            rows.append((rowNumber, cells))
        default: break
        }
    }
}
