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

@Suite struct GenerationRequestTests {
    private func decodeFixture(_ name: String, music: [String]? = nil) throws(InputError) -> GenerationRequest {
        try GenerationRequest.load(
            contentsOf: TestSupport.fixture("requests/\(name)"), displayName: "inbox/requests/\(name)",
            musicLibrary: music)
    }

    private func inputError(of name: String, music: [String]? = nil) -> InputError? {
        do {
            _ = try decodeFixture(name, music: music)
            return nil
        } catch { return error }
    }

    @Test func bundledExamplesDecode() throws {
        let english = try GenerationRequest.load(
            contentsOf: TestSupport.packageRoot.appendingPathComponent("inbox/requests/example-en.yaml"),
            musicLibrary: ["calm"])
        #expect(english.language == .en)
        #expect(english.niche == "fitness")
        #expect(english.music == "calm")
        let french = try GenerationRequest.load(
            contentsOf: TestSupport.packageRoot.appendingPathComponent("inbox/requests/example-fr.yaml"),
            musicLibrary: ["calm"])
        #expect(french.language == .fr)
        #expect(french.music == nil)
    }

    @Test func defaultsApplyWhenKeysAreOmitted() throws {
        let request = try GenerationRequest.decode(data: Data("niche: cooking\n".utf8), displayName: "a.yaml")
        #expect(request == GenerationRequest(niche: "cooking"))
        #expect(request.durationSeconds == 45 && request.images == 5 && request.variants == 1)
    }

    @Test func unknownKeyNamesLineColumnAndSuggestion() throws {
        let error = try #require(inputError(of: "unknown-key.yaml"))
        #expect(error.reason == .unknownKey(name: "nich", suggestion: "niche"))
        #expect(error.line == 3 && error.column == 1)
        #expect(error.description == "inbox/requests/unknown-key.yaml:3:1: unknown key `nich` — did you mean `niche`?")
    }

    @Test func wrongTypeIsLocatedAtTheValue() throws {
        let error = try #require(inputError(of: "wrong-type.yaml"))
        #expect(error.reason == .wrongType(key: "duration", expected: "whole number"))
        #expect(error.line == 2 && error.column == 11)
        #expect(error.description.contains("between 15 and 180"))
    }

    @Test func outOfRangeSaysTheRange() throws {
        let error = try #require(inputError(of: "out-of-range.yaml"))
        #expect(error.reason == .outOfRange(key: "images"))
        #expect(error.line == 2)
        #expect(error.description.contains("between 1 and 12"))
    }

    @Test func emptyFileIsReported() throws {
        let error = try #require(inputError(of: "empty.yaml"))
        #expect(error.reason == .emptyFile)
    }

    @Test func nonUTF8IsLocatedAtTheFirstBadByte() throws {
        let error = try #require(inputError(of: "not-utf8.yaml"))
        #expect(error.reason == .notUTF8)
        #expect(error.line == 2 && error.column == 11)
        #expect(error.fix.contains("UTF-8"))
    }

    @Test func syntaxErrorHasALine() throws {
        let error = try #require(inputError(of: "syntax-error.yaml"))
        #expect(error.reason == .syntax)
        #expect(error.line != nil)
        #expect(error.description.hasPrefix("inbox/requests/syntax-error.yaml:"))
    }

    @Test func unsupportedLanguageListsTheSupportedOnes() throws {
        let error = try #require(inputError(of: "bad-language.yaml"))
        #expect(error.reason == .invalidValue(key: "language"))
        #expect(error.fix.contains("fr, en"))
    }

    @Test func missingNicheIsRequired() throws {
        let error = try #require(inputError(of: "missing-niche.yaml"))
        #expect(error.reason == .missingKey(name: "niche"))
    }

    @Test func unknownMusicListsTheLibrary() throws {
        let error = try #require(inputError(of: "unknown-music.yaml", music: ["calm", "upbeat"]))
        #expect(error.reason == .invalidValue(key: "music"))
        #expect(error.line == 2)
        #expect(error.fix.contains("calm, upbeat"))
    }

    @Test func fiveThousandCharacterTopicIsRejectedClearly() throws {
        let error = try #require(inputError(of: "long-topic.yaml"))
        #expect(error.reason == .invalidValue(key: "topic"))
        #expect(error.problem.contains("5000 characters"))
        #expect(error.fix.contains("at most 300"))
    }

    @Test func kindIsSpelledOneWay() throws {
        do {
            _ = try InputKind.detect(
                file: URL(fileURLWithPath: "/inbox/a.yaml"), data: Data("kind: Request\nniche: a\n".utf8),
                displayName: "a.yaml")
            Issue.record("`kind: Request` was accepted")
        } catch {
            #expect(error.line == 1 && error.fix.contains("did you mean `request`?"))
        }
    }

    @Test func nicheMustNotBeAPath() throws {
        #expect(throws: InputError.self) {
            try GenerationRequest.decode(data: Data("niche: ../../etc\n".utf8), displayName: "a.yaml")
        }
    }

    @Test func kindOfAnotherInputIsRejected() throws {
        #expect(throws: InputError.self) {
            try GenerationRequest.decode(data: Data("kind: trends\nniche: a\n".utf8), displayName: "a.yaml")
        }
    }
}
