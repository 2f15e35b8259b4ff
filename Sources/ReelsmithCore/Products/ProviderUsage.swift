/// What one stage spent at one provider (DESIGN §7): requests, tokens and seconds. Written to
/// `report.json` and the learning index; `reelsmith status` sums it.
package struct ProviderUsage: Sendable, Codable, Equatable {
    package var stage: EngineStage
    package var provider: String
    package var model: String
    package var requests: Int
    package var promptTokens: Int
    package var completionTokens: Int
    package var seconds: Double
    /// Pictures made (images stage).
    package var images: Int
    /// Characters sent to be spoken (voice stage).
    package var characters: Int
    /// Seconds of audio made (voice) or sent (align).
    package var audioSeconds: Double

    package init(
        stage: EngineStage, provider: String, model: String, requests: Int = 1, promptTokens: Int = 0,
        completionTokens: Int = 0, seconds: Double = 0, images: Int = 0, characters: Int = 0, audioSeconds: Double = 0
    ) {
        self.images = images
        self.characters = characters
        self.audioSeconds = audioSeconds
        self.stage = stage
        self.provider = provider
        self.model = model
        self.requests = requests
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case stage, provider, model, requests, seconds
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case images, characters
        case audioSeconds = "audio_seconds"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stage = try container.decode(EngineStage.self, forKey: .stage)
        provider = try container.decode(String.self, forKey: .provider)
        model = try container.decode(String.self, forKey: .model)
        requests = try container.decode(Int.self, forKey: .requests)
        promptTokens = try container.decodeIfPresent(Int.self, forKey: .promptTokens) ?? 0
        completionTokens = try container.decodeIfPresent(Int.self, forKey: .completionTokens) ?? 0
        seconds = try container.decodeIfPresent(Double.self, forKey: .seconds) ?? 0
        images = try container.decodeIfPresent(Int.self, forKey: .images) ?? 0
        characters = try container.decodeIfPresent(Int.self, forKey: .characters) ?? 0
        audioSeconds = try container.decodeIfPresent(Double.self, forKey: .audioSeconds) ?? 0
    }

    /// Leaves out the media counts that are zero, so a chat stage's entry reads as before.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stage, forKey: .stage)
        try container.encode(provider, forKey: .provider)
        try container.encode(model, forKey: .model)
        try container.encode(requests, forKey: .requests)
        try container.encode(promptTokens, forKey: .promptTokens)
        try container.encode(completionTokens, forKey: .completionTokens)
        try container.encode(seconds, forKey: .seconds)
        if images > 0 { try container.encode(images, forKey: .images) }
        if characters > 0 { try container.encode(characters, forKey: .characters) }
        if audioSeconds > 0 { try container.encode(audioSeconds, forKey: .audioSeconds) }
    }

    /// Sums the usage of the same stage, provider and model.
    package static func merged(_ entries: [ProviderUsage]) -> [ProviderUsage] {
        var order: [String] = []
        var sums: [String: ProviderUsage] = [:]
        for entry in entries {
            let key = "\(entry.stage)|\(entry.provider)|\(entry.model)"
            if var sum = sums[key] {
                sum.requests += entry.requests
                sum.promptTokens += entry.promptTokens
                sum.completionTokens += entry.completionTokens
                sum.seconds += entry.seconds
                sum.images += entry.images
                sum.characters += entry.characters
                sum.audioSeconds += entry.audioSeconds
                sums[key] = sum
            } else {
                order.append(key)
                sums[key] = entry
            }
        }
        return order.compactMap { sums[$0] }.map {
            var usage = $0
            usage.seconds = (usage.seconds * 1000).rounded() / 1000
            usage.audioSeconds = (usage.audioSeconds * 1000).rounded() / 1000
            return usage
        }
    }
}
