using Copilot.Testing;

namespace Copilot.Tool.Tests.Support;

/// <summary>
/// The tool as users get it: packed with <c>dotnet pack</c> under a version unique to this test run (so no NuGet
/// cache can hand back an older build), installed with <c>dotnet tool install --tool-path</c> from that local feed.
/// </summary>
internal sealed class PackedTool : IDisposable
{
    private PackedTool(string root, string executable, string feed, string version)
    {
        Root = root;
        Executable = executable;
        Feed = feed;
        Version = version;
    }

    public string Root { get; }

    public string Executable { get; }

    public string Feed { get; }

    public string Version { get; }

    public static PackedTool Install()
    {
        var root = Path.Combine(Path.GetTempPath(), "copilot-job-packed", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(root, "feed");
        var version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var nuget = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget") };
        var pack = ProcessRunner.Run(
            "dotnet", RepositoryPaths.Root, null,
            "pack", Path.Combine("src", "Copilot.Tool", "Copilot.Tool.csproj"), "-c", "Release", "-o", feed, "--nologo", "--artifacts-path", Path.Combine(root, "artifacts"), $"-p:Version={version}");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack);
        }

        var install = ProcessRunner.Run(
            "dotnet", root, nuget,
            "tool", "install", "Copilot.Tool", "--version", version, "--tool-path", Path.Combine(root, "tools"), "--add-source", feed);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool install failed:\n" + install);
        }

        return new PackedTool(root, Path.Combine(root, "tools", "dotnet-copilot-job"), feed, version);
    }

    public ToolRun Run(string workingDirectory, params string[] args) => ProcessRunner.Run(Executable, workingDirectory, null, args);

    public ToolRun Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        ProcessRunner.Run(Executable, workingDirectory, environment, args);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
