import ArgumentParser
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// How `niches` and `insights` print: tables in a language, or the report's JSON.
struct ReportOptions: ParsableArguments {
    @Flag(help: "Print the report's JSON instead of tables.")
    var json = false

    @Option(name: .customLong("language"), help: "Language of the sentences: en or fr.")
    var languageCode: String = "en"

    var language: Language { Language(rawValue: languageCode) ?? .en }

    func validate() throws {
        guard Language(rawValue: languageCode) != nil else { throw ValidationError("--language must be `en` or `fr`") }
    }
}
