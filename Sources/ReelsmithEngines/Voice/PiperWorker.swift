/// The Python program that runs piper for one job (issue 20), passed to the virtual environment's
/// Python with `-c`: it ships inside the binary, so a `reelsmith` moved elsewhere (a Debian
/// package) needs no file of ours beside it, and it changes with the Swift that reads its output.
/// It loads the voice once, speaks every scene's words (read as JSON from stdin, never from a
/// command line or a shell), and writes raw 16-bit mono samples and, per scene, the model's own
/// phoneme durations (samples per phoneme, from the alignment output `onnx` patches in) with each
/// word's phonemes spelled alone, from which ``PiperAlignment`` finds the words' starts.
package enum PiperWorker {
    /// The job on stdin: `model`, `config`, `length_scale`, `volume`, `samples` (the output file),
    /// `timings` (the JSON file), `scenes` (each a list of words).
    static let source = """
        import json, sys
        from piper import PiperVoice, SynthesisConfig
        job = json.load(sys.stdin)
        voice = PiperVoice.load(job["model"], config_path=job["config"], include_alignments=True)
        config = SynthesisConfig(length_scale=job["length_scale"], volume=job["volume"])
        scenes, written = [], 0
        with open(job["samples"], "wb") as out:
            for words in job["scenes"]:
                start, phonemes, counts = written, [], []
                for chunk in voice.synthesize(" ".join(words), syn_config=config, include_alignments=True):
                    audio = chunk.audio_int16_array.astype("<i2").tobytes()
                    out.write(audio)
                    if chunk.phoneme_alignments:
                        for alignment in chunk.phoneme_alignments:
                            phonemes.append(alignment.phoneme)
                            counts.append(int(alignment.num_samples))
                    else:
                        phonemes.append("")
                        counts.append(len(audio) // 2)
                    written += len(audio) // 2
                spelled = [[p for sentence in voice.phonemize(word) for p in sentence] for word in words]
                scenes.append({"start": start, "phonemes": phonemes, "samples": counts, "words": spelled})
        with open(job["timings"], "w", encoding="utf-8") as out:
            json.dump({"sample_rate": voice.config.sample_rate, "samples": written, "scenes": scenes}, out)
        """

    /// What the worker reads on stdin.
    struct Job: Encodable {
        var model: String
        var config: String
        var lengthScale: Double
        var volume: Double
        var samples: String
        var timings: String
        var scenes: [[String]]

        enum CodingKeys: String, CodingKey {
            case model, config, volume, samples, timings, scenes
            case lengthScale = "length_scale"
        }
    }

    /// What the worker writes to `timings`.
    package struct Output: Decodable, Sendable {
        package var sampleRate: Int
        package var samples: Int
        package var scenes: [Scene]

        package struct Scene: Decodable, Sendable {
            /// The scene's first sample in the whole track.
            package var start: Int
            /// piper's phonemes in order (`^` and `$` around each sentence, ` ` between words), or
            /// one empty phoneme for a sentence the model gave no alignment for.
            package var phonemes: [String]
            /// Samples per phoneme, the model's own durations.
            package var samples: [Int]
            /// Each word's phonemes, spelled alone.
            package var words: [[String]]
        }

        enum CodingKeys: String, CodingKey {
            case samples, scenes
            case sampleRate = "sample_rate"
        }
    }
}
