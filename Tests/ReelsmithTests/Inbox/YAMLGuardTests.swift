import Foundation
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Issue 12, hole 3 and the libyaml messages: anchors and aliases are refused before Yams builds
/// a key, nesting is capped, and libyaml's raw text never reaches the creator.
@Suite struct YAMLGuardTests {
    /// "Billion laughs": each level doubles the one before, nine levels deep.
    static func aliasBomb(asKey: Bool) -> String {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...8 {
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return text + (asKey ? "? *a8\n: boom\n" : "boom: *a8\n")
    }

    private func refusal(_ text: String) -> InputError? {
        do {
            _ = try YAMLDocument.parse(data: Data(text.utf8), displayName: "inbox/trends/x.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [true, false])
    func anAliasBombIsRefusedAtOnceAsKeyOrValue(asKey: Bool) throws {
        let started = ContinuousClock.now
        let error = try #require(refusal(Self.aliasBomb(asKey: asKey)))
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(
            error.location == "inbox/trends/x.yaml:1:5" && error.problem.contains("anchor (`&name`) is not allowed"))
    }

    @Test func anchorsAndAliasesAreRefusedEvenWhenHarmless() throws {
        #expect(refusal("a: &x 1\n")?.problem.contains("anchor") == true)
        #expect(refusal("a: 1\nb: *x\n")?.reason == .syntax)
        #expect(try InputKind.declaredKind(data: Data(Self.aliasBomb(asKey: true).utf8), displayName: "x") == nil)
        #expect(
            InboxDaemon.asksForce(Data(("force: true\n" + Self.aliasBomb(asKey: true)).utf8), fileExtension: "yaml")
                == false)
    }

    /// Found by `scripts/fuzz.sh` (FuzzRequest): nested lists and mappings used as keys made
    /// Yams compare keys for more than 15 s on 3.6 KB. Fixture: Fixtures/requests/complex-keys.yaml.
    @Test func listsAndMappingsAsKeysAreRefusedAtOnce() throws {
        let started = ContinuousClock.now
        let fuzzed = try Data(contentsOf: TestSupport.fixture("requests/complex-keys.yaml"))
        #expect(throws: InputError.self) { _ = try YAMLDocument.parse(data: fuzzed, displayName: "x.yaml") }
        #expect(ContinuousClock.now - started < .seconds(1))
        for text in ["? [a, b]\n: 1\n", "? {a: 1}\n: 2\n", "niche: x\n? - a\n: 3\n"] {
            #expect(refusal(text)?.problem.contains("used as a key") == true, "\(text)")
        }
        #expect(refusal("niche: fitness\nlist: [{a: 1}, [b]]\nmap: {k: [1, 2]}\n") == nil)
    }

    @Test func deepNestingGetsOurMessageNotLibyamls() throws {
        for text in [String(repeating: "[", count: 100_000), String(repeating: "- ", count: 2_000) + "x\n"] {
            let error = try #require(refusal(text))
            #expect(
                error.problem.contains("nested") && !error.description.contains("yaml_set_max_nest_level"), "\(error)")
        }
    }

    @Test(arguments: [
        ("niche: fit\u{7}ness\n", "control character", 1),
        ("niche: a: b\n", "`:` where YAML does not expect one", 1),
        ("niche: \"unclosed\nviews: 3\n", "quote is opened and never closed", 3),
        ("trends:\n\t- title: x\n", "tab", 2),
        ("a: *\n", "anchor or alias", 1),
        ("a: [1, 2\n", "`[` or `{`", 2),
    ])
    func libyamlErrorsAreTranslatedWithTheirLine(text: String, expected: String, line: Int) throws {
        let error = try #require(refusal(text))
        #expect(error.reason == .syntax && error.problem.contains(expected) && error.line == line, "\(error)")
        for raw in ["while scanning", "yaml_", "found character", "context", "\n"] {
            #expect(!error.description.contains(raw), "\(error)")
        }
    }
}
