/// Counts with their noun in the right number: "1 new snapshot", "2 new snapshots", "1 row
/// problem" (issue 11). English only: the summaries are log and terminal lines.
package enum Plural {
    /// `count` and `singular`, or `plural` (by default `singular` + "s") when the count is not 1.
    package static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
