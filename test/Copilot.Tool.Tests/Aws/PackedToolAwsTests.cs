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
}
