// swift-tools-version:6.1
// libFuzzer targets, kept out of the main package: they only link with
// `-sanitize=fuzzer`, which supplies `main`. Build and run them with
// `Tests/Fuzz/run-fuzzers.sh` (see README.md, "Fuzzing").
import PackageDescription

/// One executable per entry point; `@testable` reaches the readers that
/// ArticleReader dispatches to, so the script builds with `-enable-testing`.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "Marsad") },
        path: "Targets/\(name)",
        swiftSettings: [.swiftLanguageMode(.v6)]
    )
}

let package = Package(
    name: "MarsadFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Marsad", path: "../..")],
    targets: [
        // SwiftPM gives every executable its own `main`, so each target hands
        // its entry point to libFuzzer's driver rather than relying on libFuzzer's `main`.
        .target(name: "CFuzzDriver", path: "Targets/CFuzzDriver"),
        .target(
            name: "FuzzSupport", dependencies: ["CFuzzDriver"], path: "Targets/FuzzSupport",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        fuzzTarget("FuzzArticleReader", ["MarsadReading"]),
        fuzzTarget("FuzzTextDecoder", ["MarsadReading"]),
        fuzzTarget("FuzzHTMLReader", ["MarsadReading"]),
        fuzzTarget("FuzzJSONReader", ["MarsadReading"]),
        fuzzTarget("FuzzPlainText", ["MarsadReading"]),
        fuzzTarget("FuzzTRECReader", ["MarsadReading"]),
        fuzzTarget("FuzzTaxonomy", ["MarsadTagging"]),
        fuzzTarget("FuzzSettings", ["MarsadDaemon"]),
    ]
)
