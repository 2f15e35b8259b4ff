import Foundation

/// Where Reelsmith reads and writes: the inbox, the outbox, the templates and the state folder
/// (learning index and staging, outside synced folders: DESIGN §5).
public struct Workspace: Sendable, Equatable {
    public var inbox: URL
    public var outbox: URL
    public var templates: URL
    public var state: URL

    /// The layout of a project folder: `inbox/`, `outbox/`, `templates/` and `.reelsmith/` side by side.
    public init(root: URL, inbox: URL? = nil, outbox: URL? = nil, templates: URL? = nil, state: URL? = nil) {
        self.inbox = inbox ?? root.appendingPathComponent("inbox")
        self.outbox = outbox ?? root.appendingPathComponent("outbox")
        self.templates = templates ?? root.appendingPathComponent("templates")
        self.state = state ?? root.appendingPathComponent(".reelsmith")
    }

    public var videos: URL { outbox.appendingPathComponent("videos") }
    public var staging: URL { state.appendingPathComponent("staging") }
    public var indexFile: URL { state.appendingPathComponent("learning.sqlite") }
    public var music: URL { templates.appendingPathComponent("music") }

    func assets(niche: String) -> URL { templates.appendingPathComponent("assets").appendingPathComponent(niche) }
}
