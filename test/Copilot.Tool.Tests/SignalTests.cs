using System.Diagnostics;
using Copilot.Testing;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests;

/// <summary>
/// Issue 13 (6): SIGINT and SIGTERM stop a run at any point. The built tool runs as a child process into an output
/// directory that already holds the files of an earlier run; a signal is sent after several delays. Every run ends with
/// exit 130 (SIGINT) or 143 (SIGTERM) and the earlier files byte-for-byte intact, or, when the signal came after the
/// files were renamed into place, exit 0 and the complete new set. Signals sent well before a normal run's end must cancel it.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.Process)]
public sealed class SignalTests
{
    private const string Job = "report-generator";
    private static readonly string[] Files = [$"{Job}-test.stack.yml", $"{Job}-test.params.yml"];
    private Workspace workspace = null!;

    [SetUp]
    public void CopyWorkspace() => workspace = Workspace.CopyOfExample();

    [TearDown]
    public void DeleteWorkspace() => workspace.Dispose();

    [TestCase(2, 130)]
    [TestCase(15, 143)]
    public void A_signal_at_any_point_leaves_the_previous_files_or_the_complete_new_set(int signal, int expectedExit)
    {
        var normal = TimeRun();
        Assert.That(normal.Run.ExitCode, Is.EqualTo(0), normal.Run.ToString());
        var newFiles = Files.ToDictionary(f => f, f => File.ReadAllText(workspace.File($"out/{f}")));

        foreach (var fraction in new[] { 0.05, 0.2, 0.35, 0.5, 0.8, 1.2 })
        {
            var delay = TimeSpan.FromMilliseconds(normal.Elapsed.TotalMilliseconds * fraction);
            SeedPreviousFiles();
            using var child = ChildTool.Start(workspace.Path, null, "package", "-n", Job, "-e", "test", "--output-dir", "out");
            Thread.Sleep(delay);
            child.Signal(signal);
            var run = child.Wait(TimeSpan.FromSeconds(60));

            var context = $"signal {signal} after {delay.TotalMilliseconds:F0} ms (a normal run takes {normal.Elapsed.TotalMilliseconds:F0} ms): {run}";
            Assert.That(Directory.GetFiles(workspace.File("out")).Select(Path.GetFileName), Is.EquivalentTo(Files), context + "\nno temporaries are left");
            if (run.ExitCode == 0)
            {
                Assert.That(fraction, Is.GreaterThanOrEqualTo(0.5), context + "\na signal sent early must cancel the run");
                Assert.That(Files.Select(f => File.ReadAllText(workspace.File($"out/{f}"))), Is.EqualTo(Files.Select(f => newFiles[f])), context);
            }
            else
            {
                Assert.That(run.ExitCode, Is.EqualTo(expectedExit), context);
                Assert.That(Files.Select(f => File.ReadAllText(workspace.File($"out/{f}"))), Is.All.EqualTo("previous\n"), context);
            }
        }
    }

    private void SeedPreviousFiles()
    {
        foreach (var file in Files)
        {
            File.WriteAllText(workspace.File($"out/{file}"), "previous\n");
        }
    }

    private (ToolRun Run, TimeSpan Elapsed) TimeRun()
    {
        // Warm up once (the first start of a fresh build is slower), then time a second run.
        using (var warm = ChildTool.Start(workspace.Path, null, "package", "-n", Job, "-e", "test", "--output-dir", "out"))
        {
            warm.Wait(TimeSpan.FromSeconds(120));
        }

        var watch = Stopwatch.StartNew();
        using var child = ChildTool.Start(workspace.Path, null, "package", "-n", Job, "-e", "test", "--output-dir", "out");
        var run = child.Wait(TimeSpan.FromSeconds(120));
        return (run, watch.Elapsed);
    }
}
