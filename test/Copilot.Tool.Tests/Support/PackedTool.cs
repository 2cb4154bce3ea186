using Copilot.Testing;

namespace Copilot.Tool.Tests.Support;

/// <summary>
/// The tool as users get it: packed with <c>dotnet pack</c> (the version MinVer takes from git), installed with
/// <c>dotnet tool install --tool-path</c> from that local feed into a NuGet cache of its own (so no cache can hand
/// back an older build of the same version). The library package is packed into the same feed.
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
        var nuget = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget") };
        foreach (var project in new[] { "Copilot.Tool", "Copilot.Packaging" })
        {
            var pack = ProcessRunner.Run(
                "dotnet", RepositoryPaths.Root, null, TimeSpan.FromMinutes(15),
                "pack", Path.Combine("src", project, project + ".csproj"), "-c", "Release", "-o", feed, "--nologo", "--artifacts-path", Path.Combine(root, "artifacts"));
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + pack);
            }
        }

        var version = PackageVersion(feed, "Copilot.Tool");

        var install = ProcessRunner.Run(
            "dotnet", root, nuget,
            "tool", "install", "Copilot.Tool", "--version", version, "--tool-path", Path.Combine(root, "tools"), "--add-source", feed);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool install failed:\n" + install);
        }

        return new PackedTool(root, Path.Combine(root, "tools", "dotnet-copilot-job"), feed, version);
    }

    /// <summary>The .nupkg of a package in the feed.</summary>
    public string Package(string id) => Path.Combine(Feed, $"{id}.{PackageVersion(Feed, id)}.nupkg");

    // The version of the one package with this id in the feed, from its file name: <id>.<version>.nupkg.
    private static string PackageVersion(string feed, string id)
    {
        var versions = Directory.GetFiles(feed, $"{id}.*.nupkg")
            .Select(f => Path.GetFileNameWithoutExtension(f)[(id.Length + 1)..])
            .Where(v => char.IsAsciiDigit(v[0]))
            .ToList();
        return versions.Count == 1
            ? versions[0]
            : throw new InvalidOperationException($"expected one {id} package in {feed}, found: {string.Join(", ", versions)}");
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
