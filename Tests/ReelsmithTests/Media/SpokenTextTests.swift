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

@Suite struct SpokenTextTests {
    @Test func hashtagsEmojiLinksAndMarkdownAreNotSpoken() {
        let spoken = SpokenText.clean(
            "**Big** news 🔥💪🏽 for #fitness fans: see https://x.example/a and [this](https://y) 👨‍👩‍👧 now #fyp")
        #expect(spoken == "Big news for fans: see and this now")
    }

    @Test func digitsAndPunctuationStay() {
        #expect(SpokenText.clean("3 tips, 10 minutes #1 rule") == "3 tips, 10 minutes rule")
    }
}
