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

@Suite struct HTMLTests {
    @Test func textIsEscapedWherever_itGoes() {
        let html = HTML.element("p", ["title": "a\"b'c<d>&e"]) { "<script>alert(1)</script> & \"x\"" }
        #expect(
            html.markup
                == "<p title=\"a&quot;b&#39;c&lt;d&gt;&amp;e\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>"
        )
    }

    @Test func plainTextIsLeftAsItIs() {
        #expect(HTML.escape("Café — 10 000 vues") == "Café — 10 000 vues")
        #expect(HTML.escape("") == "")
    }

    @Test func aNilAttributeIsLeftOutAndAnEmptyOneKept() {
        #expect(
            HTML.void("input", ["name": "n", "required": "", "max": nil]).markup == "<input name=\"n\" required=\"\">")
    }

    @Test func svgChildrenCloseThemselves() {
        #expect(HTML.selfClosing("rect", ["x": "1"]).markup == "<rect x=\"1\"/>")
    }

    @Test func theBuilderJoinsConditionsLoopsAndNumbers() {
        let flag = true
        let html = HTML.element("ul") {
            for item in ["a", "<b>"] { HTML.element("li") { item } }
            if flag { 42 } else { "never" }
        }
        #expect(html.markup == "<ul><li>a</li><li>&lt;b&gt;</li>42</ul>")
    }

    @Test func embeddedJSONCannotCloseItsScriptElement() throws {
        let value = ["title": "</script><script>alert(1)</script> & \u{2028}\u{2029}"]
        let data = try JSONEncoder().encode(value)
        let html = HTML.json(id: "data", data)
        let body = html.markup.dropFirst("<script type=\"application/json\" id=\"data\">".count).dropLast(
            "</script>".count)
        #expect(!body.contains("<") && !body.contains(">") && !body.contains("&"))
        #expect(!body.contains("\u{2028}") && !body.contains("\u{2029}"))
        // Still the same JSON.
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(body.utf8))
        #expect(decoded == value)
    }
}
