using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Copilot.Testing;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests;

/// <summary>
/// The packed and installed tool, run as a process on the example workspace, as users run it: <c>Copilot.Tool</c>
/// installed with <c>--tool-path</c> (a global tool), which on this machine is the Native AOT package, and the
/// framework-dependent fallback <c>Copilot.Tool.any</c>.
/// </summary>
[NonParallelizable]
[Category(TestCategories.PackedTool)]
[Category(TestCategories.CfnLint)]
public class PackedToolTests
{
    private PackedTool _tool = null!;
    private PackedTool _fallback = null!;
    private Workspace _workspace = null!;

    [OneTimeSetUp]
    public void PackAndInstall()
    {
        _tool = PackedTool.Install();
        _fallback = PackedTool.Install(PackedTool.Fallback);
    }

    [OneTimeTearDown]
    public void Uninstall()
    {
        _tool?.Dispose();
        _fallback?.Dispose();
    }

    [SetUp]
    public void CopyExample() => _workspace = Workspace.CopyOfExample();

    [TearDown]
    public void DeleteCopy() => _workspace.Dispose();

    [Test]
    public void Version_names_the_packed_version_and_the_commit_it_was_built_from()
    {
        var native = _tool.Run(_workspace.Path, "--version");
        var fallback = _fallback.Run(_workspace.Path, "--version");

        // The fallback's assembly carries the informational version (ProductVersion) <package version>+<full commit hash>;
        // the native binary has no assembly file, and says the same.
        var dll = FallbackAssemblies("dotnet-copilot-job.dll").Single();
        var informational = FileVersionInfo.GetVersionInfo(dll).ProductVersion!;
        Assert.That(informational, Is.EqualTo($"{_tool.Version}+{GitHead()}"));
        Assert.That(native.ExitCode, Is.Zero, native.ToString());
        Assert.That(native.Stdout.Trim(), Is.EqualTo($"copilot-job {_tool.Version} (commit {GitHead()[..7]})"));
        Assert.That(fallback.ExitCode, Is.Zero, fallback.ToString());
        Assert.That(fallback.Stdout, Is.EqualTo(native.Stdout));
    }

