using System.Diagnostics;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests;

/// <summary>Issue 13 through the command line: hostile workspace files end with exit 1, a located message and no output.</summary>
public class HostileInputToolTests
{
    private Workspace _workspace = null!;

    [SetUp]
    public void CopyExample() => _workspace = Workspace.CopyOfExample();

    [TearDown]
    public void DeleteCopy() => _workspace.Dispose();

    [Test]
    [CancelAfter(30_000)]
    public async Task A_fifo_manifest_is_exit_1_not_a_hang()
    {
        var manifest = _workspace.File("copilot/report-generator/manifest.yml");
        File.Delete(manifest);
        using (var mkfifo = Process.Start("mkfifo", [manifest]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "report-generator", "-e", "test", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("copilot/report-generator/manifest.yml:1:1: read file at \"copilot/report-generator/manifest.yml\": it is a FIFO (named pipe), not a regular file"));
        Assert.That(Directory.Exists(_workspace.File("out")), Is.False);
    }

    [Test]
    public async Task An_env_file_outside_the_workspace_is_refused_before_any_upload_and_the_opt_out_is_a_flag()
    {
        File.AppendAllText(_workspace.File("copilot/report-generator/manifest.yml"), "env_file: ../outside.env\n");

        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "report-generator", "-e", "test", "--output-dir", "out", "--upload-assets");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Match(@"copilot/report-generator/manifest\.yml:\d+:11: env_file ""\.\./outside\.env"" is outside the workspace"));
        Assert.That(run.Stderr, Does.Contain("--allow-outside-workspace"));
        Assert.That(Directory.Exists(_workspace.File("out")), Is.False);

        var help = await InProcessTool.RunAsync(_workspace.Path, "package", "--help");
        Assert.That(help.Stdout, Does.Contain("--allow-outside-workspace"));
    }

    [Test]
    public async Task An_empty_output_dir_is_refused()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "report-generator", "-e", "test", "--output-dir", "");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("--output-dir is empty"));
        Assert.That(Directory.GetFiles(_workspace.Path, "*.stack.yml", SearchOption.AllDirectories), Is.Empty);
    }
}
