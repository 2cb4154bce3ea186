using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.Commands;

/// <summary>
/// <c>--allow-outside-workspace &lt;DIR&gt;</c>, taken by every command that reads and uploads the files a manifest
/// names (<c>package</c>, <c>deploy</c>).
/// </summary>
internal sealed record WorkspaceRootFlag(CommandOption Option)
{
    /// <summary>Adds the flag to <paramref name="command"/>.</summary>
    public static WorkspaceRootFlag AddTo(CommandLineApplication command) => new(command.Option(
        "--allow-outside-workspace <DIR>",
        "Optional. A directory outside the workspace that env files, addons assets and Docker builds may use (repeatable). By default only files inside the workspace are read and uploaded.",
        CommandOptionType.MultipleValue));

    /// <summary>The directories given, in order.</summary>
    public IReadOnlyList<string> Directories => [.. Option.Values.OfType<string>()];
}
