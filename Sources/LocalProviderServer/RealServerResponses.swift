import Foundation

/// What real local servers answer where they differ from the documented OpenAI shapes, seen
/// against them (issue 19): llama-cpp-python 0.3.36, local-tts-studio 1.0.0 and
/// faster-whisper-server 0.0.3 on 127.0.0.1.
extension LocalProviderServer.Response {
    /// llama-cpp-python's answer to `response_format: {type: json_schema}`: its request type takes
    /// `text` or `json_object` only, and its route handler turns the validation error into a 500.
    package static func llamaCppPythonRefusesJSONSchema() -> Self {
        json(
            [
                "error": [
                    "message": """
                    1 validation error for CreateChatCompletionRequest
                    response_format.type
                      Input should be 'text' or 'json_object' [type=literal_error, input_value='json_schema', input_type=str]
                    """,
                    "type": "internal_server_error", "param": NSNull(), "code": NSNull(),
                ]
            ], status: 500)
    }

    /// A FastAPI server's error body, `{"detail": "…"}` (local-tts-studio, faster-whisper-server).
    package static func fastAPIError(_ status: Int, _ detail: String) -> Self {
        json(["detail": detail], status: status)
    }

    /// A server without the endpoint asked for (faster-whisper-server has no `GET /models`).
    package static func notFound() -> Self { fastAPIError(404, "Not Found") }

    /// local-tts-studio before its owner picked a default voice: it ignores the request's `voice`.
    package static func noDefaultVoice() -> Self {
        json(
            [
                "error": [
                    "message":
                        "No default voice is configured for the API. Open the API page in the web UI and pick a downloaded voice under 'Default voice for API clients'.",
                    "type": "invalid_request_error", "param": NSNull(), "code": "no_default_voice",
                ]
            ], status: 503)
    }

    /// local-tts-studio's speech: the audio, with the voice it really used in `X-Voice-Key`.
    package static func speech(_ audio: Data, reportingVoice voice: String) -> Self {
        var response = speech(audio, contentType: "audio/wav")
        response.headers["X-Voice-Key"] = voice
        return response
    }

    /// What a `base_url` without `/v1` reaches: the server's web pages, which take GET only
    /// (local-tts-studio: 405, `allow: GET`, `{"detail":"Method Not Allowed"}`).
    package static func webPageMethodNotAllowed() -> Self {
        var response = fastAPIError(405, "Method Not Allowed")
        response.headers["Allow"] = "GET"
        return response
    }

    /// A chat server that behaves like llama-cpp-python: 500 on `json_schema`, its own
    /// `{type: json_object, schema}` taken; `answer` is the chat content.
    package static func llamaCppPython(answer: String) -> LocalProviderServer.Handler {
        { request in
            if request.path.hasSuffix("/models") { return models(["gemma3-270m"]) }
            guard request.path.hasSuffix("/chat/completions") else { return notFound() }
            let format = request.json?["response_format"] as? [String: Any]
            if format?["type"] as? String == "json_schema" { return llamaCppPythonRefusesJSONSchema() }
            return chatCompletion(answer)
        }
    }
}
