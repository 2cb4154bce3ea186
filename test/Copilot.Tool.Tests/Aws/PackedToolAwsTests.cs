using Copilot.Testing.Tools;
using Copilot.Tool.Tests.Support;
using Copilot.Testing;

namespace Copilot.Tool.Tests.Aws;

/// <summary>The packed and installed tool, as a process whose real environment points the AWS SDK at moto.</summary>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.PackedTool)]
public sealed class PackedToolAwsTests : DeployableMotoFixture
{
    private PackedTool _tool = null!;

    private protected override IReadOnlyList<string> JobRepositories => [AwsWorkspace.Job, DeployToolTests.FailingJob, DeployToolTests.DetachedJob];

    // A server of its own: it deploys stacks through the packed tool.
    private protected override bool OwnServer => true;

    [OneTimeSetUp]
    public void PackAndInstall() => _tool = PackedTool.Install();

    [OneTimeTearDown]
    public void Uninstall() => _tool?.Dispose();

    [Test]
    public async Task The_packed_tool_packages_from_moto_exactly_as_the_in_process_host_does()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        var variables = AwsWorkspace.Variables(Server);
        var environment = variables.ToDictionary(p => p.Key, p => (string?)p.Value);
        environment["AWS_PROFILE"] = null;
        environment["AWS_CONFIG_FILE"] = workspace.File("no-aws-config");
        environment["AWS_SHARED_CREDENTIALS_FILE"] = workspace.File("no-aws-credentials");

        var packed = _tool.Run(workspace.Path, environment, "package", "-n", AwsWorkspace.Job, "-e", "test");
        var inProcess = await InProcessTool.RunAsync(workspace.Path, variables, string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test");

        Assert.That(packed.ExitCode, Is.Zero, packed.ToString());
        Assert.That(packed.Stderr, Does.Contain("Using records for environment test from SSM Parameter Store in us-west-2."));
        Assert.That(packed.Stdout, Is.EqualTo(inProcess.Stdout));
    }

    [Test]
    public void The_packed_tool_exports_records_then_packages_offline()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        var environment = AwsWorkspace.Variables(Server).ToDictionary(p => p.Key, p => (string?)p.Value);

        var export = _tool.Run(workspace.Path, environment, "records", "export", "-e", "test");
        var offline = _tool.Run(workspace.Path, new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9/" }, "package", "-n", AwsWorkspace.Job, "-e", "test");

        Assert.That(export.ExitCode, Is.Zero, export.ToString());
        Assert.That(offline.ExitCode, Is.Zero, offline.ToString());
        Assert.That(offline.Stderr, Does.Contain("Using records for environment test from copilot/.records.yml."));
    }

    [Test]
    public void The_packed_tool_deploys_creates_says_no_changes_updates_fails_with_the_reason_and_detaches()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        var toolbox = new FakeToolbox(workspace.File(".tools"));
        var environment = AwsWorkspace.Variables(Server).ToDictionary(p => p.Key, p => (string?)p.Value);
        environment["AWS_PROFILE"] = null;
        environment["AWS_CONFIG_FILE"] = workspace.File("no-aws-config");
        environment["AWS_SHARED_CREDENTIALS_FILE"] = workspace.File("no-aws-credentials");
        environment["PATH"] = toolbox.SearchPath;
        environment["HOME"] = Directory.CreateDirectory(workspace.File(".home")).FullName;
        const string stack = "my-app-test-report-generator";

        var created = _tool.Run(workspace.Path, environment, "deploy", "-n", AwsWorkspace.Job, "-e", "test");
        var unchanged = _tool.Run(workspace.Path, environment, "deploy", "-n", AwsWorkspace.Job, "-e", "test");
        var manifest = workspace.File($"copilot/{AwsWorkspace.Job}/manifest.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("memory: 1024", "memory: 2048", StringComparison.Ordinal));
        var updated = _tool.Run(workspace.Path, environment, "deploy", "-n", AwsWorkspace.Job, "-e", "test");

        AwsWorkspace.AddJob(workspace, DeployToolTests.FailingJob);
        workspace.Write($"copilot/{DeployToolTests.FailingJob}/overrides/cfn.patches.yml", """
            - op: add
              path: /Resources/LogGroup/Properties/RetentionInDays
              value: !GetAtt NoSuchResource.Arn
            """);
        var failed = _tool.Run(workspace.Path, environment, "deploy", "-n", DeployToolTests.FailingJob, "-e", "test");
        AwsWorkspace.AddJob(workspace, DeployToolTests.DetachedJob);
        var detached = _tool.Run(workspace.Path, environment, "deploy", "-n", DeployToolTests.DetachedJob, "-e", "test", "--detach");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.ExitCode, Is.Zero, created.ToString());
            Assert.That(created.Stderr, Does.Contain($"✔ Deployed job {AwsWorkspace.Job} to environment test (stack {stack}: CREATE_COMPLETE)."), created.ToString());
            Assert.That(created.Stderr, Does.Match(@"Z  create complete +TaskDefinition: "), "plain progress lines without a terminal");
            Assert.That(unchanged.ExitCode, Is.Zero, unchanged.ToString());
            Assert.That(unchanged.Stderr, Does.Contain("No changes.\n"), unchanged.ToString());
            Assert.That(updated.ExitCode, Is.Zero, updated.ToString());
            Assert.That(updated.Stderr, Does.Contain($"(stack {stack}: UPDATE_COMPLETE)."), updated.ToString());
            Assert.That(failed.ExitCode, Is.EqualTo(1), failed.ToString());
            Assert.That(failed.Stderr, Does.Contain($"✘ stack my-app-test-{DeployToolTests.FailingJob} did not complete successfully and exited with status ROLLBACK_COMPLETE:").And.Contain("NoSuchResource"), failed.ToString());
            Assert.That(detached.ExitCode, Is.Zero, detached.ToString());
            Assert.That(detached.Stderr, Does.Contain($"Deploying stack my-app-test-{DeployToolTests.DetachedJob} in the background."), detached.ToString());
        }
    }
}
