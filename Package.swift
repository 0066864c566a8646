// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "customers",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "customers", targets: ["customers"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(name: "JSON"),
        .target(
            name: "EventStore",
            dependencies: ["Postgres", "JSON"],
            exclude: ["Schema"],
            plugins: [.plugin(name: "EmbedSchema")]
        ),
        .target(name: "CustomerDomain", dependencies: ["JSON"]),
        .target(
            name: "CustomerService",
            dependencies: [
                "CustomerDomain", "EventStore", "JSON",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            exclude: ["Schema"],
            plugins: [.plugin(name: "EmbedSchema")]
        ),
        .target(
            name: "CustomerAPI",
            dependencies: [
                "CustomerService",
                "CustomerDomain",
                "JSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            resources: [.embedInCode("openapi.yaml")]
        ),
        .executableTarget(
            name: "customers",
            dependencies: [
                "CustomerAPI",
                "CustomerService",
                "CustomerDomain",
                "EventStore",
                "JSON",
                "Postgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(name: "schema-embedder", path: "Plugins/SchemaEmbedderTool"),
        .plugin(
            name: "EmbedSchema",
            capability: .buildTool(),
            dependencies: ["schema-embedder"]
        ),
        .target(name: "TestSupport", dependencies: ["Postgres", "EventStore", "CustomerService", "CustomerDomain", "JSON"], path: "Tests/TestSupport"),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(
            name: "EventStoreTests",
            dependencies: ["EventStore", "Postgres", "CustomerService", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "CustomerDomainTests", dependencies: ["CustomerDomain", "JSON"]),
        .testTarget(name: "CustomerServiceTests", dependencies: ["CustomerService", "CustomerDomain", "JSON", "TestSupport"]),
        .testTarget(
            name: "CustomerAPITests",
            dependencies: [
                "CustomerAPI",
                "CustomerService",
                "CustomerDomain",
                "JSON",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["CustomerService", "CustomerDomain", "EventStore", "Postgres", "TestSupport"]
        ),
        .testTarget(name: "ProjectTests", dependencies: [.product(name: "Yams", package: "Yams")]),
    ],
    swiftLanguageModes: [.v6]
)
