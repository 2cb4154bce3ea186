using Copilot.Testing;
using Copilot.Testing.Tools;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// The installed Native AOT tool against moto: <c>package --diff</c> (the diff's source-generated JSON quoting included)
/// and <c>package --upload-assets</c> with the recording <c>docker</c>, each compared with the framework-dependent host
/// run in-process on the same kind of workspace.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.PackedTool)]
[Category(TestCategories.Process)]
public sealed class NativeToolAwsTests : DeployableMotoFixture
{
    private const string Repository = "123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/report-generator";

    private PackedTool _native = null!;

    // A server of its own: it deploys the example's stack and uploads objects other fixtures look for.
    private protected override bool OwnServer => true;

    [OneTimeSetUp]
    public void Install() => _native = PackedTool.Install();

    [OneTimeTearDown]
    public void Uninstall() => _native?.Dispose();

    [Test]
    public async Task Diff_through_the_native_tool_says_what_the_in_process_host_says()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        var environment = Environment(workspace, null);

        // Deploy the native tool's own output, as copilot deploy would.
        var package = _native.Run(workspace.Path, environment, "package", "-n", AwsWorkspace.Job, "-e", "test", "--output-dir", "deploy", "--params-format", "json");
        Assert.That(package.ExitCode, Is.Zero, package.ToString());
        await CreateStackAsync(workspace, AwsWorkspace.Job);
        var unchanged = _native.Run(workspace.Path, environment, "package", "-n", AwsWorkspace.Job, "-e", "test", "--diff");

        var manifest = workspace.File($"copilot/{AwsWorkspace.Job}/manifest.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest)
            .Replace("cpu: 512\nmemory: 1024\n", "cpu: 1024\nmemory: 2048\n", StringComparison.Ordinal)
            .Replace("  LOG_LEVEL: info\n", "  LOG_LEVEL: debug\n", StringComparison.Ordinal));
        var changed = _native.Run(workspace.Path, environment, "package", "-n", AwsWorkspace.Job, "-e", "test", "--diff");
        var changedInProcess = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--diff");

        AwsWorkspace.AddJob(workspace, "fresh");
        var fresh = _native.Run(workspace.Path, environment, "package", "-n", "fresh", "-e", "test", "--diff");
        var freshInProcess = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", "fresh", "-e", "test", "--diff");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unchanged.ExitCode, Is.Zero, unchanged.ToString());
            Assert.That(unchanged.Stdout, Is.EqualTo("No changes.\n"));
            Assert.That(changed.ExitCode, Is.EqualTo(1), changed.ToString());
            Assert.That(changed.Stdout, Does.Contain("~ TaskCPU: 512 -> 1024").And.Contain("~ Value: info -> debug"));
            Assert.That(changed.Stdout, Is.EqualTo(changedInProcess.Stdout));
            Assert.That(changed.Stderr, Is.EqualTo(changedInProcess.Stderr));
            Assert.That(fresh.ExitCode, Is.EqualTo(1), fresh.ToString());
            // An empty parameter value is quoted as a JSON string: the source-generated serializer ran.
            Assert.That(fresh.Stdout, Does.Contain("    + ContainerImage: \"\"\n"), fresh.Stdout);
            Assert.That(fresh.Stdout, Is.EqualTo(freshInProcess.Stdout));
            Assert.That(fresh.Stderr, Is.EqualTo(freshInProcess.Stderr));
        }
    }

    [Test]
    public async Task Upload_assets_through_the_native_tool_builds_pushes_uploads_and_writes_what_the_in_process_host_writes()
    {
        using var native = WorkspaceWithEnvFile();
        var nativeToolbox = new FakeToolbox(native.File(".tools"));
        using var inProcess = WorkspaceWithEnvFile();
        var inProcessToolbox = new FakeToolbox(inProcess.File(".tools"));

        var run = _native.Run(native.Path, Environment(native, nativeToolbox), "package", "-n", AwsWorkspace.Job, "-e", "test", "--upload-assets", "--output-dir", "out");
        var variables = AwsWorkspace.Variables(Server);
        variables["PATH"] = inProcessToolbox.SearchPath;
        variables["HOME"] = Directory.CreateDirectory(inProcess.File(".home")).FullName;
        var expected = await InProcessTool.RunAsync(inProcess.Path, variables, string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--upload-assets", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(expected.ExitCode, Is.Zero, expected.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(nativeToolbox.DockerCalls.Select(c => c[0]), Is.EqualTo(new[] { "info", "login", "build", "push", "inspect" }), string.Join("\n", nativeToolbox.Calls));
            Assert.That(nativeToolbox.DockerCalls.Single(c => c[0] == "push")[1], Is.EqualTo($"{Repository}:latest"));
            Assert.That(File.ReadAllText(native.File($"out/{AwsWorkspace.Job}-test.params.yml")), Does.Contain($"ContainerImage: {Repository}@{FakeToolbox.Digest}"));
            foreach (var file in new[] { $"out/{AwsWorkspace.Job}-test.stack.yml", $"out/{AwsWorkspace.Job}-test.params.yml" })
            {
                Assert.That(File.ReadAllBytes(native.File(file)), Is.EqualTo(File.ReadAllBytes(inProcess.File(file))), file);
            }
        }
    }

    // What a shell pointed at moto would have (no profile, config or credentials files), with the recording tools first
    // on PATH when given and a HOME without docker config.
    private Dictionary<string, string?> Environment(Workspace workspace, FakeToolbox? toolbox)
    {
        var environment = AwsWorkspace.Variables(Server).ToDictionary(p => p.Key, p => (string?)p.Value);
        environment["AWS_PROFILE"] = null;
        environment["AWS_CONFIG_FILE"] = workspace.File("no-aws-config");
        environment["AWS_SHARED_CREDENTIALS_FILE"] = workspace.File("no-aws-credentials");
        environment["HOME"] = Directory.CreateDirectory(workspace.File(".home")).FullName;
        if (toolbox is not null)
        {
            environment["PATH"] = toolbox.SearchPath;
        }

        return environment;
    }

    private static Workspace WorkspaceWithEnvFile()
    {
        var workspace = AwsWorkspace.WithoutRecords();
        File.AppendAllText(workspace.File($"copilot/{AwsWorkspace.Job}/manifest.yml"), "env_file: report-generator/job.env\n");
        workspace.Write("report-generator/job.env", "REPORT_FORMAT=pdf\n");
        return workspace;
    }

    private async Task CreateStackAsync(Workspace workspace, string job)
    {
        var stackName = await CreateStackFromOutputAsync(workspace, job);
        Assert.That(await World.StackStatusAsync(stackName), Is.EqualTo("CREATE_COMPLETE"), $"moto created {stackName} from the native tool's output");
    }
}
