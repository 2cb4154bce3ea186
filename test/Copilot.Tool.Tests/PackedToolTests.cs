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
    public void Version_names_the_packed_version()
    {
        var run = _tool.Run(_workspace.Path, "--version");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout.Trim(), Is.EqualTo($"copilot-job version: {_tool.Version}"));
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
        var nuget = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_tool.Root, "nuget") };
        var manifest = ProcessRunner.Run("dotnet", _workspace.Path, nuget, "new", "tool-manifest");
        Assert.That(manifest.ExitCode, Is.Zero, manifest.ToString());
        var install = ProcessRunner.Run("dotnet", _workspace.Path, nuget, "tool", "install", "--local", "Copilot.Tool", "--version", _tool.Version, "--add-source", _tool.Feed);
        Assert.That(install.ExitCode, Is.Zero, install.ToString());

        var run = ProcessRunner.Run("dotnet", _workspace.Path, nuget, "copilot-job", "package", "-n", "report-generator", "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.StartWith("AWSTemplateFormatVersion"));
    }
}
