import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A stock-footage engine (STYLE rule 18): searches a provider for a term and fetches a clip into
/// the local cache. One file per provider (`PexelsClipSource`, `PixabayClipSource`).
package protocol ClipSource: Sendable {
    /// The provider's name in `reelsmith.yaml`.
    var name: String { get }
    /// Clips for one search term, the provider's best first.
    func search(term: String) async throws -> [StockClip]
    /// The clip's file, from the cache or downloaded into it.
    func fetch(_ clip: StockClip) async throws -> URL
    /// Whether it searches a stock provider at all (the offline engine does not).
    var searchesStock: Bool { get }
}

extension ClipSource {
    package var searchesStock: Bool { true }
}

/// One clip found at a stock provider, with the file chosen to download and its credit.
package struct StockClip: Sendable, Codable, Equatable {
    /// `pexels` or `pixabay`: the cache is kept by provider kind and id.
    package var kind: String
    package var id: String
    var fileURL: URL
    package var width: Int
    package var height: Int
    package var durationSeconds: Double?
    var credit: ClipCredit

    /// The file to download among a clip's renditions (issue 9): the smallest at least 1080 px
    /// wide — enough for the frame, cheaper to fetch and decode than 4K — else the largest.
    /// "Wide" is the short side: a landscape file fills the portrait frame with its height, so
    /// 1920×1080 qualifies and 1280×720 (720 px to fill 1920) does not.
    static func bestFile<File>(_ files: [File], width: (File) -> Int, height: (File) -> Int) -> File? {
        let wideEnough = files.filter { min(width($0), height($0)) >= 1080 }
        if let smallest = wideEnough.min(by: { width($0) * height($0) < width($1) * height($1) }) { return smallest }
        return files.max { width($0) * height($0) < width($1) * height($1) }
    }
}
