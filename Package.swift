// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Marsad",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "marsad", targets: ["marsad"]),
        .library(name: "MarsadText", targets: ["MarsadText"]),
        .library(name: "MarsadReading", targets: ["MarsadReading"]),
        .library(name: "MarsadTagging", targets: ["MarsadTagging"]),
        .library(name: "MarsadDigest", targets: ["MarsadDigest"]),
        .library(name: "MarsadCore", targets: ["MarsadCore"]),
        // For the end-to-end ingest benchmark in Benchmarks/.
        .library(name: "MarsadStore", targets: ["MarsadStore"]),
        .library(name: "MarsadDaemon", targets: ["MarsadDaemon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libxml2's HTML parser, from Debian's libxml2-dev.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The C allocator's arena count, which Swift does not expose (malloc.h).
        .target(name: "CAllocator"),
        // SHA-256 blocks with the x86 SHA extensions, which Swift does not expose (immintrin.h).
        .target(name: "CSHA256"),
        // Pure logic: no I/O below this line until MarsadStore.
        .target(name: "MarsadText", swiftSettings: strict),
        .target(
            name: "MarsadReading",
            dependencies: ["MarsadText", "CLibXML2"],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .target(
            name: "MarsadTagging",
            dependencies: ["MarsadText", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Taxonomy")],
            swiftSettings: strict
        ),
        .target(name: "MarsadDigest", dependencies: ["MarsadText"], swiftSettings: strict),
        .target(
            name: "MarsadCore",
            dependencies: ["MarsadText", "MarsadReading", "MarsadTagging", "MarsadDigest", "CSHA256"],
            swiftSettings: strict
        ),
        // Edges: storage, daemon machinery, command line.
        .target(
            name: "MarsadStore",
            dependencies: ["MarsadCore", "MarsadText", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "MarsadDaemon",
            dependencies: [
                "MarsadCore", "MarsadStore", "MarsadDigest", "MarsadText",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "marsad",
            dependencies: [
                "MarsadText", "MarsadReading", "MarsadTagging", "MarsadCore", "MarsadStore", "MarsadDaemon", "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict,
            plugins: ["VersionStamp"]
        ),
        // Stamps the executable with the git commit it is built from (`marsad --version`).
        .plugin(name: "VersionStamp", capability: .buildTool()),
        .testTarget(name: "MarsadTextTests", dependencies: ["MarsadText"], swiftSettings: strict),
        .testTarget(name: "MarsadReadingTests", dependencies: ["MarsadReading", "MarsadText"], swiftSettings: strict),
        .testTarget(name: "MarsadTaggingTests", dependencies: ["MarsadTagging", "MarsadText"], swiftSettings: strict),
        .testTarget(name: "MarsadDigestTests", dependencies: ["MarsadDigest", "MarsadText"], swiftSettings: strict),
        .testTarget(name: "MarsadCoreTests", dependencies: ["MarsadCore", "MarsadTagging", "MarsadText"], swiftSettings: strict),
        .testTarget(name: "MarsadStoreTests", dependencies: ["MarsadStore", "MarsadText"], swiftSettings: strict),
        // Runs the built `marsad` executable as users do: daemon, crashes, bad input.
        .testTarget(
            name: "MarsadSystemTests",
            dependencies: ["MarsadStore", "marsad"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MarsadDaemonTests",
            dependencies: ["MarsadDaemon", "MarsadStore", "MarsadText"],
            swiftSettings: strict
        ),
    ]
)
