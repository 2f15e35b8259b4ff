import Foundation
import Testing
@testable import Reelsmith

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
            ("providers:\n  openai:\n    base_url: https://api.openai.com/v1\nengines:\n  clips: { provider: openai }\n", 5, "pexels"),
            ("providers:\n  pexels:\n    kind: pexels\nengines:\n  clips: { provider: pexel }\n", 5, "did you mean `pexels`"),
            ("engines:\n  clips: youtube\n", 2, "clips: offline"),
            // Only clips was lifted: images still run offline.
            ("providers:\n  o:\n    base_url: https://a.example/v1\nengines:\n  images: { provider: o, model: y }\n", 5, "images: offline"),
        ])
    }

    @Test func aRequestSaysWhatItsScenesShow() throws {
        let request = try GenerationRequest.decode(data: Data("niche: fitness\nvisuals: clips\n".utf8), displayName: "r.yaml")
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
