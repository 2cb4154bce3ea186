using Copilot.Packaging.Records.Export;
using Copilot.Tool.CommandLine;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.Commands;

/// <summary><c>records export</c>: writes <c>copilot/.records.yml</c> from AWS (SSM and the stacks) for offline packaging.</summary>
internal static class RecordsExportCommand
{
    public static void Register(CommandLineApplication parent, CommandRunner runner)
    {
        ToolCommand.Add(parent, "records", records =>
        {
            records.Description = "Work with copilot/.records.yml, the records packaging reads instead of AWS.";
            records.Out = parent.Out;
            records.Error = parent.Error;
            records.HelpOption("-h|--help");
            records.OnExecute(() =>
            {
                records.ShowHelp();
                return ExitCodes.Success;
            });
            ToolCommand.Add(records, "export", command =>
            {
                command.Description = "Write or update copilot/.records.yml with an environment's records read from AWS (other environments in the file are kept).";
                command.ExtendedHelpText = """

                    Examples:
                      Export environment "test" so that later packaging needs no AWS access.
                      $ dotnet copilot-job records export -e test
                    """;
                var verbose = CommandDefaults.Apply(command, parent);
                var env = command.Option("-e|--env <ENV>", "Name of the environment.", CommandOptionType.SingleValue);
                var app = command.Option("-a|--app <APP>", "Name of the application (default: the one in copilot/.workspace).", CommandOptionType.SingleValue);
                var aws = AwsFlags.AddTo(command, "read records");

                command.OnExecute(() => runner.Run(verbose.HasValue(), async reporter =>
                {
                    using var services = JobServices.For(runner, reporter, aws);
                    var workingDirectory = runner.Console.WorkingDirectory;
                    var environment = env.Value() ?? await new NameSelector(new TerminalChoicePrompt(runner.Console), reporter).SelectAsync(
                        "environment", "-e/--env", "Which environment's records would you like to export?",
                        await services.Catalog().ListAwsEnvironmentsAsync(workingDirectory, app.Value(), runner.CancellationToken), runner.CancellationToken);
                    var result = await services.ExportRecordsAsync(
                        new RecordsExportRequest { WorkingDirectory = workingDirectory, EnvironmentName = environment, ApplicationName = app.Value() },
                        runner.CancellationToken);
                    reporter.Info(result.Unchanged
                        ? $"{result.DisplayPath} already held environment {result.EnvironmentName} of application {result.ApplicationName} and its resources in {result.Region} as AWS has them: left unchanged."
                        : $"{(result.Created ? "Wrote" : "Updated")} {result.DisplayPath}: environment {result.EnvironmentName} of application {result.ApplicationName} and its resources in {result.Region}.");
                    return ExitCodes.Success;
                }));
            });
        });
    }
}
