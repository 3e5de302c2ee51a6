import Foundation
import PackagePlugin

/// Stamps the `marsad` executable with the git commit it was built from.
///
/// A prebuild command runs before every build (so the stamp follows each new
/// commit) and writes `BuildStamp.swift` only when its content changes, so an
/// unchanged checkout does not recompile anything. Outside a checkout, or
/// without git, the stamp says nothing and `--version` shows the package
/// version alone.
@main
struct VersionStamp: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let file = output.appending(path: "BuildStamp.swift").path
        let package = context.package.directoryURL.path
        // Only `git`, `printf`, `cmp` and `mv`: nothing of the build machine ends up in the binary but the commit.
        let script = """
            set -u
            mkdir -p "$2"
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null || true)
            modified=false
            if [ -n "$commit" ] && [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
                modified=true
            fi
            if [ -n "$commit" ]; then value="\\"$commit\\""; else value=nil; fi
            printf '/// Written at build time by the VersionStamp plugin.\\nenum BuildStamp {\\n    static let commit: String? = %s\\n    static let modified = %s\\n}\\n' "$value" "$modified" > "$3.tmp"
            if cmp -s "$3.tmp" "$3"; then rm -f "$3.tmp"; else mv "$3.tmp" "$3"; fi
            """
        return [.prebuildCommand(
            displayName: "Stamping the git commit",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", script, "version-stamp", package, output.path, file],
            outputFilesDirectory: output
        )]
    }
}
