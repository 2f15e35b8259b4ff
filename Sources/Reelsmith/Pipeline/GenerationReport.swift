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
