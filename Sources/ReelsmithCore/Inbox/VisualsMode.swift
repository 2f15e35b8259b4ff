/// What a request's scenes show (issue 9): `images` (stills only), `clips` (a clip for every
/// scene that can get one: a matching clip, else any unused clip of the library), or `auto` (a
/// clip where one matches the scene's terms, else the still).
package enum VisualsMode: String, Sendable, Codable, Equatable, CaseIterable {
    case auto, images, clips
}
