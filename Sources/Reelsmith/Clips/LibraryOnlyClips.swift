import Foundation

/// The clips stage's offline engine: the creator's clip library alone, no stock search.
struct LibraryOnlyClips: ClipSource {
    var name: String { EngineLabel.offline }
    var searchesStock: Bool { false }

    func search(term: String) async throws -> [StockClip] { [] }

    func fetch(_ clip: StockClip) async throws -> URL {
        throw CancellationError()  // never asked: it finds no stock clip to fetch
    }
}
