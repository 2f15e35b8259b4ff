import Foundation

/// A provider's secret. It lives in memory only: its description is redacted, so no log line,
/// report or error message built with string interpolation can carry it (DESIGN §7).
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    let secret: String

    init(_ secret: String) { self.secret = secret }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }

    /// Where a provider's key comes from. The value is read once, at start.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        /// Local servers (Ollama, llama.cpp) need none.
        case none
        case environment(String, value: String?)
        case file(String, value: APIKey)

        /// How messages name the key, never the key itself: "the key in OPENAI_API_KEY".
        public var description: String {
            switch self {
            case .none: "no key (none is configured)"
            case let .environment(name, _): "the key in \(name)"
            case let .file(path, _): "the key in \(path)"
            }
        }

        /// The key, or a message that says how to provide it.
        func key() throws(ProviderProblem) -> APIKey? {
            switch self {
            case .none: return nil
            case let .file(_, value): return value
            case let .environment(name, value):
                guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw ProviderProblem(
                        problem: "the environment variable \(name) is not set",
                        fix: "export \(name)=… before starting reelsmith, or remove `api_key_env` for a server that needs no key")
                }
                return APIKey(value.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
    }

    /// Reads a key file, refused unless only its owner may read it (mode 600 or 400).
    static func readFile(_ url: URL) throws(ProviderProblem) -> APIKey {
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            throw ProviderProblem(problem: "no key file at \(url.path)", fix: "create it with the key on one line, then `chmod 600 \(url.path)`")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ProviderProblem(problem: "\(url.path) is not a regular file", fix: "point `api_key_file` at a file holding the key")
        }
        let mode = status.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw ProviderProblem(
                problem: "the key file \(url.path) may be read by others (mode \(String(mode, radix: 8)))",
                fix: "run `chmod 600 \(url.path)` so that only its owner can read it")
        }
        guard let data = try? Data(contentsOf: url), data.count < 16_384,
            let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
        else {
            throw ProviderProblem(problem: "the key file \(url.path) is empty or not text", fix: "write the key on its first line")
        }
        return APIKey(text)
    }
}

/// A problem and its fix, before it is placed (at a settings line, or on a provider and stage).
struct ProviderProblem: Error, Sendable, Equatable {
    var problem: String
    var fix: String
}
