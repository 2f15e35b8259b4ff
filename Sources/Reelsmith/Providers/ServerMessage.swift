import Foundation

/// A server's error text made safe to show: the `error.message` of an OpenAI-style body (else the
/// start of the body), one line, at most 160 characters, without control characters and without
/// anything that looks like a key.
enum ServerMessage {
    static let maximumLength = 160

    static func excerpt(of body: Data, hiding key: APIKey?) -> String? {
        let prefix = body.prefix(64 * 1024)
        if let parsed = try? JSONDecoder().decode(ErrorResponse.self, from: prefix) {
            return parsed.error?.message.flatMap { clean($0, hiding: key) }
        }
        if (try? JSONSerialization.jsonObject(with: prefix)) != nil { return nil }
        return clean(String(decoding: prefix.prefix(1024), as: UTF8.self), hiding: key)
    }

    static func clean(_ text: String, hiding key: APIKey?) -> String? {
        var text = text
        if let key, !key.secret.isEmpty { text = text.replacingOccurrences(of: key.secret, with: "…") }
        // Keys in the shapes providers use (sk-…, AIza…, Bearer tokens), even partly masked.
        text = text.replacingOccurrences(
            of: #"(sk-|AIza|Bearer\s+)[A-Za-z0-9_\-\*\.]{6,}"#, with: "$1…", options: .regularExpression)
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !flat.isEmpty else { return nil }
        return flat.count > maximumLength ? String(flat.prefix(maximumLength - 1)) + "…" : flat
    }
}
