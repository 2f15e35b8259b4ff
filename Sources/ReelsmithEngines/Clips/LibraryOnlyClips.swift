import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The clips stage's offline engine: the creator's clip library alone, no stock search.
struct LibraryOnlyClips: ClipSource {
    package var name: String { EngineLabel.offline }
    package var searchesStock: Bool { false }

    package func search(term: String) async throws -> [StockClip] { [] }

    package func fetch(_ clip: StockClip) async throws -> URL {
        throw CancellationError()  // never asked: it finds no stock clip to fetch
    }
}
