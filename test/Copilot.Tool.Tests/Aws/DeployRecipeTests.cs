using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Copilot.Packaging.Synthesis.EnvController;
using Copilot.Testing.Moto;
using Copilot.Testing.Tools;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// The README's deploy recipe (the bash block after <c>&lt;!-- deploy-recipe --&gt;</c>), run as it stands with bash,
/// the installed AWS CLI and jq against moto: the tool this build made (as <c>dotnet copilot-job</c>) packages with
/// <c>--upload-assets</c> from moto's records, and <c>aws cloudformation deploy</c> creates the stack.
/// </summary>
[TestFixture]
public sealed partial class DeployRecipeTests : DeployableMotoFixture
{
    // The example job under a name of its own, so that no other test's stack of the example job can be in the way.
    private const string Job = "nightly-report";
    private const string Stack = $"my-app-test-{Job}";
    private const string Repository = $"123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/{Job}";

    private const string AwsCliMissing =
        "The AWS CLI ('aws') is not on PATH, and the README's deploy recipe needs it. Install it: "
        + "pip install awscli (v1), or AWS CLI v2 from https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html.";

    private const string JqMissing = "jq is not on PATH, and the README's deploy recipe needs it. Install it: apt-get install jq (or brew install jq).";

    private const string BashMissing = "bash is not on PATH, and the README's deploy recipe is a bash script.";

