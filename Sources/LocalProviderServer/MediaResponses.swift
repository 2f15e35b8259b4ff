import Foundation

/// The audio and image endpoints of the OpenAI API, as the local server answers them:
/// `/audio/speech` (audio bytes), `/images/generations` (`b64_json`), `/audio/transcriptions`
/// (`verbose_json` with word timestamps), and a content-policy refusal.
extension LocalProviderServer.Response {
    /// `/audio/speech`: the audio itself.
    package static func speech(_ audio: Data, contentType: String = "audio/mpeg", delaySeconds: Double = 0) -> Self {
        .init(status: 200, headers: ["Content-Type": contentType], body: audio, delaySeconds: delaySeconds)
    }

    /// `/images/generations` with `b64_json`.
    package static func imageGeneration(_ picture: Data, delaySeconds: Double = 0) -> Self {
        json(
            ["created": Int(Date().timeIntervalSince1970), "data": [["b64_json": picture.base64EncodedString()]]],
            delaySeconds: delaySeconds)
    }

    /// `/audio/transcriptions` with `response_format=verbose_json` and word timestamps.
    package static func transcription(words: [(word: String, start: Double, end: Double)], language: String = "english")
        -> Self
    {
        json([
            "task": "transcribe", "language": language, "duration": words.last?.end ?? 0,
            "text": words.map(\.word).joined(separator: " "),
            "words": words.map { ["word": $0.word, "start": $0.start, "end": $0.end] },
        ])
    }

    /// What OpenAI answers when its safety system refuses an image prompt.
    package static func contentPolicyRefusal() -> Self {
        json(
            [
                "error": [
                    "message":
                        "Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.",
                    "type": "invalid_request_error", "code": "content_policy_violation", "param": NSNull(),
                ]
            ], status: 400)
    }
}

extension LocalProviderServer.Request {
    /// The parts of a `multipart/form-data` body, by field name: text fields and files alike.
    package var formParts: [String: (filename: String?, data: Data)] {
        guard let type = headers["content-type"], let range = type.range(of: "boundary=") else { return [:] }
        let boundary = Data(
            ("--" + type[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))).utf8)
        var parts: [String: (filename: String?, data: Data)] = [:]
        var cursor = body.startIndex
        while let start = body.range(of: boundary, in: cursor..<body.endIndex) {
            guard let next = body.range(of: boundary, in: start.upperBound..<body.endIndex) else { break }
            let part = body[start.upperBound..<next.lowerBound]
            cursor = next.lowerBound
            guard let split = part.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
            var content = part[split.upperBound..<part.endIndex]
            if content.suffix(2) == Data("\r\n".utf8) { content = content.dropLast(2) }
            func value(_ key: String) -> String? {
                guard let found = head.range(of: "\(key)=\"") else { return nil }
                let rest = head[found.upperBound...]
                return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
            }
            if let name = value("name") { parts[name] = (value("filename"), Data(content)) }
        }
        return parts
    }
}
