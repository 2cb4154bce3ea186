using Copilot.Packaging.Jobs;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.Commands;

/// <summary>
/// <c>-n/--name</c>, <c>-e/--env</c> and <c>-a/--app</c> of the commands that act on one job in one environment
/// (<c>package</c>, <c>deploy</c>): a name not given is chosen from what the core lists, asking on a terminal.
/// </summary>
internal sealed record JobChoice(CommandOption Name, CommandOption Environment, CommandOption Application)
{
    /// <summary>Adds the three flags to <paramref name="command"/>; <c>-n</c> and <c>-e</c> may repeat when <paramref name="repeatable"/>.</summary>
    public static JobChoice AddTo(CommandLineApplication command, bool repeatable = false) => new(
        command.Option("-n|--name <JOB>", repeatable ? "Name of the job. Repeat it to package several jobs." : "Name of the job.", repeatable ? CommandOptionType.MultipleValue : CommandOptionType.SingleValue),
        command.Option("-e|--env <ENV>", repeatable ? "Name of the environment. Repeat it to package for several environments." : "Name of the environment.", repeatable ? CommandOptionType.MultipleValue : CommandOptionType.SingleValue),
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

    /// <summary>
    /// The jobs and environments of a run over several (<c>package</c>): as named; with <paramref name="all"/> a list
    /// not given stays empty (every one); without it, a name not given is chosen as for one job in one environment.
    /// </summary>
    public async Task<(List<string> Jobs, List<string> Environments)> SelectSeveralAsync(CommandRunner runner, CopilotJobServices services, ConsoleReporter reporter, bool all)
    {
        var jobs = Name.Values.OfType<string>().ToList();
        var environments = Environment.Values.OfType<string>().ToList();
        if (!all && (jobs.Count == 0 || environments.Count == 0))
        {
            var selector = new NameSelector(new TerminalChoicePrompt(runner.Console), reporter);
            var catalog = services.Catalog();
            var workingDirectory = runner.Console.WorkingDirectory;
            if (jobs.Count == 0)
            {
                jobs.Add(await selector.SelectAsync(
                    "job", "-n/--name", "Which job would you like to generate a CloudFormation template for?",
                    catalog.ListJobs(workingDirectory, Application.Value()), runner.CancellationToken));
            }

            if (environments.Count == 0)
            {
                environments.Add(await selector.SelectAsync(
                    "environment", "-e/--env", "Which environment would you like to package this stack for?",
                    await catalog.ListEnvironmentsAsync(workingDirectory, Application.Value(), runner.CancellationToken), runner.CancellationToken));
            }
        }

        return (jobs, environments);
    }
}
