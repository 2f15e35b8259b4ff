import CDispatch
// `stat` is declared by Glibc, CoreFoundation and CDispatch alike; which one a file sees first
// varies, so all three are imported (MemberImportVisibility).
import CoreFoundation
import Foundation
import Glibc

/// A provider's secret. It lives in memory only: its description is redacted, so no log line,
/// report or error message built with string interpolation can carry it (DESIGN §7).
package struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    package let secret: String

    package init(_ secret: String) { self.secret = secret }

    package var description: String { "<redacted>" }
    package var debugDescription: String { "<redacted>" }

    /// Where a provider's key comes from. The value is read once, at start.
    package enum Source: Sendable, Equatable, CustomStringConvertible {
        /// Local servers (Ollama, llama.cpp) need none.
        case none
        case environment(String, value: String?)
        case file(String, value: APIKey)

        /// How messages name the key, never the key itself: "the key in OPENAI_API_KEY".
        package var description: String {
            switch self {
            case .none: "no key (none is configured)"
            case .environment(let name, _): "the key in \(name)"
            case .file(let path, _): "the key in \(path)"
            }
        }

        /// The key, or a message that says how to provide it.
        package func key() throws(ProviderProblem) -> APIKey? {
            switch self {
            case .none: return nil
            case .file(_, let value): return value
            case .environment(let name, let value):
                guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw ProviderProblem(
                        problem: "the environment variable \(name) is not set",
                        fix:
                            "export \(name)=… before starting reelsmith, or remove `api_key_env` for a server that needs no key"
                    )
                }
                return APIKey(value.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
    }

    /// Reads a key file, refused unless it is a regular file (not a link) owned by this user that
    /// only its owner may read (mode 600 or 400). Checked on the open descriptor (STYLE rule 20).
    package static func readFile(_ url: URL) throws(ProviderProblem) -> APIKey {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "is a link" : "cannot be opened (\(String(cString: strerror(errno))))"
            throw ProviderProblem(
                problem: "the key file \(url.path) \(reason)",
                fix: "write the key on one line in a regular file, then `chmod 600 \(url.path)`")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw ProviderProblem(
                problem: "\(url.path) is not a regular file", fix: "point `api_key_file` at a file holding the key")
        }
        guard status.st_uid == geteuid() else {
            throw ProviderProblem(
                problem: "the key file \(url.path) belongs to another user",
                fix: "make it yours (`chown`) with only you allowed to read it (`chmod 600`)")
        }
        let mode = status.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw ProviderProblem(
                problem: "the key file \(url.path) may be read by others (mode \(String(mode, radix: 8)))",
                fix: "run `chmod 600 \(url.path)` so that only its owner can read it")
        }
        var bytes = [UInt8](repeating: 0, count: 16_384)
        let count = read(descriptor, &bytes, bytes.count)
        guard count > 0, count < bytes.count,
            let text = String(bytes: bytes[0..<count], encoding: .utf8)?.trimmingCharacters(
                in: .whitespacesAndNewlines),
            !text.isEmpty, !text.contains(where: \.isNewline)
        else {
            throw ProviderProblem(
                problem: "the key file \(url.path) is empty or not one line of text",
                fix: "write the key alone on its first line")
        }
        return APIKey(text)
    }
}
