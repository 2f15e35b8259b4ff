import Foundation
import Testing

@testable import LocalProviderServer
@testable import ReelsmithCore
@testable import ReelsmithEngines

/// A model's answer is hostile input (issue 19): its numbers are range-checked before any
/// conversion, nonsense is refused and sent back once with the problem quoted, and broken JSON
/// is diagnosed (and repaired where that is unambiguous) before any key is looked for.
@Suite struct ModelAnswerTests {
    /// A score answer with these points and reasons (the others: 10 points, a real sentence).
    static func score(points: [String: String] = [:], reasons: [String: String] = [:]) -> String {
        let criteria = ScoreSchema.criteria.map { criterion in
            let reason = reasons[criterion.name] ?? "The \(criterion.name) is fine."
            return "\"\(criterion.name)\": {\"points\": \(points[criterion.name] ?? "10"), \"reason\": \"\(reason)\"}"
        }
        return "{" + criteria.joined(separator: ", ") + "}"
    }

    static func check(_ answer: String) throws(AnswerProblem) -> ViralityScore {
        try ScoreAnswerCheck.score(from: try JSONAnswer.extract(from: answer))
    }

    // Before issue 19 this trapped in `Int(Double)` (exit 132: the daemon died under `watch`).
    @Test(arguments: ["9223372036854775808", "1e300", "-9.3e18", "6.8e15"])
    func hugePointsAreRefusedNotConverted(points: String) throws {
        let problem = try #require(throws: AnswerProblem.self) { try Self.check(Self.score(points: ["hook": points])) }
        #expect(problem.message.contains("`hook.points` is") && problem.message.contains("from 0 to 25"))
    }

    // Before issue 19: clamped to the caps and published as `score 100/100`.
    @Test func pointsOutsideTheCapOrNegativeAreRefused() throws {
        for points in ["26", "-1", "40"] {
            #expect(throws: AnswerProblem.self) { try Self.check(Self.score(points: ["structure": points])) }
        }
        let score = try Self.check(Self.score(points: ["hook": "25", "timing": "0", "emotional_triggers": "12.6"]))
        #expect(score.criteria.map(\.points) == [25, 10, 0, 13, 10])
    }

