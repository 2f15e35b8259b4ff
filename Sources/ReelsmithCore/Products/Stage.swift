/// The checkpointed stages of a generation job (DESIGN §2), in order.
package enum Stage: String, Sendable, Codable, CaseIterable {
    case script, images, clips, voice, captions, render, record, report, publish
}
