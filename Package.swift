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
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(
            name: "EventStore",
            dependencies: ["Postgres"],
            plugins: [.plugin(name: "EmbedSchema")]
        ),
        .target(name: "CustomerDomain"),
        .target(name: "CustomerService", dependencies: ["CustomerDomain", "EventStore"]),
        .target(
            name: "CustomerAPI",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "customers",
            dependencies: [
                "CustomerAPI",
                "CustomerService",
                "EventStore",
                "Postgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "schema-embedder", path: "Plugins/SchemaEmbedderTool"),
        .plugin(
            name: "EmbedSchema",
            capability: .buildTool(),
            dependencies: ["schema-embedder"]
        ),
        .target(name: "TestSupport", dependencies: ["Postgres", "EventStore"], path: "Tests/TestSupport"),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "Postgres", "TestSupport"]),
        .testTarget(name: "CustomerDomainTests", dependencies: ["CustomerDomain"]),
        .testTarget(name: "CustomerServiceTests", dependencies: ["CustomerService", "CustomerDomain", "TestSupport"]),
        .testTarget(
            name: "CustomerAPITests",
            dependencies: [
                "CustomerAPI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "ProjectTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