    // Before issue 19: reasons "1", "2", "3", "4" were accepted.
    @Test func reasonsThatAreNotSentencesAreRefused() throws {
        for reason in ["1", "2", "-", "ok", "10/25"] {
            let problem = try #require(throws: AnswerProblem.self) {
                try Self.check(Self.score(reasons: ["seo_hashtags": reason]))
            }
            #expect(problem.message.contains("`seo_hashtags.reason`") && problem.message.contains("sentence"))
        }
        #expect(try Self.check(Self.score(reasons: ["hook": "Strong opener."])).criteria[0].reason == "Strong opener.")
    }

    /// The issue's answer (6.8e15 points, reasons "1"…"4") is sent back once with the problem
    /// quoted; a second nonsense answer ends the model's turn (the stage then falls back).
    @Test func aNonsenseScoreIsSentBackOnceThenGivenUp() async throws {
        let nonsense = Self.score(
            points: ["hook": "6.8e15", "structure": "6.8e15", "timing": "6.8e15", "emotional_triggers": "6.8e15"],
            reasons: ["hook": "1", "structure": "2", "timing": "3", "emotional_triggers": "4"])
        let server = try LocalProviderServer { _ in .chatCompletion(nonsense) }
        let scorer = ChatScorer(model: ProviderFixtures.model(ProviderFixtures.client(server), stage: .score))
        let error = try await #require(throws: ProviderError.self) {
            _ = try await scorer.score(ModelAnswerTests.script, brief: ProviderFixtures.brief())
        }
        #expect(error.reason == .invalidAnswer)
        try #require(server.requests.count == 2)
        let retry = ProviderFixtures.messagesText(server.requests[1])
        #expect(retry.contains("That answer cannot be used: `hook.points` is 6.8e+15"))
    }

    @Test func aGoodSecondScoreAfterANonsenseOneIsUsed() async throws {
        let server = try LocalProviderServer { request in
            .chatCompletion(
                ProviderFixtures.messagesText(request).contains("That answer cannot be used")
                    ? Self.score(points: ["hook": "20"]) : Self.score(points: ["hook": "9223372036854775808"]))
        }
        let scorer = ChatScorer(model: ProviderFixtures.model(ProviderFixtures.client(server), stage: .score))
        let score = try await scorer.score(Self.script, brief: ProviderFixtures.brief())
        #expect(score.criteria[0].points == 20 && server.requests.count == 2)
    }

    static let script = Script(
        title: "Ten minutes", hook: "What if ten minutes changed your day?",
        script: "What if ten minutes changed your day?",
        scenes: [
            Script.Scene(index: 1, narration: "What if ten minutes changed your day?", keyPhrase: "", imagePrompt: "")
        ],
        hashtags: ["#fitness"], description: "A quick workout.", callToAction: "Follow.", durationSeconds: 3,
        language: .en, template: "fitness")

    // MARK: JSON diagnosis

    /// The issue's case: a raw line break inside a string. Before issue 19 the extractor took the
    /// first scene's object and the check said "missing key `title`" (the title was there).
    @Test func aRawLineBreakInAStringIsRepairedNotMisreadAsAMissingKey() throws {
        let answer = "{\"title\": \"Morning\nroutine\", \"scenes\": [{\"narration\": \"Wake up.\"}]}"
        let json = try JSONAnswer.extract(from: answer)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["title"] as? String == "Morning\nroutine")
        #expect((object["scenes"] as? [Any])?.count == 1)
    }

    @Test func trailingCommasAndTabsAreRepaired() throws {
        let answer = "Here it is:\n```json\n{\"a\": [1, 2,], \"b\": \"x\ty\",\n}\n```"
        let object = try #require(
            try JSONSerialization.jsonObject(with: try JSONAnswer.extract(from: answer)) as? [String: Any])
        #expect(object["a"] as? [Int] == [1, 2] && object["b"] as? String == "x\ty")
    }

    /// What cannot be repaired is said first, where it is, and never as a key missing from an
    /// inner fragment; the model's retry quotes it.
    @Test func invalidJSONIsDiagnosedAtItsLineAndColumn() async throws {
        let cases: [(String, String)] = [
            ("{\"title\": \"A\",\n \"scenes\": [{\"narration\": \"x\"} {\"narration\": \"y\"}]}", "line 2, column 32"),
            ("{\"title\": 'single',\n \"scenes\": [{\"narration\": \"x\"}]}", "line 1, column 11"),
            ("Sure:\n{\"title\": \"unclosed, \"scenes\": [{\"narration\": \"x\"}]}", "line 2"),
        ]
        for (answer, place) in cases {
            let problem = try #require(throws: AnswerProblem.self) { try JSONAnswer.extract(from: answer) }
            #expect(problem.message.hasPrefix("the answer is not valid JSON: at \(place)"), "\(problem.message)")
            #expect(!problem.message.contains("missing key"))
        }
        let server = try LocalProviderServer { _ in .chatCompletion(cases[0].0) }
        _ = try? await ProviderFixtures.writer(ProviderFixtures.client(server)).write(
            ProviderFixtures.brief(), variant: 1)
        #expect(server.requests.count == 2)
        try #require(server.requests.count >= 2)
        #expect(
            ProviderFixtures.messagesText(server.requests[1]).contains(
                "That answer cannot be used: the answer is not valid JSON: at line 2, column 32, `{` where `,` or `]` should be"
            ))
    }

    /// The one scan both the extractor and the repair use (`JSONStringScanner`): an escaped quote
    /// does not end a string, and a brace or a comma inside one is text.
    @Test func escapedQuotesAndBracesInsideStringsAreTextForTheExtractorAndTheRepair() throws {
        let answer = "Sure: {\"a\": \"say \\\"}{\\\" ,]\", \"b\": [1,],\n} and more {\"c\": 2}"
        let object = try #require(
            try JSONSerialization.jsonObject(with: try JSONAnswer.extract(from: answer)) as? [String: Any])
        #expect(object["a"] as? String == "say \"}{\" ,]" && object["b"] as? [Int] == [1])
        #expect(JSONDiagnosis.repaired("{\"a\": \"x\\\"\ny,]\",}") == "{\"a\": \"x\\\"\\ny,]\"}")
        var scanner = JSONStringScanner()
        let roles = "{\"\\\"\n\"}".unicodeScalars.map { scanner.role(of: $0) }
        #expect(roles == [.structure, .quote, .escape, .escape, .text, .quote, .structure])
        #expect(!scanner.isInString)
    }

    @Test func diagnosisNamesTheFault() {
        #expect(JSONDiagnosis.fault(in: "{\"a\": 1}") == nil)
        #expect(
            JSONDiagnosis.fault(in: "{\"a\": \"x\ny\"}")?.description
                == "line 1, column 9: a raw line break inside a string (write it as \\n)")
        #expect(JSONDiagnosis.fault(in: "{\"a\": [1,]}")?.problem == "a comma before `]` (remove it)")
        #expect(JSONDiagnosis.fault(in: "{\"a\": 01}")?.problem == "a number cannot start with 0")
        #expect(JSONDiagnosis.fault(in: String(repeating: "[", count: 100_000)) != nil)
        #expect(JSONDiagnosis.repaired("{\"a\": \"x\u{1}y\"}") == "{\"a\": \"x\\u0001y\"}")
        #expect(JSONDiagnosis.repaired("{\"a\": 'x'}") == nil)
    }
}

extension ModelAnswerTests {
    /// The fuzz target's seeds (`Fixtures/answers`) go through the public surface it drives.
    @Test func theFuzzSeedsParseThroughThePublicDecoders() throws {
        func text(_ name: String) throws -> String {
            try String(contentsOf: TestSupport.fixture("answers/\(name)"), encoding: .utf8)
        }
        try ModelAnswerDecoders.decodeScore(try text("score.json"))
        // A raw line break, a raw tab and two trailing commas: repaired, then read.
        try ModelAnswerDecoders.decodeScore(try text("score-broken.txt"))
        let score = try ScoreAnswerCheck.score(from: try JSONAnswer.extract(from: try text("score-broken.txt")))
        #expect(score.total == 72 && score.criteria[0].reason == "The question opens a curiosity gap at once.")
        try ModelAnswerDecoders.decodeScript(try text("script.json"), isFrench: false, scenes: 3)
        #expect(throws: AnswerProblem.self) {
            try ModelAnswerDecoders.decodeScript(try text("script.json"), isFrench: false, scenes: 4)
        }
    }
}
