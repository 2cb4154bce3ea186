namespace Copilot.Tool.Tests.Support;

/// <summary>
/// The tool as users get it: installed with <c>dotnet tool install --tool-path</c> from the packages of this test run
/// (<see cref="PackedFeed"/>) into a NuGet cache of its own (so no cache can hand back an older build of the same
/// version). <c>Copilot.Tool</c> is the package users install: the CLI picks this machine's native package from it;
/// <c>Copilot.Tool.any</c> is the framework-dependent fallback, installed by name.
/// </summary>
internal sealed class PackedTool : IDisposable
{
    /// <summary>The package users install; on a platform with a native package the CLI installs that one.</summary>
    public const string Native = "Copilot.Tool";

    /// <summary>The framework-dependent fallback, which every platform without a native package gets.</summary>
    public const string Fallback = "Copilot.Tool.any";

    private PackedTool(string root, string executable, PackedFeed feed)
    {
        Root = root;
        Executable = executable;
        PackedFeed = feed;
    }

    public string Root { get; }

    /// <summary>The command the installation put in the tool path (a link to the native binary, or the fallback's app host).</summary>
    public string Executable { get; }

    public PackedFeed PackedFeed { get; }

    public string Feed => PackedFeed.Directory;

    public string Version => PackedFeed.Version;

    /// <summary>Installs <paramref name="packageId"/> (<see cref="Native"/> or <see cref="Fallback"/>) into a tool path of its own.</summary>
    public static PackedTool Install(string packageId = Native)
    {
        var feed = PackedFeed.Instance;
        var root = Path.Combine(Path.GetTempPath(), "copilot-job-packed", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(root, "nuget"),
            ["DOTNET_CLI_HOME"] = Path.Combine(root, "cli-home"),
        };
        Directory.CreateDirectory(root);
        var install = ProcessRunner.Run(
            "dotnet", root, environment,
            "tool", "install", packageId, "--version", feed.Version, "--tool-path", Path.Combine(root, "tools"), "--add-source", feed.Directory);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool install {packageId} failed:\n{install}");
        }

        var executable = Path.Combine(root, "tools", OperatingSystem.IsWindows() ? "dotnet-copilot-job.exe" : "dotnet-copilot-job");
        return new PackedTool(root, executable, feed);
    }

    /// <summary>The .nupkg of a package in the feed.</summary>
    public string Package(string id) => PackedFeed.Package(id);

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
