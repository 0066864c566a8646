import Foundation
import PackagePlugin

/// Compiles the numbered SQL files of the top-level `Schema/` folder into the target, so the
/// binary migrates from any working directory and needs no files beside it.
@main
struct EmbedSchema: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let schemaFolder = context.package.directoryURL.appending(path: "Schema")
        let names = try FileManager.default.contentsOfDirectory(atPath: schemaFolder.path())
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        let inputs = names.map { schemaFolder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSchema.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) schema migrations",
                executable: try context.tool(named: "schema-embedder").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
