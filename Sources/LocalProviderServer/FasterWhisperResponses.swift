import Foundation

/// `/audio/transcriptions` as faster-whisper-server 0.0.3 answers `verbose_json` with word
/// timestamps (seen against the real server, issue 19): each word with its leading space and a
/// `probability`, in one segment; a number such as "$1,000" comes as two words, ` $1` and `,000`.
extension LocalProviderServer.Response {
    package static func fasterWhisperTranscription(
        words: [(word: String, start: Double, end: Double)], language: String = "en"
    ) -> Self {
        let spaced = words.map { word in
            (
                word: word.word.hasPrefix(",") || word.word.hasPrefix(".") ? word.word : " " + word.word, word.start,
                word.end
            )
        }
        let text = spaced.map(\.word).joined()
        return json([
            "task": "transcribe", "language": language, "duration": words.last?.end ?? 0, "text": text,
            "words": spaced.map { ["start": $0.1, "end": $0.2, "word": $0.word, "probability": 0.93] },
            "segments": [
                [
                    "id": 1, "seek": 0, "start": words.first?.start ?? 0, "end": words.last?.end ?? 0, "text": text,
                    "tokens": [Int](), "temperature": 0.0, "avg_logprob": -0.21, "compression_ratio": 1.2,
                    "no_speech_prob": 0.01,
                ]
            ],
        ])
    }
}
