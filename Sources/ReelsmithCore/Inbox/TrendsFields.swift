/// The keys of a trends file (DESIGN §1), read by ``TrendsFile`` and turned into `trends.schema.json`.
package enum TrendsFields {
    package static let counts = 0...AnalyticsValue.maximumCount

    package static let title = FieldSpec.text(
        "title", .init(isNonBlank: true), summary: "The trend's title or caption.",
        example: "Routine matinale millionnaire",
        isRequired: true)
    package static let url = FieldSpec.text(
        "url", .init(pattern: "^\\s*([Hh][Tt][Tt][Pp][Ss]?://|\\s*$)", acceptsOtherScalars: false),
        summary: "The video's address (optional).",
        example: "https://www.tiktok.com/@user/video/7300000000000000001")
    package static let views = FieldSpec.integer(
        "views", counts, summary: "Views of the trend's video.", example: 250_000, isRequired: true)
    package static let engagement = FieldSpec.integer(
        "engagement", counts, summary: "Likes + comments + shares; or give `likes`, `comments` and `shares` instead.",
        example: 35_000)
    package static let likes = FieldSpec.integer(
        "likes", counts, summary: "Likes (instead of `engagement`).", example: 21_000)
    package static let comments = FieldSpec.integer(
        "comments", counts, summary: "Comments (instead of `engagement`).", example: 900)
    package static let shares = FieldSpec.integer(
        "shares", counts, summary: "Shares (instead of `engagement`).", example: 1_500)
    package static let niche = FieldSpec.text(
        "niche", .init(suggestions: .niches, isNonBlank: true, maximumLength: 60),
        summary: "The niche the trend belongs to (lowercased: `Fitness` and `fitness` are one niche).",
        example: "motivation",
        isRequired: true)
    package static let date = FieldSpec.text(
        "date", .init(pattern: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, acceptsOtherScalars: false),
        summary: "The day the trend was seen, year-month-day. Absent: the day the file is ingested.",
        example: "2026-11-20")

    package static let trend = FieldTable(
        [title, url, views, engagement, likes, comments, shares, niche, date],
        rules: [
            .anyOf(["engagement", "likes", "comments", "shares"]),
            .exclusive("engagement", ["likes", "comments", "shares"]),
        ],
        summary: "One trend seen on TikTok.")

    package static let kind = FieldSpec(
        "kind", .constant("trends"), summary: "What this file is; the inbox folder says it too.",
        example: .string("trends"))
    package static let trends = FieldSpec(
        "trends", .list(trend), summary: "The trends, one `- title: …` item each.",
        example: .array([
            .object([
                "title": .string("Routine matinale"), "views": .number(250_000), "engagement": .number(35_000),
                "niche": .string("motivation"),
            ])
        ]),
        isRequired: true)
    package static let force = FieldSpec(
        "force", .flag, summary: "Store again even when the same content was already processed.", default: .bool(false),
        example: .bool(true))

    package static let table = FieldTable(
        [kind, trends, force], summary: "A trends file: drop it into inbox/trends/ (README, \"Inbox formats\").")
}
