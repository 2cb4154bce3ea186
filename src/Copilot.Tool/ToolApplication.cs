using Copilot.Tool.Commands;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool;

/// <summary>Builds the command tree and runs it; the only place that turns failures into exit codes.</summary>
internal static class ToolApplication
{
    public static int Run(string[] args, ToolConsole console, CancellationToken cancellationToken)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var app = Build(new CommandRunner(console, cancellation.Token));

        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        System.Console.CancelKeyPress += onCancel;
        try
        {
            return app.Execute(args);
        }
        catch (CommandParsingException ex)
        {
            console.Error.WriteLine($"✘ {ex.Message}");
            console.Error.WriteLine("Run 'dotnet copilot-job package --help' for the flags.");
            return ExitCodes.UserError;
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The command tree: the root with <c>--version</c>, and one subcommand per command class.</summary>
    public static CommandLineApplication Build(CommandRunner runner)
    {
        var app = new CommandLineApplication(throwOnUnexpectedArg: true)
        {
            Name = "dotnet copilot-job",
            Description = "Package AWS Copilot Scheduled Jobs into CloudFormation, with or without an AWS account.",
            Out = runner.Console.Out,
            Error = runner.Console.Error,
            MakeSuggestionsInErrorMessage = true,
        };
        app.HelpOption("-h|--help");
        app.VersionOption("--version", () => ToolVersion.Text, () => ToolVersion.Text);
        app.LongVersionGetter = () => ToolVersion.Text;
        app.OnExecute(() =>
        {
            app.ShowHelp();
            return ExitCodes.Success;
        });

        PackageCommand.Register(app, runner);
        RecordsExportCommand.Register(app, runner);
        return app;
    }
}
