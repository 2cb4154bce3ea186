using System.IO.Abstractions.TestingHelpers;
using Copilot.Testing;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests;

/// <summary>
/// The whole host (command line, composition root, core) over an in-memory file system: the example workspace is
/// loaded into a <see cref="MockFileSystem"/>, and what the tool reads and writes stays there. Host behaviour can be
/// tested this way without a temp directory; only adapter tests need the disk, processes or moto.
/// </summary>
public sealed class InMemoryWorkspaceTests
{
    private const string Root = "/in-memory/example";
    private const string Job = "report-generator";
    private MockFileSystem fileSystem = null!;

    private static string Golden(string name) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "test", "Copilot.Packaging.Tests", "Synthesis", "Golden", name));

    [SetUp]
    public void LoadExample()
    {
        fileSystem = new MockFileSystem();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.ExampleWorkspace, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.ExampleWorkspace, file).Replace('\\', '/');
            fileSystem.AddFile($"{Root}/{relative}", new MockFileData(File.ReadAllBytes(file)));
        }
    }

    [Test]
    public async Task Package_prints_the_golden_template_from_memory_and_touches_no_disk()
    {
        var run = await RunAsync("package", "-n", Job, "-e", "test");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Stdout, Is.EqualTo(Golden("example-report-generator-test.stack.yml")));
            Assert.That(Directory.Exists(Root), Is.False, "nothing was read from or written to the disk");
        }
    }

    [Test]
    public async Task Output_dir_writes_the_golden_files_into_the_given_file_system()
    {
        var run = await RunAsync("package", "-n", Job, "-e", "prod", "--output-dir", "out");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(fileSystem.File.ReadAllText($"{Root}/out/{Job}-prod.stack.yml"), Is.EqualTo(Golden("example-report-generator-prod.stack.yml")));
            Assert.That(fileSystem.File.ReadAllText($"{Root}/out/{Job}-prod.params.yml"), Is.EqualTo(Golden("example-report-generator-prod.params.yml")));
            Assert.That(fileSystem.Directory.GetFiles($"{Root}/out"), Has.Length.EqualTo(2), "no temporaries are left");
            Assert.That(Directory.Exists(Root), Is.False);
        }
    }

    [Test]
    public async Task A_bad_schedule_in_memory_is_located_and_nothing_is_written()
    {
        var manifest = $"{Root}/copilot/{Job}/manifest.yml";
        var lines = fileSystem.File.ReadAllLines(manifest);
        var line = Array.FindIndex(lines, l => l.TrimStart().StartsWith("schedule:", StringComparison.Ordinal));
        Assert.That(line, Is.GreaterThanOrEqualTo(0), "the example has a schedule");
        lines[line] = lines[line][..lines[line].IndexOf("schedule:", StringComparison.Ordinal)] + "schedule: \"every tuesday\"";
        fileSystem.File.WriteAllLines(manifest, lines);

        var run = await RunAsync("package", "-n", Job, "-e", "test", "--output-dir", "out");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Stderr, Does.Contain($"copilot/{Job}/manifest.yml:{line + 1}:"));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(fileSystem.Directory.Exists($"{Root}/out"), Is.False);
        }
    }

    private Task<ToolRun> RunAsync(params string[] args) =>
        InProcessTool.RunAsync(fileSystem, Root, new Dictionary<string, string>(), string.Empty, false, args);
}
