import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A local program that speaks (piper, a Kokoro script…): the argument array from the settings,
/// never a shell; the text on its stdin; `{out}` replaced by the file it must write; stopped at
/// its time limit.
struct CommandVoice: VoiceEngine {
    package let command: CommandEngine
    package let ffmpeg: String

    package func speak(_ script: VoiceScript, in staging: URL) async throws -> VoiceTrack {
        let output = staging.appendingPathComponent("work/voice-command.wav")
        try FileManager.default.createDirectory(
            at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: output)
        try await CommandRun(command: command, stage: .voice).run(
            replacing: ["{out}": output.path], input: Data((script.text + "\n").utf8),
            workingDirectory: command.folder.map { URL(fileURLWithPath: $0) } ?? staging, output: output)
        let samples: [Int16]
        do {
            samples = try await AudioDecoder(ffmpeg: ffmpeg).samples(of: output, workingDirectory: staging)
        } catch is AudioDecoder.NotAudio {
            throw CommandRun.Failure(
                stage: .voice, program: command.program,
                problem: "wrote a file that is not WAV, MP3, FLAC, Ogg or AAC audio",
                fix: "check the program's output format (WAV or MP3 expected)")
        } catch is ExternalToolError {
            throw CommandRun.Failure(
                stage: .voice, program: command.program, problem: "wrote a file that is not audio ffmpeg can read",
                fix: "check the program's output format (WAV or MP3 expected)")
        }
        guard samples.count > AudioDecoder.sampleRate / 10 else {
            throw CommandRun.Failure(
                stage: .voice, program: command.program, problem: "wrote less than 0.1 s of audio",
                fix: "run the command by hand with the same text on stdin and check what it writes")
        }
        return VoiceTrack(
            samples: samples, sampleRate: AudioDecoder.sampleRate, words: nil, mp3: nil,
            label: "command:\(command.program)")
    }
}
