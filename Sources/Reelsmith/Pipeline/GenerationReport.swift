import Foundation

/// `report.json`: what was made, how it scored, how long each stage took, and what to try next.
public struct GenerationReport: Sendable, Codable, Equatable {
    public struct Variant: Sendable, Codable, Equatable {
        public var variant: Int
        public var total: Int
        public var title: String
    }

    public var jobId: String
    public var createdAt: Date
    public var request: GenerationRequest
    public var template: String
    public var score: ViralityScore
    public var variants: [Variant]
    public var chosenVariant: Int
    public var targets: ScriptTargets
    public var durationSeconds: Double
    public var wordCount: Int
    public var stageTimings: [StageTiming]
    public var suggestions: [String]

    enum CodingKeys: String, CodingKey {
        case request, template, score, variants, targets, suggestions
        case jobId = "job_id"
        case createdAt = "created_at"
        case chosenVariant = "chosen_variant"
        case durationSeconds = "duration_seconds"
        case wordCount = "word_count"
        case stageTimings = "stage_timings"
    }
}

/// The scoring stage's product (`virality.json`): every variant's score and the one kept.
struct ScriptChoice: Sendable, Codable, Equatable {
    var chosenVariant: Int
    var score: ViralityScore
    var variants: [GenerationReport.Variant]
    var targets: ScriptTargets

    enum CodingKeys: String, CodingKey {
        case score, variants, targets
        case chosenVariant = "chosen_variant"
    }
}

enum JSONFiles {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Written whole or not at all (temp file + rename), so a checkpoint is never half a file.
    static func write<T: Encodable>(_ value: T, to url: URL) throws {
        try encoder.encode(value).write(to: url, options: .atomic)
    }

    static func read<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        try decoder.decode(type, from: Data(contentsOf: url))
    }
}
