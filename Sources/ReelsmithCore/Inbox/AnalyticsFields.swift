/// The keys of an analytics YAML file (DESIGN §1, the same fields as our CSV), read by
/// ``AnalyticsYAMLDecoder`` and turned into `analytics.schema.json`.
package enum AnalyticsFields {
    package static let counts = 0...AnalyticsValue.maximumCount

    package static let videoId = FieldSpec.text(
        "video_id", .init(isNonBlank: true),
        summary: "Our video's id: the last part of its folder under outbox/videos/.",
        example: "3b9d943b9ed0", isRequired: true)
    package static let views = FieldSpec.integer(
        "views", counts, summary: "Views so far.", example: 15_400, isRequired: true)
    package static let likes = FieldSpec.integer("likes", counts, summary: "Likes so far.", default: 0, example: 1_320)
    package static let shares = FieldSpec.integer("shares", counts, summary: "Shares so far.", default: 0, example: 85)
    package static let comments = FieldSpec.integer(
        "comments", counts, summary: "Comments so far.", default: 0, example: 64)
    package static let revenue = FieldSpec(
        "revenue", .text(.init()), summary: "Earned so far, in the account's currency (`3.10`, `3,10 €`).",
        example: .number(3.1))
    package static let date = FieldSpec.text(
        "date", summary: "The day the numbers were read, year-month-day. Absent: the day the file is ingested.",
        example: "2026-11-24")
    package static let tiktokId = FieldSpec.text(
        "tiktok_id", .init(pattern: #"^\s*[0-9]+\s*$"#),
        summary: "TikTok's id of the video: the number after /video/ in its link.",
        example: "7300000000000000001")

    /// The CSV's columns, in its order (``AnalyticsCSVDecoder``).
    package static let row = FieldTable(
        [videoId, views, likes, shares, comments, revenue, date, tiktokId], summary: "The numbers of one of our videos."
    )

    package static let kind = FieldSpec(
        "kind", .constant("analytics"), summary: "What this file is; the inbox folder says it too.",
        example: .string("analytics"))
    package static let analytics = FieldSpec(
        "analytics", .list(row), summary: "One `- video_id: …` item per video.",
        example: .array([.object(["video_id": .string("3b9d943b9ed0"), "views": .number(15_400)])]), isRequired: true)
    package static let force = FieldSpec(
        "force", .flag, summary: "Record again even when the same content was already processed.",
        default: .bool(false),
        example: .bool(true))

    package static let table = FieldTable(
        [kind, analytics, force],
        summary: "Analytics written as YAML: drop it into inbox/analytics/ (README, \"Inbox formats\").")
}
