using Copilot.Tool.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Copilot.Tool.Tests;

/// <summary>
/// The README's GitHub Actions workflow: its structure (triggers, OIDC, tool restore, diff on pull requests, deploy on
/// main) and that its deploy step is the README's deploy recipe, which <c>DeployRecipeTests</c> runs against moto
/// (that test also runs the pull-request steps).
/// </summary>
[TestFixture]
public sealed class ReadmeDeployWorkflowTests
{
    private static readonly ReadmeWorkflow Workflow = ReadmeWorkflow.Load();

    [Test]
    public void It_runs_on_pull_requests_and_on_pushes_to_main_with_an_oidc_token()
    {
        var on = ReadmeWorkflow.Mapping(Workflow.Root, "on");
        var push = ReadmeWorkflow.Mapping(on, "push");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(on.Children.ContainsKey(new YamlScalarNode("pull_request")), Is.True);
            Assert.That(((YamlSequenceNode)push.Children[new YamlScalarNode("branches")]).Children.Select(b => ((YamlScalarNode)b).Value), Is.EqualTo(new[] { "main" }));
            Assert.That(ReadmeWorkflow.Value(ReadmeWorkflow.Mapping(Workflow.Root, "permissions"), "id-token"), Is.EqualTo("write"));
            Assert.That(ReadmeWorkflow.Value(Workflow.Job("diff"), "if"), Is.EqualTo("github.event_name == 'pull_request'"));
            Assert.That(ReadmeWorkflow.Value(Workflow.Job("deploy"), "if"), Is.EqualTo("github.event_name == 'push'"));
        }
    }

    [TestCase("diff")]
    [TestCase("deploy")]
    public void Each_job_assumes_a_role_by_oidc_and_restores_the_tool_before_using_it(string job)
    {
        var steps = Workflow.Steps(job);
        var uses = steps.Select(s => ReadmeWorkflow.Value(s, "uses") ?? string.Empty).ToList();
        var runs = steps.Select(s => ReadmeWorkflow.Value(s, "run") ?? string.Empty).ToList();
        var credentials = uses.FindIndex(u => u.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal));
        var restore = runs.IndexOf("dotnet tool restore");
        var firstUse = runs.FindIndex(r => r.Contains("dotnet copilot-job", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(uses[0], Does.StartWith("actions/checkout@"));
            Assert.That(uses, Has.Some.StartsWith("actions/setup-dotnet@"));
            Assert.That(credentials, Is.GreaterThanOrEqualTo(0), "configure-aws-credentials");
            Assert.That(restore, Is.GreaterThan(credentials), "dotnet tool restore");
            Assert.That(firstUse, Is.GreaterThan(restore), "the tool is used after it is restored");
        }

        var with = ReadmeWorkflow.Mapping(steps[credentials], "with");
        Assert.That(ReadmeWorkflow.Value(with, "role-to-assume"), Does.Match("^arn:aws:iam::[0-9]{12}:role/.+"));
        Assert.That(ReadmeWorkflow.Value(with, "aws-region"), Is.Not.Empty);
    }

    [Test]
    public void On_pull_requests_it_packages_then_diffs_and_tells_the_three_outcomes_apart()
    {
        var runs = Workflow.RunSteps("diff").ToList();
        var diff = runs.Single(r => r.Contains("--diff", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs.IndexOf(diff), Is.GreaterThan(runs.FindIndex(r => r.StartsWith("dotnet copilot-job package ", StringComparison.Ordinal))), "a plain package first, so user errors (exit 1) fail the job");
            Assert.That(diff, Does.Contain("0)").And.Contain("1)").And.Contain("2)").And.Contain("*) exit \"$code\""));
        }
    }

    [Test]
    public void The_deploy_step_is_the_readme_recipe_with_the_names_from_the_workflow_env()
    {
        var recipe = ReadmeBlocks.After(ReadmeBlocks.DeployRecipe);
        var names = recipe[..recipe.IndexOf('\n', StringComparison.Ordinal)].Split(' ').Select(a => a.Split('=')[0]);
        var body = recipe[(recipe.IndexOf('\n', StringComparison.Ordinal) + 1)..].TrimStart('\n');
        var step = Workflow.Steps("deploy").Single(s => ReadmeWorkflow.Value(s, "run") is { } run && run.Contains("cloudformation deploy", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadmeWorkflow.Value(step, "run"), Is.EqualTo(body));
            Assert.That(ReadmeWorkflow.Value(step, "shell"), Is.EqualTo("bash"), "GitHub's bash shell adds -e and pipefail");
            Assert.That(Workflow.Environment.Keys, Is.SupersetOf(names));
        }
    }

    [Test]
    public void Every_script_is_valid_bash()
    {
        var scripts = Workflow.RunSteps("diff").Concat(Workflow.RunSteps("deploy")).Append(ReadmeBlocks.After(ReadmeBlocks.DeployRecipe));
        foreach (var script in scripts)
        {
            var check = ProcessRunner.Run("bash", Path.GetTempPath(), null, "-n", "-c", script);
            Assert.That(check.ExitCode, Is.Zero, $"{script}\n{check}");
        }
    }
}
