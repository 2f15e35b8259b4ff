// swift-tools-version:6.0
// libFuzzer targets for the decoders that read what a synced device drops (issue 12) and what a
// model answers (FuzzModelAnswer, issue 19: its parsers live in ReelsmithEngines). Not part of
// the main package: built only by scripts/fuzz.sh, with `-sanitize=fuzzer,address` (a plain
// `swift build` of these targets would not link: libFuzzer's driver comes with the sanitizer).
import PackageDescription

let fuzzTargets = ["FuzzRequest", "FuzzTrends", "FuzzSettings", "FuzzAnalytics"]

let package = Package(
    name: "ReelsmithFuzz",
    dependencies: [.package(name: "Reelsmith", path: "..")],
    targets: [.target(name: "FuzzSupport")]
        + fuzzTargets.map { name in
            .executableTarget(
                name: name, dependencies: ["FuzzSupport", .product(name: "ReelsmithCore", package: "Reelsmith")])
        }
        + [
            .executableTarget(
                name: "FuzzModelAnswer",
                dependencies: ["FuzzSupport", .product(name: "ReelsmithEngines", package: "Reelsmith")])
        ],
    swiftLanguageModes: [.v6]
)
