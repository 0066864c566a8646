import Foundation
import PackagePlugin

/// Compiles the SQL of a target's `Schema/` folder into the target, so the binary migrates from
/// any working directory and needs no files beside it: `Schema/tables/NNN_name.sql` are the
/// numbered migrations (applied once, in order), `Schema/objects/NN_name.sql` the functions,
/// triggers and grants (applied again whenever their text changes). The generated code extends
/// the enum named after the target's schema (`EventStoreSchema`, `CustomerSchema`).
@main
struct EmbedSchema: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let schema = target.directoryURL.appending(path: "Schema")
        let tables = try sqlFiles(in: schema.appending(path: "tables"))
        let objects = try sqlFiles(in: schema.appending(path: "objects"))
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSchema.swift")
        let typeName = target.name == "EventStore" ? "EventStoreSchema" : "\(target.name.replacingOccurrences(of: "Service", with: ""))Schema"
        return [
            .buildCommand(
                displayName: "Embedding \(tables.count) migrations and \(objects.count) schema objects of \(target.name)",
                executable: try context.tool(named: "schema-embedder").url,
                arguments: [output.path(), typeName] + tables.map { "table=" + $0.path() } + objects.map { "object=" + $0.path() },
                inputFiles: tables + objects,
                outputFiles: [output]
            ),
        ]
    }

    private func sqlFiles(in folder: URL) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: folder.path()) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path())
            .filter { $0.hasSuffix(".sql") }
            .sorted()
            .map { folder.appending(path: $0) }
    }
}
