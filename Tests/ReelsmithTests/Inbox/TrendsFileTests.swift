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

@Suite struct TrendsFileTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 25)!

    private func decode(_ url: URL, name: String) throws(InputError) -> TrendsFile {
        let data = (try? Data(contentsOf: url)) ?? Data()
        return try TrendsFile.decode(data: data, displayName: name, ingestDay: Self.today)
    }

    @Test func bundledExampleSumsLikesCommentsSharesAndDefaultsTheDate() throws {
        let file = try decode(
            TestSupport.packageRoot.appendingPathComponent("inbox/trends/example-trends.yaml"), name: "t.yaml")
        #expect(file.trends.count == 3)
        #expect(file.trends[0].engagement == 35000 && file.trends[0].niche == "motivation")
        #expect(file.trends[1].engagement == 21000 + 900 + 1500)
        #expect(file.trends[1].date == CalendarDay(year: 2026, month: 11, day: 21))
        #expect(file.trends[2].url == nil && file.trends[2].date == Self.today)
    }

    @Test(arguments: [
        ("unknown-key.yaml", 5, 5, "unknown key `engagment` — did you mean `engagement`?"),
        ("engagement-twice.yaml", 5, 12, "both `engagement` and `likes` are given"),
        ("bad-date.yaml", 6, 11, "`date` is not a day: `20/11/2026`"),
        ("missing-engagement.yaml", 2, 5, "the required key `engagement` is missing"),
    ])
    func mistakesNameTheirLineColumnAndFix(fixture: String, line: Int, column: Int, message: String) throws {
        let name = "inbox/trends/\(fixture)"
        let error = try #require(throws: InputError.self) {
            try decode(TestSupport.fixture("trends/\(fixture)"), name: name)
        }
        #expect(error.line == line && error.column == column, "\(error)")
        #expect(error.description.hasPrefix("\(name):\(line):\(column): "))
        #expect(error.description.contains(message), "\(error)")
        #expect(!error.fix.isEmpty)
    }

    @Test func anotherKindOrAnEmptyListIsRefused() throws {
        let request = try #require(throws: InputError.self) {
            try TrendsFile.decode(
                data: Data("kind: request\ntrends: []\n".utf8), displayName: "t.yaml", ingestDay: Self.today)
        }
        #expect(request.reason == .invalidValue(key: "kind"))
        let empty = try #require(throws: InputError.self) {
            try TrendsFile.decode(data: Data("trends: []\n".utf8), displayName: "t.yaml", ingestDay: Self.today)
        }
        #expect(empty.reason == .wrongType(key: "trends", expected: "list"))
    }
}
