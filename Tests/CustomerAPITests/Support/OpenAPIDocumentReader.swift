import Foundation
import TestSupport

/// Reads the checked-in OpenAPI document with a short Python program (PyYAML), which prints
/// what a test compares.
enum OpenAPIDocumentReader {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Sources/CustomerAPI/openapi.yaml").path

    /// What `program` prints; it finds the document's path in `sys.argv[1]`.
    static func output(of program: String) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        return try await onOwnThread {
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
    }
}
