using Copilot.Packaging.Jobs;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.Commands;

/// <summary>
/// <c>-n/--name</c>, <c>-e/--env</c> and <c>-a/--app</c> of the commands that act on one job in one environment
/// (<c>package</c>, <c>deploy</c>): a name not given is chosen from what the core lists, asking on a terminal.
/// </summary>
internal sealed record JobChoice(CommandOption Name, CommandOption Environment, CommandOption Application)
{
    /// <summary>Adds the three flags to <paramref name="command"/>.</summary>
    public static JobChoice AddTo(CommandLineApplication command) => new(
        command.Option("-n|--name <JOB>", "Name of the job.", CommandOptionType.SingleValue),
        command.Option("-e|--env <ENV>", "Name of the environment.", CommandOptionType.SingleValue),
        command.Option("-a|--app <APP>", "Name of the application (default: the one in copilot/.workspace).", CommandOptionType.SingleValue));

    /// <summary>The job and the environment: as named, else the only one, else asked for.</summary>
    public async Task<(string Job, string Environment)> SelectAsync(CommandRunner runner, CopilotJobServices services, ConsoleReporter reporter)
    {
        var selector = new NameSelector(new TerminalChoicePrompt(runner.Console), reporter);
        var catalog = services.Catalog();
        var workingDirectory = runner.Console.WorkingDirectory;
        var job = Name.Value() ?? await selector.SelectAsync(
            "job", "-n/--name", "Which job would you like to generate a CloudFormation template for?",
            catalog.ListJobs(workingDirectory, Application.Value()), runner.CancellationToken);
        var environment = Environment.Value() ?? await selector.SelectAsync(
            "environment", "-e/--env", "Which environment would you like to package this stack for?",
            await catalog.ListEnvironmentsAsync(workingDirectory, Application.Value(), runner.CancellationToken), runner.CancellationToken);
        return (job, environment);
    }
}
