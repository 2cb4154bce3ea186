using System.Xml.Linq;
using Copilot.Testing.Moto;
using Copilot.Testing.Tools;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// <c>deploy</c> through the real host against moto (patched by <c>test/moto/moto_harness.py</c> for change-set
/// execution: imports, per-resource events, refreshed parameters, failure as a rollback), with the recording docker:
/// host → deployer → packager and uploads → template upload → change set → events.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DeployToolTests : DeployableMotoFixture
{
    internal const string FailingJob = "failing-job";
    internal const string DetachedJob = "detached-job";
    internal const string RecordsJob = "records-job";
    private const string OversizedJob = "oversized-job";
    private const string Stack = "my-app-test-report-generator";

    private protected override IReadOnlyList<string> JobRepositories => [AwsWorkspace.Job, FailingJob, DetachedJob, RecordsJob, OversizedJob];

    // A server of its own: it deploys the example job's stack, which other fixtures compare with.
    private protected override bool OwnServer => true;

    [Test]
    public async Task First_deploy_creates_the_stack_a_second_says_no_changes_and_a_manifest_change_updates_it()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        var toolbox = new FakeToolbox(workspace.File(".tools"));

        var first = await DeployAsync(workspace, toolbox, "-n", AwsWorkspace.Job, "-e", "test", "--resource-tags", "team=reports,copilot-service=mine");

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var stack = await DescribeAsync(Stack);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Value(stack, "StackStatus"), Is.EqualTo("CREATE_COMPLETE"));
            Assert.That(Value(stack, "RoleARN"), Is.EqualTo(CopilotWorld.ExecutionRoleArn), "created as the environment's execution role");
            Assert.That(Pairs(stack, "Tags", "Key", "Value"), Is.EqualTo(new Dictionary<string, string>
            {
                ["copilot-application"] = "my-app",
                ["copilot-environment"] = "test",
                ["copilot-service"] = AwsWorkspace.Job,
                ["cost-center"] = "42",
                ["owner"] = "team-a",
                ["team"] = "reports",
            }), "app tags, --resource-tags over them, copilot's own over both");
            var parameters = Pairs(stack, "Parameters", "ParameterKey", "ParameterValue");
            Assert.That(parameters["ContainerImage"], Is.EqualTo($"123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/{AwsWorkspace.Job}@{FakeToolbox.Digest}"));
            Assert.That(parameters["TaskCPU"], Is.EqualTo("512"));
            Assert.That(parameters["WorkloadName"], Is.EqualTo(AwsWorkspace.Job));
            Assert.That(first.Stderr, Does.Contain($"Proposing infrastructure changes for stack {Stack}"));
            Assert.That(first.Stderr, Does.Match(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  create complete +TaskDefinition: An ECS task definition"), "plain progress lines, one per resource state change");
            Assert.That(first.Stderr, Does.Contain($"✔ Deployed job {AwsWorkspace.Job} to environment test (stack {Stack}: CREATE_COMPLETE)."));
            Assert.That(first.Stdout, Is.Empty);
        }

        var second = await DeployAsync(workspace, toolbox, "-n", AwsWorkspace.Job, "-e", "test", "--resource-tags", "team=reports");

        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(second.Stderr, Does.Contain("No changes.\n"));
        Assert.That(second.Stderr, Does.Not.Contain("Deployed job"));

        var manifest = workspace.File($"copilot/{AwsWorkspace.Job}/manifest.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("memory: 1024", "memory: 2048", StringComparison.Ordinal));
        var third = await DeployAsync(workspace, toolbox, "-n", AwsWorkspace.Job, "-e", "test", "--no-rollback");

        Assert.That(third.ExitCode, Is.Zero, third.ToString());
        stack = await DescribeAsync(Stack);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Value(stack, "StackStatus"), Is.EqualTo("UPDATE_COMPLETE"));
            Assert.That(Pairs(stack, "Parameters", "ParameterKey", "ParameterValue")["TaskMemory"], Is.EqualTo("2048"));
            Assert.That(Value(stack, "DisableRollback"), Is.EqualTo("true"), "--no-rollback reaches ExecuteChangeSet");
            Assert.That(third.Stderr, Does.Contain($"✔ Deployed job {AwsWorkspace.Job} to environment test (stack {Stack}: UPDATE_COMPLETE)."));
            Assert.That(third.Stderr, Does.Contain("update complete"));
        }
    }

    [Test]
    public async Task A_template_the_deploy_fails_on_ends_with_exit_1_the_reason_and_the_final_status()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        AwsWorkspace.AddJob(workspace, FailingJob);
        workspace.Write($"copilot/{FailingJob}/overrides/cfn.patches.yml", """
            - op: add
              path: /Resources/LogGroup/Properties/RetentionInDays
              value: !GetAtt NoSuchResource.Arn
            """);
        var toolbox = new FakeToolbox(workspace.File(".tools"));

        var run = await DeployAsync(workspace, toolbox, "-n", FailingJob, "-e", "test");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stderr, Does.Contain($"✘ stack my-app-test-{FailingJob} did not complete successfully and exited with status ROLLBACK_COMPLETE:"));
            Assert.That(run.Stderr, Does.Contain("NoSuchResource"), "the reason CloudFormation gave");
            Assert.That(await StatusAsync($"my-app-test-{FailingJob}"), Is.EqualTo("ROLLBACK_COMPLETE"));
        }

        // The next deploy of the fixed job deletes the failed stack and creates it again.
        Directory.Delete(workspace.File($"copilot/{FailingJob}/overrides"), recursive: true);
        var again = await DeployAsync(workspace, toolbox, "-n", FailingJob, "-e", "test");

        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Stderr, Does.Contain($"Stack my-app-test-{FailingJob} is in ROLLBACK_COMPLETE after a failed creation: deleting it so that it can be created again."));
        Assert.That(await StatusAsync($"my-app-test-{FailingJob}"), Is.EqualTo("CREATE_COMPLETE"));
    }

    [Test]
    public async Task Detach_starts_the_deployment_and_returns_with_how_to_follow_it()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        AwsWorkspace.AddJob(workspace, DetachedJob);
        var toolbox = new FakeToolbox(workspace.File(".tools"));

        var run = await DeployAsync(workspace, toolbox, "-n", DetachedJob, "-e", "test", "--detach");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stderr, Does.Contain($"Deploying stack my-app-test-{DetachedJob} in the background. Follow it with `aws cloudformation describe-stack-events --stack-name my-app-test-{DetachedJob} --region us-west-2`"));
            Assert.That(run.Stderr, Does.Not.Contain("create complete"), "no progress is watched");
            Assert.That(await StatusAsync($"my-app-test-{DetachedJob}"), Is.EqualTo("CREATE_COMPLETE"));
        }
    }

    [Test]
    public async Task From_a_records_file_diff_without_a_terminal_refuses_before_doing_anything_and_with_yes_deploys()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        AwsWorkspace.AddJob(workspace, RecordsJob);
        var toolbox = new FakeToolbox(workspace.File(".tools"));
        var export = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "records", "export", "-e", "test");
        Assert.That(export.ExitCode, Is.Zero, export.ToString());

        var refused = await DeployAsync(workspace, toolbox, "-n", RecordsJob, "-e", "test", "--diff");

        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString());
        Assert.That(refused.Stderr, Does.Contain("✘ --diff asks before deploying, and there is no terminal to answer on"));
        Assert.That(toolbox.Calls, Is.Empty, "nothing was built");

        var run = await DeployAsync(workspace, toolbox, "-n", RecordsJob, "-e", "test", "--diff", "--yes");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stderr, Does.Contain("Using records for environment test from copilot/.records.yml."));
        Assert.That(run.Stdout, Does.Contain("TaskDefinition"), "the diff is on stdout");
        Assert.That(await StatusAsync($"my-app-test-{RecordsJob}"), Is.EqualTo("CREATE_COMPLETE"));
    }

    [Test]
    public async Task A_job_over_the_ecs_container_limit_is_refused_before_any_change_set()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        var toolbox = new FakeToolbox(workspace.File(".tools"));
        AwsWorkspace.AddJob(workspace, OversizedJob);
        var sidecars = new System.Text.StringBuilder("sidecars:\n");
        for (var i = 0; i < 10; i++)
        {
            sidecars.Append(FormattableString.Invariant($"  side{i}:\n    image: public.ecr.aws/nginx/nginx:latest\n"));
        }

        File.AppendAllText(workspace.File($"copilot/{OversizedJob}/manifest.yml"), sidecars.ToString());

        var run = await DeployAsync(workspace, toolbox, "-n", OversizedJob, "-e", "test");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Stderr, Does.Contain("the task definition would have 11 containers (the job, its sidecars and the log router); ECS accepts at most 10"));
            Assert.That(run.Stderr, Does.Not.Contain("Proposing infrastructure changes"), "no change set is made");
        }
    }

    private Task<ToolRun> DeployAsync(Workspace workspace, FakeToolbox toolbox, params string[] args)
    {
        var variables = AwsWorkspace.Variables(Server);
        variables["PATH"] = toolbox.SearchPath;
        variables["HOME"] = Directory.CreateDirectory(workspace.File(".home")).FullName;
        return InProcessTool.RunAsync(workspace.Path, variables, string.Empty, false, ["deploy", .. args]);
    }

    private async Task<XElement> DescribeAsync(string name)
    {
        using var context = Server.CreateContext(CopilotWorld.Region);
        var result = await context.QueryClient("CloudFormation", "cloudformation", CopilotWorld.Region, null, "2010-05-15")
            .CallAsync("DescribeStacks", [new("StackName", name)], CancellationToken.None);
        return result.Descendants().First(e => e.Name.LocalName == "member");
    }

    private async Task<string> StatusAsync(string name) => Value(await DescribeAsync(name), "StackStatus");

    private static string Value(XElement stack, string name) => stack.Elements().First(e => e.Name.LocalName == name).Value;

    private static Dictionary<string, string> Pairs(XElement stack, string list, string key, string value) =>
        stack.Elements().First(e => e.Name.LocalName == list).Elements()
            .ToDictionary(m => m.Elements().First(e => e.Name.LocalName == key).Value, m => m.Elements().FirstOrDefault(e => e.Name.LocalName == value)?.Value ?? string.Empty);
}
