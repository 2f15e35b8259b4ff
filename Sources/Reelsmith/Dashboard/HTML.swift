import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// A fragment of HTML that is safe to emit (issue 10). It can only be made from text, which is
/// escaped; from elements whose tag and attribute names are compile-time literals and whose
/// attribute values are escaped; from JSON embedded for the page's script; and from markup
/// written in this source code (`StaticString`, so no runtime value can ever reach it unescaped).
/// A title like `<script>alert(1)</script>` therefore always shows as text.
package struct HTML: Sendable, Equatable, CustomStringConvertible {
    package private(set) var markup: String

    private init(markup: String) { self.markup = markup }

    package var description: String { markup }

    package static let empty = HTML(markup: "")

    /// Text, escaped for an element's content or a quoted attribute value.
    package init(text: String) { markup = Self.escape(text) }

    /// Markup written in the source code: styles, the page's script, fixed fragments.
    package static func trusted(_ markup: StaticString) -> HTML { HTML(markup: markup.description) }

    /// `<name attributes>content</name>`; an attribute whose value is nil is left out.
    package static func element(
        _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:],
        @HTMLBuilder content: () -> HTML = { .empty }
    ) -> HTML {
        var markup = "<\(name)" + Self.attributes(attributes) + ">"
        markup += content().markup
        markup += "</\(name)>"
        return HTML(markup: markup)
    }

    /// An element without content or end tag (`<input>`, `<meta>`, `<br>`).
    package static func void(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) -> HTML {
        HTML(markup: "<\(name)" + Self.attributes(attributes) + ">")
    }

    /// An empty SVG element, `<name attributes/>`: inside `<svg>` an element without `/>` or an
    /// end tag would swallow the ones after it.
    package static func selfClosing(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:])
        -> HTML
    {
        HTML(markup: "<\(name)" + Self.attributes(attributes) + "/>")
    }

    /// `<script type="application/json" id="…">`: JSON that the page's script reads with
    /// `JSON.parse`. `<`, `>`, `&` and the two JavaScript line separators only ever occur inside
    /// JSON strings, where their `\u` escapes mean the same, so no text can end the element early.
    package static func json(id: StaticString, _ data: Data) -> HTML {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + data.count / 16)
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            switch byte {
            case UInt8(ascii: "<"): bytes.append(contentsOf: Array(#"\u003c"#.utf8))
            case UInt8(ascii: ">"): bytes.append(contentsOf: Array(#"\u003e"#.utf8))
            case UInt8(ascii: "&"): bytes.append(contentsOf: Array(#"\u0026"#.utf8))
            case 0xE2
            where index + 2 < data.endIndex && data[index + 1] == 0x80
                && (data[index + 2] == 0xA8 || data[index + 2] == 0xA9):
                bytes.append(contentsOf: Array((data[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8))
                index += 2
            default: bytes.append(byte)
            }
            index += 1
        }
        return HTML(
            markup: "<script type=\"application/json\" id=\"\(id)\">" + String(decoding: bytes, as: UTF8.self)
                + "</script>")
    }

    package static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(markup: lhs.markup + rhs.markup) }

    package static func += (lhs: inout HTML, rhs: HTML) { lhs.markup += rhs.markup }

    package init<S: Sequence>(joining parts: S) where S.Element == HTML {
        markup = parts.reduce(into: "") { $0 += $1.markup }
    }

    private static func attributes(_ attributes: KeyValuePairs<StaticString, String?>) -> String {
        var markup = ""
        for (name, value) in attributes {
            guard let value else { continue }
            markup += " \(name)=\"" + escape(value) + "\""
        }
        return markup
    }

    /// `&`, `<`, `>`, `"` and `'` as character references; everything else as it is.
    package static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: Array("&amp;".utf8))
            case 0x3C: bytes.append(contentsOf: Array("&lt;".utf8))
            case 0x3E: bytes.append(contentsOf: Array("&gt;".utf8))
            case 0x22: bytes.append(contentsOf: Array("&quot;".utf8))
            case 0x27: bytes.append(contentsOf: Array("&#39;".utf8))
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
