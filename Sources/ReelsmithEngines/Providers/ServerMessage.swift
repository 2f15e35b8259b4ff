import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A server's error text made safe to show: the message of a known error body (else the start of
/// the body), one line, at most 160 characters, without control characters and without anything
/// that looks like a key.
enum ServerMessage {
    package static let maximumLength = 160

    static func excerpt(of body: Data, hiding key: APIKey?) -> String? {
        let prefix = body.prefix(64 * 1024)
        if let object = try? JSONSerialization.jsonObject(with: prefix), let message = message(in: object) {
            return clean(message, hiding: key)
        }
        return clean(String(decoding: prefix.prefix(1024), as: UTF8.self), hiding: key)
    }

    /// The message in the error shapes servers use: OpenAI's `{"error": {"message"}}`, a plain
    /// `{"error": "…"}` (Ollama, llama.cpp), FastAPI's `{"detail": "…"}`, `{"detail": {"message"}}`
    /// (Kokoro-FastAPI: "Voice 'x' not found. Available voices: …") and its validation list
    /// `{"detail": [{"msg"}]}`, and a bare `{"message": "…"}`.
    package static func message(in object: Any) -> String? {
        guard let body = object as? [String: Any] else { return nil }
        if let error = body["error"] {
            if let text = error as? String { return text }
            if let message = (error as? [String: Any])?["message"] as? String { return message }
        }
        if let detail = body["detail"] {
            if let text = detail as? String { return text }
            if let fields = detail as? [String: Any], let text = (fields["message"] ?? fields["error"]) as? String {
                return text
            }
            let messages = (detail as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["msg"] as? String }
            if !messages.isEmpty { return messages.joined(separator: "; ") }
        }
        return body["message"] as? String
    }

    static func clean(_ text: String, hiding key: APIKey?) -> String? {
        var text = text
        if let key, !key.secret.isEmpty { text = text.replacingOccurrences(of: key.secret, with: "…") }
        // Keys in the shapes providers use (sk-…, AIza…, Bearer tokens), even partly masked.
        text = text.replacingOccurrences(
            of: #"(sk-|AIza|Bearer\s+)[A-Za-z0-9_\-\*\.]{6,}"#, with: "$1…", options: .regularExpression)
        let flat = String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 })
        )
        .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !flat.isEmpty else { return nil }
        return flat.count > maximumLength ? String(flat.prefix(maximumLength - 1)) + "…" : flat
    }
}
