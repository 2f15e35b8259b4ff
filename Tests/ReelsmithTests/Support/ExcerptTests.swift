import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

@Suite struct ExcerptTests {
    @Test func atMostSixtyCharactersWithControlsEscaped() {
        let long = String(repeating: "x", count: 1_000_000)
        #expect(Excerpt.quote(long).count == 60 && Excerpt.quote(long).hasSuffix("…"))
        #expect(Excerpt.quote(String(repeating: "y", count: 60)) == String(repeating: "y", count: 60))
        #expect(Excerpt.quote("a\nb\tc\u{1B}[31m\u{202E}d") == "a\\nb\\tc\\u{1B}[31m\\u{202E}d")
        #expect(Excerpt.quote(String(repeating: "\u{7}", count: 100)).count <= 60)
    }

    @Test func bytesThatAreNotUTF8AreShownAsHex() {
        #expect(Excerpt.quote(bytes: Array("caf".utf8) + [0xE9] + Array(".yaml".utf8)) == "caf\\xE9.yaml")
        #expect(Excerpt.quote(bytes: Array("é".utf8)) == "é")
        #expect(ClaimedFile.displayName(of: [UInt8](repeating: 0xFF, count: 255)).count == 4 * 255)
    }
}
