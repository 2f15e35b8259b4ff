import Foundation

/// `reelsmith check`: decodes a request, trends, analytics or settings file exactly as the daemon
/// and `reelsmith process` do — the same decoders, the same music library, voices, engines and
/// providers — and stops there: nothing is generated, stored or moved (issue 13).
public struct FileCheck: Sendable {
    public let workspace: Workspace
    public let configuration: Configuration

    public init(workspace: Workspace, configuration: Configuration) {
        self.workspace = workspace
        self.configuration = configuration
    }

    /// The result for one file.
    public struct Result: Sendable, Equatable {
        public var file: String
        /// What the file was read as (`request`, `trends`, `analytics`, `config`), nil when unknown.
        public var kind: String?
        public var diagnostics: [EditorDiagnostic]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Names under `templates/music/`, as the pipeline lists them.
    private var musicLibrary: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.music.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.map { ($0 as NSString).deletingPathExtension }.sorted()
    }

    public func check(file: URL, displayName: String? = nil, ingestDay: CalendarDay = .today()) -> Result {
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
                    data: bytes, displayName: name, musicLibrary: musicLibrary, voiceExists: SpeechSynthesizer.shared.hasVoice,
                    engines: configuration.engines, providers: configuration.providerKinds)
            case .trends:
                _ = try TrendsFile.decode(data: bytes, displayName: name, ingestDay: ingestDay)
            case .analytics:
                let isYAML = ["yaml", "yml"].contains(file.pathExtension.lowercased())
                let analytics = try AnalyticsFile.decode(data: bytes, file: name, isYAML: isYAML, ingestDay: ingestDay)
                return Result(file: name, kind: kind, diagnostics: analytics.problems.map { EditorDiagnostic($0, data: bytes) })
            }
            return Result(file: name, kind: kind, diagnostics: [])
        } catch {
            return Result(file: name, kind: kind, diagnostics: [EditorDiagnostic(error, data: data)])
        }
    }
}
