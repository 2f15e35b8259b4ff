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

/// `engines.clips` in reelsmith.yaml and `visuals:` in a request (issue 9).
@Suite struct ClipsSettingsTests {
    @Test func clipsTakeAStockProviderAndRefuseOthersWithTheLineAndTheFix() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reelsmith-\(UUID().uuidString)")
        let url = try TestSupport.write(
            "providers:\n  pexels:\n    kind: pexels\n    api_key_env: PEXELS_API_KEY\nengines:\n  clips: { provider: pexels }\n",
            to: folder, name: Configuration.fileName)
        let configuration = try Configuration.load(file: url, environment: ["PEXELS_API_KEY": "k"])
        #expect(configuration.engines.clips == .provider("pexels"))
        #expect(configuration.providers.first?.baseURL.absoluteString == "https://api.pexels.com")

        try SettingsMistakes.expectRefused([
            (
                "providers:\n  openai:\n    base_url: https://api.openai.com/v1\nengines:\n  clips: { provider: openai }\n",
                5, "pexels"
            ),
            (
                "providers:\n  pexels:\n    kind: pexels\nengines:\n  clips: { provider: pexel }\n", 5,
                "did you mean `pexels`"
            ),
            ("engines:\n  clips: youtube\n", 2, "clips: offline"),
        ])
    }

    @Test func aRequestSaysWhatItsScenesShow() throws {
        let request = try GenerationRequest.decode(
            data: Data("niche: fitness\nvisuals: clips\n".utf8), displayName: "r.yaml")
        #expect(request.visuals == .clips)
        #expect(try GenerationRequest.decode(data: Data("niche: fitness\n".utf8), displayName: "r.yaml").visuals == nil)
        do {
            _ = try GenerationRequest.decode(data: Data("niche: fitness\nvisuals: clip\n".utf8), displayName: "r.yaml")
            Issue.record("accepted `visuals: clip`")
        } catch {
            #expect(error.line == 2 && error.fix.contains("did you mean `clips`"), "\(error)")
        }
    }
}

/// A model's `search_terms` per scene (issue 9): asked in the schema, checked, kept in the script.
@Suite struct ModelSearchTermsTests {
    private func answer(terms: [Any]) -> String {
        var object =
            try! JSONSerialization.jsonObject(with: Data(ProviderFixtures.scriptAnswer(scenes: 2).utf8))
            as! [String: Any]
        object["scenes"] = (object["scenes"] as! [[String: Any]]).map { scene in
            var scene = scene
            scene["search_terms"] = terms
            return scene
        }
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func theSchemaAsksForTermsAndTheScriptKeepsThem() async throws {
        let server = try LocalProviderServer { _ in
            .chatCompletion(answer(terms: ["Morning Run", "coffee", "a b c d"]))
        }
        let script = try await ProviderFixtures.writer(ProviderFixtures.client(server)).write(
            ProviderFixtures.brief(), variant: 1)
        #expect(script.scenes.map(\.searchTerms) == [["morning run", "coffee"], ["morning run", "coffee"]])
        let body = try #require(server.requests.first?.json)
        let schema =
            ((body["response_format"] as? [String: Any])?["json_schema"] as? [String: Any])?["schema"] as? [String: Any]
        let scene = ((schema?["properties"] as? [String: Any])?["scenes"] as? [String: Any])?["items"] as? [String: Any]
        #expect((scene?["required"] as? [String])?.contains("search_terms") == true)
    }

    @Test func termsThatAreNotShortTermsAreSentBackOnce() async throws {
        let first = StockClipsTests.Countdown(1)
        let server = try LocalProviderServer { _ in
            .chatCompletion(
                first.take()
                    ? answer(terms: ["a person running along the beach at dawn"]) : answer(terms: ["beach run"]))
        }
        let script = try await ProviderFixtures.writer(ProviderFixtures.client(server)).write(
            ProviderFixtures.brief(), variant: 1)
        #expect(server.requests.count == 2)
        #expect(ProviderFixtures.messagesText(server.requests[1]).contains("search_terms"))
        #expect(script.scenes.first?.searchTerms == ["beach run"])
    }
}
