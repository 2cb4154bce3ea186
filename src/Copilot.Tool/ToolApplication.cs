using Copilot.Tool.CommandLine;
using Copilot.Tool.Commands;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool;

/// <summary>Builds the command tree and runs it; the only place that turns failures into exit codes.</summary>
internal static class ToolApplication
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Streams, working directory and environment variables.</param>
    /// <param name="cancellationToken">Cancels the run (signals cancel it too).</param>
    /// <param name="fileSystem">The file system; the real one unless a test gives its own.</param>
    public static int Run(string[] args, ToolConsole console, CancellationToken cancellationToken, System.IO.Abstractions.IFileSystem? fileSystem = null)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = new SignalCancellation(cancellation);
        using var app = Build(new CommandRunner(console, cancellation.Token, () => signals.ExitCode, fileSystem));
        try
        {
            return Execute(app, args);
        }
        catch (CommandParsingException ex)
        {
            // Stderr only, naming the command that was used, the closest option or command, and its help.
            foreach (var line in CommandLineError.Explain(app, args, ex).Lines())
            {
                console.Error.WriteLine(line);
            }

            return ExitCodes.UserError;
        }
    }

    /// <summary>
    /// McMaster's <c>Execute</c> without its validation step: parse, show help or the version when asked, else run the
    /// selected command. The tool registers no validators (a test walks the tree to keep it so), and the validation
    /// step is the one part of McMaster that a Native AOT build cannot analyse (it builds DataAnnotations contexts,
    /// which need reflection); leaving it unreachable keeps the native build free of trim warnings.
    /// </summary>
    internal static int Execute(CommandLineApplication app, string[] args)
    {
        var selected = app.Parse(args).SelectedCommand;
        return selected.IsShowingInformation ? ExitCodes.Success : selected.Invoke();
    }

    /// <summary>The command tree: the root with <c>--version</c>, and one subcommand per command class.</summary>
    public static CommandLineApplication Build(CommandRunner runner)
    {
        var app = ToolCommand.Root("dotnet copilot-job", runner.Console);
        app.Description = "Package AWS Copilot Scheduled Jobs into CloudFormation, with or without an AWS account.";
        app.HelpOption("-h|--help");
        app.VersionOption("--version", () => ToolVersion.Text, () => ToolVersion.Text);
        app.LongVersionGetter = () => ToolVersion.Text;
        app.OnExecute(() =>
        {
            app.ShowHelp();
            return ExitCodes.Success;
        });

        PackageCommand.Register(app, runner);
        DeployCommand.Register(app, runner);
        RecordsExportCommand.Register(app, runner);
        return app;
    }
}