    // The names the recipe's first line sets, in its order.
    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["APP"] = "my-app",
        ["ENVIRONMENT"] = "test",
        ["JOB"] = Job,
        ["OUT"] = "copilot-out",
    };

    private protected override IReadOnlyList<string> JobRepositories => [Job];

    [Test]
    public async Task The_readme_recipe_deploys_the_packaged_job_with_copilots_stack_name_role_parameters_and_tags()
    {
        var aws = OnPath("aws") ?? throw new AssertionException(AwsCliMissing);
        _ = OnPath("jq") ?? throw new AssertionException(JqMissing);
        var bash = OnPath("bash") ?? throw new AssertionException(BashMissing);
        using var workspace = AwsWorkspace.WithoutRecords();
        AwsWorkspace.AddJob(workspace, Job);
        var toolbox = new FakeToolbox(workspace.File(".tools"));
        var environment = Environment(workspace, toolbox);
        var script = workspace.File("deploy-recipe.sh");
        File.WriteAllText(script, Recipe(out var assignment));

        // The world seeds the env-controller code; the recipe must put it there itself.
        Cli(aws, workspace, environment, "s3api", "delete-object", "--bucket", DeployableWorld.Bucket, "--key", EnvControllerCode.S3Key);

        var clock = Stopwatch.StartNew();
        var run = ProcessRunner.Run(bash, workspace.Path, environment, "-e", "-o", "pipefail", script);
        clock.Stop();
        TestContext.Out.WriteLine($"recipe ({assignment}) ran in {clock.Elapsed.TotalSeconds:F1} s\n{run}");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var paramsFile = JsonDocument.Parse(File.ReadAllText(workspace.File($"copilot-out/{Job}-test.params.json"))).RootElement;
        var written = Pairs(paramsFile.GetProperty("Parameters"));
        var writtenTags = Pairs(paramsFile.GetProperty("Tags"));
        var stack = JsonDocument.Parse(Cli(aws, workspace, environment, "cloudformation", "describe-stacks", "--stack-name", Stack))
            .RootElement.GetProperty("Stacks")[0];
        var parameters = stack.GetProperty("Parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("ParameterKey").GetString()!, p => p.GetProperty("ParameterValue").GetString()!);
        var tags = stack.GetProperty("Tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString()!);
        TestContext.Out.WriteLine("Parameters: " + string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}")));
        TestContext.Out.WriteLine("Tags: " + string.Join(", ", tags.Select(p => $"{p.Key}={p.Value}")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stack.GetProperty("StackStatus").GetString(), Is.EqualTo("CREATE_COMPLETE"));
            Assert.That(stack.GetProperty("RoleARN").GetString(), Is.EqualTo(CopilotWorld.ExecutionRoleArn), "the environment's execution role from SSM");
            Assert.That(parameters, Is.EquivalentTo(written), "every parameter of the params file, unchanged");
            Assert.That(tags, Is.EquivalentTo(writtenTags), "every tag of the params file, unchanged");
            Assert.That(parameters["AppName"], Is.EqualTo("my-app"));
            Assert.That(parameters["EnvName"], Is.EqualTo("test"));
            Assert.That(parameters["WorkloadName"], Is.EqualTo(Job));
            Assert.That(parameters["Schedule"], Is.EqualTo("cron(30 6 ? * 2-6 *)"), "a value with spaces survives");
            Assert.That(parameters["ContainerImage"], Is.EqualTo($"{Repository}@{FakeToolbox.Digest}"), "the image --upload-assets pushed");
            Assert.That(tags["copilot-application"], Is.EqualTo("my-app"));
            Assert.That(tags["copilot-environment"], Is.EqualTo("test"));
            Assert.That(tags["copilot-service"], Is.EqualTo(Job));
            Assert.That(tags["owner"], Is.EqualTo("team-a"), "the application's tags");
            Assert.That(tags["cost-center"], Is.EqualTo("42"));
            Assert.That(toolbox.DockerCalls.Select(c => c[0]), Does.Contain("push"), string.Join("\n", toolbox.Calls));
        }

        var body = JsonDocument.Parse(Cli(aws, workspace, environment, "cloudformation", "get-template", "--stack-name", Stack))
            .RootElement.GetProperty("TemplateBody").GetString();
        var keys = Cli(aws, workspace, environment, "s3api", "list-objects-v2", "--bucket", DeployableWorld.Bucket, "--query", "Contents[].Key", "--output", "text")
            .Split((char[])['\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body, Is.EqualTo(File.ReadAllText(workspace.File($"copilot-out/{Job}-test.stack.yml"))), "the packaged template, byte for byte");
            Assert.That(keys, Does.Contain(EnvControllerCode.S3Key), "step 1 uploaded the env-controller code the template refers to");
            Assert.That(keys.Where(k => k.StartsWith($"manual/templates/{Stack}/", StringComparison.Ordinal)), Has.Exactly(1).Items, "the template went through the artifact bucket");
        }

        // Deploying the same job again is a success with nothing to change.
        clock.Restart();
        var again = ProcessRunner.Run(bash, workspace.Path, environment, "-e", "-o", "pipefail", script);
        TestContext.Out.WriteLine($"second run: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Stdout, Does.Contain($"No changes to deploy. Stack {Stack} is up to date"));

        // The workflow's pull-request steps against the deployed stack: only the image differs, because it is built
        // only when deploying.
        var summary = workspace.File("step-summary.md");
        var workflowEnvironment = new Dictionary<string, string?>(environment) { ["GITHUB_STEP_SUMMARY"] = summary };
        foreach (var (name, value) in ReadmeWorkflow.Load().Environment)
        {
            workflowEnvironment[name] = value;
        }

        foreach (var name in Names.Keys)
        {
            Assert.That(workflowEnvironment, Does.ContainKey(name), "the workflow's env sets the recipe's names");
            workflowEnvironment[name] = Names[name];
        }

        foreach (var step in ReadmeWorkflow.Load().RunSteps("diff"))
        {
            var stepRun = ProcessRunner.Run(bash, workspace.Path, workflowEnvironment, "-e", "-c", step);
            TestContext.Out.WriteLine($"workflow step:\n{step}\n{stepRun}");
            Assert.That(stepRun.ExitCode, Is.Zero, $"{step}\n{stepRun}");
        }

        var text = File.ReadAllText(summary);
        TestContext.Out.WriteLine($"step summary:\n{text}");
        var changes = text.Split('\n').Where(l => l.TrimStart().StartsWith('~') || l.TrimStart().StartsWith('+') || l.TrimStart().StartsWith('-')).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith($"Changes to {Stack}:"));
            Assert.That(changes, Has.Count.EqualTo(1), "template, other parameters and tags are as deployed");
            Assert.That(changes[0].Trim(), Is.EqualTo($"~ ContainerImage: {Repository}@{FakeToolbox.Digest} -> \"\""));
        }
    }

    [Test]
    public void The_readme_recipe_starts_with_the_names_the_user_sets()
    {
        var recipe = ReadmeBlocks.After(ReadmeBlocks.DeployRecipe);
        Assert.That(AssignmentLine().IsMatch(recipe.Split('\n')[0]), Is.True, recipe.Split('\n')[0]);
    }

    // The recipe with its first line (the names) set to the example workspace's app and environment, the job and the output directory.
    private static string Recipe(out string assignment)
    {
        var recipe = ReadmeBlocks.After(ReadmeBlocks.DeployRecipe);
        var newline = recipe.IndexOf('\n', StringComparison.Ordinal);
        if (!AssignmentLine().IsMatch(recipe[..newline]))
        {
            Assert.Fail($"the deploy recipe must start with 'APP=… ENVIRONMENT=… JOB=… OUT=…', not '{recipe[..newline]}'");
        }

        assignment = string.Join(' ', Names.Select(n => $"{n.Key}={n.Value}"));
        return assignment + recipe[newline..];
    }

    // What a CI runner pointed at moto has: the tool as `dotnet copilot-job`, recording docker and git, and AWS settings.
    // The endpoint is "localhost": moto reads a TemplateURL on any other host as <bucket>.<host> (see spec/moto.md).
    private Dictionary<string, string?> Environment(Workspace workspace, FakeToolbox toolbox)
    {
        var shims = Directory.CreateDirectory(workspace.File(".shims")).FullName;
        var tool = Path.Combine(AppContext.BaseDirectory, "dotnet-copilot-job");
        var shim = Path.Combine(shims, "dotnet-copilot-job");
        File.WriteAllText(shim, $"#!/bin/sh\nexec '{tool}' \"$@\"\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the deploy recipe is a bash script run with POSIX tools");
        }

        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var port = Server.Endpoint.Port;
        var path = string.Join(Path.PathSeparator, shims, toolbox.BinDirectory, System.Environment.GetEnvironmentVariable("PATH"));
        var home = Directory.CreateDirectory(workspace.File(".home")).FullName;
        return new Dictionary<string, string?>
        {
            ["PATH"] = path,
            ["HOME"] = home,
            ["AWS_ENDPOINT_URL"] = $"http://localhost:{port}",
            ["AWS_REGION"] = CopilotWorld.Region,
            ["AWS_DEFAULT_REGION"] = CopilotWorld.Region,
            ["AWS_ACCESS_KEY_ID"] = "testing",
            ["AWS_SECRET_ACCESS_KEY"] = "testing",
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_CONFIG_FILE"] = Path.Combine(home, "no-aws-config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "no-aws-credentials"),
            ["AWS_PAGER"] = string.Empty,
        };
    }

    private static string Cli(string aws, Workspace workspace, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        string[] full = args.Contains("--output") ? args : [.. args, "--output", "json"];
        var run = ProcessRunner.Run(aws, workspace.Path, environment, full);
        Assert.That(run.ExitCode, Is.Zero, $"aws {string.Join(' ', args)}\n{run}");
        return run.Stdout;
    }

    private static Dictionary<string, string> Pairs(JsonElement map) =>
        map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static string? OnPath(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"^APP=\S+ ENVIRONMENT=\S+ JOB=\S+ OUT=\S+$")]
    private static partial Regex AssignmentLine();
}
