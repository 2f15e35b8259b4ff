// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let yams = Target.Dependency.product(name: "Yams", package: "Yams")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let zip = Target.Dependency.product(name: "ZIPFoundation", package: "ZIPFoundation")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let subprocess = Target.Dependency.product(name: "Subprocess", package: "swift-subprocess")
let asyncHTTPClient = Target.Dependency.product(name: "AsyncHTTPClient", package: "async-http-client")
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioHTTP1 = Target.Dependency.product(name: "NIOHTTP1", package: "swift-nio")

// Linux only (inotify, /proc, glibc, libespeak-ng), so no `platforms:` line: SwiftPM names no
// Linux versions, and a macOS line would promise a platform that cannot build it.
// The layers (README, "For developers"): Core ← Learning, Media ← Engines ← Reelsmith (the app) ←
// the executables. A lower layer never imports a higher one; targets reach each other's internals
// through `package`.
let package = Package(
    name: "Reelsmith",
    products: [
        .executable(name: "reelsmith", targets: ["reelsmith"]),
        .executable(name: "reelsmith-bench", targets: ["reelsmith-bench"]),
        // The inbox decoders' public surface (`InboxDecoders`), for the fuzz package in Fuzz/.
        .library(name: "ReelsmithCore", targets: ["ReelsmithCore"]),
        // The model answer parsers' public surface (`ModelAnswerDecoders`), for FuzzModelAnswer.
        .library(name: "ReelsmithEngines", targets: ["ReelsmithEngines"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        // HTTP on SwiftNIO: waits in epoll without spinning (URLSession's libcurl loop did not, issue 19).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.100.0"),
    ],
    targets: [
        .systemLibrary(name: "CEspeakNG", pkgConfig: "espeak-ng", providers: [.apt(["libespeak-ng-dev"])]),
        .systemLibrary(name: "CInotifyTools", providers: [.apt(["libinotifytools0-dev"])]),
        // Formats, settings, schema, templates, and the job's products as values.
        .target(name: "ReelsmithCore", dependencies: [yams, logging, zip], swiftSettings: strictSettings),
        // The learning index: its schema and migrations, insights, niches and advice.
        .target(
            name: "ReelsmithLearning", dependencies: ["ReelsmithCore", grdb, logging], swiftSettings: strictSettings),
        // The render (one ffmpeg graph) and every child process.
        .target(
            name: "ReelsmithMedia", dependencies: ["ReelsmithCore", logging, subprocess], swiftSettings: strictSettings),
        // Signal processing for aligning a voice to its text (features, dynamic time warping).
        .target(name: "Alignment", swiftSettings: strictSettings),
        // Providers and every stage's engines: script, images, clips, voice and alignment.
        .target(
            name: "ReelsmithEngines",
            dependencies: [
                "ReelsmithCore", "ReelsmithLearning", "ReelsmithMedia", "Alignment", "CEspeakNG", logging, yams,
                asyncHTTPClient, nioCore, nioHTTP1,
            ],
            swiftSettings: strictSettings),
        // The app: the job's stages, the daemon, the reports and dashboard, doctor and check.
        .target(
            name: "Reelsmith",
            dependencies: [
                "ReelsmithCore", "ReelsmithLearning", "ReelsmithMedia", "ReelsmithEngines", "CInotifyTools", yams, grdb,
                logging, zip,
            ],
            swiftSettings: strictSettings),
        // What the two executables share: the project folder options and the log setup.
        .target(
            name: "ReelsmithCLI", dependencies: ["ReelsmithCore", "Reelsmith", argumentParser, logging],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "reelsmith",
            dependencies: [
                "ReelsmithCLI", "Reelsmith", "ReelsmithCore", "ReelsmithLearning", "ReelsmithEngines", argumentParser,
                logging,
            ],
            swiftSettings: strictSettings),
        // Drives headless Chromium (the dashboard's tests and benchmark); not part of the product.
        .target(name: "HeadlessChromium", swiftSettings: strictSettings),
        // A small OpenAI-compatible (and Pexels/Pixabay) server on 127.0.0.1 for tests and benchmarks.
        .target(name: "LocalProviderServer", swiftSettings: strictSettings),
        .target(
            name: "ReelsmithBenchmarks",
            dependencies: [
                "Reelsmith", "ReelsmithCore", "ReelsmithLearning", "ReelsmithMedia", "ReelsmithEngines",
                "HeadlessChromium",
                "LocalProviderServer", logging,
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "reelsmith-bench",
            dependencies: [
                "ReelsmithBenchmarks", "ReelsmithCLI", "Reelsmith", "ReelsmithCore", "ReelsmithMedia",
                "LocalProviderServer",
                argumentParser, logging,
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ReelsmithTests",
            dependencies: [
                "Reelsmith", "ReelsmithCore", "ReelsmithLearning", "ReelsmithMedia", "ReelsmithEngines",
                "ReelsmithBenchmarks",
                "HeadlessChromium", "LocalProviderServer", "Alignment", grdb, zip, logging,
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
