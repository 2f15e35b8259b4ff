import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Where Reelsmith reads and writes: the inbox, the outbox, the templates and the state folder
/// (learning index and staging, outside synced folders: DESIGN §5).
package struct Workspace: Sendable, Equatable {
    package var inbox: URL
    package var outbox: URL
    package var templates: URL
    package var state: URL

    /// The layout of a project folder: `inbox/`, `outbox/`, `templates/` and `.reelsmith/` side by side.
    package init(root: URL, inbox: URL? = nil, outbox: URL? = nil, templates: URL? = nil, state: URL? = nil) {
        self.inbox = inbox ?? root.appendingPathComponent("inbox")
        self.outbox = outbox ?? root.appendingPathComponent("outbox")
        self.templates = templates ?? root.appendingPathComponent("templates")
        self.state = state ?? root.appendingPathComponent(".reelsmith")
    }

    package var videos: URL { outbox.appendingPathComponent("videos") }
    package var staging: URL { state.appendingPathComponent("staging") }
    package var indexFile: URL { state.appendingPathComponent("learning.sqlite") }
    package var music: URL { templates.appendingPathComponent("music") }

    package func assets(niche: String) -> URL {
        templates.appendingPathComponent("assets").appendingPathComponent(niche)
    }
}
