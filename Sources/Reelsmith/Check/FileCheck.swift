import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `reelsmith check`: decodes a request, trends, analytics or settings file exactly as the daemon
/// and `reelsmith process` do — the same decoders, the same music library, voices, engines and
/// providers — and stops there: nothing is generated, stored or moved (issue 13).
package struct FileCheck: Sendable {
    package let workspace: Workspace
    package let configuration: Configuration

    package init(workspace: Workspace, configuration: Configuration) {
        self.workspace = workspace
        self.configuration = configuration
    }

    /// The result for one file.
    package struct Result: Sendable, Equatable {
        package var file: String
        /// What the file was read as (`request`, `trends`, `analytics`, `config`), nil when unknown.
        package var kind: String?
        package var diagnostics: [EditorDiagnostic]

        package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Names under `templates/music/`, as the pipeline lists them.
    private var musicLibrary: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.music.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.map { ($0 as NSString).deletingPathExtension }.sorted()
    }

    /// The rows as `process` would import them, against the project's learning index (or an empty
    /// one when there is none yet), in a transaction rolled back.
    private func trialImport(_ analytics: AnalyticsFile, name: String, ingestDay: CalendarDay) throws -> AnalyticsImport
    {
        var scratch: URL?
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        var url = workspace.indexFile
        if !FileManager.default.fileExists(atPath: url.path) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "reelsmith-check-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            scratch = folder
            url = folder.appendingPathComponent("learning.sqlite")
        }
        let index = try LearningIndex(url: url)
        let vocabulary = NicheVocabulary.from(
            templates: try? TemplateLibrary.load(from: workspace.templates), knownNiches: try index.knownNiches())
        return try index.trialImport(analytics, sourceFile: name, ingestDay: ingestDay, vocabulary: vocabulary)
    }

    package func check(file: URL, displayName: String? = nil, ingestDay: CalendarDay = .today()) -> Result {
        let name = displayName ?? file.path
        var data: Data?
        var kind: String?
        do throws(InputError) {
            if file.lastPathComponent == Configuration.fileName {
                kind = InputSchema.config.rawValue
                data = try InputError.readFile(file, displayName: name)
                _ = try Configuration.load(file: file, displayName: name)
                return Result(file: name, kind: kind, diagnostics: [])
            }
            let bytes = try InputError.readFile(file, displayName: name)
            data = bytes
            let inputKind = try InputKind.detect(file: file, data: bytes, displayName: name)
            kind = inputKind.rawValue
            switch inputKind {
            case .request:
                _ = try GenerationRequest.decode(
                    data: bytes, displayName: name, musicLibrary: musicLibrary,
                    voiceExists: OfflineVoiceChoice.voiceExists,
                    engines: configuration.engines, providers: configuration.providerKinds)
            case .trends:
                _ = try TrendsFile.decode(data: bytes, displayName: name, ingestDay: ingestDay)
            case .analytics:
                let isYAML = ["yaml", "yml"].contains(file.pathExtension.lowercased())
                let analytics = try AnalyticsFile.decode(data: bytes, file: name, isYAML: isYAML, ingestDay: ingestDay)
                // Video rows are tried against the learning index; an account file's or a zip's
                // entries don't depend on it, and their problems are the decoder's.
                let isVideoRows = analytics.account == nil && analytics.parts.isEmpty
                let trial = isVideoRows ? try? trialImport(analytics, name: name, ingestDay: ingestDay) : nil
                // A zip's or a workbook's positions are in its entries' text, not in its bytes.
                let text = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? nil : bytes
                var diagnostics = (trial?.problems ?? analytics.problems).map { EditorDiagnostic($0, data: text) }
                if let failure = trial?.nothingUsed(displayName: name, listsTheRows: false) {
                    diagnostics.insert(EditorDiagnostic(failure, data: text), at: 0)
                }
                return Result(file: name, kind: kind, diagnostics: diagnostics)
            }
            return Result(file: name, kind: kind, diagnostics: [])
        } catch {
            return Result(file: name, kind: kind, diagnostics: [EditorDiagnostic(error, data: data)])
        }
    }
}
