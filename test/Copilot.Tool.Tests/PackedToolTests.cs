using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Copilot.Testing;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests;

/// <summary>The packed and installed tool, run as a process on the example workspace, as users run it.</summary>
[NonParallelizable]
[Category(TestCategories.PackedTool)]
[Category(TestCategories.CfnLint)]
public class PackedToolTests
{
    private PackedTool _tool = null!;
    private Workspace _workspace = null!;

    [OneTimeSetUp]
    public void PackAndInstall() => _tool = PackedTool.Install();

    [OneTimeTearDown]
    public void Uninstall() => _tool.Dispose();

    [SetUp]
    public void CopyExample() => _workspace = Workspace.CopyOfExample();

    [TearDown]
    public void DeleteCopy() => _workspace.Dispose();

    [Test]
    public void Version_names_the_packed_version_and_the_commit_it_was_built_from()
    {
        var run = _tool.Run(_workspace.Path, "--version");

        // The installed assembly's informational version (ProductVersion) is <package version>+<full commit hash>.
        var dll = Directory.GetFiles(Path.Combine(_tool.Root, "tools"), "dotnet-copilot-job.dll", SearchOption.AllDirectories).Single();
        var informational = FileVersionInfo.GetVersionInfo(dll).ProductVersion!;
        Assert.That(informational, Is.EqualTo($"{_tool.Version}+{GitHead()}"));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout.Trim(), Is.EqualTo($"copilot-job {_tool.Version} (commit {GitHead()[..7]})"));
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

    [TestCase("Copilot.Tool")]
    [TestCase("Copilot.Packaging")]
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
    public void Works_as_a_local_tool_through_dotnet()
    {
        // A throw-away NuGet cache and CLI home: the CLI remembers where a local tool of a given version was restored
        // (~/.dotnet/toolResolverCache), and an entry left by an earlier run of the same version would point into a
        // cache that is gone.
        var nuget = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(_tool.Root, "nuget"),
            ["DOTNET_CLI_HOME"] = Path.Combine(_tool.Root, "cli-home"),
        };
        var manifest = ProcessRunner.Run("dotnet", _workspace.Path, nuget, "new", "tool-manifest");
        Assert.That(manifest.ExitCode, Is.Zero, manifest.ToString());
        var install = ProcessRunner.Run("dotnet", _workspace.Path, nuget, "tool", "install", "--local", "Copilot.Tool", "--version", _tool.Version, "--add-source", _tool.Feed);
        Assert.That(install.ExitCode, Is.Zero, install.ToString());

        var run = ProcessRunner.Run("dotnet", _workspace.Path, nuget, "copilot-job", "package", "-n", "report-generator", "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.StartWith("AWSTemplateFormatVersion"));
    }
}
