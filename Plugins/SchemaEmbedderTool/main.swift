import Foundation

// Usage: schema-embedder OUTPUT.swift 001_name.sql 002_name.sql …
// Writes a Swift file holding every migration's number, name and SQL text.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: schema-embedder OUTPUT.swift FILE.sql…\n".utf8))
    exit(64)
}

func swiftLiteral(_ text: String) -> String {
    // A raw string with enough #s that no sequence inside the SQL can end it.
    var hashes = "#"
    while text.contains("\"" + hashes) { hashes += "#" }
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

var entries: [String] = []
for path in arguments.dropFirst() {
    let fileName = URL(fileURLWithPath: path).lastPathComponent
    let stem = String(fileName.dropLast(".sql".count))
    guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]) else {
        FileHandle.standardError.write(Data("\(fileName): migrations are named NNN_name.sql\n".utf8))
        exit(65)
    }
    let name = String(stem[stem.index(after: underscore)...])
    let sql = try String(contentsOfFile: path, encoding: .utf8)
    entries.append("        Migration(version: \(version), name: \"\(name)\", sql: \(swiftLiteral(sql))),")
}

let source = """
// Generated at build time from Schema/*.sql by the EmbedSchema plugin.
extension Migration {
    /// Every migration of `Schema/`, in version order.
    public static let embedded: [Migration] = [
\(entries.joined(separator: "\n"))
    ]
}

"""
// Unchanged output is not rewritten, so the target is not compiled again for nothing.
if (try? String(contentsOfFile: output, encoding: .utf8)) != source {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
}
