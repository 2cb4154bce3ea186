using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// <c>package --diff</c> through the real host against stacks really created in moto from the tool's own output
/// (template, parameters and tags), as <c>copilot deploy</c> would create them.
/// </summary>
[TestFixture]
public sealed class DiffAgainstMotoTests : DeployableMotoFixture
{
    private Workspace _workspace = null!;

    [OneTimeSetUp]
    public async Task DeployTheExampleJob()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        await DeployAsync(workspace, AwsWorkspace.Job);
    }

    [SetUp]
    public void CopyWorkspace() => _workspace = AwsWorkspace.WithoutRecords();

    [TearDown]
    public void DeleteWorkspace() => _workspace.Dispose();

    [Test]
    public async Task The_deployed_output_compares_equal_with_exit_0()
    {
        var run = await DiffAsync(AwsWorkspace.Job);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Is.EqualTo("No changes.\n"));
        Assert.That(run.Stderr, Does.Not.Contain("did not upload"), "--diff deploys nothing, so it lists no objects to upload");
    }

    [Test]
    public async Task A_changed_manifest_shows_the_changes_with_exit_1()
    {
        var manifest = _workspace.File($"copilot/{AwsWorkspace.Job}/manifest.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest)
            .Replace("cpu: 512\nmemory: 1024\n", "cpu: 1024\nmemory: 2048\n", StringComparison.Ordinal)
            .Replace("  LOG_LEVEL: info\n", "  LOG_LEVEL: debug\n", StringComparison.Ordinal));

        var run = await DiffAsync(AwsWorkspace.Job);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Is.EqualTo(ExpectedChangedManifestDiff), run.ToString());
    }

    [Test]
    public async Task A_stack_that_does_not_exist_is_all_additions_with_exit_1()
    {
        AwsWorkspace.AddJob(_workspace, "fresh");

        var run = await DiffAsync("fresh");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("Stack my-app-test-fresh does not exist yet: everything is new."));
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.GreaterThan(10));
        Assert.That(lines.Where(l => !l.TrimStart().StartsWith("+ ", StringComparison.Ordinal)), Is.EqualTo(new[] { "Parameter values:", "Tags:" }), run.Stdout);
        Assert.That(run.Stdout, Does.Contain("    + TaskCPU: 512\n").And.Contain("    + copilot-service: fresh\n"));
    }

    [Test]
    public async Task A_job_with_managed_efs_storage_deploys_in_moto_and_then_compares_equal()
    {
        AwsWorkspace.AddJob(_workspace, "with-efs");
        var manifest = _workspace.File("copilot/with-efs/manifest.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest) + "storage:\n  volumes:\n    reports:\n      path: /var/reports\n      efs: true\n");

        await DeployAsync(_workspace, "with-efs");
        var run = await DiffAsync("with-efs");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Is.EqualTo("No changes.\n"));
    }

    [Test]
    public async Task Diff_with_output_dir_is_refused_naming_both_flags_and_writes_nothing()
    {
        var run = await InProcessTool.RunAsync(
            _workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--diff", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("--diff").And.Contain("--output-dir"));
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(Directory.Exists(_workspace.File("out")), Is.False);
    }

    private const string ExpectedChangedManifestDiff = """
        ~ Resources/TaskDefinition/Properties/ContainerDefinitions:
            ~ - (changed item)
              ~ Environment:
                  (4 unchanged items)
                  ~ - (changed item)
                    ~ Value: info -> debug
                  (1 unchanged item)
        Parameter values:
            ~ TaskCPU: 512 -> 1024
            ~ TaskMemory: 1024 -> 2048

        """;

    private Task<ToolRun> DiffAsync(string job) =>
        InProcessTool.RunAsync(_workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", job, "-e", "test", "--diff");

    /// <summary>Packages <paramref name="job"/> from AWS and creates its stack from that output, as copilot deploy would.</summary>
    private async Task DeployAsync(Workspace workspace, string job)
    {
        var stackName = await DeployFromPackageAsync(workspace, job);

        Assert.That(await World.StackStatusAsync(stackName), Is.EqualTo("CREATE_COMPLETE"), $"moto created {stackName} from the tool's own output");
    }
}
