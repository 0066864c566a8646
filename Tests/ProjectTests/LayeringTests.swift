import Foundation
import Testing

/// The layers of the architecture import only what the layer below them offers: only the event
/// store and the command line reach PostgreSQL, the API never reaches the event store, the
/// domain is pure.
@Suite struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appending(path: "Sources")

    /// The project's own modules each layer may import (the command line may import them all).
    static let allowed: [String: Set<String>] = [
        "Postgres": ["CLibPQ"],
        "JSON": [],
        "EventStore": ["Postgres", "JSON"],
        "CustomerDomain": ["JSON"],
        "CustomerService": ["CustomerDomain", "EventStore", "JSON"],
        "CustomerAPI": ["CustomerService", "CustomerDomain", "JSON"],
    ]
    static let projectModules: Set<String> = ["CLibPQ", "Postgres", "JSON", "EventStore", "CustomerDomain", "CustomerService", "CustomerAPI"]

    @Test func everyLayerImportsOnlyWhatTheArchitectureAllows() throws {
        var violations: [String] = []
        for (target, allowed) in Self.allowed {
            for (file, module) in try Self.imports(of: target) where Self.projectModules.contains(module) && !allowed.contains(module) {
                violations.append("\(target)/\(file) imports \(module)")
            }
        }
        #expect(violations == [])
    }

    /// The check itself finds a forbidden import.
    @Test func aForbiddenImportIsFound() throws {
        let lines = ["import Foundation", "@testable import Postgres", "  import   EventStore // why"]
        #expect(Self.importedModules(in: lines.joined(separator: "\n")) == ["Foundation", "Postgres", "EventStore"])
    }

    /// (file, module) for every import in the target's sources.
    static func imports(of target: String) throws -> [(String, String)] {
        let folder = sources.appending(path: target)
        guard let files = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [(String, String)] = []
        for case let file as String in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appending(path: file), encoding: .utf8)
            found += importedModules(in: text).map { (file, $0) }
        }
        return found
    }

    static func importedModules(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(whereSeparator: \.isWhitespace)
            guard let index = words.firstIndex(of: "import"), words[..<index].allSatisfy({ $0.hasPrefix("@") }),
                  index + 1 < words.count else { return nil }
            return String(words[index + 1])
        }
    }
}
