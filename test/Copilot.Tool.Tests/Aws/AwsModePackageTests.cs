using Copilot.Testing.Moto;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary><c>package</c> through the real host with records read from moto's SSM and CloudFormation.</summary>
[TestFixture]
public sealed class AwsModePackageTests : DeployableMotoFixture
{
    [Test]
    public async Task Without_a_records_file_the_job_is_packaged_from_ssm_and_cloudformation()
    {
        using var workspace = AwsWorkspace.WithoutRecords();

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stderr, Does.Contain("Using records for environment test from SSM Parameter Store in us-west-2."));
            Assert.That(run.Stdout, Does.Contain($"S3Bucket: {DeployableWorld.Bucket}"), "the bucket comes from the StackSet instance in moto");
            Assert.That(run.Stdout, Does.Contain("EnvVersion: v1.42.0"), "the version comes from the env stack's Metadata");
            Assert.That(File.Exists(workspace.File("copilot/.records.yml")), Is.False, "package never writes records");
        }
    }

    [Test]
    public async Task Packaging_from_an_exported_records_file_gives_the_same_bytes_as_packaging_from_aws()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        var aws = AwsWorkspace.Variables(Server);

        var fromAws = await InProcessTool.RunAsync(workspace.Path, aws, string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--output-dir", "from-aws");
        var export = await InProcessTool.RunAsync(workspace.Path, aws, string.Empty, false, "records", "export", "-e", "test");
        var fromFile = await InProcessTool.RunAsync(workspace.Path, "package", "-n", AwsWorkspace.Job, "-e", "test", "--output-dir", "from-file");

        Assert.That(fromAws.ExitCode, Is.Zero, fromAws.ToString());
        Assert.That(export.ExitCode, Is.Zero, export.ToString());
        Assert.That(fromFile.ExitCode, Is.Zero, fromFile.ToString());
        Assert.That(fromFile.Stderr, Does.Contain("Using records for environment test from copilot/.records.yml."));
        var files = AwsWorkspace.FilesUnder(workspace.File("from-aws"));
        Assert.That(files, Is.EqualTo(new[] { "report-generator-test.params.yml", "report-generator-test.stack.yml" }));
        Assert.That(AwsWorkspace.FilesUnder(workspace.File("from-file")), Is.EqualTo(files));
        foreach (var file in files)
        {
            Assert.That(
                File.ReadAllBytes(workspace.File($"from-file/{file}")),
                Is.EqualTo(File.ReadAllBytes(workspace.File($"from-aws/{file}"))),
                file);
        }
    }

    [Test]
    public async Task A_missing_environment_parameter_is_one_clear_error_and_writes_nothing()
    {
        using var workspace = AwsWorkspace.WithoutRecords();

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "staging", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                run.Stderr,
                Does.Contain("✘ couldn't find environment staging in the application my-app in account 123456789012 and region us-west-2 (SSM parameter /copilot/applications/my-app/environments/staging)"));
            Assert.That(run.Stderr.Split('\n').Count(l => l.StartsWith('✘')), Is.EqualTo(1), "one error line");
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(Directory.Exists(workspace.File("out")), Is.False);
        }
    }

    [Test]
    public async Task An_environment_in_neither_the_records_file_nor_aws_is_one_error_with_both_facts()
    {
        using var workspace = Workspace.CopyOfExample();

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "staging", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                run.Stderr,
                Does.Contain("✘ environment 'staging' is not in copilot/.records.yml (it has: prod, test), and looking it up in AWS failed: "
                    + "couldn't find environment staging in the application my-app in account 123456789012 and region us-west-2"));
            Assert.That(run.Stderr.Split('\n').Count(l => l.StartsWith('✘')), Is.EqualTo(1), "one error line");
            Assert.That(run.Stderr, Does.Contain("Use one of the environments it has (-e prod or -e test)."));
            Assert.That(Directory.Exists(workspace.File("out")), Is.False);
        }
    }

    [Test]
    public async Task An_environment_missing_from_the_records_file_is_read_from_aws_when_aws_is_configured()
    {
        using var workspace = Workspace.CopyOfExample();
        var records = File.ReadAllText(workspace.File("copilot/.records.yml"));
        File.WriteAllText(workspace.File("copilot/.records.yml"), records[..records.IndexOf("  test:", StringComparison.Ordinal)] + records[records.IndexOf("  prod:", StringComparison.Ordinal)..]);

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stderr, Does.Contain("environment 'test' is not in copilot/.records.yml (it has: prod); reading it from SSM Parameter Store in us-west-2.\n"
            + "Using records for environment test from SSM Parameter Store in us-west-2."));
    }

    [Test]
    public async Task A_missing_application_parameter_names_the_application_account_and_region()
    {
        using var workspace = AwsWorkspace.WithoutRecords();

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "-a", "other-app", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("couldn't find").And.Contain("other-app").And.Contain("123456789012").And.Contain("us-west-2"));
        Assert.That(Directory.Exists(workspace.File("out")), Is.False);
    }

    [Test]
    public async Task A_stack_deployed_by_a_newer_version_blocks_packaging_with_copilots_advice()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        AwsWorkspace.AddJob(workspace, "newer");
        await World.Basic.CreateStackAsync("my-app-test-newer", DeployedTemplate("Metadata:\n  Version: v9.0.0\n"), new Dictionary<string, string>());

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", "newer", "-e", "test", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stderr, Does.Contain("✘ cannot downgrade workload \"newer\" (currently in version v9.0.0) to version v1.35.0"));
            Assert.That(run.Stderr, Does.Contain("run with `--allow-downgrade` to override"));
            Assert.That(Directory.Exists(workspace.File("out")), Is.False);
        }

        var allowed = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", "newer", "-e", "test", "--output-dir", "out", "--allow-downgrade");

        Assert.That(allowed.ExitCode, Is.Zero, allowed.ToString());
        Assert.That(AwsWorkspace.FilesUnder(workspace.File("out")), Has.Count.EqualTo(2));
    }

    [TestCase("unversioned", "")]
    [TestCase("nonsemver", "Metadata:\n  Version: latest\n")]
    [TestCase("older", "Metadata:\n  Version: v1.29.0\n")]
    public async Task A_stack_with_no_newer_semver_version_does_not_block(string job, string metadata)
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        AwsWorkspace.AddJob(workspace, job);
        await World.Basic.CreateStackAsync($"my-app-test-{job}", DeployedTemplate(metadata), new Dictionary<string, string>());

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", job, "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.Contain("AWSTemplateFormatVersion"));
    }

    private static string DeployedTemplate(string metadata) =>
        "AWSTemplateFormatVersion: '2010-09-09'\n" + metadata + "Resources:\n  LogGroup:\n    Type: AWS::Logs::LogGroup\n";
}
