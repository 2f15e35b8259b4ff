import CEspeakNG
import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// libespeak-ng, in-process. The library keeps global state and its synthesis call blocks, so
/// every call runs on one serial queue (one thread at a time) and results come back with `await`.
package final class SpeechSynthesizer: @unchecked Sendable {
    package static let shared = SpeechSynthesizer()

    private let queue = DispatchQueue(label: "reelsmith.espeak")
    /// Touched only on `queue`.
    private var sampleRate: Int32 = 0

    private init() {}

    /// `voice` may name a variant after `+` (`en-us+f3`); `rate` is in words per minute (espeak's
    /// default is 175).
    package func synthesize(_ text: String, voice: String, rate: Int? = nil) async throws -> SpeechAudio {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.synthesizeOnQueue(text, voice: voice, rate: rate) })
            }
        }
    }

    /// Collects what the synth callback hands over; passed through espeak's `user_data`.
    private final class Collector {
        package var samples: [Int16] = []
        package var events: [SpeechAudio.WordEvent] = []
        /// The last word event that no phoneme has followed yet.
        var awaitingSound: Int?
    }

    /// Selects a voice by its name (`French_(France)`), file (`roa/fr`) or language (`fr-fr`, `en-us`),
    /// matched exactly against espeak-ng's voice list so a typo is an error, not a silent fallback.
    /// A variant after `+` (`en-us+f3`) must be one of espeak-ng's own variants: the library
    /// builds a file path from it, so nothing else may reach it.
    private static func select(voice wanted: String) -> Bool {
        guard let name = resolvedName(wanted) else { return false }
        return name.withCString { espeak_SetVoiceByName($0) } == EE_OK
    }

    /// `name` or `name+variant` as espeak-ng names them, or nil when the voice or the variant is unknown.
    private static func resolvedName(_ wanted: String) -> String? {
        let parts = wanted.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let base = parts.first, let name = voiceName(matching: base) else { return nil }
        guard parts.count > 1 else { return name }
        guard variants().contains(parts[1].lowercased()) else { return nil }
        return "\(name)+\(parts[1].lowercased())"
    }

    /// espeak-ng's voice variants (`f3`, `m2`, `klatt`…): the files of its `!v` folder, listed by
    /// the library itself for the language `variant`.
    private static func variants() -> Set<String> {
        var names: Set<String> = []
        var spec = espeak_VOICE()
        return "variant".withCString { language in
            spec.languages = language
            guard var list = espeak_ListVoices(&spec) else { return names }
            while let voice = list.pointee {
                if let identifier = voice.pointee.identifier.map({ String(cString: $0) }), identifier.hasPrefix("!v/") {
                    let variant = String(identifier.dropFirst(3)).lowercased()
                    if variant.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(variant) }
                }
                list += 1
            }
            return names
        }
    }

    /// The espeak-ng voice a user's name designates; `espeak-ng --voices` prints names with
    /// underscores for spaces (`French_(France)`), so both spellings match.
    private static func voiceName(matching wanted: String) -> String? {
        func normalized(_ text: String) -> String { text.lowercased().replacingOccurrences(of: " ", with: "_") }
        let key = normalized(wanted)
        guard var list = espeak_ListVoices(nil) else { return nil }
        while let voice = list.pointee {
            let name = voice.pointee.name.map { String(cString: $0) } ?? ""
            let identifier = voice.pointee.identifier.map { String(cString: $0) } ?? ""
            if normalized(name) == key || normalized(identifier) == key || normalized(identifier).hasSuffix("/" + key)
                || languages(of: voice).contains(key)
            {
                return name
            }
            list += 1
        }
        return nil
    }

    /// Whether espeak-ng has a voice of that name, file or language (for validating requests).
    package func hasVoice(_ name: String) -> Bool {
        queue.sync { (try? initialiseIfNeeded()) != nil && Self.resolvedName(name) != nil }
    }

    /// A voice's `languages` field: pairs of a priority byte and a zero-terminated name, ended by an empty name.
    private static func languages(of voice: UnsafePointer<espeak_VOICE>) -> [String] {
        guard var cursor = voice.pointee.languages else { return [] }
        var names: [String] = []
        while cursor.pointee != 0 {
            cursor += 1  // the priority byte
            let name = String(cString: cursor)
            names.append(name.lowercased())
            cursor += name.utf8.count + 1
        }
        return names
    }

    /// Hands samples, word events and each word's first phoneme to the ``Collector`` passed as `user_data`. Non-capturing,
    /// as a C callback must be.
    private func installCallback() {
        espeak_SetSynthCallback { samples, count, events in
            guard let events, let context = events.pointee.user_data else { return 0 }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            if let samples, count > 0 {
                collector.samples.append(contentsOf: UnsafeBufferPointer(start: samples, count: Int(count)))
            }
            var event = events
            while event.pointee.type != espeakEVENT_LIST_TERMINATED {
                let milliseconds = Int(event.pointee.audio_position)
                if event.pointee.type == espeakEVENT_WORD {
                    collector.events.append(
                        .init(
                            textPosition: Int(event.pointee.text_position), length: Int(event.pointee.length),
                            milliseconds: milliseconds, soundMilliseconds: milliseconds))
                    collector.awaitingSound = collector.events.count - 1
                } else if event.pointee.type == espeakEVENT_PHONEME, event.pointee.id.string.0 != 0,
                    let word = collector.awaitingSound
                {
                    // A pause has no name: the word's first sound is the first named phoneme.
                    collector.events[word].soundMilliseconds = max(milliseconds, collector.events[word].milliseconds)
                    collector.awaitingSound = nil
                }
                event += 1
            }
            return 0
        }
    }

    /// Starts the library once, in synchronous mode (samples come back through the callback).
    private func initialiseIfNeeded() throws {
        guard sampleRate == 0 else { return }
        // Phoneme events too: they say where each word's first sound starts (``SpeechAudio/WordEvent``).
        let rate = espeak_Initialize(
            AUDIO_OUTPUT_SYNCHRONOUS, 0, nil, Int32(espeakINITIALIZE_DONT_EXIT | espeakINITIALIZE_PHONEME_EVENTS))
        guard rate > 0 else { throw SpeechError.initialisationFailed }
        sampleRate = rate
        installCallback()
    }

    private func synthesizeOnQueue(_ text: String, voice: String, rate: Int?) throws -> SpeechAudio {
        try initialiseIfNeeded()
        guard Self.select(voice: voice) else { throw SpeechError.unknownVoice(voice) }
        espeak_SetParameter(espeakRATE, Int32(rate ?? Int(espeakRATE_NORMAL)), 0)
        // espeak-ng draws the noise of unvoiced sounds from libc's rand(): the same seed for every text.
        srand(1)

        let collector = Collector()
        let context = Unmanaged.passRetained(collector)
        defer { context.release() }
        let flags = UInt32(espeakCHARS_UTF8) | UInt32(espeakENDPAUSE)
        let result = text.withCString { pointer in
            espeak_Synth(pointer, strlen(pointer) + 1, 0, POS_CHARACTER, 0, flags, nil, context.toOpaque())
        }
        guard result == EE_OK else { throw SpeechError.synthesisFailed(code: result.rawValue) }
        return SpeechAudio(samples: collector.samples, sampleRate: Int(sampleRate), events: collector.events)
    }
}
