import Foundation
import Testing

@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning

/// Issue 23's performance step: the rubric folds a caption's words without Foundation's per-call
/// `String.folding` where it can. These tests pin that nothing it scores changed.
@Suite struct RubricFoldingTests {
    /// Captions (French and English, emoji, hashtags, full-width `＃`, line breaks, combining accents,
    /// ß and a ligature) with the criteria `RubricCaptionScorer` gave them on main before the change
    /// (commit 37f70bc): hook, structure, timing, emotional triggers, SEO, hook words.
    static let pinned: [(caption: String, niche: String, points: [Int?], hookWords: Int?)] = [
        (
            "Why nobody tells you this secret? Day 12 of the challenge 🔥 #money #tips3 #fyp", "money",
            [25, nil, nil, 20, 10], 6
        ),
        (
            "Pourquoi personne ne te dit ce secret ? J'ai testé pendant 30 jours… incroyable 😱 #argent #épargne #astuce",
            "finances perso", [25, nil, nil, 20, 7], 7
        ),
        ("Leg day 💪🔥", "fitness", [2, nil, nil, 0, 0], 2),
        (
            "ÉTÉ À PARIS : le café le plus CHOQUANT que j'ai vu ＃Paris ＃café ＃voyage", "voyage",
            [15, nil, nil, 20, 10], 11
        ),
        (
            "Stop doing this!\nIt ruins your skin and nobody warns you.\n\n#skincare #SkinCareTips #routine #fyp #viral #beauty",
            "skin care", [10, nil, nil, 20, 8], 3
        ),
        ("Cafe\u{301} secret: you won't believe what happened 👨‍👩‍👧 #CAFE\u{301} #Café", "Café", [20, nil, nil, 20, 8], 7),
        ("Straße ﬁnal tips for the shocking truth about money", "Straße", [20, nil, nil, 20, 2], 9),
        (
            "3 erreurs que j'ai faites avec mon argent. Ne les faites pas ! #argent #finance #budget #conseils",
            "argent", [20, nil, nil, 20, 10], 8
        ),
        ("", "fitness", [2, nil, nil, 0, 0], 0),
        ("#fyp #viral", "fitness", [2, nil, nil, 0, 3], 0),
    ]

    @Test func captionCriteriaAreTheSameAsBeforeTheFastFolding() throws {
        let scorer = RubricCaptionScorer(templates: try TemplateLibrary.load(from: TestSupport.templates))
        for entry in Self.pinned {
            let criteria = scorer.criteria(caption: entry.caption, niche: entry.niche)
            #expect(
                criteria.points == entry.points && criteria.hookWords == entry.hookWords,
                "\(entry.caption): \(criteria.points.map { $0.map(String.init) ?? "nil" }) \(criteria.hookWords.map(String.init) ?? "nil")"
            )
        }
    }

    /// Texts whose folding could differ from Foundation's if it were done wrongly: every ASCII
    /// character, Latin letters with accents, combining accents, ligatures, ß, Greek, Cyrillic,
    /// Turkish dotted I, full-width letters, emoji with skin tones and joiners, flags, odd spaces.
    static let foldingSamples: [String] = {
        var samples = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
        samples += (0xA0...0x24F).compactMap { Unicode.Scalar($0).map { String($0) } }
        samples += [
            String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }),
            "Cafe\u{301} CRE\u{300}ME bru\u{302}le\u{301}e", "ÉTÉ À PARIS", "Straße STRASSE ﬁnal ﬂow Œuvre æther",
            "ΟΔΟΣ Σίσυφος ΣΟΦΊΑ", "Привет, МИР! Ёлка", "İstanbul ıI", "ＡＢＣ ｆｕｌｌ ＃tag ＃ＴＡＧ",
            "💪🏽🔥 👨‍👩‍👧 🇫🇷🇺🇸 ❤️", "l’été d’un «chef» — 1er janv. 2026", "\r\ncrlf\r\n line\u{2028}sep\u{a0}nbsp\u{3000}",
            "  spaced out  ", "\u{301}leading mark", "½ ² ³ ⅷ ① ٣ 四", "한국어 가나다", "日本語のテキスト",
            "ǅemal ǈ ǋ", "ﬃ ﬄ ﬅ", "K Å Ω", "Stop doing this -- it's 3 a.m. ... really?? #Tag_2 x\r\ny\u{b}z",
            "ÉTÉ -- à 3h !! 🔥🔥 ok",
        ]
        return samples
    }()

    @Test func theRubricsFoldingIsFoundations() {
        for text in Self.foldingSamples {
            #expect(RubricFold.fold(text) == Slug.fold(text), "\(text.unicodeScalars.map { $0.value })")
            #expect(RubricFold.tokens(text) == ScriptText.tokens(text), "\(text.unicodeScalars.map { $0.value })")
            // Swift's String == is canonical equivalence; the bytes must match too.
            #expect(Array(RubricFold.fold(text).utf8) == Array(Slug.fold(text).utf8), "\(text)")
            #expect(RubricFold.tokens(text).map { Array($0.utf8) } == ScriptText.tokens(text).map { Array($0.utf8) })
            #expect(RubricFold.wordCount(text) == ScriptText.wordCount(text), "\(text.unicodeScalars.map { $0.value })")
            #expect(RubricFold.words(text) == text.split(whereSeparator: \.isWhitespace), "\(text)")
            #expect(RubricFold.nicheWord(text) == Slug.make(text).replacingOccurrences(of: "-", with: ""), "\(text)")
        }
    }
}