    [Test]
    public void Installing_copilot_tool_installs_this_platforms_native_package()
    {
        // The tool path holds a link into the RID package's folder of the store: a native executable, no assemblies.
        var target = new FileInfo(_tool.Executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? _tool.Executable;
        Assert.That(target, Does.Contain($"copilot.tool.{PackedFeed.HostRid}"), "the CLI chose the package of this platform");
        Assert.That(Directory.GetFiles(Path.Combine(_tool.Root, "tools"), "*.dll", SearchOption.AllDirectories), Is.Empty, "no managed code");
        Assert.That(NativeExecutable.IsNative(target), Is.True, $"{target} is a native executable of this platform");

        var fallbackDll = FallbackAssemblies("dotnet-copilot-job.dll");
        Assert.That(fallbackDll, Has.Length.EqualTo(1), "the fallback is the framework-dependent tool");
    }

    [Test]
    public void The_pointer_package_names_a_package_per_platform_and_carries_no_code()
    {
        using var pointer = ZipFile.OpenRead(_tool.Package("Copilot.Tool"));
        Assert.That(pointer.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tools/", StringComparison.Ordinal)), Is.EqualTo(new[] { "tools/any/any/DotnetToolSettings.xml" }));
        var settings = XDocument.Load(pointer.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open());
        var packages = settings.Descendants("RuntimeIdentifierPackage").ToDictionary(p => p.Attribute("RuntimeIdentifier")!.Value, p => p.Attribute("Id")!.Value);
        Assert.That(packages.Keys, Is.EquivalentTo(new[] { "linux-x64", "linux-arm64", "osx-arm64", "osx-x64", "win-x64", "win-arm64", "any" }));
        Assert.That(packages.All(p => p.Value == $"Copilot.Tool.{p.Key}"), Is.True, string.Join(", ", packages));

        using var native = ZipFile.OpenRead(_tool.Package($"Copilot.Tool.{PackedFeed.HostRid}"));
        Assert.That(native.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tools/", StringComparison.Ordinal)).Order(StringComparer.Ordinal), Is.EqualTo(new[]
        {
            $"tools/any/{PackedFeed.HostRid}/DotnetToolSettings.xml",
            $"tools/any/{PackedFeed.HostRid}/dotnet-copilot-job",
        }), "the native package holds the executable only (no debug symbols, no XML docs)");

        using var fallback = ZipFile.OpenRead(_tool.Package(PackedTool.Fallback));
        Assert.That(fallback.GetEntry("tools/net10.0/any/dotnet-copilot-job.dll"), Is.Not.Null);
        Assert.That(fallback.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal) && !e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)), Is.Empty, "no XML docs");
    }

    [Test]
    public void The_fallback_keeps_portable_IL_assemblies_and_adds_linux_x64_ReadyToRun_copies_the_host_chooses()
    {
        // A ReadyToRun image of another platform does not load at all (BadImageFormatException), so the IL assemblies
        // stay where every platform loads them, and the ReadyToRun copies are RID-specific assets in deps.json.
        const string Tools = "tools/net10.0/any/";
        const string ReadyToRun = Tools + "runtimes/linux-x64/lib/net10.0/";
        using var fallback = ZipFile.OpenRead(_tool.Package(PackedTool.Fallback));
        var entries = fallback.Entries.ToDictionary(e => e.FullName);
        var il = entries.Keys.Where(n => n.StartsWith(Tools, StringComparison.Ordinal) && n.EndsWith(".dll", StringComparison.Ordinal) && !n[Tools.Length..].Contains('/')).ToList();
        var readyToRun = entries.Keys.Where(n => n.StartsWith(ReadyToRun, StringComparison.Ordinal)).ToList();
        Assert.That(il.Select(Path.GetFileName), Is.SupersetOf(new[] { "dotnet-copilot-job.dll", "Copilot.Packaging.dll", "Copilot.Packaging.Aws.dll", "YamlDotNet.dll" }));
        Assert.That(readyToRun.Select(Path.GetFileName), Is.EquivalentTo(il.Select(Path.GetFileName)), "a linux-x64 copy of every assembly");
        Assert.That(il.Where(n => IsReadyToRun(entries[n])), Is.Empty, "the assemblies every platform loads are IL only");
        foreach (var name in new[] { "dotnet-copilot-job.dll", "Copilot.Packaging.dll", "YamlDotNet.dll" })
        {
            Assert.That(IsReadyToRun(entries[ReadyToRun + name]), Is.True, $"{name} is precompiled for linux-x64");
        }

        // The runtime starts the tool from the IL file and takes the listed linux-x64 copy instead only when both are the
        // same assembly: for every assembly, the tool's own included, the copy is compiled from the very IL shipped.
        foreach (var name in il.Select(Path.GetFileName))
        {
            Assert.That(Mvid(entries[ReadyToRun + name]), Is.EqualTo(Mvid(entries[Tools + name])), $"{name}: the ReadyToRun copy is the shipped IL, compiled");
        }

        using var config = System.Text.Json.JsonDocument.Parse(entries[Tools + "dotnet-copilot-job.runtimeconfig.json"].Open());
        Assert.That(
            config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported").GetBoolean(),
            Is.False,
            "the fallback generates no code at run time, as the native tool");

        using var deps = System.Text.Json.JsonDocument.Parse(entries[Tools + "dotnet-copilot-job.deps.json"].Open());
        var target = deps.RootElement.GetProperty("targets").EnumerateObject().Single().Value;
        var runtimeTargets = target.EnumerateObject()
            .SelectMany(library => library.Value.TryGetProperty("runtimeTargets", out var assets) ? assets.EnumerateObject().ToArray() : Array.Empty<System.Text.Json.JsonProperty>())
            .ToDictionary(asset => asset.Name, asset => (Rid: asset.Value.GetProperty("rid").GetString(), Type: asset.Value.GetProperty("assetType").GetString()));
        Assert.That(runtimeTargets.Keys, Is.EquivalentTo(readyToRun.Select(n => n[Tools.Length..])));
        Assert.That(runtimeTargets.Values.Distinct(), Is.EqualTo(new[] { ("linux-x64", "runtime") }));
    }

    [Test]
    public void The_version_comes_from_git()
    {
        // MinVer: a tagged commit builds the tag's version, any other a pre-release counted from the last tag.
        var describe = ProcessRunner.Run("git", RepositoryPaths.Root, null, "describe", "--tags", "--exact-match", "--match", "v[0-9]*", "HEAD");
        if (describe.ExitCode == 0)
        {
            Assert.That(_tool.Version, Is.EqualTo(describe.Stdout.Trim()[1..]));
        }
        else
        {
            // 0.1.0-alpha.0.<height> before any tag, 1.2.4-alpha.0.<height> after v1.2.3, 1.2.3-rc.1.<height> after v1.2.3-rc.1.
            Assert.That(_tool.Version, Does.Match(@"^\d+\.\d+\.\d+-[0-9A-Za-z.]+\.[1-9]\d*$"));
        }
    }

    private static IEnumerable<string> PackageIds => ["Copilot.Tool", PackedTool.Fallback, $"Copilot.Tool.{PackedFeed.HostRid}", "Copilot.Packaging"];

    [TestCaseSource(nameof(PackageIds))]
    public void The_package_carries_version_commit_icon_readme_and_the_changelog_section(string id)
    {
        using var package = ZipFile.OpenRead(_tool.Package(id));
        var nuspec = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open());
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string Value(string name) => metadata.Element(ns + name)?.Value ?? string.Empty;

        Assert.That(Value("version"), Is.EqualTo(_tool.Version));
        var repository = metadata.Element(ns + "repository")!;
        Assert.That(repository.Attribute("url")!.Value, Is.EqualTo("https://github.com/copilot-job/copilot-job"));
        Assert.That(repository.Attribute("commit")!.Value, Is.EqualTo(GitHead()));
        Assert.That(Value("icon"), Is.EqualTo("icon.png"));
        Assert.That(package.GetEntry("icon.png")!.Open().ReadByte(), Is.EqualTo(0x89), "icon.png is a PNG");
        Assert.That(Value("readme"), Is.EqualTo("README.md"));
        Assert.That(Value("license"), Is.EqualTo("Apache-2.0"));
        Assert.That(Value("description"), Does.Contain("Scheduled Jobs"));
        Assert.That(Value("tags").Split(' '), Is.SupersetOf(new[] { "aws", "copilot", "cloudformation" }));

        // A pre-release carries the [Unreleased] section, a release its own; compared with a plain reading of the file.
        var heading = _tool.Version.Contains('-', StringComparison.Ordinal) ? "Unreleased" : _tool.Version;
        Assert.That(Value("releaseNotes"), Is.EqualTo(ChangelogSection(heading)).And.Not.Empty);

        using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
        var text = readme.ReadToEnd();
        var links = Regex.Matches(text, @"\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.That(links, Is.Not.Empty);
        Assert.That(links.Where(l => !l.StartsWith('#') && !l.StartsWith("https://", StringComparison.Ordinal)), Is.Empty, "relative links do not work on nuget.org");
        Assert.That(text, Does.StartWith(id == "Copilot.Packaging" ? "# Copilot.Packaging" : "# copilot-job"));
        if (id != "Copilot.Packaging")
        {
            var types = metadata.Element(ns + "packageTypes")!.Elements(ns + "packageType").Select(t => t.Attribute("name")!.Value);
            Assert.That(types, Is.EqualTo(new[] { id == "Copilot.Tool" ? "DotnetTool" : "DotnetToolRidPackage" }), "users find and install the pointer package; the CLI fetches the others");
        }
    }

    private static string GitHead()
    {
        var head = ProcessRunner.Run("git", RepositoryPaths.Root, null, "rev-parse", "HEAD");
        Assert.That(head.ExitCode, Is.Zero, head.ToString());
        return head.Stdout.Trim();
    }

    // The lines under "## [heading]" up to the next "## [" heading or link definition, trimmed.
    private static string ChangelogSection(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "CHANGELOG.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith($"## [{heading}]", StringComparison.Ordinal));
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"CHANGELOG.md has no section {heading}");
        var section = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## [", StringComparison.Ordinal) && !Regex.IsMatch(l, @"^\[[^\]]+\]:"));
        return string.Join("\n", section).Trim();
    }

    [Test]
    public void Stdout_mode_and_output_dir_mode_write_the_same_template()
    {
        var stdout = _tool.Run(_workspace.Path, "package", "-n", "report-generator", "-e", "test");
        var files = _tool.Run(_workspace.Path, "package", "-n", "report-generator", "-e", "test", "--output-dir", "out");

        Assert.That(stdout.ExitCode, Is.Zero, stdout.ToString());
        Assert.That(files.ExitCode, Is.Zero, files.ToString());
        Assert.That(files.Stdout, Is.Empty);
        Assert.That(File.ReadAllText(_workspace.File("out/report-generator-test.stack.yml")), Is.EqualTo(stdout.Stdout));
    }

    [Test]
    public void Every_environment_of_the_example_lints_clean()
    {
        foreach (var env in new[] { "test", "prod" })
        {
            var run = _tool.Run(_workspace.Path, "package", "-n", "report-generator", "-e", env, "--output-dir", "out");
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
        }

        Assert.That(CfnLint.Run(Directory.GetFiles(_workspace.File("out"), "*.stack.yml")).Where(f => f.IsRealError), Is.Empty);
    }

    [Test]
    public void A_user_error_exits_1_with_the_message_on_stderr_only()
    {
        var run = _tool.Run(_workspace.Path, "package", "-n", "nope", "-e", "test");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(run.Stderr, Does.Contain("job 'nope' does not exist in the workspace"));
    }

    [Test]
    public void Works_as_a_local_tool_through_dotnet_with_the_native_package()
    {
        // A throw-away NuGet cache and CLI home: the CLI remembers where a local tool of a given version was restored
        // (~/.dotnet/toolResolverCache), and an entry left by an earlier run of the same version would point into a
        // cache that is gone.
        var cache = Path.Combine(_tool.Root, "nuget-local");
        var nuget = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = cache,
            ["DOTNET_CLI_HOME"] = Path.Combine(_tool.Root, "cli-home-local"),
        };
        var manifest = ProcessRunner.Run("dotnet", _workspace.Path, nuget, "new", "tool-manifest");
        Assert.That(manifest.ExitCode, Is.Zero, manifest.ToString());
        var install = ProcessRunner.Run("dotnet", _workspace.Path, nuget, "tool", "install", "--local", "Copilot.Tool", "--version", _tool.Version, "--add-source", _tool.Feed);
        Assert.That(install.ExitCode, Is.Zero, install.ToString());

        var run = ProcessRunner.Run("dotnet", _workspace.Path, nuget, "copilot-job", "package", "-n", "report-generator", "-e", "test");
        var global = _tool.Run(_workspace.Path, "package", "-n", "report-generator", "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.StartWith("AWSTemplateFormatVersion"));
        Assert.That(run.Stdout, Is.EqualTo(global.Stdout));
        Assert.That(Directory.Exists(Path.Combine(cache, $"copilot.tool.{PackedFeed.HostRid}")), Is.True, "the local tool is the native package of this platform");
        Assert.That(Directory.Exists(Path.Combine(cache, "copilot.tool.any")), Is.False, "the fallback was not fetched");
    }

    // The fallback's assemblies of this name in its installed package, without the platform-specific copies under runtimes/.
    private string[] FallbackAssemblies(string name) =>
        Directory.GetFiles(Path.Combine(_fallback.Root, "tools"), name, SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}runtimes{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();

    // A ReadyToRun image points its CLI header's ManagedNativeHeader at the READYTORUN_HEADER; an IL-only assembly has none.
    private static Guid Mvid(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        using (var source = entry.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }

    private static bool IsReadyToRun(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        using (var source = entry.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }
}
