// swift-tools-version:6.3
// Speed measurements, kept out of the main package so that building and
// testing Marsad never builds the benchmark harness.
// Run from this folder: `swift package benchmark`.
import PackageDescription

extension Target {
    func withDependency(_ dependency: Target.Dependency) -> Target {
        dependencies.append(dependency)
        return self
    }
}

func suite(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + products.map { .product(name: $0, package: "Marsad") } + ["SaudiNewsNet"],
        path: "Benchmarks/\(name)",
        swiftSettings: [.swiftLanguageMode(.v6)],
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "MarsadBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Marsad", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "SaudiNewsNet", swiftSettings: [.swiftLanguageMode(.v6)]),
        suite("TextBenchmarks", ["MarsadText"]),
        suite("TaggingBenchmarks", ["MarsadTagging", "MarsadText"]),
        suite("DigestBenchmarks", ["MarsadDigest", "MarsadText"]),
        suite("LargeFileBenchmarks", ["MarsadCore", "MarsadDaemon"]),
        suite("IngestBenchmarks", ["MarsadCore", "MarsadTagging", "MarsadStore", "MarsadDaemon"])
            .withDependency(.product(name: "Logging", package: "swift-log")),
    ]
)
