using System.Text.RegularExpressions;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary><c>records export</c> through the real host, reading from moto.</summary>
[TestFixture]
public sealed partial class RecordsExportCommandTests : DeployableMotoFixture
{
    [Test]
    public async Task Writes_the_records_file_with_a_header_saying_how_it_was_made()
    {
        using var workspace = AwsWorkspace.WithoutRecords();

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "records", "export", "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stderr, Does.Contain("Wrote copilot/.records.yml: environment test of application my-app and its resources in us-west-2."));
        var text = File.ReadAllText(workspace.File("copilot/.records.yml"));
        Assert.That(KmsKeyId().Replace(text, "<key>"), Is.EqualTo("""
            # What copilot keeps in SSM Parameter Store and its CloudFormation stacks, kept here so that
            # `dotnet copilot-job package` needs no AWS account. Written by `dotnet copilot-job records export`;
            # run `dotnet copilot-job records export -e <env>` again to refresh an environment (others are kept).

            application:
              name: my-app
              account: '123456789012'
              permissionsBoundary: my-boundary
              tags:
                owner: team-a
                cost-center: '42'
              regions:
                us-west-2:
                  bucket: my-app-artifacts-us-west-2
                  kmsKeyARN: arn:aws:kms:us-west-2:123456789012:key/<key>
                  repositories:
                    nightly-report: 123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/nightly-report
                    report-generator: 123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/report-generator
                    report-job: 123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/report-job
            environments:
              test:
                region: us-west-2
                accountID: '123456789012'
                managerRoleARN: arn:aws:iam::123456789012:role/my-app-test-EnvManagerRole
                executionRoleARN: arn:aws:iam::123456789012:role/my-app-test-CFNExecutionRole
                version: v1.42.0
                serviceDiscoveryEndpoint: test.my-app.local
                features: [ALBWorkloads, EFSWorkloads, NATWorkloads]

            """));
    }

    [Test]
    public async Task Updating_keeps_the_other_environments_and_regions_of_the_file()
    {
        using var workspace = Workspace.CopyOfExample();
        var original = File.ReadAllText(workspace.File("copilot/.records.yml"));
        workspace.Write("copilot/.records.yml", original.Replace("environments:\n", """
                eu-west-1:
                  bucket: my-app-eu-bucket
                  kmsKeyARN: arn:aws:kms:eu-west-1:123456789123:key/eu
              notes: kept as written
            environments:

            """, StringComparison.Ordinal));

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "records", "export", "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stderr, Does.Contain("Updated copilot/.records.yml"));
        var text = File.ReadAllText(workspace.File("copilot/.records.yml"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("""
                  prod:
                    region: us-west-2
                    accountID: "123456789123"
                    managerRoleARN: arn:aws:iam::123456789123:role/my-app-prod-EnvManagerRole
                """), "prod is kept as it was");
            Assert.That(text, Does.Contain("""
                    eu-west-1:
                      bucket: my-app-eu-bucket
                """), "the other region is kept");
            Assert.That(text, Does.Contain("      bucket: my-app-artifacts-us-west-2\n"), "the env's region is replaced");
            Assert.That(text, Does.Contain("  notes: kept as written\n"), "keys the tool does not read are kept");
            Assert.That(text, Does.Contain("  test:\n    region: us-west-2\n    accountID: '123456789012'\n"), "test is replaced from AWS");
            Assert.That(text.IndexOf("  test:", StringComparison.Ordinal), Is.LessThan(text.IndexOf("  prod:", StringComparison.Ordinal)), "entries keep their place");
            Assert.That(text, Does.Not.Contain("report-generator: 123456789123.dkr.ecr"), "the region's old repositories are replaced with AWS's");
        }

        var prod = await InProcessTool.RunAsync(workspace.Path, "package", "-n", AwsWorkspace.Job, "-e", "prod");
        Assert.That(prod.ExitCode, Is.Zero, "the updated file still packages other environments offline: " + prod);

        // Exported again with nothing changed in AWS: the file is not rewritten, and the message says so.
        var past = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(workspace.File("copilot/.records.yml"), past);
        var again = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "records", "export", "-e", "test");
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Stderr, Does.Contain("copilot/.records.yml already held environment test of application my-app and its resources in us-west-2 as AWS has them: left unchanged."));
        Assert.That(File.ReadAllText(workspace.File("copilot/.records.yml")), Is.EqualTo(text));
        Assert.That(File.GetLastWriteTimeUtc(workspace.File("copilot/.records.yml")), Is.EqualTo(past));
    }

    [Test]
    public async Task A_file_of_another_application_is_refused_and_left_alone()
    {
        using var workspace = Workspace.CopyOfExample();
        var original = File.ReadAllText(workspace.File("copilot/.records.yml")).Replace("  name: my-app\n", "  name: other-app\n", StringComparison.Ordinal);
        workspace.Write("copilot/.records.yml", original);

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "records", "export", "-e", "test");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("copilot/.records.yml describes application other-app, not my-app"));
        Assert.That(File.ReadAllText(workspace.File("copilot/.records.yml")), Is.EqualTo(original));
    }

    [Test]
    public async Task A_missing_environment_fails_and_leaves_the_file_as_it_was()
    {
        using var workspace = Workspace.CopyOfExample();
        var original = File.ReadAllBytes(workspace.File("copilot/.records.yml"));

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "records", "export", "-e", "staging");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("couldn't find environment staging in the application my-app in account 123456789012 and region us-west-2"));
        Assert.That(File.ReadAllBytes(workspace.File("copilot/.records.yml")), Is.EqualTo(original));
        Assert.That(AwsWorkspace.FilesUnder(workspace.File("copilot")).Where(f => f.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task The_only_environment_is_taken_when_none_is_named()
    {
        using var workspace = AwsWorkspace.WithoutRecords();

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "records", "export");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stderr, Does.Contain("Found only one environment, defaulting to: test"));
    }

    [Test]
    public async Task Help_lists_the_flags()
    {
        using var workspace = AwsWorkspace.WithoutRecords();

        var run = await InProcessTool.RunAsync(workspace.Path, "records", "export", "--help");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        foreach (var flag in new[] { "-e|--env", "-a|--app", "--profile", "--region" })
        {
            Assert.That(run.Stdout, Does.Contain(flag));
        }
    }

    [GeneratedRegex("(?<=:key/)[0-9a-f-]+")]
    private static partial Regex KmsKeyId();
}
