import Foundation

// Usage: schema-embedder OUTPUT.swift TypeName table=001_name.sql … object=01_name.sql …
// Writes a Swift file extending TypeName with every migration's number, name and SQL text, and
// every schema object's name and SQL text, in file-name order.
var arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: schema-embedder OUTPUT.swift TypeName table=FILE.sql… object=FILE.sql…\n".utf8))
    exit(64)
}
let output = arguments.removeFirst()
let typeName = arguments.removeFirst()

func swiftLiteral(_ text: String) -> String {
    // A raw string with enough #s that no sequence inside the SQL can end it.
    var hashes = "#"
    while text.contains("\"" + hashes) { hashes += "#" }
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

/// `NNN` and `name` of `NNN_name.sql`.
func numbered(_ path: String) -> (number: Int, name: String) {
    let stem = String(URL(fileURLWithPath: path).lastPathComponent.dropLast(".sql".count))
    guard let underscore = stem.firstIndex(of: "_"), let number = Int(stem[..<underscore]) else {
        FileHandle.standardError.write(Data("\(path): schema files are named NNN_name.sql\n".utf8))
        exit(65)
    }
    return (number, String(stem[stem.index(after: underscore)...]))
}

var tables: [String] = []
var objects: [String] = []
for argument in arguments {
    let isTable = argument.hasPrefix("table=")
    let path = String(argument.drop { $0 != "=" }.dropFirst())
    let (number, name) = numbered(path)
    let sql = try String(contentsOfFile: path, encoding: .utf8)
    if isTable {
        tables.append("        Migration(version: \(number), name: \"\(name)\", sql: \(swiftLiteral(sql))),")
    } else {
        objects.append("        SchemaObject(name: \"\(name)\", sql: \(swiftLiteral(sql))),")
    }
}

// The event store's own schema is generated inside the module that declares the types.
let imports = typeName == "EventStoreSchema" ? "" : "import EventStore\n"
let source = """
// Generated at build time from Schema/ by the EmbedSchema plugin.
\(imports)
extension \(typeName) {
    /// Every numbered migration of `Schema/tables`, in version order.
    static let tables: [Migration] = [
\(tables.joined(separator: "\n"))
    ]

    /// Every object of `Schema/objects`, in the order they are applied.
    static let objects: [SchemaObject] = [
\(objects.joined(separator: "\n"))
    ]
}

"""
// Unchanged output is not rewritten, so the target is not compiled again for nothing.
if (try? String(contentsOfFile: output, encoding: .utf8)) != source {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
}
