import Foundation
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Settings files that must be refused: each `(text, line, fix)` is loaded from its own file and
/// must fail at `line` with a fix that contains `fix`.
enum SettingsMistakes {
    static func expectRefused(_ cases: [(String, Int, String)], sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        for (text, line, fix) in cases {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reelsmith-\(UUID().uuidString)")
            let url = try TestSupport.write(text, to: folder, name: Configuration.fileName)
            do {
                _ = try Configuration.load(file: url, environment: [:])
                Issue.record("accepted: \(text)", sourceLocation: sourceLocation)
            } catch {
                #expect(error.line == line, "\(text) → \(error)", sourceLocation: sourceLocation)
                #expect(error.fix.contains(fix), "\(error)", sourceLocation: sourceLocation)
            }
        }
    }
}
