using Copilot.Testing;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Release;

/// <summary>
/// build/Changelog.targets: the CHANGELOG section that becomes the packages' release notes and the GitHub release body,
/// run through build/changelog-section.sh (which the release workflow calls) and through the MSBuild target itself.
/// </summary>
[Category(TestCategories.Process)]
public class ChangelogSectionTests
{
    private const string Changelog = """
        # Changelog

        Intro text.

        ## [Unreleased]

        ### Added
        - Semicolons; percent signs 50%; $(NotAProperty), @(NotAnItem) and a back\slash stay as written.

        ## [1.2.3] - 2026-12-01

        ### Fixed
        - One of our own bugs.

        ## [1.2.2]

        ### Added
        - The first release.

        [Unreleased]: https://github.com/copilot-job/copilot-job/compare/v1.2.3...HEAD
        [1.2.3]: https://github.com/copilot-job/copilot-job/compare/v1.2.2...v1.2.3
        """;

    private string _directory = null!;
    private string _changelog = null!;

    [SetUp]
    public void WriteChangelog()
    {
        _directory = Path.Combine(Path.GetTempPath(), "copilot-job-changelog", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _changelog = Path.Combine(_directory, "CHANGELOG.md");
        File.WriteAllText(_changelog, Changelog.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }

    [TearDown]
    public void DeleteChangelog() => Directory.Delete(_directory, recursive: true);

    [TestCase("1.2.3", "### Fixed\n- One of our own bugs.")]
    [TestCase("1.2.2", "### Added\n- The first release.")]
    [TestCase("0.1.0-alpha.0.95", "### Added\n- Semicolons; percent signs 50%; $(NotAProperty), @(NotAnItem) and a back\\slash stay as written.")]
    [TestCase("1.2.4-rc.1", "### Added\n- Semicolons; percent signs 50%; $(NotAProperty), @(NotAnItem) and a back\\slash stay as written.")]
    public void A_release_takes_its_own_section_and_a_pre_release_the_unreleased_one(string version, string expected)
    {
        var run = Section(version);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout.Trim(), Is.EqualTo(expected));
    }

    [Test]
    public void A_release_without_a_section_is_an_error()
    {
        var run = Section("1.3.0");

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Stdout + run.Stderr, Does.Contain("no (or an empty) section '## [1.3.0]'"));
    }

    [Test]
    public void The_script_prints_the_section_of_a_tag_from_the_repository_changelog()
    {
        var script = ProcessRunner.Run(Path.Combine(RepositoryPaths.Root, "build", "changelog-section.sh"), RepositoryPaths.Root, null, "v0.1.0-alpha.0.1");

        Assert.That(script.ExitCode, Is.Zero, script.ToString());
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "CHANGELOG.md"));
        var start = Array.IndexOf(lines, "## [Unreleased]");
        var section = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## [", StringComparison.Ordinal));
        Assert.That(script.Stdout.Trim(), Is.EqualTo(string.Join('\n', section).Trim()).And.Contains("### Added"));
    }

    private ToolRun Section(string version) => ProcessRunner.Run(
        "dotnet", RepositoryPaths.Root, null,
        "msbuild", Path.Combine("build", "Changelog.targets"), "-nologo", "-t:GetChangelogSection", "-getProperty:ChangelogSection",
        $"-p:ChangelogVersion={version}", $"-p:ChangelogPath={_changelog}");
}
