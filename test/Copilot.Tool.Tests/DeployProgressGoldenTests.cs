using Copilot.Packaging.Deploy;
using Copilot.Testing;

namespace Copilot.Tool.Tests;

/// <summary>
/// The deploy progress forms rendered from one scripted failing update on a fixed clock, compared byte for byte with
/// golden files in <c>test/Copilot.Tool.Tests/Golden</c> (re-bless with <c>COPILOT_JOB_BLESS=1</c>): the live terminal
/// view with colour, the same without colour (<c>NO_COLOR</c>), and the plain timestamped lines for CI.
/// </summary>
[TestFixture]
public sealed class DeployProgressGoldenTests
{
    private const string Stack = "my-app-test-report-generator";
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);

    [TestCase("deploy-progress.terminal.txt", true, true)]
    [TestCase("deploy-progress.terminal-no-color.txt", true, false)]
    [TestCase("deploy-progress.plain.txt", false, false)]
    public void Renders_a_scripted_failing_update_like_the_golden_file(string golden, bool terminal, bool color)
    {
        using var output = new StringWriter { NewLine = "\n" };
        IDeployProgress progress = terminal ? new TerminalDeployProgress(output, color) : new PlainDeployProgress(output);

        Script(progress);

        var path = Path.Combine(RepositoryPaths.Root, "test", "Copilot.Tool.Tests", "Golden", golden);
        if (Environment.GetEnvironmentVariable("COPILOT_JOB_BLESS") == "1")
        {
            File.WriteAllText(path, output.ToString());
        }

        Assert.That(output.ToString(), Is.EqualTo(File.ReadAllText(path)));
    }

    [Test]
    public void The_terminal_view_redraws_in_place_and_leaves_the_last_frame_with_the_cursor_shown()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var progress = new TerminalDeployProgress(output, color: false);

        Script(progress);

        var text = output.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("\u001b[?25l"), "the cursor is hidden while the view is live");
            Assert.That(text, Does.EndWith("\u001b[?25h"), "and shown again at the end");
            Assert.That(text, Does.Contain("\u001b[3F\u001b[J"), "each frame replaces the previous one (3 lines before the first event)");
        }
    }

    // Update of a job stack: the task definition fails, the log group's update is cancelled, the stack rolls back.
    private static void Script(IDeployProgress progress)
    {
        var rows = new DeployRows(
            $"Updating the infrastructure for stack {Stack}",
            Stack,
            [new("Modify", "LogGroup", "AWS::Logs::LogGroup"), new("Modify", "TaskDefinition", "AWS::ECS::TaskDefinition"), new("Modify", "RuleRole", "AWS::IAM::Role")],
            new Dictionary<string, string>
            {
                ["LogGroup"] = "A CloudWatch log group to hold your job logs",
                ["TaskDefinition"] = "An ECS task definition to run your container on ECS",
            });
        progress.Started(rows.Snapshot(T0));
        Step(progress, rows, 2, Event(Stack, "UPDATE_IN_PROGRESS", 1, "User Initiated"), Event("LogGroup", "UPDATE_IN_PROGRESS", 2));
        progress.Tick(rows.Snapshot(T0.AddSeconds(4)));
        Step(progress, rows, 6, Event("TaskDefinition", "UPDATE_IN_PROGRESS", 5), Event("LogGroup", "UPDATE_COMPLETE", 6));
        Step(
            progress,
            rows,
            9,
            Event("TaskDefinition", "UPDATE_FAILED", 8, "Resource handler returned message: \"Invalid request provided: Create TaskDefinition: No Fargate configuration exists for given values: 512 CPU, 16384 memory.\" (RequestToken: 0c6b, HandlerErrorCode: InvalidRequest)"),
            Event(Stack, "UPDATE_ROLLBACK_IN_PROGRESS", 9, "The following resource(s) failed to update: [TaskDefinition]."));
        Step(progress, rows, 11, Event("LogGroup", "UPDATE_IN_PROGRESS", 10), Event("TaskDefinition", "UPDATE_IN_PROGRESS", 11));
        Step(progress, rows, 15, Event("LogGroup", "UPDATE_COMPLETE", 12), Event("TaskDefinition", "UPDATE_COMPLETE", 13), Event(Stack, "UPDATE_ROLLBACK_COMPLETE", 15));
        progress.Finished(rows.Snapshot(T0.AddSeconds(15)));
    }

    private static void Step(IDeployProgress progress, DeployRows rows, int second, params StackEvent[] events)
    {
        var changed = rows.Apply(events);
        progress.Changed(rows.Snapshot(T0.AddSeconds(second)), changed);
    }

    private static StackEvent Event(string logicalId, string status, int second, string? reason = null) =>
        new($"{logicalId}-{status}-{second}", logicalId, logicalId, logicalId == Stack ? "AWS::CloudFormation::Stack" : "AWS::Logs::LogGroup", T0.AddSeconds(second), status, reason);
}
