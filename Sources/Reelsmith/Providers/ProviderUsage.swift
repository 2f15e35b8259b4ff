/// What one stage spent at one provider (DESIGN §7): requests, tokens and seconds. Written to
/// `report.json` and the learning index; `reelsmith status` sums it.
public struct ProviderUsage: Sendable, Codable, Equatable {
    public var stage: String
    public var provider: String
    public var model: String
    public var requests: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var seconds: Double

    public init(
        stage: String, provider: String, model: String, requests: Int = 1, promptTokens: Int = 0,
        completionTokens: Int = 0, seconds: Double = 0
    ) {
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
    }

    /// Sums the usage of the same stage, provider and model.
    static func merged(_ entries: [ProviderUsage]) -> [ProviderUsage] {
        var order: [String] = []
        var sums: [String: ProviderUsage] = [:]
        for entry in entries {
            let key = "\(entry.stage)|\(entry.provider)|\(entry.model)"
            if var sum = sums[key] {
                sum.requests += entry.requests
                sum.promptTokens += entry.promptTokens
                sum.completionTokens += entry.completionTokens
                sum.seconds += entry.seconds
                sums[key] = sum
            } else {
                order.append(key)
                sums[key] = entry
            }
        }
        return order.compactMap { sums[$0] }.map { var usage = $0; usage.seconds = (usage.seconds * 1000).rounded() / 1000; return usage }
    }
}
