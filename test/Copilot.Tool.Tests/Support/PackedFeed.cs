using System.Runtime.InteropServices;
using Copilot.Testing;

namespace Copilot.Tool.Tests.Support;

/// <summary>
/// The packages as <c>build/pack.sh</c> makes them, packed once per test run into a local feed of its own: the library
/// <c>Copilot.Packaging</c>, the tool's pointer package <c>Copilot.Tool</c>, the framework-dependent fallback
/// <c>Copilot.Tool.any</c> and the Native AOT package of this machine, <c>Copilot.Tool.&lt;rid&gt;</c>. Packing is slow (the
/// native one is a Native AOT publish: a minute or more), so every fixture that installs the tool shares this feed; it is
/// deleted after the last test of the assembly (<see cref="AssemblySetup"/>).
/// </summary>
internal sealed class PackedFeed
{
    private static readonly Lazy<PackedFeed> Shared = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    private PackedFeed(string root, string directory, string version)
    {
        Root = root;
        Directory = directory;
        Version = version;
    }

    /// <summary>The feed of this test run, packed on first use.</summary>
    public static PackedFeed Instance => Shared.Value;

    /// <summary>The RID of this machine's native package: <c>linux-x64</c>, <c>osx-arm64</c>, <c>win-x64</c>, ….</summary>
    public static string HostRid
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            return $"{os}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
        }
    }

    public string Root { get; }

    /// <summary>The folder holding the .nupkg files (a NuGet source).</summary>
    public string Directory { get; }

    /// <summary>The version MinVer gave every package.</summary>
    public string Version { get; }

    /// <summary>The .nupkg of a package in the feed.</summary>
    public string Package(string id) => Path.Combine(Directory, $"{id}.{PackageVersion(Directory, id)}.nupkg");

    /// <summary>Deletes the feed when it was packed (after the assembly's last test).</summary>
    public static void DeleteIfPacked()
    {
        if (Shared.IsValueCreated && System.IO.Directory.Exists(Shared.Value.Root))
        {
            System.IO.Directory.Delete(Shared.Value.Root, recursive: true);
        }
    }

    private static PackedFeed Pack()
    {
        var root = Path.Combine(Path.GetTempPath(), "copilot-job-feed", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(root, "feed");
        // Builds of their own (--artifacts-path), apart from the build these tests run from.
        string[][] packs =
        [
            [Path.Combine("src", "Copilot.Packaging", "Copilot.Packaging.csproj")],
            [Path.Combine("src", "Copilot.Tool", "Copilot.Tool.csproj")],
            [Path.Combine("src", "Copilot.Tool", "Copilot.Tool.csproj"), "-r", "any"],
            [Path.Combine("src", "Copilot.Tool", "Copilot.Tool.csproj"), "-r", HostRid],
        ];
        foreach (var pack in packs)
        {
            var run = ProcessRunner.Run(
                "dotnet", RepositoryPaths.Root, null, TimeSpan.FromMinutes(20),
                ["pack", .. pack, "-c", "Release", "-o", feed, "--nologo", "--artifacts-path", Path.Combine(root, "artifacts")]);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {string.Join(' ', pack)} failed:\n{run}");
            }
        }

        return new PackedFeed(root, feed, PackageVersion(feed, "Copilot.Tool"));
    }

    // The version of the one package with this id in the feed, from its file name: <id>.<version>.nupkg.
    private static string PackageVersion(string feed, string id)
    {
        var versions = System.IO.Directory.GetFiles(feed, $"{id}.*.nupkg")
            .Select(f => Path.GetFileNameWithoutExtension(f)[(id.Length + 1)..])
            .Where(v => char.IsAsciiDigit(v[0]))
            .ToList();
        return versions.Count == 1
            ? versions[0]
            : throw new InvalidOperationException($"expected one {id} package in {feed}, found: {string.Join(", ", versions)}");
    }
}
