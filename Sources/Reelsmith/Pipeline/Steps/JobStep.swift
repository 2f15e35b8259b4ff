import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// One checkpointed stage of a generation job as a type (DESIGN §2): its product, the files that
/// prove it finished (relative to the staging folder), how to make it and how to read it back.
/// Every product is written whole (temp file or folder, then rename), so its files' presence
/// means the stage finished and a resumed job pays for it only once.
protocol JobStep: Sendable {
    associatedtype Product: Sendable
    /// The stage it is, in the jobs table and in `report.json`'s timings.
    static var stage: Stage { get }
    /// The files whose presence means the stage finished; empty: it always runs.
    var proof: [String] { get }
    func make() async throws -> Product
    /// The product read back from the files of an earlier run.
    func reuse() throws -> Product
}
