import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// `POST /images/generations` at an OpenAI-compatible provider, answered as base64 (`b64_json`), at
/// the portrait size nearest to 9:16 that the model takes.
struct ImagesEndpoint: ImageEngine {
    package let client: ProviderClient
    package let engine: ImageEngineOptions
    let onUsage: @Sendable (ProviderUsage) -> Void
    var drawsInParallel: Bool { true }

    struct Body: Encodable {
        package var model: String
        package var prompt: String
        package var n = 1
        package var size: String
        package var quality: String?
        var responseFormat: String?

        enum CodingKeys: String, CodingKey {
            case model, prompt, n, size, quality
            case responseFormat = "response_format"
        }
    }

    package struct Answer: Decodable {
        struct Picture: Decodable {
            var b64Json: String?
            package var url: String?

            enum CodingKeys: String, CodingKey {
                case url
                case b64Json = "b64_json"
            }
        }

        package var data: [Picture]
    }

    /// The size asked: the engine's `size`, else the nearest portrait size the model is known to take
    /// (gpt-image: 1024×1536; DALL·E 3: 1024×1792; DALL·E 2: square only), else 1024×1792.
    package static func size(model: String, configured: String?) -> ImageSize {
        if let configured, let size = ImageSize(configured) { return size }
        let name = model.lowercased()
        if name.hasPrefix("gpt-image") { return ImageSize(width: 1024, height: 1536) }
        if name.hasPrefix("dall-e-2") { return ImageSize(width: 1024, height: 1024) }
        return ImageSize(width: 1024, height: 1792)
    }

    /// gpt-image models always answer in base64 and refuse the parameter; others need it.
    static func asksForBase64(model: String) -> Bool { !model.lowercased().hasPrefix("gpt-image") }

    package func draw(_ prompt: String, scene: Script.Scene, to output: URL, staging: URL) async throws {
        var body = Body(
            model: engine.model, prompt: prompt,
            size: engine.size == "auto" ? "auto" : Self.size(model: engine.model, configured: engine.size).description,
            quality: engine.quality, responseFormat: Self.asksForBase64(model: engine.model) ? "b64_json" : nil)
        var exchange: ProviderClient.Exchange
        do {
            exchange = try await send(body)
        } catch let error as ProviderError where error.refusesResponseFormat && body.responseFormat != nil {
            body.responseFormat = nil
            exchange = try await send(body)
        }
        let answer: Answer
        do {
            answer = try JSONDecoder().decode(Answer.self, from: exchange.reply.body)
        } catch {
            throw invalid("the answer is not an image generation (\(DecodingProblem.describe(error)))")
        }
        guard let picture = answer.data.first else { throw invalid("the answer holds no picture") }
        guard let base64 = picture.b64Json else {
            throw invalid(
                picture.url != nil
                    ? "the server answered with a link, not the picture itself" : "the answer holds no picture",
                fix: "use a server or model that answers `response_format: b64_json`, or set engines.images to offline")
        }
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters), !data.isEmpty else {
            throw invalid("the picture's base64 does not decode")
        }
        try data.write(to: output, options: .atomic)
    }

    private func send(_ body: Body) async throws -> ProviderClient.Exchange {
        do {
            let exchange = try await client.send(
                "POST", "images/generations", json: try JSONEncoder().encode(body), stage: .images)
            onUsage(
                ProviderUsage(
                    stage: .images, provider: client.name, model: engine.model, requests: exchange.attempts,
                    seconds: exchange.seconds, images: 1))
            return exchange
        } catch let error as ProviderError {
            if error.reason != .keyMissing {
                onUsage(
                    ProviderUsage(stage: .images, provider: client.name, model: engine.model, requests: error.attempts))
            }
            throw error
        }
    }

    func unreadablePicture(_ problem: String) -> any Error {
        invalid(problem, fix: "check the model and the server, or set engines.images to offline")
    }

    private func invalid(_ problem: String, fix: String? = nil) -> ProviderError {
        ProviderError(
            .invalidAnswer, provider: client.name, stage: .images, problem: problem,
            fix: fix ?? "check that the provider serves /images/generations, or set engines.images to offline")
    }
}
