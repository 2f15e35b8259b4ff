/// The seed's five virality criteria, in the order the dashboard and `reelsmith library` show them,
/// with their maximum points (DESIGN §2, stage 2).
package enum VideoCriteria {
    package static let names = ["hook", "structure", "timing", "emotional_triggers", "seo_hashtags"]
    package static let maximums = [25, 25, 20, 20, 10]
}
